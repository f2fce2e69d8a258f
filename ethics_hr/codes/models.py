"""Codes of ethics, their versions, Dos & Don'ts, audiences and every person's acknowledgment of a version."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from ethics_hr.core.append_only import append_only
from ethics_hr.core.formatting import bilingual
from ethics_hr.core.models import TimestampMixin, utc_now
from ethics_hr.core.uploads import StoredFile
from ethics_hr.extensions import db
from ethics_hr.learning.models import BankQuestion
from ethics_hr.people.models import Department, Person, StaffCategory, User


class VersionStatus(StrEnum):
    """Where a version stands: a draft, then published, then superseded by the next one or withdrawn."""

    DRAFT = "draft"
    PUBLISHED = "published"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"


class ChangeKind(StrEnum):
    """A major version must be acknowledged again; a minor one (a correction) keeps the acknowledgments."""

    MAJOR = "major"
    MINOR = "minor"


class StatementKind(StrEnum):
    DO = "do"
    DONT = "dont"


class AckMethod(StrEnum):
    """How an acknowledgment was made: by the person on screen, or recorded from a signed paper form."""

    SELF = "self"
    ON_BEHALF = "on_behalf"


# The names callers outside this package (reports, bench, the demo) still import; stored by value.

# What a published version may never change again; its seal (content_sha256) covers them.
FROZEN_COLUMNS = (
    "code_id",
    "number",
    "title",
    "effective_date",
    "body_md",
    "content_sha256",
    "ack_basis_id",
    "reacknowledge_months",
)


version_category = sa.Table(
    "code_version_category",
    db.metadata,
    sa.Column("version_id", sa.ForeignKey("code_version.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("staff_category_id", sa.ForeignKey("staff_category.id"), primary_key=True),
)

version_department = sa.Table(
    "code_version_department",
    db.metadata,
    sa.Column("version_id", sa.ForeignKey("code_version.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("department_id", sa.ForeignKey("department.id"), primary_key=True),
)


class CodeOfEthics(TimestampMixin, db.Model):
    """A code of ethics (ประมวลจริยธรรม) of the organisation; its text lives in its versions."""

    __tablename__ = "code_of_ethics"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_th: Mapped[str] = mapped_column(db.String(300))
    name_en: Mapped[str] = mapped_column(db.String(300), default="")
    sort_order: Mapped[int] = mapped_column(default=0)

    versions: Mapped[list[CodeVersion]] = relationship(
        back_populates="code", order_by="CodeVersion.number", cascade="all, delete-orphan"
    )

    def name(self, locale: str | None = None) -> str:
        return bilingual(self.name_th, self.name_en, locale)


class CodeVersion(TimestampMixin, db.Model):
    """One version of a code: draft, then published (frozen and sealed), then superseded or withdrawn.

    Acknowledgments carry over across minor versions: each published version stores in `ack_basis_id` the
    major version that opened its chain (itself when it is major). An acknowledgment of any version of the
    same chain with a number up to this one's counts for this one.
    """

    __tablename__ = "code_version"
    __table_args__ = (
        sa.UniqueConstraint("code_id", "number"),
        sa.Index("ix_code_version_status", "status", "code_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code_id: Mapped[int] = mapped_column(sa.ForeignKey("code_of_ethics.id"))
    number: Mapped[int]
    title: Mapped[str] = mapped_column(db.String(300))
    effective_date: Mapped[date]
    body_md: Mapped[str] = mapped_column(db.Text, default="")
    announcement_id: Mapped[int | None] = mapped_column(sa.ForeignKey("stored_file.id"))
    status: Mapped[str] = mapped_column(db.String(12), default=VersionStatus.DRAFT.value)
    change_kind: Mapped[str | None] = mapped_column(db.String(8))
    ack_basis_id: Mapped[int | None] = mapped_column(sa.ForeignKey("code_version.id"), index=True)
    due_date: Mapped[date | None]
    # Acknowledge again every N months (1 to 60); None: once is enough. Sealed with the version.
    reacknowledge_months: Mapped[int | None]
    content_sha256: Mapped[str | None] = mapped_column(db.String(64))
    published_at: Mapped[datetime | None]
    published_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    ended_at: Mapped[datetime | None]
    ended_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    withdrawal_reason: Mapped[str] = mapped_column(db.Text, default="")

    code: Mapped[CodeOfEthics] = relationship(back_populates="versions", lazy="joined")
    announcement: Mapped[StoredFile | None] = relationship()
    categories: Mapped[list[StaffCategory]] = relationship(
        secondary=version_category, lazy="selectin", order_by=StaffCategory.sort_order
    )
    departments: Mapped[list[Department]] = relationship(
        secondary=version_department, lazy="selectin", order_by=Department.code
    )
    dos_donts: Mapped[list[DosDont]] = relationship(
        back_populates="version", order_by="DosDont.position", cascade="all, delete-orphan"
    )
    published_by: Mapped[User | None] = relationship(foreign_keys=[published_by_id])
    quiz: Mapped[CodeQuiz | None] = relationship(
        back_populates="version", cascade="all, delete-orphan", lazy="selectin", uselist=False
    )

    @property
    def is_draft(self) -> bool:
        return self.status == VersionStatus.DRAFT

    @property
    def is_published(self) -> bool:
        """In force (or coming into force): the one version of its code people are asked to acknowledge."""
        return self.status == VersionStatus.PUBLISHED

    @property
    def is_superseded(self) -> bool:
        return self.status == VersionStatus.SUPERSEDED

    @property
    def is_withdrawn(self) -> bool:
        return self.status == VersionStatus.WITHDRAWN

    @property
    def is_published_or_superseded(self) -> bool:
        """A version someone can be shown as having acknowledged: in force, or replaced by a later one."""
        return self.status in (VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED)

    @property
    def was_published(self) -> bool:
        return self.status in (VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED, VersionStatus.WITHDRAWN)

    @property
    def is_major(self) -> bool:
        return self.change_kind == ChangeKind.MAJOR

    @property
    def is_minor(self) -> bool:
        return self.change_kind == ChangeKind.MINOR


class DosDont(db.Model):
    """A short "do" or "don't" statement of a version, with a grey-area example and its source clause."""

    __tablename__ = "code_dos_dont"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(sa.ForeignKey("code_version.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(db.String(4))
    text_th: Mapped[str] = mapped_column(db.Text)
    text_en: Mapped[str] = mapped_column(db.Text, default="")
    example_th: Mapped[str] = mapped_column(db.Text, default="")
    example_en: Mapped[str] = mapped_column(db.Text, default="")
    clause: Mapped[str] = mapped_column(db.String(60), default="")

    version: Mapped[CodeVersion] = relationship(back_populates="dos_donts")

    @property
    def is_do(self) -> bool:
        return self.kind == StatementKind.DO

    def text(self, locale: str | None = None) -> str:
        return bilingual(self.text_th, self.text_en, locale)

    def example(self, locale: str | None = None) -> str:
        return bilingual(self.example_th, self.example_en, locale)


class CodeQuiz(db.Model):
    """The comprehension quiz of a version: questions of the bank, a pass mark, and whether passing it comes
    before acknowledging. Frozen and sealed with the version."""

    __tablename__ = "code_quiz"

    version_id: Mapped[int] = mapped_column(
        sa.ForeignKey("code_version.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    pass_percent: Mapped[int] = mapped_column(default=80)
    required: Mapped[bool] = mapped_column(default=True)

    version: Mapped[CodeVersion] = relationship(back_populates="quiz")
    # Loaded when asked for (a quiz's page, grading, sealing): a list of versions loads their quizzes, not
    # their questions, so its statements do not depend on which versions have one.
    items: Mapped[list[QuizQuestion]] = relationship(
        order_by="QuizQuestion.position", cascade="all, delete-orphan"
    )

    @property
    def questions(self) -> list[BankQuestion]:
        return [item.question for item in self.items]


class QuizQuestion(db.Model):
    """A question of the bank on a version's quiz, in its place."""

    __tablename__ = "code_quiz_question"

    version_id: Mapped[int] = mapped_column(
        sa.ForeignKey("code_quiz.version_id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    question_id: Mapped[int] = mapped_column(
        sa.ForeignKey("learning_question.id"), primary_key=True, autoincrement=False
    )
    position: Mapped[int] = mapped_column(default=0)

    question: Mapped[BankQuestion] = relationship(lazy="selectin")


class Acknowledgment(db.Model):
    """Evidence that a person has read and accepts a published version: inserted once, never changed."""

    __tablename__ = "code_acknowledgment"
    __table_args__ = (
        # One row per person, version and renewal: a version asking to be acknowledged again every N months
        # gets a new row (renewal 1, 2, ...) each time; two identical submissions still leave one.
        sa.UniqueConstraint("person_id", "version_id", "renewal"),
        sa.Index("ix_code_acknowledgment_version", "version_id", "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id"))
    version_id: Mapped[int] = mapped_column(sa.ForeignKey("code_version.id"))
    content_sha256: Mapped[str] = mapped_column(db.String(64))
    statement: Mapped[str] = mapped_column(db.Text)
    locale: Mapped[str] = mapped_column(db.String(5), default="th")
    acknowledged_at: Mapped[datetime] = mapped_column(default=utc_now)
    method: Mapped[str] = mapped_column(db.String(10), default=AckMethod.SELF.value)
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    signed_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(db.Text, default="")
    attachment_id: Mapped[int | None] = mapped_column(sa.ForeignKey("stored_file.id"))
    renewal: Mapped[int] = mapped_column(default=0, server_default="0")

    person: Mapped[Person] = relationship()
    version: Mapped[CodeVersion] = relationship()
    recorded_by: Mapped[User | None] = relationship()
    attachment: Mapped[StoredFile | None] = relationship()

    @property
    def is_on_behalf(self) -> bool:
        return self.method == AckMethod.ON_BEHALF


append_only(Acknowledgment.__table__)


NO_DEPARTMENT_KEY = 0  # a tally's department_key for the people without a department


class ComplianceTally(db.Model):
    """How many people of one department and staff category are in a published version's audience, and how
    many of them have acknowledged it (current) or acknowledged it once and are due again: kept by
    `ethics_hr.codes.tally` in the same transaction as the acknowledgment or the change to a person.

    A version asked again every N months is counted as of the day its `ComplianceTallyDay` names; the
    compliance page moves what fell due since then itself, and the daily job moves the day on.
    """

    __tablename__ = "code_compliance_tally"

    version_id: Mapped[int] = mapped_column(
        sa.ForeignKey("code_version.id", ondelete="CASCADE"), primary_key=True
    )
    department_key: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    staff_category_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    people: Mapped[int] = mapped_column(default=0)
    acknowledged: Mapped[int] = mapped_column(default=0)
    due_again: Mapped[int] = mapped_column(default=0)


class ComplianceTallyDay(db.Model):
    """That a published version's tally is complete, and the day it is counted as of."""

    __tablename__ = "code_compliance_tally_day"

    version_id: Mapped[int] = mapped_column(
        sa.ForeignKey("code_version.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    as_of: Mapped[date]


class FrozenVersionError(RuntimeError):
    """Something tried to change a published version's sealed content."""


def _status_before_flush(version: CodeVersion) -> str:
    history = sa.inspect(version).attrs.status.history
    return history.deleted[0] if history.deleted else version.status


def _quiz_is_frozen(session: Session, obj: CodeQuiz | QuizQuestion) -> bool:
    version = obj.version if isinstance(obj, CodeQuiz) else None
    if version is None and obj.version_id is not None:
        version = session.get(CodeVersion, obj.version_id)
    return version is not None and version not in session.new and _status_before_flush(version) != "draft"


@event.listens_for(Session, "before_flush")
def _refuse_changes_to_published_versions(session: Session, flush_context, instances) -> None:
    """Keep published versions frozen, whoever writes: text, Dos & Don'ts and audience."""
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, CodeVersion) and obj not in session.new:
            if _status_before_flush(obj) == VersionStatus.DRAFT:
                continue
            if obj in session.deleted:
                raise FrozenVersionError(f"code version {obj.id} was published and cannot be deleted")
            state = sa.inspect(obj)
            for key in (*FROZEN_COLUMNS, "categories", "departments", "dos_donts", "quiz"):
                if state.attrs[key].history.has_changes():
                    raise FrozenVersionError(f"code version {obj.id} was published: {key} cannot change")
        elif isinstance(obj, (CodeQuiz, QuizQuestion)) and _quiz_is_frozen(session, obj):
            raise FrozenVersionError(f"the quiz of code version {obj.version_id} is frozen with the version")
        elif (
            isinstance(obj, DosDont)
            and obj.version is not None
            and obj.version not in session.new
            and _status_before_flush(obj.version) != VersionStatus.DRAFT
        ):
            raise FrozenVersionError(f"the Dos & Don'ts of code version {obj.version.id} are frozen")
