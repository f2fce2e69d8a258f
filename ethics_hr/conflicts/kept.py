"""What is kept with the declarations so that no page adds up a whole year: the year's counts by kind,
interests and latest decision (`DeclarationTally`), and the declarations waiting for a decision
(`WaitingDeclaration`).

The services call `declared` and `decided` in the unit of work that writes the declaration or the decision,
under the person's write lock; `rebuild` works both out again from the declarations and decisions (the
benchmark's generator, which inserts rows directly, calls it; so do the tests, to compare).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from ethics_hr.conflicts.models import Decision, Declaration, DeclarationTally, WaitingDeclaration
from ethics_hr.core.db import add_counts, lock_tables
from ethics_hr.extensions import db

UNDECIDED = ""  # the outcome of a declaration no reviewer has decided on (yet)
_KEYS = ["fiscal_year", "kind", "has_interests", "outcome"]


def _count(declaration: Declaration, outcome: str, n: int) -> None:
    add_counts(
        db.session.connection(),
        DeclarationTally.__table__,
        [
            {
                "fiscal_year": declaration.fiscal_year,
                "kind": declaration.kind,
                "has_interests": bool(declaration.has_interests),
                "outcome": outcome,
                "declarations": n,
            }
        ],
        keys=_KEYS,
        columns=("declarations",),
    )


def _stop_waiting(declaration: Declaration) -> None:
    db.session.execute(
        sa.delete(WaitingDeclaration).where(WaitingDeclaration.declaration_id == declaration.id)
    )


def declared(declaration: Declaration, *, corrects: Declaration | None, outcome_before: str | None) -> None:
    """A new current declaration (flushed), which may correct an earlier one whose latest decision was
    `outcome_before` (None for none): the earlier one leaves the counts and the queue, the new one enters."""
    if corrects is not None:
        _count(corrects, outcome_before or UNDECIDED, -1)
        _stop_waiting(corrects)
    _count(declaration, UNDECIDED, 1)
    if declaration.has_interests:
        db.session.add(
            WaitingDeclaration(
                declaration_id=declaration.id,
                fiscal_year=declaration.fiscal_year,
                person_id=declaration.person_id,
            )
        )


def decided(declaration: Declaration, *, outcome_before: str | None, outcome: str) -> None:
    """A decision on a current declaration, replacing one of `outcome_before` (None for the first)."""
    _count(declaration, outcome_before or UNDECIDED, -1)
    _count(declaration, outcome, 1)
    if outcome_before is None:
        _stop_waiting(declaration)


def current_condition() -> sa.ColumnElement[bool]:
    """The condition on Declaration "no correction supersedes it"."""
    newer = aliased(Declaration)
    return ~sa.exists().where(newer.supersedes_id == Declaration.id)


def _latest_outcome() -> sa.ScalarSelect:
    return (
        sa.select(Decision.outcome)
        .where(Decision.declaration_id == Declaration.id)
        .order_by(Decision.id.desc())
        .limit(1)
        .correlate(Declaration)
        .scalar_subquery()
    )


def rebuild() -> None:
    """Work the counts and the waiting declarations out again, in the caller's transaction."""
    db.session.flush()
    lock_tables(DeclarationTally.__table__, WaitingDeclaration.__table__)
    db.session.execute(sa.delete(DeclarationTally))
    db.session.execute(sa.delete(WaitingDeclaration))
    current = (
        sa.select(
            Declaration.fiscal_year,
            Declaration.kind,
            Declaration.has_interests,
            sa.func.coalesce(_latest_outcome(), UNDECIDED).label("outcome"),
        )
        .where(current_condition())
        .subquery()
    )
    db.session.execute(
        sa.insert(DeclarationTally).from_select(
            [*_KEYS, "declarations"],
            sa.select(*current.c, sa.func.count()).group_by(*current.c),
        )
    )
    db.session.execute(
        sa.insert(WaitingDeclaration).from_select(
            ["declaration_id", "fiscal_year", "person_id"],
            sa.select(Declaration.id, Declaration.fiscal_year, Declaration.person_id).where(
                current_condition(),
                Declaration.has_interests,
                ~sa.exists().where(Decision.declaration_id == Declaration.id),
            ),
        )
    )


def year_tally(fy: int) -> list[tuple[str, bool, str, int]]:
    """A fiscal year's counts: (kind, has interests, latest outcome or "", how many current declarations)."""
    return [
        (row.kind, bool(row.has_interests), row.outcome, row.declarations)
        for row in db.session.scalars(
            sa.select(DeclarationTally).where(
                DeclarationTally.fiscal_year == fy, DeclarationTally.declarations != 0
            )
        )
    ]
