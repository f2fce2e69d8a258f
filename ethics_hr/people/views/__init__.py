"""The people screens (blueprint "people") and logging in and passwords (blueprint "auth")."""

from __future__ import annotations

# The routes register themselves on bp (and on the auth blueprint) when their modules are imported.
from ethics_hr.people.views import accounts, auth, departments, imports, people, twofactor  # noqa: F401
from ethics_hr.people.views.common import bp, set_person_sections

__all__ = ["bp", "set_person_sections"]
