"""Training's periodic jobs: remind the people holding a seat before their session (default 7 and 1 day);
after it, thank those who attended with the links to its evaluation and post-test.

It reconciles from the database: each open or planned session starting within the longest reminder window
gets the reminder due now, keyed by (kind, session, period); a moved session is reminded again for its new
day. It commits after each session, so a run that dies half way keeps what it queued and the next run
queues the rest.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa

from ethics_hr.core.db import unit_of_work
from ethics_hr.core.timeutil import to_local
from ethics_hr.extensions import db
from ethics_hr.notifications.services import due_before, kind_settings
from ethics_hr.training import notices
from ethics_hr.training.models import (
    Attendance,
    AttendanceStatus,
    Registration,
    RegistrationState,
    SessionStatus,
    TrainingSession,
    current_attendance_ids,
)


def session_reminders(now: datetime) -> int:
    """Remind the people enrolled in each coming session; return how many were newly told."""
    settings = kind_settings(notices.SESSION_REMINDER)
    if not settings.enabled or not settings.days_before:
        return 0
    horizon = now + timedelta(days=max(settings.days_before) + 1)
    sessions = db.session.scalars(
        sa.select(TrainingSession)
        .where(
            TrainingSession.status.in_((SessionStatus.OPEN, SessionStatus.PLANNED)),
            TrainingSession.starts_at > now,
            TrainingSession.starts_at <= horizon,
        )
        .order_by(TrainingSession.starts_at, TrainingSession.id)
    ).all()
    told = 0
    for s in sessions:
        day = to_local(s.starts_at).date()
        period = due_before(day, now, settings.days_before, settings.hour)
        if period is None:
            continue
        enrolled = db.session.scalars(
            sa.select(Registration.person_id).where(
                Registration.session_id == s.id, Registration.state == RegistrationState.ENROLLED
            )
        ).all()
        with unit_of_work():  # one per session: a run that dies half way keeps what it queued
            told += notices.reminder(s, enrolled, f"{period}:{day.isoformat()}")
    return told


AFTER_SESSION_FOR = timedelta(days=7)  # attendance taken up to a week late still brings the notice


def after_session_notices(now: datetime) -> int:
    """Send the after-session notice to the people who attended each session that ended in the last week."""
    sessions = db.session.scalars(
        sa.select(TrainingSession)
        .where(
            TrainingSession.status != SessionStatus.CANCELLED,
            TrainingSession.ends_at <= now,
            TrainingSession.ends_at > now - AFTER_SESSION_FOR,
        )
        .order_by(TrainingSession.ends_at, TrainingSession.id)
    ).all()
    told = 0
    for s in sessions:
        if not (s.evaluated or s.test("post") is not None):
            continue
        latest = current_attendance_ids(session_ids=[s.id])
        attended = db.session.scalars(
            sa.select(Attendance.person_id)
            .join(latest, latest.c.id == Attendance.id)
            .join(AttendanceStatus, AttendanceStatus.id == Attendance.status_id)
            .where(AttendanceStatus.hours_factor > 0)
        ).all()
        with unit_of_work():
            told += notices.after_session(s, attended)
    return told
