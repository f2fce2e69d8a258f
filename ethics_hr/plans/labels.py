"""Labels of plan and item statuses, in the reader's language."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import pgettext

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


def quarter_label(quarter: int) -> str:
    """A quarter of the fiscal year as the reader writes it ("ไตรมาส 1", "Q1")."""
    return pgettext("fiscal quarter, short", "Q%(q)d", q=quarter)


def target_field_labels() -> dict[str, str]:
    """The names of an item's targets, for the record of their changes."""
    return {
        "target_participants": _("Target number of participants"),
        "indicator_target": _("Numeric target of the indicator (optional)"),
        "fiscal_year": _("Planned fiscal year"),
        "quarter": _("Planned quarter"),
    }


def period_labels() -> dict[str, str]:
    """The parts of a fiscal year plan against actual can cover."""
    return {Period.FIRST_HALF: _("First six months"), Period.WHOLE_YEAR: _("Whole year")}
