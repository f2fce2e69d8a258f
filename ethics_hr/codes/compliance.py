"""Compliance with a version: who acknowledged, who is pending or overdue: SQL aggregates, lists, exports."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

import sqlalchemy as sa
from flask_babel import force_locale, lazy_pgettext, pgettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.sql.elements import ColumnElement

from ethics_hr.codes import tally
from ethics_hr.codes.acknowledgments import personal_due_date
from ethics_hr.codes.audience import (
    acknowledged_by,
    chain_ids,
    counted_acknowledgments,
    current_since,
    due_again_on,
    people_in_audience,
)
from ethics_hr.codes.models import NO_DEPARTMENT_KEY, AckMethod, Acknowledgment, CodeVersion
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.people.models import Department, Person, StaffCategory, User


class ComplianceStatus(StrEnum):
    """Where a person stands with a version, and the filters of the compliance list (ALL: everyone)."""

    PENDING = "pending"  # never acknowledged
    OVERDUE = "overdue"  # never acknowledged, and past their due date
    DUE_AGAIN = "due_again"  # acknowledged, and the version asks for it again every N months
    ACKNOWLEDGED = "acknowledged"  # an acknowledgment that counts today
    ALL = "all"


NO_DEPARTMENT = "none"  # the department filter's value for people without a department

FILTER_LABELS = {
    ComplianceStatus.PENDING: lazy_pgettext("acknowledgment", "Pending"),
    ComplianceStatus.OVERDUE: _l("Overdue"),
    ComplianceStatus.DUE_AGAIN: _l("Due again"),
    ComplianceStatus.ACKNOWLEDGED: _l("Acknowledged"),
    ComplianceStatus.ALL: _l("All"),
}


@dataclass
class Share:
    total: int = 0
    acknowledged: int = 0
    overdue: int = 0
    due_again: int = 0

    @property
    def pending(self) -> int:
        """Never acknowledged (overdue or not); those due again are counted apart."""
        return self.total - self.acknowledged - self.due_again

    @property
    def percent(self) -> float:
        return 100.0 * self.acknowledged / self.total if self.total else 0.0

    def add(self, other: Share) -> None:
        self.total += other.total
        self.acknowledged += other.acknowledged
        self.overdue += other.overdue
        self.due_again += other.due_again


@dataclass
class Summary:
    overall: Share
    by_department: list[tuple[Department | None, Share]] = field(default_factory=list)
    by_category: list[tuple[StaffCategory, Share]] = field(default_factory=list)
    cells: dict[tuple[int | None, int], Share] = field(default_factory=dict)  # (department, category)

    def count(self, f: ComplianceFilter) -> int | None:
        """Return how many people a filtered list holds, from the counts already made; None with a search."""
        if f.q.strip():
            return None
        total = 0
        for (department_id, category_id), share in self.cells.items():
            if f.department == NO_DEPARTMENT and department_id is not None:
                continue
            if f.department.isdigit() and department_id != int(f.department):
                continue
            if f.staff_category_id and category_id != f.staff_category_id:
                continue
            total += {
                ComplianceStatus.PENDING: share.pending,
                ComplianceStatus.OVERDUE: share.overdue,
                ComplianceStatus.DUE_AGAIN: share.due_again,
                ComplianceStatus.ACKNOWLEDGED: share.acknowledged,
            }.get(f.status, share.total)
        return total


def _is_acknowledged(version: CodeVersion, today: date | None = None) -> ColumnElement[bool]:
    """Return the condition on Person "has an acknowledgment of this version (or earlier in its chain) that
    counts today"."""
    # The chain's ids read once, then a correlated EXISTS on the (person_id, version_id) index: one index
    # probe per person.
    chain_ids(version)
    return acknowledged_by(Person.id, version, since=current_since(version, today or local_today()))


def _ever_acknowledged(version: CodeVersion) -> ColumnElement[bool]:
    """Return the condition on Person "has ever acknowledged this version or an earlier one of its chain"."""
    chain_ids(version)
    return acknowledged_by(Person.id, version)


def _overdue(version: CodeVersion, today: date) -> ColumnElement[bool]:
    """Return the condition on Person "their personal due date for this version has passed"."""
    start = tally.not_late_from(version, today)
    if start is None:
        return sa.false()
    # personal due = max(due date, start date + window) < today  <=>  start date + window < today
    return sa.or_(Person.start_date.is_(None), Person.start_date < start)


