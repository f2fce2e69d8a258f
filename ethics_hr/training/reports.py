"""The officer's hours report per department and staff category, a person's own record, exports."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import pgettext

from ethics_hr.core.settings import get_settings
from ethics_hr.extensions import db
from ethics_hr.people.models import Department, Person, StaffCategory
from ethics_hr.training import hours
from ethics_hr.training.models import (
    Attendance,
    AttendanceStatus,
    Course,
    PersonHours,
    Registration,
    SessionStatus,
    TrainingSession,
    current_attendance_ids,
)

MET = "met"
NOT_MET = "not_met"


@dataclass
class Hours:
    all: float = 0.0
    ethics: float = 0.0


def hours_for(fy: int, person_ids: list[int]) -> dict[int, Hours]:
    """Return the hours of each given person in a fiscal year, computed now from attendance (zero if none)."""
    result = {pid: Hours() for pid in person_ids}
    if not person_ids:
        return result
    rows = db.session.execute(hours.credited(fiscal_years=[fy], person_ids=person_ids))
    for pid, _fy, all_hours, ethics in rows:
        result[pid] = Hours(float(all_hours or 0), float(ethics or 0))
    return result


def _kept(fy: int):
    """The kept totals of a fiscal year, to outer-join people to."""
    return sa.and_(PersonHours.person_id == Person.id, PersonHours.fiscal_year == fy)


def required_hours() -> float:
    return float(get_settings().ethics_hours_required)


def people_query(
    fy: int, *, department_id: int | None = None, category_id: int | None = None, met: str = ""
) -> sa.Select:
    """Build the hours report's list of active people, by department and name, filtered by met or not met."""
    ethics = sa.func.coalesce(PersonHours.ethics_hours, 0.0)
    query = (
        db.select(Person)
        .outerjoin(PersonHours, _kept(fy))
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
    group: Department | StaffCategory | None  # None: people without a department
    people: int
    met: int
    ethics_hours: float

    @property
    def not_met(self) -> int:
        return self.people - self.met

    @property
    def share_met(self) -> float:
        return self.met / self.people if self.people else 0.0


def summary(
    fy: int, *, by: str, department_id: int | None = None, category_id: int | None = None
) -> list[SummaryRow]:
    """Count active people who met the requirement and who did not, per department or per staff category.

    With a department (or category) chosen, only its people are counted, so the work follows the size of the
    department, not of the organisation.
    """
    ethics = sa.func.coalesce(PersonHours.ethics_hours, 0.0)
    key = Person.department_id if by == "department" else Person.staff_category_id
    query = (
        sa.select(
            key,
            sa.func.count(Person.id),
            sa.func.sum(sa.case((ethics >= required_hours(), 1), else_=0)),
            sa.func.sum(ethics),
        )
        .outerjoin(PersonHours, _kept(fy))
        .where(Person.active)
        .group_by(key)
    )
    if department_id:
        query = query.where(Person.department_id == department_id)
    if category_id:
        query = query.where(Person.staff_category_id == category_id)
    rows = db.session.execute(query).all()
    model = Department if by == "department" else StaffCategory
    ids = [k for k, *_ in rows if k is not None]
    groups = {g.id: g for g in db.session.scalars(sa.select(model).where(model.id.in_(ids)))} if ids else {}
    result = [SummaryRow(groups.get(k), int(n), int(m or 0), float(h or 0)) for k, n, m, h in rows]
    if by == "department":
        result.sort(key=lambda r: (r.group is None, r.group.code if r.group else ""))
    else:
        result.sort(key=lambda r: r.group.sort_order if r.group else 0)
    return result


@dataclass
class RecordLine:
    session: TrainingSession
    registration_state: str | None
    status: AttendanceStatus | None
    hours: float


def person_record(person_id: int, fy: int) -> list[RecordLine]:
    """Return a person's sessions of a fiscal year with their current attendance and the hours credited."""
    latest = current_attendance_ids(person_ids=[person_id])
    current = (
        sa.select(Attendance.session_id, Attendance.status_id)
        .join(latest, latest.c.id == Attendance.id)
        .subquery("cur")
    )
    credited = sa.case(
        (TrainingSession.status == SessionStatus.CANCELLED, 0.0),
        else_=sa.func.coalesce(AttendanceStatus.hours_factor, 0.0) * TrainingSession.credited_hours,
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
            TrainingSession.fiscal_year == fy,
        )
        .options(sa.orm.contains_eager(TrainingSession.course))
        .order_by(TrainingSession.starts_at, TrainingSession.id)
    ).all()
    return [RecordLine(s, state, status, float(h or 0)) for s, state, status, h in rows]


# ---------------------------------------------------------------- exports

EXPORT_WIDTHS = (14, 28, 28, 24, 18, 12, 12, 12, 12)


def export_header() -> list[str]:
    """The hours report's column headers in the reader's language."""
    return [
        _("Employee number"),
        pgettext("full name", "Name"),
        _("Position"),
        _("Department"),
        _("Staff category"),
        _("Ethics hours"),
        _("All hours"),
        _("Hours required"),
        _("Met"),
    ]


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
                _("yes") if h.ethics >= required else _("no"),
            ]
        )
    return rows


def _all_hours(fy: int) -> dict[int, Hours]:
    rows = db.session.execute(
        sa.select(PersonHours.person_id, PersonHours.all_hours, PersonHours.ethics_hours).where(
            PersonHours.fiscal_year == fy
        )
    )
    return {pid: Hours(float(a or 0), float(e or 0)) for pid, a, e in rows}
