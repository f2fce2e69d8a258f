"""The question bank, grading an attempt, recording it with its counts, and the statistics read from them.

Domains that ask questions (a code's quiz before acknowledging) call `record_attempt` with the questions in
the order shown and what was ticked; they decide what the attempt unlocks with `passed_attempt`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ethics_hr.core.db import add_counts, begin_write, transactional, unit_of_work
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.formatting import current_locale
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.learning.models import (
    ALL,
    ALL_TOPICS,
    PHASE_OF,
    Answer,
    AnswerTally,
    Attempt,
    AttemptTally,
    BankChoice,
    BankQuestion,
    OutcomeTally,
    Phase,
    QuestionKind,
    Topic,
)
from ethics_hr.people.headcount import NO_DEPARTMENT_KEY
from ethics_hr.people.models import Person, User

MAX_CHOICES = 6
MIN_CHOICES = 2


# ---------------------------------------------------------------- the bank


@dataclass
class ChoiceContent:
    text_th: str
    text_en: str = ""
    correct: bool = False


@dataclass
class QuestionContent:
    prompt_th: str
    kind: str = QuestionKind.SINGLE.value
    topic: str = Topic.CONDUCT.value
    scenario: bool = False
    prompt_en: str = ""
    explanation_th: str = ""
    explanation_en: str = ""
    clause: str = ""
    choices: list[ChoiceContent] = field(default_factory=list)
    dos_dont_id: int | None = None  # the "do" or "don't" statement of a code the question tests


# The "do" and "don't" statements a question can be tied to come from the codes, a floor above: codes gives
# a function of the locale returning (id, label) of the statements of the versions in force.
StatementSource = Callable[[str | None], list[tuple[int, str]]]
_statement_sources: list[StatementSource] = []


def register_statements(source: StatementSource) -> None:
    """Say where the "do" and "don't" statements come from (the codes domain, once, at import)."""
    _statement_sources[:] = [source]


def statement_choices(locale: str | None = None) -> list[tuple[int, str]]:
    """The statements a question can be tied to, as (id, label)."""
    return _statement_sources[0](locale) if _statement_sources else []


def _checked(content: QuestionContent, *, kept_statement: int | None = None) -> list[ChoiceContent]:
    """Return the filled-in choices, or raise the rule the content breaks."""
    if not content.prompt_th.strip():
        raise RuleViolation(str(_l("This field is required.")), "prompt_th")
    if content.kind not in {k.value for k in QuestionKind}:
        raise RuleViolation(str(_l("Choose single or multiple choice.")), "kind")
    if content.topic not in {t.value for t in Topic}:
        raise RuleViolation(str(_l("Choose a topic.")), "topic")
    choices = [c for c in content.choices if c.text_th.strip() or c.text_en.strip()]
    if any(not c.text_th.strip() for c in choices):
        raise RuleViolation(str(_l("Write each choice in Thai.")), "choices")
    if len(choices) < MIN_CHOICES:
        raise RuleViolation(str(_l("Give at least two choices.")), "choices")
    right = sum(c.correct for c in choices)
    if content.kind == QuestionKind.SINGLE and right != 1:
        raise RuleViolation(
            str(_l("Mark exactly one choice as right for a single-choice question.")), "choices"
        )
    if content.kind == QuestionKind.MULTIPLE and right < 1:
        raise RuleViolation(str(_l("Mark at least one choice as right.")), "choices")
    statement = content.dos_dont_id
    if statement is not None and statement != kept_statement and statement not in dict(statement_choices()):
        raise RuleViolation(str(_l("Choose a statement of a code in force.")), "dos_dont_id")
    return choices


@transactional
def save_question(question: BankQuestion | None, content: QuestionContent, *, by: User) -> BankQuestion:
    """Add a question to the bank, or change one nobody has been shown yet."""
    choices = _checked(content, kept_statement=question.dos_dont_id if question else None)
    if question is None:
        question = BankQuestion(created_by_id=by.id)
        db.session.add(question)
    elif question.is_frozen:
        raise RuleViolation(
            str(_l("People have already been shown this question. Copy it to make a changed one."))
        )
    question.kind = content.kind
    question.topic = content.topic
    question.scenario = content.scenario
    question.prompt_th = content.prompt_th.strip()
    question.prompt_en = content.prompt_en.strip()
    question.explanation_th = content.explanation_th.strip()
    question.explanation_en = content.explanation_en.strip()
    question.clause = content.clause.strip()
    question.dos_dont_id = content.dos_dont_id
    question.choices = [
        BankChoice(position=n, text_th=c.text_th.strip(), text_en=c.text_en.strip(), correct=c.correct)
        for n, c in enumerate(choices, start=1)
    ]
    return question


def content_of(question: BankQuestion) -> QuestionContent:
    return QuestionContent(
        prompt_th=question.prompt_th,
        kind=question.kind,
        topic=question.topic,
        scenario=question.scenario,
        prompt_en=question.prompt_en,
        explanation_th=question.explanation_th,
        explanation_en=question.explanation_en,
        clause=question.clause,
        choices=[ChoiceContent(c.text_th, c.text_en, c.correct) for c in question.choices],
        dos_dont_id=question.dos_dont_id,
    )


@transactional
def copy_question(question: BankQuestion, *, by: User) -> BankQuestion:
    """Start a changeable copy of a question (frozen or not); the original stays as people saw it."""
    copy = save_question(None, replace(content_of(question), dos_dont_id=None), by=by)
    copy.copied_from_id = question.id
    copy.dos_dont_id = question.dos_dont_id  # kept, even when its version is no longer in force
    return copy


@transactional
def set_retired(question: BankQuestion, retired: bool) -> BankQuestion:
    """Retire a question (no new quiz can take it; quizzes that have it keep it), or bring it back."""
    question.retired_at = utc_now() if retired else None
    return question


def freeze(question_ids: Iterable[int]) -> None:
    """Freeze questions about to be shown to people (inside the caller's unit of work)."""
    ids = sorted(set(question_ids))
    if ids:
        db.session.execute(
            sa.update(BankQuestion)
            .where(BankQuestion.id.in_(ids), BankQuestion.frozen_at.is_(None))
            .values(frozen_at=utc_now())
            .execution_options(synchronize_session="fetch")
        )


@dataclass
class BankFilter:
    topic: str | None = None
    scenario: bool | None = None
    retired: bool = False


def bank(flt: BankFilter | None = None) -> list[BankQuestion]:
    """List the bank's questions, newest first: the active ones, or the retired ones."""
    flt = flt or BankFilter()
    query = sa.select(BankQuestion).order_by(BankQuestion.topic, BankQuestion.id.desc())
    query = query.where(
        BankQuestion.retired_at.is_not(None) if flt.retired else BankQuestion.retired_at.is_(None)
    )
    if flt.topic:
        query = query.where(BankQuestion.topic == flt.topic)
    if flt.scenario is not None:
        query = query.where(BankQuestion.scenario.is_(flt.scenario))
    return list(db.session.scalars(query))


def bank_after(own: Sequence[BankQuestion]) -> list[BankQuestion]:
    """A quiz's or test's own questions first, in their order (a retired one stays until it is unticked),
    then the rest of the bank: what its form offers to pick from."""
    return [*own, *(q for q in bank() if q not in own)]


def questions_by_id(ids: Iterable[int]) -> dict[int, BankQuestion]:
    ids = set(ids)
    if not ids:
        return {}
    return {q.id: q for q in db.session.scalars(sa.select(BankQuestion).where(BankQuestion.id.in_(ids)))}


def new_order(question_ids: Sequence[int], *, before: Sequence[int] | None = None) -> list[int]:
    """Shuffle the questions for a new attempt, in another order than the last one where there is one."""
    order = list(question_ids)
    random.SystemRandom().shuffle(order)
    if len(order) > 1 and before is not None and list(before) == order:
        order = [*order[1:], order[0]]
    return order


def parse_order(text: str, question_ids: Iterable[int]) -> list[int] | None:
    """Read the order a form carried back; None unless it is exactly the given questions."""
    try:
        order = [int(part) for part in (text or "").split(",") if part]
    except ValueError:
        return None
    return order if sorted(order) == sorted(question_ids) else None


# ---------------------------------------------------------------- grading and recording


class Unanswered(RuleViolation):
    """Some questions have no choice ticked; `question_ids` says which."""

    def __init__(self, question_ids: list[int]):
        super().__init__(str(_l("Answer every question.")))
        self.question_ids = question_ids


@dataclass
class Graded:
    question: BankQuestion
    ticked: frozenset[int]

    @property
    def correct(self) -> bool:
        return self.ticked == self.question.right_choice_ids


def grade(questions: Sequence[BankQuestion], ticked: dict[int, Iterable[int]]) -> list[Graded]:
    """Grade each question: right when exactly its right choices are ticked. Choices of other questions are
    dropped; a single-choice question with more than one ticked is wrong."""
    graded = []
    missing = []
    for question in questions:
        own = {c.id for c in question.choices}
        chosen = frozenset(int(c) for c in ticked.get(question.id, ()) if int(c) in own)
        if not chosen:
            missing.append(question.id)
        graded.append(Graded(question, chosen))
    if missing:
        raise Unanswered(missing)
    return graded


def _department_key(person: Person) -> int:
    return person.department_id if person.department_id is not None else NO_DEPARTMENT_KEY


@transactional
def record_attempt(
    person: Person,
    *,
    purpose: str,
    subject_id: int,
    questions: Sequence[BankQuestion],
    ticked: dict[int, Iterable[int]],
    pass_percent: int,
    locale: str | None = None,
    outcome_year: int | None = None,
) -> Attempt:
    """Grade and record an attempt (the questions in the order shown), its answers and their counts.

    With `outcome_year`, a training test's scenario answers also count toward that fiscal year's outcome
    (the caller gives it for a person's first try only). Raises `Unanswered` (nothing written) when a
    question has no choice ticked.
    """
    graded = grade(questions, ticked)
    # One person's attempts are counted one at a time: "first attempt" and "first pass" stay exact.
    begin_write(Person.__table__, person.id)
    earlier = db.session.execute(
        sa.select(sa.func.count(Attempt.id), sa.func.count(sa.case((Attempt.passed, 1)))).where(
            Attempt.person_id == person.id, Attempt.purpose == purpose, Attempt.subject_id == subject_id
        )
    ).one()
    right = sum(g.correct for g in graded)
    total = len(graded)
    passed = total > 0 and right * 100 >= pass_percent * total
    attempt = Attempt(
        person_id=person.id,
        purpose=purpose,
        subject_id=subject_id,
        department_id=person.department_id,
        staff_category_id=person.staff_category_id,
        submitted_at=utc_now(),
        question_order=",".join(str(q.id) for q in questions),
        correct_count=right,
        total=total,
        pass_percent=pass_percent,
        passed=passed,
        locale=locale or current_locale(),
    )
    db.session.add(attempt)
    db.session.flush()
    db.session.execute(
        sa.insert(Answer),
        [
            {
                "attempt_id": attempt.id,
                "question_id": g.question.id,
                "position": n,
                "choice_ids": ",".join(str(c) for c in sorted(g.ticked)),
                "correct": g.correct,
            }
            for n, g in enumerate(graded, start=1)
        ],
    )
    keys = {
        "purpose": purpose,
        "subject_id": subject_id,
        "department_key": _department_key(person),
        "staff_category_id": person.staff_category_id,
    }
    connection = db.session.connection()
    add_counts(
        connection,
        AnswerTally.__table__,
        [{**keys, "question_id": g.question.id, "answered": 1, "correct": int(g.correct)} for g in graded],
        keys=["purpose", "subject_id", "question_id", "department_key", "staff_category_id"],
        columns=("answered", "correct"),
    )
    add_counts(
        connection,
        AttemptTally.__table__,
        [
            {
                **keys,
                "attempts": 1,
                "passed": int(passed),
                "people_tried": int(earlier[0] == 0),
                "people_passed": int(passed and earlier[1] == 0),
            }
        ],
        keys=["purpose", "subject_id", "department_key", "staff_category_id"],
        columns=("attempts", "passed", "people_tried", "people_passed"),
    )
    phase = PHASE_OF.get(purpose)
    if outcome_year is not None and phase is not None:
        _count_outcome(connection, graded, outcome_year, phase, keys)
    return attempt


def _count_outcome(connection, graded: list[Graded], fiscal_year: int, phase: Phase, keys: dict) -> None:
    """Add an attempt's scenario answers to the year's outcome: one row per topic, and the sums the outcome
    page reads (per topic, for the person's department and category, and in all)."""
    per_topic: dict[str, list[int]] = {}
    for g in graded:
        if g.question.scenario:
            counts = per_topic.setdefault(g.question.topic, [0, 0])
            counts[0] += 1
            counts[1] += int(g.correct)
    if not per_topic:
        return
    department, category = keys["department_key"], keys["staff_category_id"]
    answered = sum(a for a, _ in per_topic.values())
    correct = sum(c for _, c in per_topic.values())
    rows = [
        *((topic, department, category, a, c) for topic, (a, c) in per_topic.items()),
        *((topic, ALL, ALL, a, c) for topic, (a, c) in per_topic.items()),
        (ALL_TOPICS, department, ALL, answered, correct),
        (ALL_TOPICS, ALL, category, answered, correct),
        (ALL_TOPICS, ALL, ALL, answered, correct),
    ]
    add_counts(
        connection,
        OutcomeTally.__table__,
        [
            {
                "fiscal_year": fiscal_year,
                "phase": phase.value,
                "topic": topic,
                "department_key": department_key,
                "staff_category_id": category_id,
                "answered": a,
                "correct": c,
            }
            for topic, department_key, category_id, a, c in rows
        ],
        keys=["fiscal_year", "phase", "topic", "department_key", "staff_category_id"],
        columns=("answered", "correct"),
    )


def passed_attempt(person_id: int, purpose: str, subject_id: int, *, since: datetime | None = None):
    """Return the person's latest passed attempt (since a moment, when given), or None."""
    query = sa.select(Attempt).where(
        Attempt.person_id == person_id,
        Attempt.purpose == purpose,
        Attempt.subject_id == subject_id,
        Attempt.passed.is_(True),
    )
    if since is not None:
        query = query.where(Attempt.submitted_at >= since)
    return db.session.scalar(query.order_by(Attempt.id.desc()).limit(1))


def attempts_of(person_id: int, purpose: str, subject_id: int) -> list[Attempt]:
    """A person's attempts at one subject, newest first."""
    return list(
        db.session.scalars(
            sa.select(Attempt)
            .where(
                Attempt.person_id == person_id, Attempt.purpose == purpose, Attempt.subject_id == subject_id
            )
            .order_by(Attempt.id.desc())
        )
    )


def graded_answers(attempt: Attempt) -> list[Graded]:
    """The questions of an attempt in the order shown, with what was ticked."""
    answers = db.session.scalars(
        sa.select(Answer).where(Answer.attempt_id == attempt.id).order_by(Answer.position)
    )
    return [Graded(a.question, a.ticked) for a in answers]


# ---------------------------------------------------------------- statistics


@dataclass
class QuestionStat:
    question: BankQuestion
    answered: int
    right: int

    @property
    def share(self) -> float | None:
        return self.right / self.answered if self.answered else None

    @property
    def percent(self) -> float:
        return 100 * self.right / self.answered if self.answered else 0.0


@dataclass
class AttemptStat:
    attempts: int = 0
    passed: int = 0
    people_tried: int = 0
    people_passed: int = 0

    @property
    def percent(self) -> float:
        """The share of the people who tried who have passed."""
        return 100 * self.people_passed / self.people_tried if self.people_tried else 0.0


def _scope(query, table, department_key: int | None):
    return query if department_key is None else query.where(table.department_key == department_key)


def question_stats(
    purpose: str, subject_id: int, questions: Sequence[BankQuestion], *, department_key: int | None = None
) -> list[QuestionStat]:
    """Per question (in the order given), the answers and the right ones: everyone, or one department."""
    query = (
        sa.select(
            AnswerTally.question_id, sa.func.sum(AnswerTally.answered), sa.func.sum(AnswerTally.correct)
        )
        .where(AnswerTally.purpose == purpose, AnswerTally.subject_id == subject_id)
        .group_by(AnswerTally.question_id)
    )
    counts = {qid: (a, r) for qid, a, r in db.session.execute(_scope(query, AnswerTally, department_key))}
    return [QuestionStat(q, *(int(n) for n in counts.get(q.id, (0, 0)))) for q in questions]


def attempt_stats(purpose: str, subject_id: int, *, department_key: int | None = None) -> AttemptStat:
    """The attempts at a subject, passed, and the people who tried and passed: everyone, or one department."""
    columns = [
        sa.func.coalesce(sa.func.sum(getattr(AttemptTally, name)), 0)
        for name in ("attempts", "passed", "people_tried", "people_passed")
    ]
    query = sa.select(*columns).where(AttemptTally.purpose == purpose, AttemptTally.subject_id == subject_id)
    row = db.session.execute(_scope(query, AttemptTally, department_key)).one()
    return AttemptStat(*(int(n) for n in row))


def rebuild_tallies() -> None:
    """Work both counts out again from the attempts and answers (the benchmark's generators call it)."""
    with unit_of_work():
        db.session.execute(sa.delete(AnswerTally))
        db.session.execute(sa.delete(AttemptTally))
        department_key = sa.func.coalesce(Attempt.department_id, NO_DEPARTMENT_KEY)
        db.session.execute(
            sa.insert(AnswerTally).from_select(
                [
                    "purpose",
                    "subject_id",
                    "question_id",
                    "department_key",
                    "staff_category_id",
                    "answered",
                    "correct",
                ],
                sa.select(
                    Attempt.purpose,
                    Attempt.subject_id,
                    Answer.question_id,
                    department_key,
                    Attempt.staff_category_id,
                    sa.func.count(),
                    sa.func.count(sa.case((Answer.correct, 1))),
                )
                .join(Answer, Answer.attempt_id == Attempt.id)
                .group_by(
                    Attempt.purpose,
                    Attempt.subject_id,
                    Answer.question_id,
                    department_key,
                    Attempt.staff_category_id,
                ),
            )
        )
        first = (
            sa.select(
                Attempt.purpose,
                Attempt.subject_id,
                Attempt.person_id,
                sa.func.min(Attempt.id).label("first_id"),
                sa.func.min(sa.case((Attempt.passed, Attempt.id))).label("first_pass_id"),
            )
            .group_by(Attempt.purpose, Attempt.subject_id, Attempt.person_id)
            .subquery()
        )
        db.session.execute(
            sa.insert(AttemptTally).from_select(
                [
                    "purpose",
                    "subject_id",
                    "department_key",
                    "staff_category_id",
                    "attempts",
                    "passed",
                    "people_tried",
                    "people_passed",
                ],
                sa.select(
                    Attempt.purpose,
                    Attempt.subject_id,
                    department_key,
                    Attempt.staff_category_id,
                    sa.func.count(),
                    sa.func.count(sa.case((Attempt.passed, 1))),
                    sa.func.count(sa.case((Attempt.id == first.c.first_id, 1))),
                    sa.func.count(sa.case((Attempt.id == first.c.first_pass_id, 1))),
                )
                .join(
                    first,
                    sa.and_(
                        first.c.purpose == Attempt.purpose,
                        first.c.subject_id == Attempt.subject_id,
                        first.c.person_id == Attempt.person_id,
                    ),
                )
                .group_by(Attempt.purpose, Attempt.subject_id, department_key, Attempt.staff_category_id),
            )
        )


# ---------------------------------------------------------------- the outcome of a year


@dataclass
class Outcome:
    """Scenario answers before and after training, and how many were right."""

    answered_before: int = 0
    right_before: int = 0
    answered_after: int = 0
    right_after: int = 0

    @property
    def before(self) -> float | None:
        return 100 * self.right_before / self.answered_before if self.answered_before else None

    @property
    def after(self) -> float | None:
        return 100 * self.right_after / self.answered_after if self.answered_after else None

    @property
    def measured(self) -> bool:
        return bool(self.answered_before and self.answered_after)


OUTCOME_GROUPS = {
    "topic": OutcomeTally.topic,
    "department": OutcomeTally.department_key,
    "category": OutcomeTally.staff_category_id,
}


def outcome(fiscal_year: int, *, by: str | None = None, topic: str | None = None) -> dict[object, Outcome]:
    """The year's scenario answers before and after training: in all (key None), or per topic, department
    key or staff category (`by`), for one topic or every topic."""
    t, d, c = OutcomeTally.topic, OutcomeTally.department_key, OutcomeTally.staff_category_id
    if topic is None:  # the sums kept: a few rows
        rows_of = {
            None: (t == ALL_TOPICS, d == ALL, c == ALL),
            "topic": (t != ALL_TOPICS, d == ALL, c == ALL),
            "department": (t == ALL_TOPICS, d != ALL, c == ALL),
            "category": (t == ALL_TOPICS, d == ALL, c != ALL),
        }[by]
    elif by in (None, "topic"):  # one topic's sum, kept
        rows_of = (t == topic, d == ALL, c == ALL)
    else:  # one topic per department or category: added up here from its rows
        rows_of = (t == topic, d != ALL, c != ALL)
    group = OUTCOME_GROUPS[by] if by else sa.literal(None)
    query = (
        sa.select(
            group,
            OutcomeTally.phase,
            sa.func.sum(OutcomeTally.answered),
            sa.func.sum(OutcomeTally.correct),
        )
        .where(OutcomeTally.fiscal_year == fiscal_year, *rows_of)
        .group_by(group, OutcomeTally.phase)
    )
    found: dict[object, Outcome] = {}
    for key, phase, answered, right in db.session.execute(query):
        row = found.setdefault(key, Outcome())
        if phase == Phase.BEFORE:
            row.answered_before, row.right_before = int(answered), int(right)
        else:
            row.answered_after, row.right_after = int(answered), int(right)
    return found


def _sum_outcome() -> None:
    """Add the outcome's rows up per topic, department, staff category and in all (see OutcomeTally)."""
    t, d, c = OutcomeTally.topic, OutcomeTally.department_key, OutcomeTally.staff_category_id
    year, phase = OutcomeTally.fiscal_year, OutcomeTally.phase
    columns = ["fiscal_year", "phase", "topic", "department_key", "staff_category_id", "answered", "correct"]
    answered, correct = sa.func.sum(OutcomeTally.answered), sa.func.sum(OutcomeTally.correct)
    for keys, by in (
        ((t, sa.literal(ALL), sa.literal(ALL)), [t]),
        ((sa.literal(ALL_TOPICS), d, sa.literal(ALL)), [d]),
        ((sa.literal(ALL_TOPICS), sa.literal(ALL), c), [c]),
        ((sa.literal(ALL_TOPICS), sa.literal(ALL), sa.literal(ALL)), []),
    ):
        rows = (
            sa.select(year, phase, *keys, answered, correct)
            .where(t != ALL_TOPICS, d != ALL, c != ALL)
            .group_by(year, phase, *by)
        )
        db.session.execute(sa.insert(OutcomeTally).from_select(columns, rows))


def rebuild_outcome(subject_years: sa.Subquery) -> None:
    """Work the outcome counts out again from the answers: `subject_years` gives (subject_id, fiscal_year)
    of the training tests (the benchmark's generators call it through training)."""
    with unit_of_work():
        db.session.execute(sa.delete(OutcomeTally))
        first = (
            sa.select(sa.func.min(Attempt.id).label("id"))
            .where(Attempt.purpose.in_(list(PHASE_OF)))
            .group_by(Attempt.purpose, Attempt.subject_id, Attempt.person_id)
        )
        phase = sa.case(
            *((Attempt.purpose == purpose.value, side.value) for purpose, side in PHASE_OF.items())
        )
        department_key = sa.func.coalesce(Attempt.department_id, NO_DEPARTMENT_KEY)
        db.session.execute(
            sa.insert(OutcomeTally).from_select(
                [
                    "fiscal_year",
                    "phase",
                    "topic",
                    "department_key",
                    "staff_category_id",
                    "answered",
                    "correct",
                ],
                sa.select(
                    subject_years.c.fiscal_year,
                    phase,
                    BankQuestion.topic,
                    department_key,
                    Attempt.staff_category_id,
                    sa.func.count(),
                    sa.func.count(sa.case((Answer.correct, 1))),
                )
                .join(Answer, Answer.attempt_id == Attempt.id)
                .join(BankQuestion, BankQuestion.id == Answer.question_id)
                .join(subject_years, subject_years.c.subject_id == Attempt.subject_id)
                .where(Attempt.id.in_(first), BankQuestion.scenario.is_(True))
                .group_by(
                    subject_years.c.fiscal_year,
                    phase,
                    BankQuestion.topic,
                    department_key,
                    Attempt.staff_category_id,
                ),
            )
        )
        _sum_outcome()
