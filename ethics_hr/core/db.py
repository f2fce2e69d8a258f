"""Transaction helpers that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from ethics_hr.extensions import db

P = ParamSpec("P")
R = TypeVar("R")


def dialect() -> str:
    return db.session.get_bind().dialect.name


def begin_write(lock_table: sa.Table | None = None, lock_id: int | None = None) -> None:
    """Start the write transaction now, before reading what the write depends on.

    On SQLite this takes the database write lock (BEGIN IMMEDIATE through a no-op write); on PostgreSQL it
    locks the given row with SELECT ... FOR UPDATE, so a second writer on the same row waits.
    """
    if dialect() == "sqlite":
        db.session.execute(sa.text("UPDATE organisation_settings SET id = id WHERE 1 = 0"))
    elif lock_table is not None and lock_id is not None:
        db.session.execute(sa.select(lock_table.c.id).where(lock_table.c.id == lock_id).with_for_update())


def lock_tables(*tables: sa.Table) -> None:
    """Keep other writers off some tables until the transaction ends (readers go on): for work that
    rewrites them whole. On SQLite the database write lock; on PostgreSQL LOCK TABLE ... SHARE ROW EXCLUSIVE.
    """
    if dialect() == "sqlite":
        begin_write()
    else:
        names = ", ".join(db.session.get_bind().dialect.identifier_preparer.format_table(t) for t in tables)
        db.session.execute(sa.text(f"LOCK TABLE {names} IN SHARE ROW EXCLUSIVE MODE"))


def insert_ignoring_conflict(table: sa.Table, values: dict | list[dict], *, index_elements: list[str]):
    """INSERT rows, skipping those that clash with a unique key; the result's rowcount counts those added."""
    if dialect() == "postgresql":
        stmt = postgresql.insert(table).values(values).on_conflict_do_nothing(index_elements=index_elements)
    else:
        stmt = sqlite.insert(table).values(values).on_conflict_do_nothing(index_elements=index_elements)
    # preserve_rowcount: otherwise PostgreSQL reports -1 and the caller cannot tell whether a row went in.
    return db.session.execute(stmt.execution_options(preserve_rowcount=True))


def add_counts(
    connection: sa.Connection,
    table: sa.Table,
    rows: list[dict],
    *,
    keys: list[str],
    columns: tuple[str, ...] = ("people",),
) -> None:
    """Add each row's counts (`columns`) to the row of the same keys, inserting it when there is none yet.

    One INSERT ... ON CONFLICT DO UPDATE for all the rows, in the order of their keys, so that two writers
    that add to the same rows lock them in the same order.
    """
    module = postgresql if connection.dialect.name == "postgresql" else sqlite
    ordered = sorted(rows, key=lambda row: tuple(row[k] for k in keys))
    for start in range(0, len(ordered), 1_000):  # a statement's bound parameters stay well under the limits
        stmt = module.insert(table).values(ordered[start : start + 1_000])
        stmt = stmt.on_conflict_do_update(
            index_elements=keys, set_={column: table.c[column] + stmt.excluded[column] for column in columns}
        )
        connection.execute(stmt)


@contextmanager
def unit_of_work() -> Iterator[None]:
    """Commit what the block wrote when it ends normally; roll all of it back when anything in it raises.

    Services wrap their writes in this, so a view, a CLI command or a job never commits or rolls back
    itself. Nested units join the outermost one: only the outermost commits.
    """
    info = db.session.info
    depth = info.get("unit_of_work_depth", 0)
    info["unit_of_work_depth"] = depth + 1
    try:
        yield
        if depth == 0:
            db.session.commit()
    except BaseException:
        if depth == 0:
            db.session.rollback()
        raise
    finally:
        info["unit_of_work_depth"] = depth


def store_once(find: Callable[[], R | None], make: Callable[[], R]) -> R:
    """Return the row `find` finds, else add the one `make` makes and commit it: once, however many store it
    at the same moment (the row's unique key lets one of them in; the others return that one)."""
    existing = find()
    if existing is not None:
        return existing
    try:
        with unit_of_work():
            begin_write()
            if (existing := find()) is not None:
                return existing
            row = make()
            db.session.add(row)
    except sa.exc.IntegrityError:
        existing = find()
        if existing is None:
            raise
        return existing
    return row


def transactional(func: Callable[P, R]) -> Callable[P, R]:
    """Run a service function as one unit of work (see `unit_of_work`)."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with unit_of_work():
            return func(*args, **kwargs)

    return wrapper


def database_answers() -> bool:
    """Whether the database answers a trivial query now (the health check); a failure leaves nothing open."""
    try:
        with unit_of_work():
            db.session.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError:
        return False
    return True
