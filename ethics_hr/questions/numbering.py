"""Ids and references of questions that do not order an anonymous question against anything else.

A named question's row ids and its reference (Q2570-0012) come from sequences, and its time is known from
its audit entries; an anonymous question numbered from the same sequences would sit between two named ones
and so be timed by them. Anonymous questions and their askers' messages therefore take ids drawn at random
from a range the sequences never reach (still below 2^31, a PostgreSQL integer), and a reference number drawn
at random from the six-digit numbers, above the named questions' four-digit ones.

On SQLite a new row's id is the largest id plus one, so a named row written after a random id would follow
it and tell which came first: there the named rows take the largest id below the random range plus one.
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from sqlalchemy import event

from ethics_hr.extensions import db
from ethics_hr.questions.models import Question, QuestionMessage

RANDOM_ID_FLOOR = 2**30
RANDOM_ID_CEILING = 2**31 - 1  # the largest PostgreSQL integer
ANONYMOUS_NUMBER_FLOOR = 100_000
ANONYMOUS_NUMBER_CEILING = 999_999  # six digits: what a reference may hold (asking.REFERENCE)
_LAST_SEQUENTIAL = "ethics_hr_last_sequential_id"


def random_id(model: type[Question] | type[QuestionMessage]) -> int:
    """An id in the random range that no row of the table holds yet."""
    while True:
        candidate = RANDOM_ID_FLOOR + secrets.randbelow(RANDOM_ID_CEILING - RANDOM_ID_FLOOR + 1)
        if db.session.get(model, candidate) is None:
            return candidate


def anonymous_number(fiscal_year: int) -> int:
    """A reference number for an anonymous question, at random, not yet taken in the fiscal year."""
    while True:
        candidate = ANONYMOUS_NUMBER_FLOOR + secrets.randbelow(
            ANONYMOUS_NUMBER_CEILING - ANONYMOUS_NUMBER_FLOOR + 1
        )
        taken = db.session.scalar(
            sa.select(Question.id).where(Question.fiscal_year == fiscal_year, Question.number == candidate)
        )
        if taken is None:
            return candidate


def next_named_number(fiscal_year: int) -> int:
    """The next number of a named question in the fiscal year; anonymous questions' numbers do not count."""
    last = db.session.scalar(
        sa.select(sa.func.max(Question.number)).where(
            Question.fiscal_year == fiscal_year, Question.number < ANONYMOUS_NUMBER_FLOOR
        )
    )
    return (last or 0) + 1


def _sequential_id_on_sqlite(mapper, connection: sa.Connection, target) -> None:
    if target.id is not None or connection.dialect.name != "sqlite":
        return
    table = mapper.local_table
    largest = connection.execute(
        sa.select(sa.func.max(table.c.id)).where(table.c.id < RANDOM_ID_FLOOR)
    ).scalar_one_or_none()
    # Several rows of one flush are given their ids before any is inserted: remember the last one given.
    transaction = id(connection.get_transaction())
    kept = connection.info.get(_LAST_SEQUENTIAL)
    if kept is None or kept[0] != transaction:
        kept = connection.info[_LAST_SEQUENTIAL] = (transaction, {})
    given = kept[1]
    target.id = max(largest or 0, given.get(table.name, 0)) + 1
    given[table.name] = target.id


for _model in (Question, QuestionMessage):
    if not event.contains(_model, "before_insert", _sequential_id_on_sqlite):
        event.listen(_model, "before_insert", _sequential_id_on_sqlite)
