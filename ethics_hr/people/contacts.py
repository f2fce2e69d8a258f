"""Whom a message reaches: a person's account, address and language, as `notifications` wants them.

Every domain that tells people something builds its recipients here, in one query however many people.
A person with neither an account nor an address cannot be told anything and is left out.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from ethics_hr.core.access import ADMIN, PERSONNEL
from ethics_hr.core.formatting import bilingual
from ethics_hr.core.language import locale_of, organisation_locale
from ethics_hr.extensions import db
from ethics_hr.notifications.services import Recipient
from ethics_hr.people.models import Department, Person, User, UserRole

_COLUMNS = (
    Person.id,
    Person.email,
    Person.prefix,
    Person.first_name_th,
    Person.last_name_th,
    Person.first_name_en,
    Person.last_name_en,
    User.id.label("user_id"),
    User.preferred_locale,
)
CHUNK = 1000


def _recipient(row, default_locale: str) -> Recipient | None:
    if row.user_id is None and not row.email:
        return None
    locale = locale_of(row.preferred_locale, default_locale)
    english = f"{row.first_name_en} {row.last_name_en}".strip()
    thai = f"{row.prefix}{row.first_name_th} {row.last_name_th}".strip()
    name = bilingual(thai, english, locale)
    return Recipient(row.user_id, row.email or None, row.preferred_locale, name)


def recipients_of(people: sa.Select | Iterable[int]) -> dict[int, Recipient]:
    """Return the recipient of each active person among the given ids (or a select of ids), by person id."""
    default = organisation_locale()
    # In id order: two jobs writing the same messages at once then take their row locks in the same order.
    base = (
        sa.select(*_COLUMNS)
        .outerjoin(User, User.person_id == Person.id)
        .where(Person.active)
        .order_by(Person.id)
    )
    found: dict[int, Recipient] = {}
    if isinstance(people, sa.Select):
        batches = [base.where(Person.id.in_(people))]
    else:
        ids = sorted(set(people))
        batches = [base.where(Person.id.in_(ids[i : i + CHUNK])) for i in range(0, len(ids), CHUNK)]
    for query in batches:
        for row in db.session.execute(query):
            r = _recipient(row, default)
            if r is not None:
                found[row.id] = r
    return found


def administrators() -> list[Recipient]:
    """Return the active people who hold the administrator's role."""
    admins = (
        sa.select(User.person_id).join(UserRole, UserRole.user_id == User.id).where(UserRole.role == ADMIN)
    )
    return list(recipients_of(admins).values())


def personnel_officers() -> list[Recipient]:
    """Return the active people who hold the personnel officer's role."""
    officers = (
        sa.select(User.person_id)
        .join(UserRole, UserRole.user_id == User.id)
        .where(UserRole.role == PERSONNEL)
    )
    return list(recipients_of(officers).values())


def department_heads() -> dict[int, int]:
    """Return the head's person id of each active department that has an active head."""
    rows = db.session.execute(
        sa.select(Department.id, Department.head_person_id)
        .join(Person, Person.id == Department.head_person_id)
        .where(Department.active, Person.active)
    )
    return dict(rows.all())
