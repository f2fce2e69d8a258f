"""Courses, sessions and invitations: the rules, in one place, for views, CLI and jobs alike."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ethics_hr.core.db import begin_write, insert_ignoring_conflict
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.core.timeutil import fiscal_year_range, local_bounds_utc, local_datetime_to_utc
from ethics_hr.extensions import db
from ethics_hr.people.audience import members
from ethics_hr.people.models import Department, Person, StaffCategory
from ethics_hr.training import enrolment, hours, notices
from ethics_hr.training.checkin import new_checkin_code
from ethics_hr.training.models import (
    CANCELLED,
    COMPLETED,
    ENROLLED,
    INVITED,
    OPEN,
    PLANNED,
    WAITLISTED,
    WITHDRAWN,
    AttendanceStatus,
    Course,
    CourseTopic,
    Registration,
    TrainingSession,
)

MAX_REPEATS = 12


# ---------------------------------------------------------------- reference data


def topics(*, active_only: bool = True) -> list[CourseTopic]:
    query = db.select(CourseTopic).order_by(CourseTopic.sort_order, CourseTopic.id)
    if active_only:
        query = query.where(CourseTopic.active)
    return list(db.session.scalars(query))


def attendance_statuses(*, active_only: bool = True) -> list[AttendanceStatus]:
    query = db.select(AttendanceStatus).order_by(AttendanceStatus.sort_order, AttendanceStatus.id)
    if active_only:
        query = query.where(AttendanceStatus.active)
    return list(db.session.scalars(query))


def save_topic(
    topic: CourseTopic | None, *, code: str, name_th: str, name_en: str, is_ethics: bool, active: bool
) -> CourseTopic:
    """Create or change a course topic; its code stays unique."""
    code = code.strip().lower()
    clash = db.session.scalar(db.select(CourseTopic.id).where(CourseTopic.code == code))
    if clash is not None and (topic is None or clash != topic.id):
        raise RuleViolation(str(_l("Another topic already uses this code.")), "code")
    if topic is None:
        order = db.session.scalar(db.select(sa.func.coalesce(sa.func.max(CourseTopic.sort_order), 0)))
        topic = CourseTopic(sort_order=order + 1)
        db.session.add(topic)
    topic.code, topic.name_th, topic.name_en = code, name_th.strip(), name_en.strip()
    topic.is_ethics, topic.active = is_ethics, active
    db.session.commit()
    return topic


def save_status(
    status: AttendanceStatus, *, name_th: str, name_en: str, hours_factor: float, active: bool
) -> AttendanceStatus:
    """Change an attendance status's labels and the share of hours it earns; every total is recomputed."""
    if not 0 <= hours_factor <= 1:
        raise RuleViolation(str(_l("Enter a share from 0 to 1.")), "hours_factor")
    factor_changed = status.hours_factor != hours_factor
    status.name_th, status.name_en = name_th.strip(), name_en.strip()
    status.hours_factor, status.active = hours_factor, active
    if factor_changed:
        db.session.flush()
        hours.rebuild_all()
    db.session.commit()
    return status


# ---------------------------------------------------------------- courses


def courses(*, active_only: bool = False) -> list[Course]:
    query = db.select(Course).order_by(Course.active.desc(), Course.code)
    if active_only:
        query = query.where(Course.active)
    return list(db.session.scalars(query))


def save_course(course: Course | None, data: dict) -> Course:
    """Create or change a course; its code stays unique and its topic must exist."""
    code = (data.get("code") or "").strip().upper()
    clash = db.session.scalar(db.select(Course.id).where(sa.func.upper(Course.code) == code))
    if clash is not None and (course is None or clash != course.id):
        raise RuleViolation(str(_l("Another course already uses this code.")), "code")
    if db.session.get(CourseTopic, data.get("topic_id")) is None:
        raise RuleViolation(str(_l("Choose a topic from the list.")), "topic_id")
    default_hours = float(data.get("default_hours") or 0)
    if default_hours <= 0 or default_hours > 100:
        raise RuleViolation(
            str(_l("Enter the hours of one session, more than 0 and at most 100.")), "default_hours"
        )
    if course is None:
        course = Course()
        db.session.add(course)
    course.code = code
    course.title_th = data["title_th"].strip()
    course.title_en = (data.get("title_en") or "").strip()
    course.topic_id = data["topic_id"]
    course.is_ethics = bool(data.get("is_ethics"))
    course.default_hours = default_hours
    course.description_th = (data.get("description_th") or "").strip()
    course.description_en = (data.get("description_en") or "").strip()
    course.active = bool(data.get("active", True))
    state = sa.inspect(course)
    if state.persistent and (
        state.attrs.is_ethics.history.deleted or state.attrs.default_hours.history.deleted
    ):
        db.session.flush()
        hours.rebuild_all()  # every total that counted this course changes
    db.session.commit()
    return course


