"""Compliance kept counted: per published version, department and staff category, how many people are in the
audience, how many have acknowledged and how many are due again, so that the compliance page reads a few rows
per department whatever the size of the organisation.

The counts are kept by the session itself: after a flush it notes what changed (an acknowledgment, a person's
department, staff category or activity, a version published or superseded, the time zone), and before the
commit it counts again, from the truth, the departments and categories those changes touched, in the same
transaction. The published version's row is locked first (PostgreSQL), so that two transactions counting the
same version one after the other each see what the other committed.

What depends on the day is not kept: who is overdue is worked out from the few people who started lately (only
for them the due date has not yet passed), and for a version asked again every N months the counts hold as of
the day in `ComplianceTallyDay`; `summary_cells` moves those whose acknowledgment fell due since then, and the
daily job `roll` counts such versions again as of today.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from flask import has_app_context
from sqlalchemy import event
from sqlalchemy.orm import Session

from ethics_hr.codes.audience import acknowledged_by, chain_ids, current_since, people_in_audience
from ethics_hr.codes.models import (
    NO_DEPARTMENT_KEY,
    Acknowledgment,
    CodeVersion,
    ComplianceTally,
    ComplianceTallyDay,
    VersionStatus,
)
from ethics_hr.core.db import dialect
from ethics_hr.core.settings import OrganisationSettings
from ethics_hr.core.timeutil import local_today, to_local
from ethics_hr.extensions import db
from ethics_hr.people.models import Person

PENDING = "compliance_tally"  # the session.info key of what the next commit counts again
WATCHED = ("active", "department_id", "staff_category_id", "department", "staff_category")
WHOLE = 40  # more departments and categories touched than this: count the whole version again
MANY = 500  # more people or acknowledgments than this in one transaction (an import): count everything again

Cell = tuple[int, int]  # (department_key, staff_category_id)


@dataclass
class Counts:
    people: int = 0
    acknowledged: int = 0
    due_again: int = 0


def department_key(department_id: int | None) -> int:
    return NO_DEPARTMENT_KEY if department_id is None else department_id


def _department():
    """A person's department as a tally's key, in SQL."""
    return sa.func.coalesce(Person.department_id, NO_DEPARTMENT_KEY)


# ---------------------------------------------------------------- counting from the truth


def count(version: CodeVersion, as_of: date, cells: set[Cell] | None = None) -> dict[Cell, Counts]:
    """Count a version's audience, its acknowledged and its due again as of a day, per department and
    category (only those `cells`, when given), with one grouped query."""
    ids = chain_ids(version)
    latest = (
        sa.select(sa.func.max(Acknowledgment.acknowledged_at))
        .where(Acknowledgment.person_id == Person.id, Acknowledgment.version_id.in_(ids))
        .correlate(Person)
        .scalar_subquery()
    )
    dept = _department()
    people = sa.select(
        dept.label("dept"), Person.staff_category_id.label("cat"), latest.label("latest")
    ).where(people_in_audience(version))
    if cells is not None:
        people = people.where(sa.or_(*(sa.and_(dept == d, Person.staff_category_id == c) for d, c in cells)))
    inner = people.subquery("people")
    since = current_since(version, as_of)
    if since is None:
        current, again = inner.c.latest.is_not(None), sa.false()
    else:
        current, again = inner.c.latest >= since, inner.c.latest < since
    rows = db.session.execute(
        sa.select(
            inner.c.dept,
            inner.c.cat,
            sa.func.count(),
            sa.func.sum(sa.case((current, 1), else_=0)),
            sa.func.sum(sa.case((again, 1), else_=0)),
        ).group_by(inner.c.dept, inner.c.cat)
    )
    return {(d, c): Counts(int(n), int(a or 0), int(g or 0)) for d, c, n, a, g in rows}


def _write(version: CodeVersion, counts: dict[Cell, Counts], cells: set[Cell] | None, as_of: date) -> None:
    table = ComplianceTally.__table__
    delete = sa.delete(table).where(table.c.version_id == version.id)
    if cells is not None:
        delete = delete.where(
            sa.or_(*(sa.and_(table.c.department_key == d, table.c.staff_category_id == c) for d, c in cells))
        )
    db.session.execute(delete)
    rows = [
        {
            "version_id": version.id,
            "department_key": d,
            "staff_category_id": c,
            "people": n.people,
            "acknowledged": n.acknowledged,
            "due_again": n.due_again,
        }
        for (d, c), n in counts.items()
    ]
    if rows:
        db.session.execute(sa.insert(table), rows)
    if cells is None:
        day = ComplianceTallyDay.__table__
        db.session.execute(sa.delete(day).where(day.c.version_id == version.id))
        db.session.execute(sa.insert(day).values(version_id=version.id, as_of=as_of))


def rebuild(version: CodeVersion, as_of: date | None = None) -> None:
    """Count a published version again, whole, as of today (or `as_of`)."""
    as_of = as_of or local_today()
    _write(version, count(version, as_of), None, as_of)


def _as_of(version_id: int) -> date | None:
    return db.session.scalar(
        sa.select(ComplianceTallyDay.as_of).where(ComplianceTallyDay.version_id == version_id)
    )


def kept(version: CodeVersion) -> tuple[dict[Cell, Counts], date] | None:
    """Return a published version's kept counts and the day they hold as of, or None when it has none."""
    settle(db.session())  # what this transaction changed and did not commit yet is counted first
    if version.status != VersionStatus.PUBLISHED:
        return None
    as_of = _as_of(version.id)
    if as_of is None:
        return None
    rows = db.session.execute(
        sa.select(
            ComplianceTally.department_key,
            ComplianceTally.staff_category_id,
            ComplianceTally.people,
            ComplianceTally.acknowledged,
            ComplianceTally.due_again,
        ).where(ComplianceTally.version_id == version.id)
    )
    return {(d, c): Counts(n, a, g) for d, c, n, a, g in rows}, as_of


