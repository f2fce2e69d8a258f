"""Seats: enrolment, the waiting list and withdrawal, race-free on SQLite and PostgreSQL.

A seat is taken only by `UPDATE training_session SET seats_taken = seats_taken + 1 WHERE id = :id AND
seats_taken < capacity` and counted by its rowcount: the database decides who got the last seat, in the same
transaction as the registration's own conditional UPDATE. On PostgreSQL the second writer waits for the row
lock and then sees the new count; on SQLite the first write takes the database lock (BEGIN IMMEDIATE).
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ethics_hr.core import audit
from ethics_hr.core.db import transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.people.models import Person, StaffCategory
from ethics_hr.training import notices
from ethics_hr.training.models import (
    Registration,
    RegistrationSource,
    RegistrationState,
    SessionStatus,
    TrainingSession,
)

SESSIONS = TrainingSession.__table__
REGISTRATIONS = Registration.__table__


class SessionFull(RuleViolation):
    """The last seat went to someone else; the person may join the waiting list."""


def _take_seat(session_id: int) -> bool:
    result = db.session.execute(
        sa.update(SESSIONS)
        .where(SESSIONS.c.id == session_id, SESSIONS.c.seats_taken < SESSIONS.c.capacity)
        .values(seats_taken=SESSIONS.c.seats_taken + 1)
    )
    return result.rowcount == 1


def _free_seat(session_id: int) -> None:
    db.session.execute(
        sa.update(SESSIONS)
        .where(SESSIONS.c.id == session_id, SESSIONS.c.seats_taken > 0)
        .values(seats_taken=SESSIONS.c.seats_taken - 1)
    )


def _move(reg: Registration, to: str, *, only_from: tuple[str, ...], now: datetime) -> bool:
    """Change a registration's state only if it is still in one of `only_from`; audit the change."""
    values: dict = {"state": to, "updated_at": now}
    if to == RegistrationState.ENROLLED:
        values |= {"enrolled_at": now, "waitlisted_at": None}
    elif to == RegistrationState.WAITLISTED:
        values["waitlisted_at"] = now
    elif to == RegistrationState.WITHDRAWN:
        values["withdrawn_at"] = now
    result = db.session.execute(
        sa.update(REGISTRATIONS)
        .where(REGISTRATIONS.c.id == reg.id, REGISTRATIONS.c.state.in_(only_from))
        .values(**values)
    )
    if result.rowcount != 1:
        return False
    audit.record("update", REGISTRATIONS.name, str(reg.id), {"state": [reg.state, to]})
    return True


def _refresh(*objects) -> None:
    for obj in objects:
        db.session.expire(obj)


def check_open(s: TrainingSession, now: datetime) -> None:
    """Refuse enrolment on a session that is not open, or whose deadline has passed."""
    if s.status == SessionStatus.CANCELLED:
        raise RuleViolation(str(_l("This session has been cancelled.")))
    if s.status == SessionStatus.COMPLETED or s.starts_at <= now:
        raise RuleViolation(str(_l("This session has already taken place.")))
    if s.status != SessionStatus.OPEN:
        raise RuleViolation(str(_l("Enrolment for this session has not opened yet.")))
    if s.enrolment_closes_at <= now:
        raise RuleViolation(str(_l("The registration deadline for this session has passed.")))


@transactional
def enrol(s: TrainingSession, person: Person) -> Registration:
    """Give an invited person a seat, or raise SessionFull when there is none left."""
    now = utc_now()
    reg = _invitation(s, person)
    if reg.state == RegistrationState.ENROLLED:
        raise RuleViolation(str(_l("You are already enrolled in this session.")))
    check_open(s, now)
    sid = s.id
    if not _move(
        reg,
        RegistrationState.ENROLLED,
        only_from=(RegistrationState.INVITED, RegistrationState.WAITLISTED, RegistrationState.WITHDRAWN),
        now=now,
    ):
        raise RuleViolation(str(_l("You are already enrolled in this session.")))
    if not _take_seat(sid):
        raise SessionFull(str(_l("Sorry, the last seat has just been taken. You can join the waiting list.")))
    notices.enrolled(s, person.id)
    _refresh(s, reg)
    return reg


@transactional
def join_waitlist(s: TrainingSession, person: Person) -> Registration:
    """Put an invited person on the waiting list of a full session."""
    now = utc_now()
    reg = _invitation(s, person)
    if reg.state == RegistrationState.ENROLLED:
        raise RuleViolation(str(_l("You are already enrolled in this session.")))
    if reg.state == RegistrationState.WAITLISTED:
        raise RuleViolation(str(_l("You are already on the waiting list.")))
    check_open(s, now)
    if s.seats_taken < s.capacity:
        raise RuleViolation(str(_l("Seats are still free: enrol instead.")))
    if not _move(
        reg,
        RegistrationState.WAITLISTED,
        only_from=(RegistrationState.INVITED, RegistrationState.WITHDRAWN),
        now=now,
    ):
        raise RuleViolation(str(_l("You are already on the waiting list.")))
    _refresh(reg)
    return reg


@transactional
def withdraw(s: TrainingSession, person: Person) -> Registration:
    """Give up a seat or a place on the waiting list; the first person waiting gets the seat."""
    now = utc_now()
    reg = _invitation(s, person)
    if reg.state not in (RegistrationState.ENROLLED, RegistrationState.WAITLISTED):
        raise RuleViolation(str(_l("You are neither enrolled nor on the waiting list.")))
    if s.status in (SessionStatus.CANCELLED, SessionStatus.COMPLETED) or s.starts_at <= now:
        raise RuleViolation(
            str(_l("This session has already started or ended; it can no longer be changed."))
        )
    was = reg.state
    if not _move(reg, RegistrationState.WITHDRAWN, only_from=(was,), now=now):
        raise RuleViolation(str(_l("You are neither enrolled nor on the waiting list.")))
    if was == RegistrationState.ENROLLED:
        _free_seat(s.id)
        promote_waiting(s)
    _refresh(s, reg)
    return reg


