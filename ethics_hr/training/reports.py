"""Hours: credited per person per fiscal year in SQL, the officer's report, a person's own record, exports."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import sqlalchemy as sa
from openpyxl import Workbook

from ethics_hr.core.settings import get_settings
from ethics_hr.extensions import db
from ethics_hr.people.models import Department, Person, StaffCategory
from ethics_hr.training.models import (
    CANCELLED,
    Attendance,
    AttendanceStatus,
    Course,
    Registration,
    TrainingSession,
)
from ethics_hr.training.services import fy_bounds

MET = "met"
NOT_MET = "not_met"


def _session_hours():
    return sa.func.coalesce(TrainingSession.hours, Course.default_hours)


def credited_hours(fy: int, person_ids: list[int] | None = None) -> sa.Subquery:
    """Per person: hours credited in a fiscal year, in all and of ethics content (current attendance only).

    Credited = the status's hours factor x the session's hours, from the latest entry of each
    (session, person), for sessions that start in the fiscal year and were not cancelled.
    """
    start, end = fy_bounds(fy)
    in_year = sa.select(TrainingSession.id).where(
        TrainingSession.starts_at >= start,
        TrainingSession.starts_at < end,
        TrainingSession.status != CANCELLED,
    )
    latest = sa.select(sa.func.max(Attendance.id).label("id")).where(Attendance.session_id.in_(in_year))
    if person_ids is not None:
        latest = latest.where(Attendance.person_id.in_(person_ids))
    latest = latest.group_by(Attendance.session_id, Attendance.person_id).subquery("latest")
    credited = AttendanceStatus.hours_factor * _session_hours()
    return (
        sa.select(
            Attendance.person_id.label("person_id"),
            sa.func.sum(credited).label("all_hours"),
            sa.func.sum(sa.case((Course.is_ethics, credited), else_=0.0)).label("ethics_hours"),
        )
        .join(latest, latest.c.id == Attendance.id)
        .join(AttendanceStatus, AttendanceStatus.id == Attendance.status_id)
        .join(TrainingSession, TrainingSession.id == Attendance.session_id)
        .join(Course, Course.id == TrainingSession.course_id)
        .group_by(Attendance.person_id)
        .subquery("credited")
    )


@dataclass
class Hours:
    all: float = 0.0
    ethics: float = 0.0


def hours_for(fy: int, person_ids: list[int]) -> dict[int, Hours]:
    """Return the hours of each given person in a fiscal year (zero for those with none)."""
    result = {pid: Hours() for pid in person_ids}
    if not person_ids:
        return result
    sq = credited_hours(fy, person_ids)
    for pid, all_hours, ethics in db.session.execute(
        sa.select(sq.c.person_id, sq.c.all_hours, sq.c.ethics_hours)
    ):
        result[pid] = Hours(float(all_hours or 0), float(ethics or 0))
    return result


def required_hours() -> float:
    return float(get_settings().ethics_hours_required)


def people_query(
    fy: int, *, department_id: int | None = None, category_id: int | None = None, met: str = ""
) -> sa.Select:
    """Build the hours report's list of active people, by department and name, filtered by met or not met."""
    sq = credited_hours(fy)
    ethics = sa.func.coalesce(sq.c.ethics_hours, 0.0)
    query = (
        db.select(Person)
        .outerjoin(sq, sq.c.person_id == Person.id)
        .where(Person.active)
        .order_by(Person.department_id, Person.first_name_th, Person.last_name_th, Person.id)
    )
    if department_id:
        query = query.where(Person.department_id == department_id)
    if category_id:
        query = query.where(Person.staff_category_id == category_id)
    if met == MET:
        query = query.where(ethics >= required_hours())
    elif met == NOT_MET:
        query = query.where(ethics < required_hours())
    return query


@dataclass
class SummaryRow:
    department: Department | None
    category: StaffCategory
    people: int
    met: int
    ethics_hours: float

    @property
    def not_met(self) -> int:
        return self.people - self.met

    @property
    def share_met(self) -> float:
        return self.met / self.people if self.people else 0.0


