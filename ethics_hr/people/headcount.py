"""The active people counted by department and staff category, kept as people come, move and leave.

The compliance pages of the pledge and of the declarations of interests show, per department, how many people
are asked and how many have done it. Counting that from the people on every request reads the whole
organisation; here it is kept instead, in the same transaction as the change:

- `Headcount`: the active people of each department and staff category. The session's flush keeps it: a new
  person, a person whose department, category or active flag changed, whoever wrote it.
- `GroupTally`: of them, those who count for a subject ("pledge" N: have signed pledge N). The domain says
  when a person comes to count (`count_in`, in the unit of work that writes the signature); the flush moves
  what a person counts for when the person moves, and takes it away while they are inactive.

A domain names its subject once (`subject`) with the query of everyone who counts for it; `rebuild()` works
both tables out again from the people and those queries (the benchmark's generators, which insert rows
directly, call it). The counts hold only for writes through the ORM session: a bulk UPDATE of `person`
would bypass them, and the house has none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from ethics_hr.core.db import add_counts, lock_tables
from ethics_hr.extensions import db
from ethics_hr.people.models import GroupTally, Headcount, Person

NO_DEPARTMENT_KEY = 0  # the department key of people in no department (executives, council members)
Key = tuple[int, int]  # (department key, staff category id)
Categories = Collection[int] | sa.Select | None  # staff category ids, a query of them, or None for every one


@dataclass(frozen=True)
class Subject:
    name: str
    counted: Callable[[], sa.Select]  # (person_id, subject_id) of everyone who counts, once each


_SUBJECTS: dict[str, Subject] = {}
_CHUNK = 5_000  # person ids per query, well under SQLite's limit on bound parameters


def subject(name: str, counted: Callable[[], sa.Select]) -> None:
    """Name a subject whose people are counted per department and category.

    `counted` returns a query with two columns, the person's id and the subject's id, once per person who
    counts (active or not: the counts keep only the active ones).
    """
    _SUBJECTS[name] = Subject(name, counted)


def key_of(person: Person) -> Key | None:
    """The group an active person is counted in; None for an inactive one (counted nowhere)."""
    if not person.active or person.staff_category_id is None:
        return None
    return (person.department_id or NO_DEPARTMENT_KEY, person.staff_category_id)


def department_of(key: int) -> int | None:
    return None if key == NO_DEPARTMENT_KEY else key


# ---------------------------------------------------------------- reading


def _in_categories(column: sa.ColumnElement, categories: Categories) -> sa.ColumnElement[bool]:
    return sa.true() if categories is None else column.in_(categories)


def people_in(categories: Categories = None) -> dict[int | None, int]:
    """The active people per department (None: no department) of these staff categories. One query."""
    rows = db.session.execute(
        sa.select(Headcount.department_key, sa.func.sum(Headcount.people))
        .where(_in_categories(Headcount.staff_category_id, categories))
        .group_by(Headcount.department_key)
    )
    return {department_of(key): int(n) for key, n in rows if n}


def counted_in(name: str, subject_id: int, categories: Categories = None) -> dict[int | None, int]:
    """Of them, those who count for a subject (have signed pledge N), per department. One query."""
    rows = db.session.execute(
        sa.select(GroupTally.department_key, sa.func.sum(GroupTally.people))
        .where(
            GroupTally.subject == name,
            GroupTally.subject_id == subject_id,
            _in_categories(GroupTally.staff_category_id, categories),
        )
        .group_by(GroupTally.department_key)
    )
    return {department_of(key): int(n) for key, n in rows if n}


# ---------------------------------------------------------------- writing


def count_in(name: str, subject_id: int, person: Person) -> None:
    """Count a person for a subject from now on: call it in the unit of work that writes what makes them
    count (the signature), once per person and subject. An inactive person is counted when they come back."""
    if name not in _SUBJECTS:
        raise KeyError(f"no subject {name!r} is counted")
    db.session.flush()  # a pending move of this person is counted before, without this subject
    key = key_of(person)
    if key is not None:
        _add_tallies(db.session.connection(), Counter({(name, subject_id, *key): 1}))


def _add_heads(connection: sa.Connection, deltas: Counter) -> None:
    add_counts(
        connection,
        Headcount.__table__,
        [{"department_key": d, "staff_category_id": c, "people": n} for (d, c), n in deltas.items() if n],
        keys=["department_key", "staff_category_id"],
    )


def _add_tallies(connection: sa.Connection, deltas: Counter) -> None:
    add_counts(
        connection,
        GroupTally.__table__,
        [
            {"subject": s, "subject_id": i, "department_key": d, "staff_category_id": c, "people": n}
            for (s, i, d, c), n in deltas.items()
            if n
        ],
        keys=["subject", "subject_id", "department_key", "staff_category_id"],
    )


def _move(connection: sa.Connection, moves: list[tuple[int | None, Key | None, Key | None]]) -> None:
    """Apply people's moves (person id or None for a new one, the key before, the key after) to the counts."""
    heads: Counter = Counter()
    for _, old, new in moves:
        if old is not None:
            heads[old] -= 1
        if new is not None:
            heads[new] += 1
    _add_heads(connection, heads)
    known = {person_id: (old, new) for person_id, old, new in moves if person_id is not None}
    if not known or not _SUBJECTS:
        return  # a new person counts for nothing yet
    tallies: Counter = Counter()
    ids = list(known)
    for subject_ in _SUBJECTS.values():
        counted = subject_.counted().subquery()
        for start in range(0, len(ids), _CHUNK):  # a reorganisation may move thousands in one flush
            rows = connection.execute(
                sa.select(counted.c.person_id, counted.c.subject_id).where(
                    counted.c.person_id.in_(ids[start : start + _CHUNK])
                )
            )
            for person_id, subject_id in rows:
                old, new = known[person_id]
                if old is not None:
                    tallies[(subject_.name, subject_id, *old)] -= 1
                if new is not None:
                    tallies[(subject_.name, subject_id, *new)] += 1
    _add_tallies(connection, tallies)