def fell_due(version: CodeVersion, as_of: date, today: date) -> dict[Cell, int]:
    """Per department and category, the people whose latest acknowledgment was current on `as_of` and
    is due again today: those whose latest one falls between the two days' cut-offs (a day's, as a rule)."""
    start, end = current_since(version, as_of), current_since(version, today)
    if start is None or end is None or end <= start:
        return {}
    ids = chain_ids(version)
    later = sa.orm.aliased(Acknowledgment)
    dept = _department()
    rows = db.session.execute(
        sa.select(dept, Person.staff_category_id, sa.func.count(sa.distinct(Person.id)))
        .join(Acknowledgment, Acknowledgment.person_id == Person.id)
        .where(
            people_in_audience(version),
            Acknowledgment.version_id.in_(ids),
            Acknowledgment.acknowledged_at >= start,
            Acknowledgment.acknowledged_at < end,
            ~sa.exists().where(
                later.person_id == Person.id, later.version_id.in_(ids), later.acknowledged_at >= end
            ),
        )
        .group_by(dept, Person.staff_category_id)
    )
    return {(d, c): int(n) for d, c, n in rows}


def not_late_from(version: CodeVersion, today: date) -> date | None:
    """Return the start date from which a person who never acknowledged is not late yet (their own due date,
    start date + the version's window, has not passed); None when nobody is late (the version's due date is
    ahead, or it has none)."""
    if not version.is_published or version.due_date is None or version.due_date >= today:
        return None
    window = max((version.due_date - to_local(version.published_at).date()).days, 0)
    return today - timedelta(days=window)


def started_lately(version: CodeVersion, today: date) -> dict[Cell, int] | None:
    """Per department and category, the people who never acknowledged and are not late yet (they started
    less than the version's window ago); None when nobody is late (see `not_late_from`)."""
    start = not_late_from(version, today)
    if start is None:
        return None
    chain_ids(version)
    dept = _department()
    rows = db.session.execute(
        sa.select(dept, Person.staff_category_id, sa.func.count())
        .where(
            # The ids first, from the start dates' index: without statistics SQLite would rather walk the
            # staff categories' index over the whole audience.
            Person.id.in_(sa.select(Person.id).where(Person.start_date >= start)),
            people_in_audience(version),
            ~acknowledged_by(Person.id, version),
        )
        .group_by(dept, Person.staff_category_id)
    )
    return {(d, c): int(n) for d, c, n in rows}


def roll(today: date | None = None) -> int:
    """Count again, as of today, the published versions asked again every N months whose counts are older,
    and those without counts yet (published before the counts were kept). Return how many were counted."""
    today = today or local_today()
    versions = db.session.scalars(
        sa.select(CodeVersion)
        .outerjoin(ComplianceTallyDay, ComplianceTallyDay.version_id == CodeVersion.id)
        .where(
            CodeVersion.status == VersionStatus.PUBLISHED,
            sa.or_(
                ComplianceTallyDay.as_of.is_(None),
                sa.and_(CodeVersion.reacknowledge_months.is_not(None), ComplianceTallyDay.as_of < today),
            ),
        )
        .order_by(CodeVersion.id)
    ).all()
    for version in versions:
        _lock([version.id])
        rebuild(version, today)
    return len(versions)


def roll_job(now: datetime) -> int:
    """The scheduler's hourly job: `roll`, committed."""
    counted = roll(to_local(now).date())
    db.session.commit()
    return counted


# ---------------------------------------------------------------- kept by the session


@dataclass
class _Pending:
    everything: bool = False
    versions: set[int] = field(default_factory=set)  # published or unpublished: counted whole, or removed
    acks: set[tuple[int, int]] = field(default_factory=set)  # (person_id, version_id)
    people: set[int] = field(default_factory=set)  # whose present department and category is counted again
    cells: set[Cell] = field(default_factory=set)  # the departments and categories people left

    def __bool__(self) -> bool:
        return bool(self.everything or self.versions or self.acks or self.people or self.cells)


def _pending(session: Session) -> _Pending:
    found = session.info.get(PENDING)
    if found is None:
        found = session.info[PENDING] = _Pending()
    return found


