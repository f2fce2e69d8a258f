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
    PersonHours,
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


def _held(fy: int) -> sa.Select:
    """The sessions with ethics content held in a fiscal year: not cancelled and already started."""
    return (
        sessions_query(fy=fy)
        .join(Course, Course.id == TrainingSession.course_id)
        .where(
            Course.is_ethics,
            TrainingSession.status != SessionStatus.CANCELLED,
            TrainingSession.starts_at <= utc_now(),
        )
        .order_by(None)
    )


def ethics_sessions_held(fy: int) -> EthicsSessionsHeld:
    """The sessions with ethics content held in a fiscal year, with their participants.

    Held: not cancelled and already started. Participants: people whose current attendance earns hours.
    Two grouped queries, however many sessions there are.
    """
    held = _held(fy).order_by(TrainingSession.starts_at, TrainingSession.id)
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
    result.people_trained = people_credited_ethics_hours(fy)
    return result


def people_credited_ethics_hours(fy: int) -> int:
    """How many people are credited ethics hours in a fiscal year: a count of the hours kept per person
    (training.hours), one index range whatever the year's attendance."""
    return int(
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(PersonHours)
            .where(PersonHours.fiscal_year == fy, PersonHours.ethics_hours > 0)
        )
        or 0
    )


def ethics_training_counts(fy: int) -> tuple[int, int]:
    """How many sessions with ethics content were held in a fiscal year, and how many people were trained
    (credited ethics hours): two counts, for the ITA page, which shows no list."""
    held = sa.select(sa.func.count()).select_from(_held(fy).subquery())
    return int(db.session.scalar(held) or 0), people_credited_ethics_hours(fy)