def summary(
    version: CodeVersion,
    *,
    today: date | None = None,
    departments: list[Department] | None = None,
    categories: list[StaffCategory] | None = None,
) -> Summary:
    """Count the audience, the acknowledged and the overdue: overall, per department, per staff category."""
    today = today or local_today()
    overall = Share()
    cells = _cells(version, today)
    per_department: dict[int | None, Share] = {}
    per_category: dict[int, Share] = {}
    for (department_id, category_id), share in cells.items():
        overall.add(share)
        per_department.setdefault(department_id, Share()).add(share)
        per_category.setdefault(category_id, Share()).add(share)
    if departments is None:
        departments = list(db.session.scalars(sa.select(Department)))
    if categories is None:
        categories = list(db.session.scalars(sa.select(StaffCategory)))
    department_by_id = {d.id: d for d in departments}
    category_by_id = {c.id: c for c in categories}
    by_department = sorted(
        ((department_by_id.get(key) if key else None, share) for key, share in per_department.items()),
        key=lambda pair: (pair[0] is None, pair[0].code if pair[0] else ""),
    )
    by_category = sorted(
        ((category_by_id[key], share) for key, share in per_category.items()),
        key=lambda pair: (pair[0].sort_order, pair[0].id),
    )
    return Summary(overall, by_department, by_category, cells)


def _cells(version: CodeVersion, today: date) -> dict[tuple[int | None, int], Share]:
    """Return the shares per (department, staff category): from the kept counts of a published version,
    with those fallen due since they were counted moved and the overdue worked out; counted afresh for
    another version, or for a day before the counts' own."""
    found = tally.kept(version)
    renewed = bool(version.reacknowledge_months)
    if found is None or (renewed and found[1] > today):
        counts, as_of = tally.count(version, today), today
    else:
        counts, as_of = found
    moved = tally.fell_due(version, as_of, today) if renewed and as_of < today else {}
    lately = tally.started_lately(version, today)
    cells = {}
    for cell, n in counts.items():
        fell = moved.get(cell, 0)
        never = n.people - n.acknowledged - n.due_again
        overdue = 0 if lately is None else never - lately.get(cell, 0)
        department_id = None if cell[0] == NO_DEPARTMENT_KEY else cell[0]
        cells[(department_id, cell[1])] = Share(n.people, n.acknowledged - fell, overdue, n.due_again + fell)
    return cells


@dataclass
class ComplianceFilter:
    status: str = ComplianceStatus.PENDING
    department: str = ""  # a department id, NO_DEPARTMENT for people without one, or "" for all
    staff_category_id: int | None = None
    q: str = ""


def people_query(version: CodeVersion, f: ComplianceFilter, *, today: date | None = None) -> sa.Select:
    """Build the filtered, ordered query of the people in a version's audience."""
    today = today or local_today()
    is_acked = _is_acknowledged(version, today)
    renewed = bool(version.reacknowledge_months)
    never = ~_ever_acknowledged(version) if renewed else ~is_acked
    query = sa.select(Person).where(people_in_audience(version))
    if f.status == ComplianceStatus.PENDING:
        query = query.where(never)
    elif f.status == ComplianceStatus.OVERDUE:
        query = query.where(never, _overdue(version, today))
    elif f.status == ComplianceStatus.DUE_AGAIN:
        query = query.where(~is_acked, _ever_acknowledged(version)) if renewed else query.where(sa.false())
    elif f.status == ComplianceStatus.ACKNOWLEDGED:
        query = query.where(is_acked)
    if f.department == NO_DEPARTMENT:
        query = query.where(Person.department_id.is_(None))
    elif f.department.isdigit():
        query = query.where(Person.department_id == int(f.department))
    if f.staff_category_id:
        query = query.where(Person.staff_category_id == f.staff_category_id)
    if f.q.strip():
        like = f"%{f.q.strip().lower()}%"
        query = query.where(
            sa.or_(
                sa.func.lower(Person.employee_number).like(like),
                sa.func.lower(Person.first_name_th).like(like),
                sa.func.lower(Person.last_name_th).like(like),
                sa.func.lower(Person.first_name_en).like(like),
                sa.func.lower(Person.last_name_en).like(like),
            )
        )
    return query.order_by(Person.first_name_th, Person.last_name_th, Person.id)


