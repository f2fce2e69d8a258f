"""The question bank, the attempts people make at a set of its questions, and the counts kept of the answers.

A question is data: its prompt and explanation in Thai and English, single or multiple choice, a topic and the
clause (or "do" / "don't" statement) of a code it tests. A scenario question is a grey-area "what would you
do?" item. Once a question has been put in front of anyone (a published quiz, or an answer given), its text is
frozen: what people answered must stay what they read. Changing it means copying it into a new question.

An attempt and its answers are evidence: inserted once, never changed. The per-question counts of answers
(`AnswerTally`, per department and staff category at the time of answering) and of attempts (`AttemptTally`)
are added in the same transaction, so a statistics page reads counts and not every answer.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy import event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from ethics_hr.core.append_only import append_only
from ethics_hr.core.locale import bilingual
from ethics_hr.core.models import TimestampMixin, utc_now
from ethics_hr.extensions import db
from ethics_hr.people.models import Person


class QuestionKind(StrEnum):
    SINGLE = "single"  # exactly one choice is right
    MULTIPLE = "multiple"  # one or more choices are right; the answer must tick exactly those


class Topic(StrEnum):
    """What a question is about; the outcome of a year is measured on the conflict-of-interest scenarios."""

    CONFLICT_OF_INTEREST = "conflict_of_interest"
    GIFTS = "gifts"
    PUBLIC_PROPERTY = "public_property"
    IMPARTIALITY = "impartiality"
    INFORMATION = "information"
    CONDUCT = "conduct"


TOPIC_LABELS = {
    Topic.CONFLICT_OF_INTEREST: _l("Conflict of interest"),
    Topic.GIFTS: _l("Gifts and benefits"),
    Topic.PUBLIC_PROPERTY: _l("Use of public property"),
    Topic.IMPARTIALITY: _l("Impartial service"),
    Topic.INFORMATION: _l("Official information"),
    Topic.CONDUCT: _l("Personal conduct"),
}


class Purpose(StrEnum):
    """What an attempt (or a certificate) was for; `subject_id` says of what."""

    CODE_QUIZ = "code_quiz"  # subject: a code version
    PRE_TEST = "pre_test"  # subject: a training session; the test before it
    POST_TEST = "post_test"  # subject: a training session; the test after it
    TRAINING = "training"  # certificates only, subject: a training session attended


class Phase(StrEnum):
    """Before or after training: the two sides of a year's outcome."""

    BEFORE = "before"
    AFTER = "after"


# The attempts whose scenario answers count toward a year's outcome, and on which side.
PHASE_OF = {Purpose.PRE_TEST: Phase.BEFORE, Purpose.POST_TEST: Phase.AFTER}


# What a frozen question may never change again.
FROZEN_COLUMNS = ("kind", "topic", "scenario", "prompt_th", "prompt_en", "explanation_th", "explanation_en")


class BankQuestion(TimestampMixin, db.Model):
    """One question of the bank, with its choices and the explanation shown after answering."""

    __tablename__ = "learning_question"
    __table_args__ = (sa.Index("ix_learning_question_topic", "retired_at", "topic"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(10), default=QuestionKind.SINGLE.value)
    topic: Mapped[str] = mapped_column(sa.String(24), default=Topic.CONDUCT.value)
    scenario: Mapped[bool] = mapped_column(default=False)
    prompt_th: Mapped[str] = mapped_column(sa.Text)
    prompt_en: Mapped[str] = mapped_column(sa.Text, default="")
    explanation_th: Mapped[str] = mapped_column(sa.Text, default="")
    explanation_en: Mapped[str] = mapped_column(sa.Text, default="")
    clause: Mapped[str] = mapped_column(sa.String(60), default="")
    dos_dont_id: Mapped[int | None] = mapped_column(sa.ForeignKey("code_dos_dont.id", ondelete="SET NULL"))
    copied_from_id: Mapped[int | None] = mapped_column(sa.ForeignKey("learning_question.id"))
    frozen_at: Mapped[datetime | None]
    retired_at: Mapped[datetime | None]
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))

    choices: Mapped[list[BankChoice]] = relationship(
        back_populates="question",
        order_by="BankChoice.position",
        cascade="all, delete-orphan",
        lazy="selectin",
    )

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None

    @property
    def is_multiple(self) -> bool:
        return self.kind == QuestionKind.MULTIPLE

    @property
    def right_choice_ids(self) -> frozenset[int]:
        return frozenset(c.id for c in self.choices if c.correct)

    @property
    def topic_label(self) -> str:
        return str(TOPIC_LABELS.get(self.topic, self.topic))

    def prompt(self, locale: str | None = None) -> str:
        return bilingual(self.prompt_th, self.prompt_en, locale)

    def explanation(self, locale: str | None = None) -> str:
        return bilingual(self.explanation_th, self.explanation_en, locale)


