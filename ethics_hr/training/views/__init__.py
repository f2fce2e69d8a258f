"""The training screens: one blueprint, its views split by subject."""

from __future__ import annotations

from ethics_hr.training.views import assessment, attendance, courses, me, reports, sessions  # noqa: F401
from ethics_hr.training.views.common import bp

__all__ = ["bp"]
