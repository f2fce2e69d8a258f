"""Participants evaluate a session they attended: five ratings from 1 to 5 and a comment, once each.

An evaluation is evidence, inserted once. On an anonymous session it carries no person and only the day;
a separate mark (`EvaluationMark`) records who has evaluated, so nobody votes twice, and says nothing of
what they said. The officer sees the totals per rating (`EvaluationTally`, added in the evaluation's
transaction) and, once enough people have answered that no comment points at one person, the comments
without names in an order that is not the order they came in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload

from ethics_hr.core.db import add_counts, insert_ignoring_conflict, transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.people.models import Person
from ethics_hr.training import assessments
from ethics_hr.training.models import (
    CRITERIA,
    RATINGS,
    Evaluation,
    EvaluationMark,
    EvaluationTally,
    TrainingSession,
)

MAX_COMMENT = 2_000
# An anonymous session's comments are shown once this many people have evaluated it.
MIN_FOR_COMMENTS = 3
COMMENTS_SHOWN = 200


def has_evaluated(s: TrainingSession, person_id: int) -> bool:
    return db.session.get(EvaluationMark, (s.id, person_id)) is not None


def why_not(s: TrainingSession, person_id: int) -> str | None:
    """Why the person cannot evaluate the session now, or None when they can."""
    if not s.evaluated:
        return str(_l("This session asks for no evaluation."))
    if s.is_cancelled:
        return str(_l("This session has been cancelled."))
    if has_evaluated(s, person_id):
        return str(_l("You have evaluated this session. Thank you."))
    if not assessments.attended(s, person_id):
        return str(_l("The evaluation is for the people who attended the session."))
    return None


@transactional
def submit(s: TrainingSession, person: Person, *, ratings: dict[str, int], comment: str = "") -> None:
    """Record a participant's evaluation and its counts; the mark first, so a second one is refused."""
    reason = why_not(s, person.id)
    if reason is not None:
        raise RuleViolation(reason)
    missing = [c for c in CRITERIA if ratings.get(c) not in RATINGS]
    if missing:
        raise RuleViolation(str(_l("Give a rating from 1 to 5.")), missing[0])
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT:
        raise RuleViolation(str(_l("Keep the comment to %(n)d characters.", n=MAX_COMMENT)), "comment")
    marked = insert_ignoring_conflict(
        EvaluationMark.__table__,
        {"session_id": s.id, "person_id": person.id},
        index_elements=["session_id", "person_id"],
    )
    if marked.rowcount != 1:  # someone else's request for the same person got there first
        raise RuleViolation(str(_l("You have evaluated this session. Thank you.")))
    db.session.execute(
        sa.insert(Evaluation).values(
            session_id=s.id,
            person_id=None if s.anonymous_evaluation else person.id,
            submitted_on=local_today(),
            comment=comment,
            **{c: ratings[c] for c in CRITERIA},
        )
    )
    add_counts(
        db.session.connection(),
        EvaluationTally.__table__,
        [{"session_id": s.id, "criterion": c, "rating": ratings[c], "count": 1} for c in CRITERIA],
        keys=["session_id", "criterion", "rating"],
        columns=("count",),
    )


@dataclass
class Ratings:
    """How many gave each rating to one criterion."""

    counts: dict[int, int] = field(default_factory=lambda: dict.fromkeys(RATINGS, 0))

    @property
    def answers(self) -> int:
        return sum(self.counts.values())

    @property
    def average(self) -> float | None:
        n = self.answers
        return sum(r * c for r, c in self.counts.items()) / n if n else None


@dataclass
class Summary:
    criteria: dict[str, Ratings]

    @property
    def evaluations(self) -> int:
        return self.criteria["overall"].answers

    @property
    def overall(self) -> float | None:
        return self.criteria["overall"].average


def summary(session_ids: Iterable[int] | sa.Select) -> Summary:
    """The ratings of the given sessions' evaluations, per criterion, from the counts."""
    ids = session_ids if isinstance(session_ids, sa.Select) else list(session_ids)
    rows = db.session.execute(
        sa.select(EvaluationTally.criterion, EvaluationTally.rating, sa.func.sum(EvaluationTally.count))
        .where(EvaluationTally.session_id.in_(ids))
        .group_by(EvaluationTally.criterion, EvaluationTally.rating)
    )
    found = Summary({c: Ratings() for c in CRITERIA})
    for criterion, rating, count in rows:
        if criterion in found.criteria and rating in RATINGS:
            found.criteria[criterion].counts[rating] = int(count)
    return found


def overall_by_session(session_ids: list[int]) -> dict[int, tuple[int, float]]:
    """Per session: how many evaluated it and the average overall rating (for lists of sessions)."""
    if not session_ids:
        return {}
    rows = db.session.execute(
        sa.select(
            EvaluationTally.session_id,
            sa.func.sum(EvaluationTally.count),
            sa.func.sum(EvaluationTally.count * EvaluationTally.rating),
        )
        .where(EvaluationTally.session_id.in_(session_ids), EvaluationTally.criterion == "overall")
        .group_by(EvaluationTally.session_id)
    )
    return {sid: (int(n), int(total) / int(n)) for sid, n, total in rows if n}


@dataclass(frozen=True)
class Comment:
    text: str
    person: Person | None  # None on an anonymous session


def comments(s: TrainingSession, evaluations: int) -> list[Comment]:
    """The session's comments: with names on a named session; on an anonymous one without, sorted by their
    text, and only once `MIN_FOR_COMMENTS` people have evaluated it."""
    query = sa.select(Evaluation).where(Evaluation.session_id == s.id, Evaluation.comment != "")
    if s.anonymous_evaluation:
        if evaluations < MIN_FOR_COMMENTS:
            return []
        rows = db.session.scalars(query.order_by(Evaluation.comment).limit(COMMENTS_SHOWN))
        return [Comment(row.comment, None) for row in rows]
    rows = db.session.scalars(
        query.options(joinedload(Evaluation.person)).order_by(Evaluation.id.desc()).limit(COMMENTS_SHOWN)
    )
    return [Comment(row.comment, row.person) for row in rows]


def rebuild_tallies() -> None:
    """Count the ratings again from the evaluations (the benchmark's generators call it)."""
    db.session.execute(sa.delete(EvaluationTally))
    for criterion in CRITERIA:
        column = getattr(Evaluation, criterion)
        db.session.execute(
            sa.insert(EvaluationTally).from_select(
                ["session_id", "criterion", "rating", "count"],
                sa.select(Evaluation.session_id, sa.literal(criterion), column, sa.func.count()).group_by(
                    Evaluation.session_id, column
                ),
            )
        )
