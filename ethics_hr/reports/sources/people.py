"""The organisation's active people by staff category, in one grouped query."""

from __future__ import annotations

import sqlalchemy as sa

from ethics_hr.extensions import db
from ethics_hr.people.models import Person, StaffCategory


def people_by_category(locale: str = "th") -> list[tuple[str, int]]:
    """Each staff category with its active people (categories with none left out)."""
    rows = db.session.execute(
        sa.select(StaffCategory.name_th, StaffCategory.name_en, sa.func.count(Person.id))
        .select_from(Person)
        .outerjoin(StaffCategory, Person.staff_category_id == StaffCategory.id)
        .where(Person.active.is_(True))
        .group_by(StaffCategory.id, StaffCategory.name_th, StaffCategory.name_en, StaffCategory.sort_order)
        .order_by(StaffCategory.sort_order, StaffCategory.id)
    ).all()
    result = []
    for name_th, name_en, count in rows:
        if name_th is None:
            result.append(("", count))
        else:
            result.append(((name_en or name_th) if locale == "en" else name_th, count))
    return result
