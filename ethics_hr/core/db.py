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


def insert_ignoring_conflict(table: sa.Table, values: dict | list[dict], *, index_elements: list[str]):
    """INSERT rows, skipping those that clash with a unique key; the result's rowcount counts those added."""
    if dialect() == "postgresql":
        stmt = postgresql.insert(table).values(values).on_conflict_do_nothing(index_elements=index_elements)
    else:
        stmt = sqlite.insert(table).values(values).on_conflict_do_nothing(index_elements=index_elements)
    # preserve_rowcount: otherwise PostgreSQL reports -1 and the caller cannot tell whether a row went in.
    return db.session.execute(stmt.execution_options(preserve_rowcount=True))


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
