"""Sessions to link to an item, and the plan-against-actual spreadsheet."""

from __future__ import annotations

import io

from flask_babel import force_locale
from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from ethics_hr.core.formatting import format_date, format_fiscal_year
from ethics_hr.core.timeutil import fiscal_year_range, local_bounds_utc
from ethics_hr.extensions import db
from ethics_hr.plans.actuals import FIRST_HALF, PlanReport
from ethics_hr.plans.labels import status_labels
from ethics_hr.plans.models import PlanItem, PlanItemSession


def _session_label(session, locale: str) -> str:
    title = session.course.title_en if locale == "en" and session.course.title_en else session.course.title_th
    return f"{format_date(session.starts_at, 'medium', locale=locale)} · {title}"


def linkable_sessions(item: PlanItem, locale: str = "th") -> list[tuple[object, str]]:
    """Sessions of the item's fiscal year that count toward no item yet."""
    from ethics_hr.training.models import TrainingSession

    first, last = fiscal_year_range(item.fiscal_year)
    start, end = local_bounds_utc(first, last)
    taken = db.select(PlanItemSession.session_id)
    sessions = db.session.scalars(
        db.select(TrainingSession)
        .where(
            TrainingSession.starts_at >= start,
            TrainingSession.starts_at < end,
            TrainingSession.id.not_in(taken),
        )
        .order_by(TrainingSession.starts_at)
        .limit(300)
    )
    return [(s, _session_label(s, locale)) for s in sessions]


def linked_sessions(item: PlanItem) -> list:
    from ethics_hr.training.models import TrainingSession

    return list(
        db.session.scalars(
            db.select(TrainingSession)
            .join(PlanItemSession, PlanItemSession.session_id == TrainingSession.id)
            .where(PlanItemSession.item_id == item.id)
            .order_by(TrainingSession.starts_at)
        )
    )


def report_xlsx(report: PlanReport, *, locale: str) -> bytes:
    """Write plan against actual as a spreadsheet a personnel office can file or send on."""
    wb = Workbook()
    ws = wb.active
    with force_locale(locale):
        ws.title = _("Plan against actual")[:31]
        period = _("first six months") if report.period == FIRST_HALF else _("whole year")
        ws.append([report.plan.title(locale) if report.plan else _("No plan in force")])
        ws.append(
            [
                f"{format_fiscal_year(report.fiscal_year, locale=locale)} · {period} · "
                f"{format_date(report.first_day, 'long', locale=locale)} – "
                f"{format_date(report.last_day, 'long', locale=locale)}"
            ]
        )
        ws.append([])
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
        ws.append(header)
        labels = status_labels()
        for row in report.rows:
            ws.append(
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
        ws.append(
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
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    ws.column_dimensions["A"].width = 60
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
