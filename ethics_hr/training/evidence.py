"""What the reports and the public evidence pages read of training: the ethics sessions held in a year."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa

from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.training.models import (
    Attendance,
    AttendanceStatus,
    Course,
    SessionStatus,
    TrainingSession,
    current_attendance_ids,
)
from ethics_hr.training.services import sessions_query


@dataclass
class EthicsSessionsHeld:
    sessions: list[TrainingSession] = field(default_factory=list)
    participants: dict[int, int] = field(default_factory=dict)  # session id -> people credited
    people_trained: int = 0  # distinct people credited with ethics hours in the year


def session_hours(s: TrainingSession) -> float:
    """The hours a session gives (TrainingSession.credited_hours: its own, else its course's default)."""
    return float(s.credited_hours or 0)


def is_cancelled(s: TrainingSession) -> bool:
    return s.is_cancelled


def ethics_sessions_held(fy: int) -> EthicsSessionsHeld:
    """The sessions with ethics content held in a fiscal year, with their participants.

    Held: not cancelled and already started. Participants: people whose current attendance earns hours.
    Two grouped queries, however many sessions there are.
    """
    held = (
        sessions_query(fy=fy)
        .join(Course, Course.id == TrainingSession.course_id)
        .where(
            Course.is_ethics,
            TrainingSession.status != SessionStatus.CANCELLED,
            TrainingSession.starts_at <= utc_now(),
        )
        .order_by(None)
        .order_by(TrainingSession.starts_at, TrainingSession.id)
    )
    result = EthicsSessionsHeld(sessions=list(db.session.scalars(held).unique()))
    if not result.sessions:
        return result
    current = current_attendance_ids(session_ids=[s.id for s in result.sessions])
    present = (
        sa.select(Attendance.session_id, Attendance.person_id)
        .join(current, current.c.id == Attendance.id)
        .join(AttendanceStatus, AttendanceStatus.id == Attendance.status_id)
        .where(AttendanceStatus.hours_factor > 0)
        .subquery("present")
    )
    result.participants = dict(
        db.session.execute(
            sa.select(present.c.session_id, sa.func.count()).group_by(present.c.session_id)
        ).all()
    )
    result.people_trained = int(
        db.session.scalar(sa.select(sa.func.count(sa.distinct(present.c.person_id)))) or 0
    )
    return result
