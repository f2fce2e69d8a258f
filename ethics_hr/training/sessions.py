"""Sessions: scheduling (one or a series), changes, cancelling, completing, and the lists of them."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ethics_hr.core.db import begin_write, transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.core.timeutil import fiscal_year_range, local_bounds_utc, local_datetime_to_utc
from ethics_hr.extensions import db
from ethics_hr.people.models import Person
from ethics_hr.training import enrolment, hours, notices
from ethics_hr.training.checkin import new_checkin_code
from ethics_hr.training.models import (
    Course,
    EvaluationMark,
    EvaluationMode,
    Registration,
    RegistrationState,
    SessionStatus,
    TrainingSession,
)

MAX_REPEATS = 12


@dataclass
class SessionInput:
    """What an officer gives for a session, in local wall-clock terms."""

    course_id: int
    day: date
    start: time
    end: time
    capacity: int
    place: str = ""
    online_url: str = ""
    speakers: str = ""
    deadline: date | None = None
    mandatory: bool = False
    status: str = SessionStatus.PLANNED
    hours: float | None = None
    notes: str = ""
    evaluation: str = EvaluationMode.ANONYMOUS
    repeat_count: int = 1
    repeat_every_days: int = 7


def _check_times(data: SessionInput) -> tuple[datetime, datetime, datetime | None]:
    if data.end <= data.start:
        raise RuleViolation(str(_l("The session must end after it starts.")), "end_time")
    starts = local_datetime_to_utc(data.day, data.start)
    ends = local_datetime_to_utc(data.day, data.end)
    deadline = None
    if data.deadline is not None:
        if data.deadline > data.day:
            raise RuleViolation(
                str(_l("The registration deadline cannot be after the session day.")), "registration_deadline"
            )
        # Enrolment closes at the end of the deadline day, or when the session starts if that comes first.
        deadline = min(local_datetime_to_utc(data.deadline + timedelta(days=1), time.min), starts)
    return starts, ends, deadline


def _check_common(data: SessionInput) -> Course:
    course = db.session.get(Course, data.course_id)
    if course is None:
        raise RuleViolation(str(_l("Choose a course from the list.")), "course_id")
    if data.capacity < 1:
        raise RuleViolation(str(_l("A session has at least one seat.")), "capacity")
    if data.hours is not None and not 0 < data.hours <= 100:
        raise RuleViolation(str(_l("Enter hours more than 0 and at most 100, or leave it empty.")), "hours")
    if data.status not in (SessionStatus.PLANNED, SessionStatus.OPEN, SessionStatus.COMPLETED):
        raise RuleViolation(str(_l("Choose a status from the list.")), "status")
    return course


@transactional
def create_sessions(data: SessionInput) -> list[TrainingSession]:
    """Schedule a session, or a series of the same session on several days (same time, same place)."""
    course = _check_common(data)
    if not course.active:
        raise RuleViolation(str(_l("This course is no longer offered.")), "course_id")
    if not 1 <= data.repeat_count <= MAX_REPEATS:
        raise RuleViolation(str(_l("Repeat from 1 to %(n)d times.", n=MAX_REPEATS)), "repeat_count")
    if data.repeat_count > 1 and not 1 <= data.repeat_every_days <= 60:
        raise RuleViolation(str(_l("Repeat every 1 to 60 days.")), "repeat_every_days")
    if data.status == SessionStatus.COMPLETED:
        raise RuleViolation(str(_l("A new session cannot be completed already.")), "status")
    series = secrets.token_hex(8) if data.repeat_count > 1 else ""
    sessions = []
    for n in range(data.repeat_count):
        shift = timedelta(days=n * data.repeat_every_days)
        one = SessionInput(**{**data.__dict__, "day": data.day + shift})
        if data.deadline is not None:
            one.deadline = data.deadline + shift
        starts, ends, deadline = _check_times(one)
        s = TrainingSession(
            course=course,
            series_key=series,
            starts_at=starts,
            ends_at=ends,
            registration_deadline=deadline,
            capacity=data.capacity,
            checkin_code=_unused_code(),
        )
        _apply(s, data)
        db.session.add(s)
        db.session.flush()
        sessions.append(s)
    return sessions


def _apply(s: TrainingSession, data: SessionInput) -> None:
    s.place = data.place.strip()
    s.online_url = data.online_url.strip()
    s.speakers = data.speakers.strip()
    s.mandatory = data.mandatory
    s.status = data.status
    s.hours = data.hours
    s.notes = data.notes.strip()
    if s.id is not None and data.evaluation != s.evaluation and _evaluated_by_someone(s):
        raise RuleViolation(
            str(_l("People have evaluated this session: whether it is anonymous can no longer change.")),
            "evaluation",
        )
    s.evaluation = EvaluationMode(data.evaluation).value


def _evaluated_by_someone(s: TrainingSession) -> bool:
    return (
        db.session.scalar(
            sa.select(EvaluationMark.person_id).where(EvaluationMark.session_id == s.id).limit(1)
        )
        is not None
    )


def _unused_code() -> str:
    while True:
        code = new_checkin_code()
        if (
            db.session.scalar(db.select(TrainingSession.id).where(TrainingSession.checkin_code == code))
            is None
        ):
            return code


@transactional
def update_session(s: TrainingSession, data: SessionInput) -> TrainingSession:
    """Change a session; capacity never drops below the seats already taken."""
    if s.status == SessionStatus.CANCELLED:
        raise RuleViolation(str(_l("A cancelled session cannot be changed.")))
    _check_common(data)
    starts, ends, deadline = _check_times(data)
    if data.status == SessionStatus.COMPLETED and starts > utc_now():
        raise RuleViolation(str(_l("A session can be marked completed only once it has started.")), "status")
    was_year = s.fiscal_year
    was = (s.starts_at, s.ends_at, s.place, s.online_url)
    shown = _calendar_facts(s)
    s.course_id = data.course_id
    s.starts_at, s.ends_at, s.registration_deadline = starts, ends, deadline
    _apply(s, data)
    if _calendar_facts(s) != shown:
        _next_sequence(s)
    db.session.flush()
    hours.refresh_session(s.id, {was_year, s.fiscal_year})  # its date, hours or course may have changed
    enrolment.change_capacity(s, data.capacity)
    if (
        was != (s.starts_at, s.ends_at, s.place, s.online_url)
        and s.status != SessionStatus.COMPLETED
        and s.ends_at > utc_now()
    ):
        notices.moved(s, _people_on(s), was=was[0])
    return s


def _calendar_facts(s: TrainingSession) -> tuple:
    """What a calendar shows of a session: a change to any of it must reach calendars as a new SEQUENCE."""
    return (s.course_id, s.starts_at, s.ends_at, s.place, s.online_url, s.speakers, s.status)


def _next_sequence(s: TrainingSession) -> None:
    # Counted in SQL, so two officers saving at once still give two numbers.
    s.sequence = TrainingSession.sequence + 1


def _people_on(s: TrainingSession) -> list[int]:
    """Return the people invited to, enrolled in or waiting for a session: those its changes concern."""
    return list(
        db.session.scalars(
            db.select(Registration.person_id).where(
                Registration.session_id == s.id,
                Registration.state.in_(
                    (RegistrationState.INVITED, RegistrationState.ENROLLED, RegistrationState.WAITLISTED)
                ),
            )
        )
    )


@transactional
def cancel_session(s: TrainingSession, *, reason: str) -> int:
    """Cancel a session, keep its roster, and tell everyone invited, holding a seat or waiting."""
    if s.status == SessionStatus.CANCELLED:
        raise RuleViolation(str(_l("This session is already cancelled.")))
    if s.status == SessionStatus.COMPLETED:
        raise RuleViolation(str(_l("A completed session cannot be cancelled.")))
    begin_write(TrainingSession.__table__, s.id)
    s.status = SessionStatus.CANCELLED
    s.cancelled_at = utc_now()
    s.cancel_reason = reason.strip()
    _next_sequence(s)
    db.session.flush()
    hours.refresh_session(s.id, [s.fiscal_year])  # a cancelled session credits nobody
    told = notices.cancelled(s, _people_on(s))
    return told


@transactional
def complete_session(s: TrainingSession) -> None:
    """Mark a session that has started as completed."""
    if s.status == SessionStatus.CANCELLED:
        raise RuleViolation(str(_l("A cancelled session cannot be changed.")))
    if s.starts_at > utc_now():
        raise RuleViolation(str(_l("A session can be marked completed only once it has started.")))
    s.status = SessionStatus.COMPLETED


def sessions_query(*, fy: int | None = None, status: str = "", course_id: int | None = None) -> sa.Select:
    """Build the officer's list of sessions, newest first."""
    query = db.select(TrainingSession).order_by(TrainingSession.starts_at.desc(), TrainingSession.id.desc())
    if fy:
        start, end = fy_bounds(fy)
        query = query.where(TrainingSession.starts_at >= start, TrainingSession.starts_at < end)
    if status in set(SessionStatus):
        query = query.where(TrainingSession.status == status)
    if course_id:
        query = query.where(TrainingSession.course_id == course_id)
    return query


