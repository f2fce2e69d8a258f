"""The personnel officer's list of interest categories: add, rename, retire or bring back; never delete."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from ethics_hr.conflicts.models import Interest, InterestCategory
from ethics_hr.core.db import transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.extensions import db


def categories(*, active_only: bool = True) -> list[InterestCategory]:
    query = sa.select(InterestCategory).order_by(InterestCategory.sort_order, InterestCategory.id)
    if active_only:
        query = query.where(InterestCategory.active)
    return list(db.session.scalars(query))


def usage() -> dict[int, int]:
    """How many declared interests each category has, in one grouped query."""
    return dict(
        db.session.execute(
            sa.select(Interest.category_id, sa.func.count()).group_by(Interest.category_id)
        ).all()
    )


def _names(name_th: str, name_en: str) -> tuple[str, str]:
    name_th, name_en = " ".join((name_th or "").split()), " ".join((name_en or "").split())
    if not name_th:
        raise RuleViolation(_("This field is required."), "name_th")
    if len(name_th) > 200:
        raise RuleViolation(_("Write at most %(n)d characters.", n=200), "name_th")
    if len(name_en) > 200:
        raise RuleViolation(_("Write at most %(n)d characters.", n=200), "name_en")
    return name_th, name_en


@transactional
def add_category(name_th: str, name_en: str = "") -> InterestCategory:
    """Add a category of interest at the end of the list."""
    name_th, name_en = _names(name_th, name_en)
    last = db.session.scalar(sa.select(sa.func.max(InterestCategory.sort_order))) or 0
    number = db.session.scalar(sa.select(sa.func.count(InterestCategory.id))) or 0
    category = InterestCategory(code="", name_th=name_th, name_en=name_en, sort_order=last + 1)
    # The code of an officer's category is only a key: taken from the count, then the id settles any clash.
    category.code = f"custom_{number + 1}"
    while db.session.scalar(sa.select(InterestCategory.id).where(InterestCategory.code == category.code)):
        number += 1
        category.code = f"custom_{number + 1}"
    db.session.add(category)
    db.session.flush()
    return category


@transactional
def rename_category(category: InterestCategory, name_th: str, name_en: str = "") -> InterestCategory:
    """Rename a category; declarations made under it show the new name."""
    category.name_th, category.name_en = _names(name_th, name_en)
    return category


@transactional
def set_active(category: InterestCategory, active: bool) -> InterestCategory:
    """Retire a category (it is no longer offered; declarations keep it) or bring it back."""
    if not active and category.active and len(categories()) <= 1:
        raise RuleViolation(_("Keep at least one category on offer."))
    category.active = active
    return category
