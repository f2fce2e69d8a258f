"""Training test data: courses and sessions with sensible defaults and keyword overrides."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.training.checkin import new_checkin_code
from ethics_hr.training.models import (
    Course,
    CourseTopic,
    Registration,
    RegistrationState,
    SessionStatus,
    TrainingSession,
)

_seq = itertools.count(1)


def topic(code: str = "code_of_ethics") -> CourseTopic:
    return db.session.scalar(db.select(CourseTopic).where(CourseTopic.code == code))


def course(*, is_ethics: bool = True, hours: float = 3.0, **kw) -> Course:
    n = next(_seq)
    values = {
        "code": f"C{n:03d}",
        "title_th": f"หลักสูตรทดสอบ {n}",
        "title_en": f"Test course {n}",
        "topic": topic("code_of_ethics" if is_ethics else "digital_skills"),
        "is_ethics": is_ethics,
        "default_hours": hours,
    } | kw
    c = Course(**values)
    db.session.add(c)
    db.session.commit()
    return c


def session(
    *, course_: Course | None = None, starts_at: datetime | None = None, hours_long: float = 3, **kw
) -> TrainingSession:
    starts = starts_at or (utc_now() + timedelta(days=14)).replace(microsecond=0)
    values = {
        "course": course_ or course(),
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=hours_long),
        "capacity": 10,
        "status": SessionStatus.OPEN,
        "place": "ห้องประชุมสภา",
        "checkin_code": new_checkin_code(),
    } | kw
    s = TrainingSession(**values)
    db.session.add(s)
    db.session.commit()
    return s


def register(s: TrainingSession, person, state: str = "invited") -> Registration:
    """Put a person on a session directly (seat counted when enrolled)."""
    reg = Registration(session_id=s.id, person_id=person.id, state=state)
    if state == RegistrationState.ENROLLED:
        reg.enrolled_at = utc_now()
        s.seats_taken += 1
    if state == "waitlisted":
        reg.waitlisted_at = utc_now()
    db.session.add(reg)
    db.session.commit()
    return reg
