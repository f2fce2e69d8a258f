"""Departments and staff categories: the lists every screen picks from, and the department rules."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from ethics_hr.core.db import transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.extensions import db
from ethics_hr.people.models import Department, Person, StaffCategory


def active_departments() -> list[Department]:
    """Return the active departments by code."""
    return list(db.session.scalars(db.select(Department).where(Department.active).order_by(Department.code)))


def all_departments() -> list[Department]:
    """Return every department, active first, by code."""
    return list(db.session.scalars(db.select(Department).order_by(Department.active.desc(), Department.code)))


def staff_categories(*, active_only: bool = True) -> list[StaffCategory]:
    """Return the staff categories in their sort order."""
    query = db.select(StaffCategory).order_by(StaffCategory.sort_order, StaffCategory.id)
    if active_only:
        query = query.where(StaffCategory.active)
    return list(db.session.scalars(query))


@transactional
def save_department(
    department: Department | None,
    *,
    code: str,
    name_th: str,
    name_en: str,
    active: bool,
    head_employee_number: str = "",
) -> Department:
    """Create or change a department; its short code stays unique; its head is an active person."""
    code = code.strip().upper()
    clash = db.session.scalar(db.select(Department.id).where(sa.func.upper(Department.code) == code))
    if clash is not None and (department is None or clash != department.id):
        raise RuleViolation(str(_l("Another department already uses this code.")), "code")
    head_id = None
    number = (head_employee_number or "").strip()
    if number:
        head_id = db.session.scalar(
            db.select(Person.id).where(Person.employee_number == number, Person.active)
        )
        if head_id is None:
            raise RuleViolation(str(_l("No active person has this employee number.")), "head_employee_number")
    if department is None:
        department = Department()
        db.session.add(department)
    department.code = code
    department.name_th = name_th.strip()
    department.name_en = name_en.strip()
    department.active = active
    department.head_person_id = head_id
    return department


def departments_with_heads() -> list[Department]:
    """Return every department, active first, with its head loaded."""
    return list(
        db.session.scalars(
            db.select(Department)
            .options(selectinload(Department.head))
            .order_by(Department.active.desc(), Department.code)
        )
    )


def active_people_per_department() -> dict[int | None, int]:
    """Count the active people of each department (None: those in no department), in one grouped query."""
    return dict(
        db.session.execute(
            db.select(Person.department_id, sa.func.count(Person.id))
            .where(Person.active)
            .group_by(Person.department_id)
        ).all()
    )
