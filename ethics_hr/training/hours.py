"""Hours credited per person and fiscal year, computed in SQL from the current attendance.

Credited = the status's hours factor x the session's hours (the course's default unless the session sets its
own), from the latest entry of each (session, person), for sessions not cancelled. The totals are kept in
training_person_hours for the organisation-wide report; each write that changes them refreshes the people it
touched in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from ethics_hr.core.db import dialect
from ethics_hr.extensions import db
from ethics_hr.people.models import Person
from ethics_hr.training.models import (
    Attendance,
    AttendanceStatus,
    Course,
    PersonHours,
    SessionStatus,
    TrainingSession,
    current_attendance_ids,
)


def credited(
    *, fiscal_years: Iterable[int] | None = None, person_ids: Iterable[int] | None = None
) -> sa.Select:
    """Build (person_id, fiscal_year, all_hours, ethics_hours) from current attendance, grouped in SQL."""
    sessions = sa.select(TrainingSession.id).where(TrainingSession.status != SessionStatus.CANCELLED)
    if fiscal_years is not None:
        sessions = sessions.where(TrainingSession.fiscal_year.in_(list(fiscal_years)))
    latest = current_attendance_ids(session_ids=sessions, person_ids=person_ids)
    hours = AttendanceStatus.hours_factor * TrainingSession.credited_hours
    return (
        sa.select(
            Attendance.person_id.label("person_id"),
            TrainingSession.fiscal_year.label("fiscal_year"),
            sa.func.sum(hours).label("all_hours"),
            sa.func.sum(sa.case((Course.is_ethics, hours), else_=0.0)).label("ethics_hours"),
        )
        .join(latest, latest.c.id == Attendance.id)
        .join(AttendanceStatus, AttendanceStatus.id == Attendance.status_id)
        .join(TrainingSession, TrainingSession.id == Attendance.session_id)
        .join(Course, Course.id == TrainingSession.course_id)
        .group_by(Attendance.person_id, TrainingSession.fiscal_year)
    )


def refresh(person_ids: Iterable[int], fiscal_years: Iterable[int]) -> None:
    """Recompute the kept totals of some people in some fiscal years (inside the caller's transaction)."""
    people = sorted(set(person_ids))
    years = sorted(set(fiscal_years))
    if not people or not years:
        return
    if dialect() == "postgresql":
        # Two writes for the same person (two sessions at once) take turns, so the second sees the first.
        db.session.execute(
            sa.select(Person.id)
            .where(Person.id.in_(people))
            .order_by(Person.id)
            .with_for_update(key_share=True)
        )
    table = PersonHours.__table__
    db.session.execute(sa.delete(table).where(table.c.person_id.in_(people), table.c.fiscal_year.in_(years)))
    source = credited(fiscal_years=years, person_ids=people)
    db.session.execute(
        sa.insert(table).from_select(["person_id", "fiscal_year", "all_hours", "ethics_hours"], source)
    )


def refresh_session(session_id: int, fiscal_years: Iterable[int]) -> None:
    """Recompute the totals of everyone with attendance on a session (its hours, course or status changed)."""
    people = db.session.scalars(
        sa.select(Attendance.person_id).where(Attendance.session_id == session_id).distinct()
    ).all()
    refresh(people, fiscal_years)


def rebuild_all() -> int:
    """Recompute every kept total from the attendance (after a change to a status's factor, bulk loads)."""
    table = PersonHours.__table__
    db.session.execute(sa.delete(table))
    db.session.execute(
        sa.insert(table).from_select(["person_id", "fiscal_year", "all_hours", "ethics_hours"], credited())
    )
    return db.session.scalar(sa.select(sa.func.count()).select_from(table)) or 0