_BEFORE = "headcount.before"
_KEYED = ("department_id", "staff_category_id", "active")


def _committed_key(person: Person) -> Key | None:
    """The key a person had at the last flush: the old value of what changed, the loaded value of the rest."""
    values = {}
    for name in _KEYED:
        history = sa.inspect(person).attrs[name].history
        if history.deleted:
            values[name] = history.deleted[0]
        elif history.unchanged:
            values[name] = history.unchanged[0]
        else:
            values[name] = getattr(person, name)  # not loaded, or set without its old value: read it
    if not values["active"] or values["staff_category_id"] is None:
        return None
    return (values["department_id"] or NO_DEPARTMENT_KEY, values["staff_category_id"])


def _before_flush(session: Session, flush_context, instances) -> None:
    before = session.info.setdefault(_BEFORE, {})
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, Person) and obj not in before:
            before[obj] = _committed_key(obj)


def _after_flush(session: Session, flush_context) -> None:
    before: dict[Person, Key | None] = session.info.pop(_BEFORE, {})
    moves: list[tuple[int | None, Key | None, Key | None]] = [
        (None, None, key_of(obj)) for obj in session.new if isinstance(obj, Person)
    ]
    for person, old in before.items():
        new = None if person in session.deleted else key_of(person)
        if old != new:
            moves.append((person.id, old, new))
    if moves:
        _move(session.connection(), moves)


def _keep_old_value(target, value, oldvalue, initiator):
    return value


def _forget(session: Session, *args) -> None:
    session.info.pop(_BEFORE, None)


def install() -> None:
    """Listen to every session's flushes; called once from create_app()."""
    for name in _KEYED:
        attribute = getattr(Person, name)
        if not event.contains(attribute, "set", _keep_old_value):
            # Load the old value before it is overwritten, even after a commit expired it.
            event.listen(attribute, "set", _keep_old_value, active_history=True, retval=True)
    for name, listener in (
        ("before_flush", _before_flush),
        ("after_flush", _after_flush),
        ("after_rollback", _forget),
    ):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)


# ---------------------------------------------------------------- working it out again


def _grouped_counted(subject_: Subject) -> sa.Select:
    counted = subject_.counted().subquery()
    department = sa.func.coalesce(Person.department_id, NO_DEPARTMENT_KEY)
    return (
        sa.select(
            sa.literal(subject_.name, sa.String(40)),
            counted.c.subject_id,
            department,
            Person.staff_category_id,
            sa.func.count(),
        )
        .join(Person, Person.id == counted.c.person_id)
        .where(Person.active)
        .group_by(counted.c.subject_id, department, Person.staff_category_id)
    )


def rebuild(names: Iterable[str] | None = None) -> None:
    """Work the counts out again from the people (and the subjects' queries), in the caller's transaction."""
    db.session.flush()
    lock_tables(Headcount.__table__, GroupTally.__table__)
    db.session.execute(sa.delete(Headcount))
    department = sa.func.coalesce(Person.department_id, NO_DEPARTMENT_KEY)
    db.session.execute(
        sa.insert(Headcount).from_select(
            ["department_key", "staff_category_id", "people"],
            sa.select(department, Person.staff_category_id, sa.func.count())
            .where(Person.active)
            .group_by(department, Person.staff_category_id),
        )
    )
    for name in names if names is not None else list(_SUBJECTS):
        db.session.execute(sa.delete(GroupTally).where(GroupTally.subject == name))
        db.session.execute(
            sa.insert(GroupTally).from_select(
                ["subject", "subject_id", "department_key", "staff_category_id", "people"],
                _grouped_counted(_SUBJECTS[name]),
            )
        )