def _old_cell(person: Person) -> Cell | None:
    """The department and category a person was counted in before this flush (None: they were inactive)."""
    state = sa.inspect(person)

    def before(key: str):
        history = state.attrs[key].history
        if history.deleted:
            return history.deleted[0]
        return history.unchanged[0] if history.unchanged else getattr(person, key)

    if not before("active"):
        return None
    department = before("department_id")
    category = before("staff_category_id")
    return department_key(department), category


def note_acknowledgment(person_id: int, version_id: int) -> None:
    """Have the commit count an acknowledgment inserted past the ORM (a Core insert)."""
    _pending(db.session()).acks.add((person_id, version_id))


@event.listens_for(Session, "after_flush")
def _note_changes(session: Session, flush_context) -> None:
    pending = _pending(session)
    for obj in session.new:
        if isinstance(obj, Acknowledgment):
            pending.acks.add((obj.person_id, obj.version_id))
        elif isinstance(obj, Person):
            pending.people.add(obj.id)
        elif isinstance(obj, CodeVersion) and obj.status == VersionStatus.PUBLISHED:
            pending.versions.add(obj.id)
    for obj in session.dirty:
        if isinstance(obj, Person):
            state = sa.inspect(obj)
            if any(state.attrs[key].history.has_changes() for key in WATCHED):
                old = _old_cell(obj)
                if old is not None:
                    pending.cells.add(old)
                pending.people.add(obj.id)
        elif isinstance(obj, CodeVersion) and sa.inspect(obj).attrs.status.history.has_changes():
            pending.versions.add(obj.id)
        elif isinstance(obj, OrganisationSettings) and sa.inspect(obj).attrs.timezone.history.has_changes():
            pending.everything = True
    for obj in session.deleted:
        if isinstance(obj, Person):
            old = _old_cell(obj)
            if old is not None:
                pending.cells.add(old)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(PENDING, None)


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    settle(session)


def _lock(version_ids: list[int]) -> None:
    """Hold the versions' rows until the commit (PostgreSQL; SQLite has one writer at a time anyway)."""
    if version_ids and dialect() == "postgresql":
        db.session.execute(
            sa.select(CodeVersion.id)
            .where(CodeVersion.id.in_(version_ids))
            .order_by(CodeVersion.id)
            .with_for_update()
        )


def settle(session: Session) -> None:
    """Count again what the session changed since its last counting (called before each commit)."""
    if not has_app_context() or session is not db.session():
        return  # a session of its own (a script's): the job counts what it changed
    for _ in range(10):  # a flush can note more
        session.flush()
        pending = session.info.pop(PENDING, None)
        if not pending:
            return
        _count_again(pending)


def _count_again(pending: _Pending) -> None:
    published = db.session.scalars(
        sa.select(CodeVersion).where(CodeVersion.status == VersionStatus.PUBLISHED).order_by(CodeVersion.id)
    ).all()
    by_id = {v.id: v for v in published}
    gone = [vid for vid in pending.versions if vid not in by_id]
    if gone:
        db.session.execute(sa.delete(ComplianceTally.__table__).where(ComplianceTally.version_id.in_(gone)))
        db.session.execute(
            sa.delete(ComplianceTallyDay.__table__).where(ComplianceTallyDay.version_id.in_(gone))
        )
    if not published:
        return
    if len(pending.people) + len(pending.acks) > MANY:
        pending.everything = True
    whole = set(by_id) if pending.everything else {vid for vid in pending.versions if vid in by_id}
    cells: dict[int, set[Cell]] = {vid: set(pending.cells) for vid in by_id}
    people = set(pending.people) | {person_id for person_id, _ in pending.acks}
    where = {}
    if people:
        for pid, d, c in db.session.execute(
            sa.select(Person.id, Person.department_id, Person.staff_category_id).where(Person.id.in_(people))
        ):
            where[pid] = (department_key(d), c)
    for pid in pending.people:
        if pid in where:
            for vid in by_id:
                cells[vid].add(where[pid])
    if pending.acks:
        acked = {vid for _, vid in pending.acks}
        chains = {
            vid: (basis, number)
            for vid, basis, number in db.session.execute(
                sa.select(CodeVersion.id, CodeVersion.ack_basis_id, CodeVersion.number).where(
                    CodeVersion.id.in_(acked)
                )
            )
        }
        for pid, vid in pending.acks:
            basis, number = chains.get(vid, (None, None))
            for version in published:
                if pid in where and version.ack_basis_id == basis and version.number >= number:
                    cells[version.id].add(where[pid])
    todo = sorted(vid for vid in by_id if vid in whole or cells[vid])
    _lock(todo)
    today = local_today()
    for vid in todo:
        version = by_id[vid]
        as_of = _as_of(vid)
        if vid in whole or as_of is None or len(cells[vid]) > WHOLE:
            rebuild(version, today if vid in whole or as_of is None else as_of)
        else:
            _write(version, count(version, as_of, cells[vid]), cells[vid], as_of)
