"""What training offers the rest of the application: its rules for views, CLI and jobs, and reads for others.

The rules live by subject (catalogue, sessions, invitations, enrolment, attendance, check-in); this module
names them in one place, so another domain reads training through `ethics_hr.training.services` only.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from ethics_hr.extensions import db
from ethics_hr.training.catalogue import (
    attendance_statuses,
    courses,
    save_course,
    save_status,
    save_topic,
    topics,
)
from ethics_hr.training.invitations import InviteResult, invitable_categories, invitable_departments, invite
from ethics_hr.training.models import (
    Attendance,
    AttendanceStatus,
    Course,
    SessionStatus,
    TrainingSession,
    current_attendance_ids,
)
from ethics_hr.training.sessions import (
    MAX_REPEATS,
    SessionInput,
    cancel_session,
    complete_session,
    create_sessions,
    fy_bounds,
    registration_counts,
    registration_of,
    roster_query,
    sessions_query,
    update_session,
)

__all__ = [
    "MAX_REPEATS",
    "InviteResult",
    "SessionInput",
    "attendance_statuses",
    "cancel_session",
    "change_mark",
    "complete_session",
    "completed_sessions",
    "courses",
    "create_sessions",
    "credited_attendance",
    "current_attendance_ids",
    "fy_bounds",
    "invitable_categories",
    "invitable_departments",
    "invite",
    "registration_counts",
    "registration_of",
    "roster_query",
    "save_course",
    "save_status",
    "save_topic",
    "session_by_id",
    "sessions_among",
    "sessions_of_fiscal_year",
    "sessions_query",
    "topics",
    "update_session",
]


def session_by_id(session_id: int) -> TrainingSession | None:
    """The session with this id, or None."""
    return db.session.get(TrainingSession, session_id)


def sessions_of_fiscal_year(
    fy: int, *, excluding: sa.Select | None = None, limit: int | None = None
) -> list[TrainingSession]:
    """The sessions that start in a fiscal year, earliest first, without those whose ids `excluding` lists."""
    start, end = fy_bounds(fy)
    query = (
        db.select(TrainingSession)
        .where(TrainingSession.starts_at >= start, TrainingSession.starts_at < end)
        .order_by(TrainingSession.starts_at)
    )
    if excluding is not None:
        query = query.where(TrainingSession.id.not_in(excluding))
    if limit is not None:
        query = query.limit(limit)
    return list(db.session.scalars(query))


def sessions_among(session_ids: sa.Select) -> list[TrainingSession]:
    """The sessions whose ids a subquery lists, earliest first."""
    return list(
        db.session.scalars(
            db.select(TrainingSession)
            .where(TrainingSession.id.in_(session_ids))
            .order_by(TrainingSession.starts_at)
        )
    )


def change_mark() -> tuple[sa.ScalarSelect, ...]:
    """Scalar subqueries that change whenever attendance, a session or a course changes.

    Attendance only grows (append-only), so its largest id is enough to see a new entry.
    """
    return (
        db.select(sa.func.max(Attendance.id)).scalar_subquery(),
        db.select(sa.func.max(TrainingSession.updated_at)).scalar_subquery(),
        db.select(sa.func.count(TrainingSession.id)).scalar_subquery(),
        db.select(sa.func.max(Course.updated_at)).scalar_subquery(),
    )


def _held_between(start: datetime, end: datetime) -> sa.ColumnElement[bool]:
    return sa.and_(
        TrainingSession.starts_at >= start,
        TrainingSession.starts_at < end,
        TrainingSession.status != SessionStatus.CANCELLED,
    )


def credited_attendance(session_ids: sa.Select, *, start: datetime, end: datetime) -> sa.Subquery:
    """(session_id, person_id, hours) of each current attendance that earns hours, on the given sessions
    that start in [start, end) and are not cancelled."""
    latest = current_attendance_ids(session_ids=session_ids)
    return (
        db.select(
            Attendance.session_id.label("session_id"),
            Attendance.person_id.label("person_id"),
            (AttendanceStatus.hours_factor * TrainingSession.credited_hours).label("hours"),
        )
        .join(latest, latest.c.id == Attendance.id)
        .join(AttendanceStatus, AttendanceStatus.id == Attendance.status_id)
        .join(TrainingSession, TrainingSession.id == Attendance.session_id)
        .join(Course, Course.id == TrainingSession.course_id)
        .where(_held_between(start, end), AttendanceStatus.hours_factor > 0)
        .subquery("credited_attendance")
    )


def completed_sessions(session_ids: sa.Select, *, start: datetime, end: datetime) -> sa.Subquery:
    """(session_id) of the given sessions completed, that started in [start, end)."""
    return (
        db.select(TrainingSession.id.label("session_id"))
        .where(
            TrainingSession.id.in_(session_ids),
            _held_between(start, end),
            TrainingSession.status == SessionStatus.COMPLETED,
        )
        .subquery("completed_sessions")
    )
