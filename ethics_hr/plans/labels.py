"""Labels of plan and item statuses, in the reader's language."""

from __future__ import annotations

from flask_babel import gettext as _

from ethics_hr.plans.models import ItemStatus, Period, PlanStatus


def status_labels() -> dict[str, str]:
    """The label of every plan status and item status (their values do not overlap)."""
    return {
        ItemStatus.NOT_STARTED: _("Not started"),
        ItemStatus.IN_PROGRESS: _("In progress"),
        ItemStatus.DONE: _("Done"),
        ItemStatus.CANCELLED: _("Cancelled"),
        PlanStatus.DRAFT: _("Draft"),
        PlanStatus.APPROVED: _("Approved"),
        PlanStatus.SUPERSEDED: _("Superseded"),
    }


def period_labels() -> dict[str, str]:
    """The parts of a fiscal year plan against actual can cover."""
    return {Period.FIRST_HALF: _("First six months"), Period.WHOLE_YEAR: _("Whole year")}