def fy_bounds(fy: int) -> tuple[datetime, datetime]:
    """Return [start, end) in UTC of a fiscal year given in B.E."""
    first, last = fiscal_year_range(fy)
    return local_bounds_utc(first, last)


def registration_counts(session_ids: list[int]) -> dict[int, dict[str, int]]:
    """Count each session's registrations by state, in one grouped query."""
    counts: dict[int, dict[str, int]] = {sid: {} for sid in session_ids}
    if not session_ids:
        return counts
    rows = db.session.execute(
        db.select(Registration.session_id, Registration.state, sa.func.count(Registration.id))
        .where(Registration.session_id.in_(session_ids))
        .group_by(Registration.session_id, Registration.state)
    )
    for sid, state, n in rows:
        counts[sid][state] = n
    return counts


def registration_of(session_id: int, person_id: int) -> Registration | None:
    return db.session.scalar(
        db.select(Registration).where(
            Registration.session_id == session_id, Registration.person_id == person_id
        )
    )


def roster_query(session_id: int, *, states: tuple[str, ...] = (RegistrationState.ENROLLED,)) -> sa.Select:
    """Build the list of people on a session in the given registration states, by name."""
    return (
        db.select(Registration)
        .join(Person, Person.id == Registration.person_id)
        .where(Registration.session_id == session_id, Registration.state.in_(states))
        .options(sa.orm.contains_eager(Registration.person))
        .order_by(Person.first_name_th, Person.last_name_th, Person.id)
    )