# ---------------------------------------------------------------- sessions


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
    status: str = PLANNED
    hours: float | None = None
    notes: str = ""
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
    if data.status not in (PLANNED, OPEN, COMPLETED):
        raise RuleViolation(str(_l("Choose a status from the list.")), "status")
    return course


def create_sessions(data: SessionInput) -> list[TrainingSession]:
    """Schedule a session, or a series of the same session on several days (same time, same place)."""
    course = _check_common(data)
    if not course.active:
        raise RuleViolation(str(_l("This course is no longer offered.")), "course_id")
    if not 1 <= data.repeat_count <= MAX_REPEATS:
        raise RuleViolation(str(_l("Repeat from 1 to %(n)d times.", n=MAX_REPEATS)), "repeat_count")
    if data.repeat_count > 1 and not 1 <= data.repeat_every_days <= 60:
        raise RuleViolation(str(_l("Repeat every 1 to 60 days.")), "repeat_every_days")
    if data.status == COMPLETED:
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
            checkin_code=_unused_code(),
        )
        _apply(s, data)
        db.session.add(s)
        db.session.flush()
        sessions.append(s)
    db.session.commit()
    return sessions


def _apply(s: TrainingSession, data: SessionInput) -> None:
    s.place = data.place.strip()
    s.online_url = data.online_url.strip()
    s.speakers = data.speakers.strip()
    s.mandatory = data.mandatory
    s.status = data.status
    s.hours = data.hours
    s.notes = data.notes.strip()


def _unused_code() -> str:
    while True:
        code = new_checkin_code()
        if (
            db.session.scalar(db.select(TrainingSession.id).where(TrainingSession.checkin_code == code))
            is None
        ):
            return code


def update_session(s: TrainingSession, data: SessionInput) -> TrainingSession:
    """Change a session; capacity never drops below the seats already taken."""
    if s.status == CANCELLED:
        raise RuleViolation(str(_l("A cancelled session cannot be changed.")))
    _check_common(data)
    starts, ends, deadline = _check_times(data)
    if data.status == COMPLETED and starts > utc_now():
        raise RuleViolation(str(_l("A session can be marked completed only once it has started.")), "status")
    was_year = s.fiscal_year
    was = (s.starts_at, s.ends_at, s.place, s.online_url)
    s.course_id = data.course_id
    s.starts_at, s.ends_at, s.registration_deadline = starts, ends, deadline
    _apply(s, data)
    db.session.flush()
    hours.refresh_session(s.id, {was_year, s.fiscal_year})  # its date, hours or course may have changed
    enrolment.change_capacity(s, data.capacity)
    if (
        was != (s.starts_at, s.ends_at, s.place, s.online_url)
        and s.status != COMPLETED
        and s.ends_at > utc_now()
    ):
        notices.moved(s, _people_on(s), was=was[0])
    db.session.commit()
    return s


def _people_on(s: TrainingSession) -> list[int]:
    """Return the people invited to, enrolled in or waiting for a session: those its changes concern."""
    return list(
        db.session.scalars(
            db.select(Registration.person_id).where(
                Registration.session_id == s.id, Registration.state.in_((INVITED, ENROLLED, WAITLISTED))
            )
        )
    )


def cancel_session(s: TrainingSession, *, reason: str) -> int:
    """Cancel a session, keep its roster, and tell everyone invited, holding a seat or waiting."""
    if s.status == CANCELLED:
        raise RuleViolation(str(_l("This session is already cancelled.")))
    if s.status == COMPLETED:
        raise RuleViolation(str(_l("A completed session cannot be cancelled.")))
    begin_write(TrainingSession.__table__, s.id)
    s.status = CANCELLED
    s.cancelled_at = utc_now()
    s.cancel_reason = reason.strip()
    db.session.flush()
    hours.refresh_session(s.id, [s.fiscal_year])  # a cancelled session credits nobody
    told = notices.cancelled(s, _people_on(s))
    db.session.commit()
    return told


def complete_session(s: TrainingSession) -> None:
    """Mark a session that has started as completed."""
    if s.status == CANCELLED:
        raise RuleViolation(str(_l("A cancelled session cannot be changed.")))
    if s.starts_at > utc_now():
        raise RuleViolation(str(_l("A session can be marked completed only once it has started.")))
    s.status = COMPLETED
    db.session.commit()


