"""Invitations: whole departments, staff categories and individuals; seats at once for a mandatory session."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from ethics_hr.core.db import begin_write, insert_ignoring_conflict, transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.people import services as people
from ethics_hr.people.audience import members
from ethics_hr.people.models import Department, Person, StaffCategory
from ethics_hr.training import enrolment, notices
from ethics_hr.training.models import (
    Registration,
    RegistrationSource,
    RegistrationState,
    SessionStatus,
    TrainingSession,
)


@dataclass
class InviteResult:
    invited: int = 0
    already: int = 0
    enrolled: int = 0
    waitlisted: int = 0
    names: list[str] = field(default_factory=list)


@transactional
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
    if s.status in (SessionStatus.CANCELLED, SessionStatus.COMPLETED):
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
    rows: dict[int, RegistrationSource] = {}
    if department_ids:
        for pid in db.session.scalars(db.select(Person.id).where(members(department_ids=department_ids))):
            rows.setdefault(pid, RegistrationSource.DEPARTMENT)
    if category_ids:
        for pid in db.session.scalars(db.select(Person.id).where(members(category_ids=category_ids))):
            rows.setdefault(pid, RegistrationSource.CATEGORY)
    for pid in found.values():
        rows[pid] = RegistrationSource.PERSON
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
            "state": RegistrationState.INVITED,
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
    return result


def invitable_departments() -> list[Department]:
    """The departments an officer may invite (active ones, by code)."""
    return people.active_departments()


def invitable_categories() -> list[StaffCategory]:
    """The staff categories an officer may invite (active ones, in their order)."""
    return people.staff_categories(active_only=True)
