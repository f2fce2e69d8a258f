"""Reference data of every domain: inserted when missing, never overwriting what an officer changed."""

from __future__ import annotations

from ethics_hr.conflicts.reference import ensure_reference_data as conflicts_reference
from ethics_hr.core.settings import get_settings
from ethics_hr.gifts.reference import ensure_reference_data as gifts_reference
from ethics_hr.people.reference import ensure_reference_data as people_reference
from ethics_hr.plans.reference import ensure_reference_data as plans_reference
from ethics_hr.questions.reference import ensure_reference_data as questions_reference
from ethics_hr.reports.ita import ensure_reference_data as ita_reference
from ethics_hr.training.reference import ensure_reference_data as training_reference


def ensure_all_reference_data() -> None:
    """Insert each domain's missing reference rows (staff categories, topics, statuses...)."""
    get_settings()  # the organisation's settings row exists from the start, never created mid-request
    for ensure in (
        people_reference,
        training_reference,
        plans_reference,
        questions_reference,
        gifts_reference,
        conflicts_reference,
        ita_reference,
    ):
        ensure()
