"""People: the filtered list, and the rules for adding, changing and deactivating a person."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from ethics_hr.core.db import transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.extensions import db
from ethics_hr.people.models import Department, Person, StaffCategory, User

PERSON_FIELDS = (
    "employee_number",
    "prefix",
    "first_name_th",
    "last_name_th",
    "first_name_en",
    "last_name_en",
    "position",
    "staff_category_id",
    "department_id",
    "email",
    "start_date",
)


@dataclass
class PeopleFilter:
    q: str = ""
    department_id: int | None = None
    staff_category_id: int | None = None
    active: bool | None = True


def people_query(f: PeopleFilter, *, with_accounts: bool = False) -> sa.Select:
    """Build the filtered, ordered query of people used by the list and its exports."""
    query = db.select(Person)
    if with_accounts:  # the list shows each account's state: one query for the page, not one per row
        query = query.options(selectinload(Person.account).lazyload(User.role_links))
    if f.q:
        like = f"%{f.q.strip().lower()}%"
        query = query.where(
            sa.or_(
                sa.func.lower(Person.employee_number).like(like),
                sa.func.lower(Person.first_name_th).like(like),
                sa.func.lower(Person.last_name_th).like(like),
                sa.func.lower(Person.first_name_en).like(like),
                sa.func.lower(Person.last_name_en).like(like),
                sa.func.lower(Person.email).like(like),
                sa.func.lower(Person.position).like(like),
            )
        )
    if f.department_id:
        query = query.where(Person.department_id == f.department_id)
    if f.staff_category_id:
        query = query.where(Person.staff_category_id == f.staff_category_id)
    if f.active is not None:
        query = query.where(Person.active == f.active)
    return query.order_by(Person.first_name_th, Person.last_name_th, Person.id)


def normalise_email(email: str | None) -> str | None:
    """Lower-case and trim an email address; an empty one is None."""
    email = (email or "").strip().lower()
    return email or None


def _check_unique(person: Person | None, employee_number: str, email: str | None) -> None:
    clash = db.session.scalar(db.select(Person.id).where(Person.employee_number == employee_number))
    if clash is not None and (person is None or clash != person.id):
        raise RuleViolation(str(_l("Another person already has this employee number.")), "employee_number")
    if email:
        clash = db.session.scalar(db.select(Person.id).where(sa.func.lower(Person.email) == email))
        if clash is not None and (person is None or clash != person.id):
            raise RuleViolation(str(_l("Another person already uses this email address.")), "email")


@transactional
def save_person(person: Person | None, data: dict[str, Any]) -> Person:
    """Create or change a person; employee number and email stay unique."""
    values = {key: data.get(key) for key in PERSON_FIELDS}
    values["employee_number"] = (values["employee_number"] or "").strip()
    values["email"] = normalise_email(values["email"])
    for key in ("prefix", "first_name_th", "last_name_th", "first_name_en", "last_name_en", "position"):
        values[key] = (values[key] or "").strip()
    values["department_id"] = values["department_id"] or None
    _check_unique(person, values["employee_number"], values["email"])
    category_id = values["staff_category_id"]
    if category_id is None or db.session.get(StaffCategory, category_id) is None:
        raise RuleViolation(str(_l("Choose a staff category.")), "staff_category_id")
    if values["department_id"] and db.session.get(Department, values["department_id"]) is None:
        raise RuleViolation(str(_l("Choose a department from the list.")), "department_id")
    if person is None:
        person = Person()
        db.session.add(person)
    for key, value in values.items():
        setattr(person, key, value)
    return person


@transactional
def set_person_active(person: Person, active: bool, *, by: User | None = None) -> None:
    """Deactivate (or reactivate) a person; ends their sessions at once; not oneself."""
    if not active and by is not None and by.person_id == person.id:
        raise RuleViolation(str(_l("You cannot deactivate yourself.")))
    person.active = active
    if not active and person.account is not None:
        person.account.session_version += 1


def people_count() -> int:
    """Count the active people."""
    return db.session.scalar(db.select(sa.func.count(Person.id)).where(Person.active)) or 0
