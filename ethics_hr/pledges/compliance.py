"""Who has signed a pledge: counts per department from the kept counts, and the list of who has not."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ethics_hr.extensions import db
from ethics_hr.people import headcount
from ethics_hr.people.models import Department, Person
from ethics_hr.pledges.models import SIGNED_PLEDGE, Pledge, PledgeSignature, pledge_category


class SignedStatus(StrEnum):
    NOT_SIGNED = "not_signed"
    SIGNED = "signed"
    ALL = "all"


FILTER_LABELS = {
    SignedStatus.NOT_SIGNED: _l("Not signed"),
    SignedStatus.SIGNED: _l("Signed"),
    SignedStatus.ALL: _l("All"),
}
NO_DEPARTMENT = "none"


@dataclass
class Share:
    total: int = 0
    signed: int = 0

    @property
    def not_signed(self) -> int:
        return self.total - self.signed

    @property
    def percent(self) -> float:
        return 100.0 * self.signed / self.total if self.total else 0.0

    def add(self, other: Share) -> None:
        self.total += other.total
        self.signed += other.signed


@dataclass
class Summary:
    overall: Share
    by_department: list[tuple[Department | None, Share]] = field(default_factory=list)
    cells: dict[int | None, Share] = field(default_factory=dict)

    def count(self, status: str, department: str) -> int:
        """How many people a filtered list holds, from the counts already made."""
        total = 0
        for department_id, share in self.cells.items():
            if department == NO_DEPARTMENT and department_id is not None:
                continue
            if department.isdigit() and department_id != int(department):
                continue
            total += {SignedStatus.SIGNED: share.signed, SignedStatus.NOT_SIGNED: share.not_signed}.get(
                status, share.total
            )
        return total


def _signed(pledge: Pledge) -> sa.ColumnElement[bool]:
    """The condition on Person "has signed this pledge" (one probe of the (pledge, person) unique index)."""
    return sa.exists().where(PledgeSignature.pledge_id == pledge.id, PledgeSignature.person_id == Person.id)


def summary(pledge: Pledge, *, departments: Iterable[Department] | None = None) -> Summary:
    """Count the audience and the signed, overall and per department: two queries of the counts kept per
    department and staff category (see people.headcount)."""
    categories = sa.select(pledge_category.c.staff_category_id).where(
        pledge_category.c.pledge_id == pledge.id
    )
    totals = headcount.people_in(categories)
    signed = headcount.counted_in(SIGNED_PLEDGE, pledge.id, categories)
    overall = Share()
    cells: dict[int | None, Share] = {}
    for department_id, total in totals.items():
        share = Share(total, signed.get(department_id, 0))
        cells[department_id] = share
        overall.add(share)
    if departments is None:
        departments = db.session.scalars(sa.select(Department))
    by_id = {d.id: d for d in departments}
    by_department = sorted(
        ((by_id.get(key) if key else None, share) for key, share in cells.items()),
        key=lambda pair: (pair[0] is None, pair[0].code if pair[0] else ""),
    )
    return Summary(overall, by_department, cells)


def people_query(pledge: Pledge, status: str, department: str = "") -> sa.Select:
    """Build the filtered, ordered query of the people a pledge asks to sign.

    The audience is written with "+ 0" on the staff category, so that the planner walks the people in name
    order (a page is the first 25 found) instead of fetching the whole audience by category to sort it.
    """
    categories = [c.id for c in pledge.categories]
    query = sa.select(Person).where(Person.active.is_(True), (Person.staff_category_id + 0).in_(categories))
    if status == SignedStatus.NOT_SIGNED:
        query = query.where(~_signed(pledge))
    elif status == SignedStatus.SIGNED:
        query = query.where(_signed(pledge))
    if department == NO_DEPARTMENT:
        query = query.where(Person.department_id.is_(None))
    elif department.isdigit():
        query = query.where(Person.department_id == int(department))
    return query.order_by(Person.first_name_th, Person.last_name_th, Person.id)


def signatures_of(pledge: Pledge, person_ids: list[int]) -> dict[int, PledgeSignature]:
    """Return, per person of one page, their signature of a pledge: one query."""
    if not person_ids:
        return {}
    rows = db.session.scalars(
        sa.select(PledgeSignature).where(
            PledgeSignature.pledge_id == pledge.id, PledgeSignature.person_id.in_(person_ids)
        )
    )
    return {row.person_id: row for row in rows}
