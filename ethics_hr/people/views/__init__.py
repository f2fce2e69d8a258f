"""The people screens (blueprint "people") and logging in and passwords (blueprint "auth")."""

from __future__ import annotations

# The routes register themselves on bp (and on the auth blueprint) when their modules are imported.
from ethics_hr.people.views import accounts, auth, departments, imports, people  # noqa: F401
from ethics_hr.people.views.common import bp, set_person_sections

# Kept only while codes and reports still append to it at import time; nothing reads it any more (the
# factory gives the person page its sections through set_person_sections). Delete once they stop.
PERSON_SECTION_PROVIDERS: list = []

__all__ = ["PERSON_SECTION_PROVIDERS", "bp", "set_person_sections"]