class BankChoice(db.Model):
    """One choice of a question; `correct` marks the right ones."""

    __tablename__ = "learning_choice"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        sa.ForeignKey("learning_question.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    text_th: Mapped[str] = mapped_column(sa.Text)
    text_en: Mapped[str] = mapped_column(sa.Text, default="")
    correct: Mapped[bool] = mapped_column(default=False)

    question: Mapped[BankQuestion] = relationship(back_populates="choices")

    def text(self, locale: str | None = None) -> str:
        return bilingual(self.text_th, self.text_en, locale)


class Attempt(db.Model):
    """One person's submitted answers to a set of questions: evidence, inserted once, never changed.

    The department and staff category are the person's at the time, so the statistics per department stay
    what they were when people answered.
    """

    __tablename__ = "learning_attempt"
    __table_args__ = (sa.Index("ix_learning_attempt_person", "person_id", "purpose", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id"))
    purpose: Mapped[str] = mapped_column(sa.String(16))
    subject_id: Mapped[int]
    department_id: Mapped[int | None] = mapped_column(sa.ForeignKey("department.id"))
    staff_category_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_category.id"))
    submitted_at: Mapped[datetime] = mapped_column(default=utc_now)
    question_order: Mapped[str] = mapped_column(
        sa.Text
    )  # the question ids in the order shown, comma-separated
    correct_count: Mapped[int]
    total: Mapped[int]
    pass_percent: Mapped[int]
    passed: Mapped[bool]
    locale: Mapped[str] = mapped_column(sa.String(5), default="th")

    person: Mapped[Person] = relationship()

    @property
    def percent(self) -> int:
        return round(100 * self.correct_count / self.total) if self.total else 0


class Answer(db.Model):
    """The choices a person ticked for one question of an attempt, and whether that was right."""

    __tablename__ = "learning_answer"
    __table_args__ = (sa.UniqueConstraint("attempt_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_attempt.id"))
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_question.id"), index=True)
    position: Mapped[int]
    choice_ids: Mapped[str] = mapped_column(sa.String(200))  # the ticked choice ids, sorted, comma-separated
    correct: Mapped[bool]

    question: Mapped[BankQuestion] = relationship(lazy="joined")

    @property
    def ticked(self) -> frozenset[int]:
        return frozenset(int(part) for part in self.choice_ids.split(",") if part)


append_only(Attempt.__table__)
append_only(Answer.__table__)


class AnswerTally(db.Model):
    """How many answers to a question (of a purpose and subject), per department and category, were right."""

    __tablename__ = "learning_answer_tally"

    purpose: Mapped[str] = mapped_column(sa.String(16), primary_key=True)
    subject_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    question_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    department_key: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    staff_category_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    answered: Mapped[int] = mapped_column(default=0)
    correct: Mapped[int] = mapped_column(default=0)


class AttemptTally(db.Model):
    """How many attempts of a purpose and subject there were, passed, and people who passed (once each)."""

    __tablename__ = "learning_attempt_tally"

    purpose: Mapped[str] = mapped_column(sa.String(16), primary_key=True)
    subject_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    department_key: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    staff_category_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    attempts: Mapped[int] = mapped_column(default=0)
    passed: Mapped[int] = mapped_column(default=0)
    people_tried: Mapped[int] = mapped_column(default=0)
    people_passed: Mapped[int] = mapped_column(default=0)


# The key of an outcome row that adds up every topic, department or staff category.
ALL_TOPICS = "*"
ALL = -1


class OutcomeTally(db.Model):
    """How many scenario answers of a fiscal year were right, before and after training, per topic,
    department and staff category (each person's first try of each test only, so retries do not flatter it).

    Beside those rows it keeps them added up per topic, per department, per staff category and in all (the
    other keys ALL_TOPICS or ALL), written with them: the outcome page reads a few rows per group, however
    many departments and categories the year's rows cross.
    """

    __tablename__ = "learning_outcome_tally"
    __table_args__ = (
        sa.Index(
            "ix_learning_outcome_tally_sums", "fiscal_year", "topic", "staff_category_id", "department_key"
        ),
    )

    fiscal_year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    phase: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    topic: Mapped[str] = mapped_column(sa.String(24), primary_key=True)
    department_key: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    staff_category_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    answered: Mapped[int] = mapped_column(default=0)
    correct: Mapped[int] = mapped_column(default=0)


class Certificate(db.Model):
    """A certificate of what a person achieved (a code's quiz passed, a session attended): evidence,
    inserted once, never changed.

    It keeps what it says as printed: the holder's name, what it is for, the signatory, the day. Revoking it
    adds a `CertificateRevocation`; reissuing it revokes it and adds the next edition with a new code.
    """

    __tablename__ = "learning_certificate"
    __table_args__ = (
        sa.UniqueConstraint("purpose", "subject_id", "person_id", "edition"),
        sa.Index("ix_learning_certificate_person", "person_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(
        sa.String(16), unique=True
    )  # what the QR code and the public page check
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id"))
    purpose: Mapped[str] = mapped_column(sa.String(16))
    subject_id: Mapped[int]
    edition: Mapped[int] = mapped_column(default=0)
    title_th: Mapped[str] = mapped_column(sa.String(400))
    title_en: Mapped[str] = mapped_column(sa.String(400), default="")
    hours: Mapped[float | None]
    achieved_on: Mapped[date]
    holder_th: Mapped[str] = mapped_column(sa.String(300))
    holder_en: Mapped[str] = mapped_column(sa.String(300), default="")
    signatory: Mapped[str] = mapped_column(sa.String(200), default="")
    signatory_title_th: Mapped[str] = mapped_column(sa.String(200), default="")
    signatory_title_en: Mapped[str] = mapped_column(sa.String(200), default="")
    issued_at: Mapped[datetime] = mapped_column(default=utc_now)
    issued_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    reissue_of_id: Mapped[int | None] = mapped_column(sa.ForeignKey("learning_certificate.id"))

    revocation: Mapped[CertificateRevocation | None] = relationship(lazy="selectin", viewonly=True)

    @property
    def is_revoked(self) -> bool:
        return self.revocation is not None

    def title(self, locale: str | None = None) -> str:
        return bilingual(self.title_th, self.title_en, locale)

    def holder(self, locale: str | None = None) -> str:
        return bilingual(self.holder_th, self.holder_en, locale)

    def signatory_title(self, locale: str | None = None) -> str:
        return bilingual(self.signatory_title_th, self.signatory_title_en, locale)


class CertificateRevocation(db.Model):
    """That a certificate no longer holds, why, and who said so."""

    __tablename__ = "learning_certificate_revocation"

    certificate_id: Mapped[int] = mapped_column(
        sa.ForeignKey("learning_certificate.id"), primary_key=True, autoincrement=False
    )
    reason: Mapped[str] = mapped_column(sa.Text)
    revoked_at: Mapped[datetime] = mapped_column(default=utc_now)
    revoked_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    # Revoked by the domain itself (the attendance that earned it corrected), not by an officer.
    automatic: Mapped[bool] = mapped_column(default=False, server_default=sa.false())


append_only(Certificate.__table__)
append_only(CertificateRevocation.__table__)


class FrozenQuestionError(RuntimeError):
    """Something tried to change a question that people have already been shown."""


def _was_frozen(question: BankQuestion) -> bool:
    history = sa.inspect(question).attrs.frozen_at.history
    return bool(history.deleted[0] if history.deleted else question.frozen_at)


@event.listens_for(Session, "before_flush")
def _refuse_changes_to_frozen_questions(session: Session, flush_context, instances) -> None:
    """Keep frozen questions as people read them, whoever writes: text, kind and choices."""
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, BankQuestion) and obj not in session.new and _was_frozen(obj):
            if obj in session.deleted:
                raise FrozenQuestionError(f"question {obj.id} was shown to people and cannot be deleted")
            state = sa.inspect(obj)
            for key in (*FROZEN_COLUMNS, "choices"):
                if state.attrs[key].history.has_changes():
                    raise FrozenQuestionError(f"question {obj.id} was shown to people: {key} cannot change")
        elif (
            isinstance(obj, BankChoice)
            and obj.question is not None
            and obj.question not in session.new
            and _was_frozen(obj.question)
        ):
            raise FrozenQuestionError(f"the choices of question {obj.question.id} are frozen")