def sessions_query(*, fy: int | None = None, status: str = "", course_id: int | None = None) -> sa.Select:
    """Build the officer's list of sessions, newest first."""
    query = db.select(TrainingSession).order_by(TrainingSession.starts_at.desc(), TrainingSession.id.desc())
    if fy:
        start, end = fy_bounds(fy)
        query = query.where(TrainingSession.starts_at >= start, TrainingSession.starts_at < end)
    if status in (PLANNED, OPEN, COMPLETED, CANCELLED):
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


# ---------------------------------------------------------------- invitations


@dataclass
class InviteResult:
    invited: int = 0
    already: int = 0
    enrolled: int = 0
    waitlisted: int = 0
    names: list[str] = field(default_factory=list)


def invite(
    s: TrainingSession,
    *,
    department_ids: list[int] = (),
    category_ids: list[int] = (),
    employee_numbers: list[str] = (),
) -> InviteResult:
    """Invite whole departments, staff categories and individuals (active people only).

    For a mandatory session the new invitees are also given seats, in staff-category order, while seats
    remain; the rest go on the waiting list.
    """
    if s.status in (CANCELLED, COMPLETED):
        raise RuleViolation(str(_l("People cannot be invited to a cancelled or completed session.")))
    numbers = sorted({n.strip() for n in employee_numbers if n.strip()})
    if not (department_ids or category_ids or numbers):
        raise RuleViolation(str(_l("Choose at least one department, staff category or person.")))
    found = dict(
        db.session.execute(
            db.select(Person.employee_number, Person.id).where(
                Person.employee_number.in_(numbers), Person.active
            )
        ).all()
    )
    unknown = [n for n in numbers if n not in found]
    if unknown:
        raise RuleViolation(
            str(_l("No active person has these employee numbers: %(list)s", list=", ".join(unknown))),
            "employee_numbers",
        )
    rows: dict[int, str] = {}
    if department_ids:
        for pid in db.session.scalars(db.select(Person.id).where(members(department_ids=department_ids))):
            rows.setdefault(pid, "department")
    if category_ids:
        for pid in db.session.scalars(db.select(Person.id).where(members(category_ids=category_ids))):
            rows.setdefault(pid, "category")
    for pid in found.values():
        rows[pid] = "person"
    result = InviteResult()
    if not rows:
        return result
    begin_write(TrainingSession.__table__, s.id)
    existing = set(
        db.session.scalars(
            db.select(Registration.person_id).where(
                Registration.session_id == s.id, Registration.person_id.in_(list(rows))
            )
        )
    )
    now = utc_now()
    new = [
        {
            "session_id": s.id,
            "person_id": pid,
            "state": INVITED,
            "source": source,
            "invited_at": now,
            "created_at": now,
            "updated_at": now,
        }
        for pid, source in rows.items()
        if pid not in existing
    ]
    result.already = len(rows) - len(new)
    if new:
        insert_ignoring_conflict(Registration.__table__, new, index_elements=["session_id", "person_id"])
        result.invited = len(new)
    new_ids = [r["person_id"] for r in new]
    if s.mandatory and new:
        result.enrolled, result.waitlisted = enrolment.seat_invited(s, new_ids)
    if new_ids:
        states = dict(
            db.session.execute(
                db.select(Registration.person_id, Registration.state).where(
                    Registration.session_id == s.id, Registration.person_id.in_(new_ids)
                )
            ).all()
        )
        notices.invited(s, states)
    db.session.commit()
    return result


def invitable_departments() -> list[Department]:
    return list(db.session.scalars(db.select(Department).where(Department.active).order_by(Department.code)))


def invitable_categories() -> list[StaffCategory]:
    return list(
        db.session.scalars(
            db.select(StaffCategory).where(StaffCategory.active).order_by(StaffCategory.sort_order)
        )
    )


def roster_query(session_id: int, *, states: tuple[str, ...] = (ENROLLED,)) -> sa.Select:
    """Build the list of people on a session in the given registration states, by name."""
    return (
        db.select(Registration)
        .join(Person, Person.id == Registration.person_id)
        .where(Registration.session_id == session_id, Registration.state.in_(states))
        .options(sa.orm.contains_eager(Registration.person))
        .order_by(Person.first_name_th, Person.last_name_th, Person.id)
    )


ALL_STATES = (ENROLLED, WAITLISTED, INVITED, WITHDRAWN)
