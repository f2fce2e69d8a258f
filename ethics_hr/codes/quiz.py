"""A version's comprehension quiz: set on the draft, taken before acknowledging, and what people got wrong.

The quiz draws its questions from the bank (`learning`). It is frozen and sealed with the version; a new quiz
needs a new version. Passing it is required before acknowledging when the officer says so; a renewal (a
version acknowledged again every N months) asks for a pass since the renewal fell due. An acknowledgment
recorded from a signed paper form asks for no quiz: the officer vouches for the paper.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from ethics_hr.codes.audience import current_since
from ethics_hr.codes.models import CodeQuiz, CodeVersion, QuizQuestion, VersionStatus
from ethics_hr.core.db import transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.timeutil import to_local
from ethics_hr.extensions import db
from ethics_hr.learning import certificates
from ethics_hr.learning import services as learning
from ethics_hr.learning.models import Attempt, BankQuestion, Purpose
from ethics_hr.people.headcount import NO_DEPARTMENT_KEY
from ethics_hr.people.models import Person

PURPOSE = Purpose.CODE_QUIZ.value
MAX_QUESTIONS = 30


def _require_draft(version: CodeVersion) -> None:
    if not version.is_draft:
        raise RuleViolation(str(_l("A published version cannot be changed; start a new version instead.")))


@transactional
def save_quiz(
    version: CodeVersion, *, pass_percent: int, required: bool, question_ids: Sequence[int]
) -> CodeQuiz:
    """Set a draft's quiz: its questions in the order given, the pass mark, and whether it is required."""
    _require_draft(version)
    if not 1 <= pass_percent <= 100:
        raise RuleViolation(str(_l("Enter a pass mark of 1 to 100 per cent.")), "pass_percent")
    ids = list(dict.fromkeys(question_ids))
    if not ids:
        raise RuleViolation(str(_l("Choose at least one question.")), "question_ids")
    if len(ids) > MAX_QUESTIONS:
        raise RuleViolation(str(_l("A quiz has at most %(n)d questions.", n=MAX_QUESTIONS)), "question_ids")
    found = learning.questions_by_id(ids)
    kept = {i.question_id for i in version.quiz.items} if version.quiz else set()
    if any(i not in found or (found[i].is_retired and i not in kept) for i in ids):
        raise RuleViolation(str(_l("Choose questions of the bank.")), "question_ids")
    quiz = version.quiz or CodeQuiz()
    quiz.pass_percent = pass_percent
    quiz.required = required
    quiz.items = [QuizQuestion(question_id=qid, position=n) for n, qid in enumerate(ids, start=1)]
    version.quiz = quiz
    return quiz


@transactional
def remove_quiz(version: CodeVersion) -> None:
    _require_draft(version)
    version.quiz = None


def passed(version: CodeVersion, person: Person) -> Attempt | None:
    """The person's pass of this version's quiz that counts now (since the renewal fell due), or None."""
    return learning.passed_attempt(person.id, PURPOSE, version.id, since=current_since(version))


def blocks_acknowledgment(version: CodeVersion, person: Person) -> bool:
    """Tell whether the person must pass the quiz before acknowledging this version."""
    quiz = version.quiz
    return quiz is not None and quiz.required and bool(quiz.items) and passed(version, person) is None


def order_for(version: CodeVersion, person: Person) -> list[int]:
    """The questions of a new attempt, in another order than the person's last attempt."""
    last = learning.attempts_of(person.id, PURPOSE, version.id)[:1]
    before = [int(n) for n in last[0].question_order.split(",")] if last else None
    return learning.new_order([i.question_id for i in version.quiz.items], before=before)


@transactional
def take(
    version: CodeVersion,
    person: Person,
    *,
    order: Sequence[int],
    ticked: dict[int, Iterable[int]],
    locale: str | None = None,
) -> Attempt:
    """Record an attempt at a published version's quiz, graded against its pass mark.

    `order` is the questions as shown (a permutation of the quiz's); raises `learning.Unanswered` when a
    question has no choice ticked, and nothing is written. The first pass earns a certificate.
    """
    quiz = version.quiz
    by_id = {q.id: q for q in quiz.questions}
    questions = [by_id[qid] for qid in order]
    attempt = learning.record_attempt(
        person,
        purpose=PURPOSE,
        subject_id=version.id,
        questions=questions,
        ticked=ticked,
        pass_percent=quiz.pass_percent,
        locale=locale,
    )
    if attempt.passed:
        certificates.issue(person, achievement(version, attempt))
    return attempt


def achievement(version: CodeVersion, attempt: Attempt) -> certificates.Achievement:
    """What the certificate of a passed quiz says."""
    with force_locale("th"):
        title_th = _("Passed the comprehension quiz on %(title)s", title=version.title)
    with force_locale("en"):
        title_en = _("Passed the comprehension quiz on %(title)s", title=version.code.name("en"))
    return certificates.Achievement(
        PURPOSE, version.id, title_th, title_en, to_local(attempt.submitted_at).date()
    )


@dataclass
class QuizResults:
    attempts: learning.AttemptStat
    questions: list[learning.QuestionStat]

    @property
    def hardest(self) -> list[learning.QuestionStat]:
        """The questions answered, the least often right first: the clauses people misunderstand."""
        answered = [s for s in self.questions if s.answered]
        return sorted(answered, key=lambda s: (s.share, s.question.id))


def results(
    version: CodeVersion, *, department_id: int | None = None, no_department: bool = False
) -> QuizResults:
    """The attempts at a version's quiz and, per question, the share answering right: all, or a department."""
    key = NO_DEPARTMENT_KEY if no_department else department_id
    questions: list[BankQuestion] = version.quiz.questions if version.quiz else []
    return QuizResults(
        learning.attempt_stats(PURPOSE, version.id, department_key=key),
        learning.question_stats(PURPOSE, version.id, questions, department_key=key),
    )


def attempt_for(person: Person, attempt_id: int, *, officer: bool) -> Attempt | None:
    """Return an attempt at a code quiz the user may see: their own, or anyone's for an officer."""
    row = db.session.get(Attempt, attempt_id)
    if row is None or row.purpose != PURPOSE or (row.person_id != person.id and not officer):
        return None
    return row


def _statements(locale: str | None) -> list[tuple[int, str]]:
    """The "do" and "don't" statements of the versions in force, for tying a bank question to one."""
    versions = db.session.scalars(
        sa.select(CodeVersion)
        .where(CodeVersion.status == VersionStatus.PUBLISHED)
        .options(selectinload(CodeVersion.dos_donts))
        .order_by(CodeVersion.id)
    )
    return [(d.id, _statement_label(d, locale)) for version in versions for d in version.dos_donts]


def _statement_label(d, locale: str | None) -> str:
    kind = _("Do") if d.is_do else _("Don't")
    clause = f" ({d.clause})" if d.clause else ""
    return f"{kind}: {d.text(locale)}{clause}"


learning.register_statements(_statements)