def department_summary(fy: int) -> list[SummaryRow]:
    """Count, per department and staff category, the active people who met the requirement and who did not."""
    sq = credited_hours(fy)
    ethics = sa.func.coalesce(sq.c.ethics_hours, 0.0)
    met = sa.case((ethics >= required_hours(), 1), else_=0)
    rows = db.session.execute(
        sa.select(
            Person.department_id,
            Person.staff_category_id,
            sa.func.count(Person.id),
            sa.func.sum(met),
            sa.func.sum(ethics),
        )
        .outerjoin(sq, sq.c.person_id == Person.id)
        .where(Person.active)
        .group_by(Person.department_id, Person.staff_category_id)
    ).all()
    departments = {d.id: d for d in db.session.scalars(sa.select(Department))}
    categories = {c.id: c for c in db.session.scalars(sa.select(StaffCategory))}
    summary = [
        SummaryRow(departments.get(dep), categories[cat], int(n), int(m or 0), float(h or 0))
        for dep, cat, n, m, h in rows
    ]
    summary.sort(
        key=lambda r: (r.department is None, r.department.code if r.department else "", r.category.sort_order)
    )
    return summary


@dataclass
class RecordLine:
    session: TrainingSession
    registration_state: str | None
    status: AttendanceStatus | None
    hours: float


def person_record(person_id: int, fy: int) -> list[RecordLine]:
    """Return a person's sessions of a fiscal year with their current attendance and the hours credited."""
    start, end = fy_bounds(fy)
    latest = (
        sa.select(sa.func.max(Attendance.id).label("id"))
        .where(Attendance.person_id == person_id)
        .group_by(Attendance.session_id)
        .subquery("latest")
    )
    current = (
        sa.select(Attendance.session_id, Attendance.status_id)
        .join(latest, latest.c.id == Attendance.id)
        .subquery("cur")
    )
    credited = sa.case(
        (TrainingSession.status == CANCELLED, 0.0),
        else_=sa.func.coalesce(AttendanceStatus.hours_factor, 0.0) * _session_hours(),
    )
    rows = db.session.execute(
        sa.select(TrainingSession, Registration.state, AttendanceStatus, credited)
        .join(Course, Course.id == TrainingSession.course_id)
        .outerjoin(
            Registration,
            sa.and_(Registration.session_id == TrainingSession.id, Registration.person_id == person_id),
        )
        .outerjoin(current, current.c.session_id == TrainingSession.id)
        .outerjoin(AttendanceStatus, AttendanceStatus.id == current.c.status_id)
        .where(
            sa.or_(Registration.id.is_not(None), current.c.session_id.is_not(None)),
            TrainingSession.starts_at >= start,
            TrainingSession.starts_at < end,
        )
        .options(sa.orm.contains_eager(TrainingSession.course))
        .order_by(TrainingSession.starts_at, TrainingSession.id)
    ).all()
    return [RecordLine(s, state, status, float(h or 0)) for s, state, status, h in rows]


# ---------------------------------------------------------------- exports

EXPORT_HEADER = (
    "employee_number",
    "name",
    "position",
    "department",
    "staff_category",
    "ethics_hours",
    "all_hours",
    "required_hours",
    "met",
)


def export_rows(
    fy: int, *, department_id=None, category_id=None, met: str = "", locale: str = "th"
) -> list[list]:
    """Return every row of the hours report (no pagination) for CSV or XLSX."""
    people = db.session.scalars(
        people_query(fy, department_id=department_id, category_id=category_id, met=met)
    ).all()
    hours = _all_hours(fy)
    required = required_hours()
    rows = []
    for p in people:
        h = hours.get(p.id, Hours())
        rows.append(
            [
                p.employee_number,
                p.display_name(locale),
                p.position,
                p.department.name(locale) if p.department else "",
                p.staff_category.name(locale),
                round(h.ethics, 2),
                round(h.all, 2),
                required,
                "yes" if h.ethics >= required else "no",
            ]
        )
    return rows


def _all_hours(fy: int) -> dict[int, Hours]:
    sq = credited_hours(fy)
    return {
        pid: Hours(float(a or 0), float(e or 0))
        for pid, a, e in db.session.execute(sa.select(sq.c.person_id, sq.c.all_hours, sq.c.ethics_hours))
    }


def to_csv(rows: list[list]) -> bytes:
    """Write report rows as UTF-8 CSV with a BOM, so Excel shows Thai correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_HEADER)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(rows: list[list], *, title: str) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title[:31])
    ws.append(list(EXPORT_HEADER))
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
