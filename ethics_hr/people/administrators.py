"""The first administrator of a new installation: a person with an administrator account."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ethics_hr.core.db import unit_of_work
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.passwords import hash_password, password_problems
from ethics_hr.extensions import db
from ethics_hr.people.models import Person, StaffCategory, User, UserRole
from ethics_hr.people.reference import ensure_reference_data

ADMIN_CATEGORY = "local_official"


def create_administrator(
    *, employee_number: str, first_name_th: str, last_name_th: str, email: str = "", password: str
) -> User:
    """Create a person with an administrator account and the given password, all or nothing."""
    employee_number = employee_number.strip()
    email_address = email.strip().lower() or None
    problems = password_problems(password, personal=(employee_number, email_address or ""))
    if problems:
        raise RuleViolation(problems[0], "password")
    with unit_of_work():
        ensure_reference_data()  # a database built without the migrations still gets its categories
        if db.session.scalar(db.select(Person.id).where(Person.employee_number == employee_number)):
            raise RuleViolation(
                str(_l("Another person already has this employee number.")), "employee_number"
            )
        if email_address and db.session.scalar(
            db.select(Person.id).where(sa.func.lower(Person.email) == email_address)
        ):
            raise RuleViolation(str(_l("Another person already uses this email address.")), "email")
        category = db.session.scalar(db.select(StaffCategory).where(StaffCategory.code == ADMIN_CATEGORY))
        person = Person(
            employee_number=employee_number,
            first_name_th=first_name_th.strip(),
            last_name_th=last_name_th.strip(),
            email=email_address,
            staff_category=category,
        )
        user = User(person=person, password_hash=hash_password(password))
        user.role_links.append(UserRole(role="admin"))
        db.session.add_all([person, user])
    return user
