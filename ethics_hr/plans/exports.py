"""Sessions to link to an item, what their tests and evaluations show, and the plan-against-actual
spreadsheet."""

from __future__ import annotations

from flask_babel import force_locale
from flask_babel import gettext as _

from ethics_hr.core.exports import xlsx_bytes
from ethics_hr.core.formatting import current_locale, format_date, format_fiscal_year
from ethics_hr.extensions import db
from ethics_hr.plans.actuals import FIRST_HALF, PlanReport
from ethics_hr.plans.labels import status_labels
from ethics_hr.plans.models import PlanItem, PlanItemSession
from ethics_hr.training import assessments as training_assessments
from ethics_hr.training import services as training


def _session_label(session, locale: str) -> str:
    return f"{format_date(session.starts_at, 'medium', locale=locale)} · {session.course.title(locale)}"


def linkable_sessions(item: PlanItem, locale: str | None = None) -> list[tuple[object, str]]:
    """Sessions of the item's fiscal year that count toward no item yet."""
    locale = locale or current_locale()
    taken = db.select(PlanItemSession.session_id)
    sessions = training.sessions_of_fiscal_year(item.fiscal_year, excluding=taken, limit=300)
    return [(s, _session_label(s, locale)) for s in sessions]


def linked_sessions(item: PlanItem) -> list:
    """The sessions counted toward an item, earliest first."""
    return training.sessions_among(
        db.select(PlanItemSession.session_id).where(PlanItemSession.item_id == item.id)
    )


def learning_of(item: PlanItem) -> training_assessments.LearningSummary:
    """What the tests and evaluations of the item's sessions show, beside its participants and hours."""
    return training_assessments.learning_summary(
        db.select(PlanItemSession.session_id).where(PlanItemSession.item_id == item.id)
    )


# Project, area, quarter, target, actual, person-hours, sessions, planned budget, spent, status (characters).
WIDTHS = (40, 24, 10, 14, 14, 14, 12, 18, 18, 16)


def report_xlsx(report: PlanReport, *, locale: str) -> bytes:
    """Write plan against actual as a spreadsheet a personnel office can file or send on."""
    rows: list[list] = []
    with force_locale(locale):
        title = _("Plan against actual")
        period = _("first six months") if report.period == FIRST_HALF else _("whole year")
        rows.append([report.plan.title(locale) if report.plan else _("No plan in force")])
        rows.append(
            [
                f"{format_fiscal_year(report.fiscal_year, locale=locale)} · {period} · "
                f"{format_date(report.first_day, 'long', locale=locale)} – "
                f"{format_date(report.last_day, 'long', locale=locale)}"
            ]
        )
        rows.append([])
        header = [
            _("Project or activity"),
            _("Area"),
            _("Quarter"),
            _("Target participants"),
            _("Actual participants"),
            _("Person-hours"),
            _("Sessions held"),
            _("Planned budget (baht)"),
            _("Budget spent (baht)"),
            _("Status"),
        ]
        rows.append(header)
        labels = status_labels()
        for row in report.rows:
            rows.append(
                [
                    row.item.name,
                    row.item.area.name(locale),
                    row.item.quarter,
                    row.item.target_participants,
                    row.participants,
                    round(row.person_hours, 2),
                    row.sessions_held,
                    float(row.planned_budget),
                    float(row.item.spent),
                    labels[row.item.status],
                ]
            )
        totals = report.totals
        rows.append(
            [
                _("Total"),
                "",
                "",
                totals["target"],
                totals["participants"],
                round(totals["person_hours"], 2),
                totals["sessions_held"],
                float(totals["planned_budget"]),
                float(totals["spent"]),
                "",
            ]
        )
    return xlsx_bytes(None, rows, title=title, widths=WIDTHS, header_row=4, bold_rows=(1, len(rows)))
