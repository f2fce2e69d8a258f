"""The "staff categories × departments" audience that codes, plans and training target.

Chosen as two lists of ids on a form (`chosen_groups` loads them, refusing an id not in the lists), and
turned into one composable SQL condition on Person (`members`), which callers combine with their own.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.sql.elements import ColumnElement

from ethics_hr.core.errors import RuleViolation
from ethics_hr.extensions import db
from ethics_hr.people.models import Department, Person, StaffCategory


@dataclass
class Groups:
    """The staff categories and departments chosen as an audience."""

    categories: list[StaffCategory]
    departments: list[Department]


def chosen_groups(
    category_ids: Collection[int] | None,
    department_ids: Collection[int] | None,
    *,
    category_field: str = "category_ids",
    department_field: str = "department_ids",
) -> Groups:
    """Load the chosen staff categories and departments; an id that is in neither list breaks a rule."""
    category_ids, department_ids = set(category_ids or ()), set(department_ids or ())
    categories = list(
        db.session.scalars(
            db.select(StaffCategory).where(StaffCategory.id.in_(category_ids)).order_by(StaffCategory.id)
        )
    )
    departments = list(
        db.session.scalars(
            db.select(Department).where(Department.id.in_(department_ids)).order_by(Department.id)
        )
    )
    if len(categories) != len(category_ids):
        raise RuleViolation(str(_l("Choose staff categories from the list.")), category_field)
    if len(departments) != len(department_ids):
        raise RuleViolation(str(_l("Choose departments from the list.")), department_field)
    return Groups(categories, departments)


def members(
    *, category_ids: Collection[int] | None = None, department_ids: Collection[int] | None = None
) -> ColumnElement[bool]:
    """The condition on Person "active, of one of these staff categories and in one of these departments".

    None leaves that side open (any category, any department); an empty list matches nobody.
    """
    condition = Person.active.is_(True)
    if category_ids is not None:
        condition = sa.and_(condition, Person.staff_category_id.in_(list(category_ids)))
    if department_ids is not None:
        condition = sa.and_(condition, Person.department_id.in_(list(department_ids)))
    return condition