def acknowledgments_of(
    version: CodeVersion, person_ids: Iterable[int] | None = None
) -> dict[int, Acknowledgment]:
    """Return, per person, their latest acknowledgment for a version (for one page of people, or all)."""
    chain_ids(version)
    query = counted_acknowledgments(version)
    if person_ids is not None:
        ids = list(person_ids)
        if not ids:
            return {}
        query = query.where(Acknowledgment.person_id.in_(ids))
    found: dict[int, Acknowledgment] = {}
    for row in db.session.scalars(query):
        found.setdefault(row.person_id, row)
    return found


@dataclass
class PersonStatus:
    person: Person
    acknowledgment: Acknowledgment | None  # the latest, current or due again
    due: date | None  # to acknowledge by; for one due again, the day it fell due
    overdue: bool
    due_again: bool = False

    @property
    def status(self) -> ComplianceStatus:
        if self.due_again:
            return ComplianceStatus.DUE_AGAIN
        if self.acknowledgment is not None:
            return ComplianceStatus.ACKNOWLEDGED
        return ComplianceStatus.OVERDUE if self.overdue else ComplianceStatus.PENDING


def statuses(
    version: CodeVersion,
    people: Iterable[Person],
    acks: dict[int, Acknowledgment],
    *,
    today: date | None = None,
) -> list[PersonStatus]:
    """Pair each person with their acknowledgment, personal due date and whether they are overdue."""
    today = today or local_today()
    since = current_since(version, today)
    result = []
    for person in people:
        ack = acks.get(person.id)
        if ack is not None and since is not None and ack.acknowledged_at < since:
            result.append(PersonStatus(person, ack, due_again_on(version, ack), False, due_again=True))
            continue
        due = personal_due_date(version, person)
        overdue = version.is_published and due is not None and due < today
        result.append(PersonStatus(person, ack, due, overdue))
    return result


# ---------------------------------------------------------------- exports


def _header() -> list[str]:
    return [
        _("Employee number"),
        pgettext("full name", "Name"),
        _("Department"),
        _("Staff category"),
        _("Status"),
        _("Due date"),
        _("Acknowledged at"),
        pgettext("acknowledgment", "Method"),
        _("Version acknowledged"),
        _("Recorded by"),
        _("Note"),
    ]


def _row(item: PersonStatus, locale: str, versions: dict[int, int]) -> list[str]:
    p = item.person
    ack = item.acknowledgment
    labels = {
        ComplianceStatus.ACKNOWLEDGED: _("acknowledged"),
        ComplianceStatus.PENDING: _("pending"),
        ComplianceStatus.OVERDUE: _("overdue"),
        ComplianceStatus.DUE_AGAIN: _("due again"),
    }
    method = ""
    if ack is not None:
        method = _("on behalf") if ack.is_on_behalf else _("self")
    return [
        p.employee_number,
        p.display_name(locale),
        p.department.name(locale) if p.department else "",
        p.staff_category.name(locale),
        labels[item.status],
        item.due,  # real dates and numbers: core.exports writes them as date and number cells
        ack.acknowledged_at if ack else None,
        method,
        versions.get(ack.version_id) if ack else None,
        ack.recorded_by.person.display_name(locale) if ack and ack.recorded_by and ack.is_on_behalf else "",
        ack.note if ack else "",
    ]


EXPORT_WIDTHS = (14, 28, 24, 18, 14, 14, 18, 12, 10, 24, 30)


EXPORT_CHUNK = 500  # people read, and their acknowledgments looked up, at a time


def export_rows(version: CodeVersion, f: ComplianceFilter, locale: str) -> Iterator[list]:
    """The filtered list as rows in a language, header first, for `core.exports`: read a few hundred people
    at a time with their acknowledgments, so an export of the whole organisation streams."""
    with force_locale(locale):
        yield _header()
    today = local_today()
    numbers = {
        row.id: row.number
        for row in db.session.execute(
            sa.select(CodeVersion.id, CodeVersion.number).where(CodeVersion.code_id == version.code_id)
        )
    }
    people = db.session.scalars(
        people_query(version, f, today=today).execution_options(yield_per=EXPORT_CHUNK)
    )
    for chunk in people.partitions():
        acks = acknowledgments_of(version, [p.id for p in chunk])
        recorders = {a.recorded_by_id for a in acks.values() if a.method == AckMethod.ON_BEHALF}
        if recorders:  # the recorders' names in one go rather than one query per row
            list(db.session.scalars(sa.select(User).where(User.id.in_(recorders))))
        with force_locale(locale):
            rows = [_row(item, locale, numbers) for item in statuses(version, chunk, acks, today=today)]
        yield from rows
