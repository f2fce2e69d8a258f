"""Factories for test data: plain functions with sensible defaults and keyword overrides."""

from __future__ import annotations

import itertools
from datetime import date

from ethics_hr.core.passwords import hash_password
from ethics_hr.extensions import db
from ethics_hr.people.models import Department, Person, StaffCategory, User, UserRole

PASSWORD = "correct horse battery"
_seq = itertools.count(1)


def category(code: str = "local_official") -> StaffCategory:
    return db.session.scalar(db.select(StaffCategory).where(StaffCategory.code == code))


def department(**kw) -> Department:
    n = next(_seq)
    values = {"code": f"D{n}", "name_th": f"กองทดสอบ {n}", "name_en": f"Test division {n}"} | kw
    dept = Department(**values)
    db.session.add(dept)
    db.session.commit()
    return dept


def person(*, category_code: str = "local_official", dept: Department | None = None, **kw) -> Person:
    n = next(_seq)
    values = {
        "employee_number": f"T{n:05d}",
        "prefix": "นาย",
        "first_name_th": f"ทดสอบ{n}",
        "last_name_th": "ใจดี",
        "first_name_en": f"Test{n}",
        "last_name_en": "Jaidee",
        "position": "นักทรัพยากรบุคคล",
        "email": f"person{n}@example.org",
        "start_date": date(2020, 1, 1),
    } | kw
    p = Person(staff_category=category(category_code), department=dept, **values)
    db.session.add(p)
    db.session.commit()
    return p


def user(*roles: str, password: str | None = PASSWORD, locale: str | None = None, **person_kw) -> User:
    """A person with an account, the given roles, and a password (None: opened but not activated)."""
    p = person(**person_kw)
    u = User(person=p, password_hash=hash_password(password) if password else None, preferred_locale=locale)
    for role in roles:
        u.role_links.append(UserRole(role=role))
    db.session.add(u)
    db.session.commit()
    return u


def officer(**kw) -> User:
    return user("personnel_officer", **kw)


def admin(**kw) -> User:
    return user("admin", **kw)