def promote_waiting(s: TrainingSession) -> int:
    """Give free seats to the people waiting longest; queue a notice to each; return how many moved up."""
    moved = 0
    now = utc_now()
    waiting = db.session.scalars(
        sa.select(Registration)
        .where(Registration.session_id == s.id, Registration.state == RegistrationState.WAITLISTED)
        .order_by(Registration.waitlisted_at, Registration.id)
    ).all()
    for reg in waiting:
        if not _take_seat(s.id):
            break
        if _move(reg, RegistrationState.ENROLLED, only_from=(RegistrationState.WAITLISTED,), now=now):
            notices.seat_offered(s, reg.person_id)
            moved += 1
        else:  # someone else promoted this person meanwhile: give the seat back
            _free_seat(s.id)
    return moved


def change_capacity(s: TrainingSession, capacity: int) -> None:
    """Set a session's capacity; refuse one below the seats taken; fill new seats from the waiting list."""
    result = db.session.execute(
        sa.update(SESSIONS)
        .where(SESSIONS.c.id == s.id, SESSIONS.c.seats_taken <= capacity)
        .values(capacity=capacity)
    )
    if result.rowcount != 1:
        taken = db.session.scalar(sa.select(SESSIONS.c.seats_taken).where(SESSIONS.c.id == s.id))
        raise RuleViolation(
            str(_l("%(n)d people are already enrolled: the capacity cannot be lower than that.", n=taken)),
            "capacity",
        )
    db.session.expire(s, ["capacity", "seats_taken"])
    promote_waiting(s)


def seat_invited(s: TrainingSession, person_ids: list[int]) -> tuple[int, int]:
    """Seat newly invited people of a mandatory session while seats remain; wait-list the rest."""
    order = (
        sa.select(Registration)
        .join(Person, Person.id == Registration.person_id)
        .join(StaffCategory, StaffCategory.id == Person.staff_category_id)
        .where(Registration.session_id == s.id, Registration.person_id.in_(person_ids))
        .order_by(StaffCategory.sort_order, Person.first_name_th, Person.id)
    )
    regs = db.session.scalars(order).all()
    free = db.session.scalar(
        sa.select(SESSIONS.c.capacity - SESSIONS.c.seats_taken).where(SESSIONS.c.id == s.id)
    )
    seated, waiting = regs[: max(free, 0)], regs[max(free, 0) :]
    now = utc_now()
    if seated:
        ids = [r.id for r in seated]
        db.session.execute(
            sa.update(REGISTRATIONS)
            .where(REGISTRATIONS.c.id.in_(ids), REGISTRATIONS.c.state == RegistrationState.INVITED)
            .values(state=RegistrationState.ENROLLED, enrolled_at=now, updated_at=now)
        )
        result = db.session.execute(
            sa.update(SESSIONS)
            .where(SESSIONS.c.id == s.id, SESSIONS.c.seats_taken + len(ids) <= SESSIONS.c.capacity)
            .values(seats_taken=SESSIONS.c.seats_taken + len(ids))
        )
        if result.rowcount != 1:  # the caller holds the write lock, so this means a bug, not a race
            raise RuntimeError("seats changed under the write lock")
    if waiting:
        db.session.execute(
            sa.update(REGISTRATIONS)
            .where(
                REGISTRATIONS.c.id.in_([r.id for r in waiting]),
                REGISTRATIONS.c.state == RegistrationState.INVITED,
            )
            .values(state=RegistrationState.WAITLISTED, waitlisted_at=now, updated_at=now)
        )
    for reg in regs:
        db.session.expire(reg)
    db.session.expire(s, ["seats_taken"])
    return len(seated), len(waiting)


def seat_walk_in(
    s: TrainingSession, person: Person, *, source: str = RegistrationSource.WALK_IN
) -> Registration:
    """Put someone who came without a seat on the roster, if a seat is free (in the caller's unit of work)."""
    now = utc_now()
    reg = db.session.scalar(
        sa.select(Registration).where(Registration.session_id == s.id, Registration.person_id == person.id)
    )
    if reg is not None and reg.state == RegistrationState.ENROLLED:
        return reg
    if not _take_seat(s.id):
        raise SessionFull(
            str(
                _l("The session is full (%(n)d seats). Raise the capacity to add more people.", n=s.capacity)
            ),
            "employee_number",
        )
    if reg is None:
        reg = Registration(
            session_id=s.id,
            person_id=person.id,
            state=RegistrationState.ENROLLED,
            source=source,
            enrolled_at=now,
        )
        db.session.add(reg)
        db.session.flush()
    elif not _move(
        reg,
        RegistrationState.ENROLLED,
        only_from=(RegistrationState.INVITED, RegistrationState.WAITLISTED, RegistrationState.WITHDRAWN),
        now=now,
    ):
        _free_seat(s.id)
    db.session.expire(s, ["seats_taken"])
    return reg


def _invitation(s: TrainingSession, person: Person) -> Registration:
    reg = db.session.scalar(
        sa.select(Registration).where(Registration.session_id == s.id, Registration.person_id == person.id)
    )
    if reg is None:
        raise RuleViolation(str(_l("You have not been invited to this session.")))
    return reg
