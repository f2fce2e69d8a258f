"""Ethics questions, their messages, the members who stepped aside, and the published FAQ."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ethics_hr.core.models import ReferenceData, utc_now
from ethics_hr.extensions import db


class QuestionStatus(StrEnum):
    """Where a question stands; stored by value."""

    NEW = "new"
    ASSIGNED = "assigned"
    WAITING = "waiting"  # waiting for the asker's clarification
    ANSWERED = "answered"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return str(_STATUS_LABELS[self])

    @property
    def colour(self) -> str:
        return _STATUS_COLOURS[self]

    @property
    def is_open(self) -> bool:
        return self in OPEN_STATUSES


_STATUS_LABELS = {
    QuestionStatus.NEW: _l("New"),
    QuestionStatus.ASSIGNED: _l("Being handled"),
    QuestionStatus.WAITING: _l("Waiting for the asker"),
    QuestionStatus.ANSWERED: _l("Answered"),
    QuestionStatus.CLOSED: _l("Closed"),
}
_STATUS_COLOURS = {
    QuestionStatus.NEW: "primary",
    QuestionStatus.ASSIGNED: "info",
    QuestionStatus.WAITING: "warning",
    QuestionStatus.ANSWERED: "success",
    QuestionStatus.CLOSED: "secondary",
}
OPEN_STATUSES = (QuestionStatus.NEW, QuestionStatus.ASSIGNED, QuestionStatus.WAITING)


class MessageKind(StrEnum):
    """Kinds of message in a question's thread; stored by value."""

    ASKER = "asker"  # the question itself and the asker's clarifications
    CLARIFY = "clarify"  # a member asks the asker for more
    ANSWER = "answer"
    NOTE = "note"  # internal: committee only


class QuestionCategory(ReferenceData, db.Model):
    __tablename__ = "question_category"


class Question(db.Model):
    """A question to the committee. Anonymous ones hold no link to any account, address or exact time."""

    __tablename__ = "ethics_question"
    __table_args__ = (
        sa.UniqueConstraint("fiscal_year", "number"),
        sa.Index("ix_ethics_question_queue", "status", "due_on"),
        sa.Index("ix_ethics_question_fy", "fiscal_year", "category_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int]
    number: Mapped[int]
    category_id: Mapped[int] = mapped_column(sa.ForeignKey("question_category.id"))
    subject: Mapped[str] = mapped_column(db.String(200))
    clause: Mapped[str] = mapped_column(db.String(200), default="")
    anonymous: Mapped[bool] = mapped_column(default=False)
    asker_person_id: Mapped[int | None] = mapped_column(sa.ForeignKey("person.id"), index=True)
    receipt_hash: Mapped[str | None] = mapped_column(db.String(64))
    status: Mapped[str] = mapped_column(db.String(10), default=QuestionStatus.NEW)
    assigned_person_id: Mapped[int | None] = mapped_column(sa.ForeignKey("person.id"), index=True)
    # The day only: committee views never show the minute a question arrived.
    asked_on: Mapped[date]
    due_on: Mapped[date]
    answered_on: Mapped[date | None]
    closed_on: Mapped[date | None]

    category: Mapped[QuestionCategory] = relationship(lazy="joined")
    messages: Mapped[list[QuestionMessage]] = relationship(
        back_populates="question",
        order_by="(QuestionMessage.position, QuestionMessage.id)",
        cascade="all, delete-orphan",
    )

    def add_message(self, message: QuestionMessage) -> QuestionMessage:
        """Append a message in its place: ids do not order a thread (some are drawn at random)."""
        message.position = max((m.position for m in self.messages), default=0) + 1
        self.messages.append(message)
        return message

    @property
    def reference(self) -> str:
        return f"Q{self.fiscal_year}-{self.number:04d}"

    @property
    def state(self) -> QuestionStatus:
        return QuestionStatus(self.status)

    @property
    def is_open(self) -> bool:
        """The committee may still answer, clarify or assign it."""
        return self.state.is_open

    @property
    def is_waiting(self) -> bool:
        """The committee waits for the asker's clarification."""
        return self.status == QuestionStatus.WAITING

    @property
    def is_closed(self) -> bool:
        return self.status == QuestionStatus.CLOSED

    @property
    def is_answered(self) -> bool:
        """Answered or closed since: what may become an FAQ entry."""
        return self.status in (QuestionStatus.ANSWERED, QuestionStatus.CLOSED)


class QuestionMessage(db.Model):
    __tablename__ = "ethics_question_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        sa.ForeignKey("ethics_question.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0, server_default="0")  # its place in the thread, 1 first
    kind: Mapped[str] = mapped_column(db.String(10))
    body: Mapped[str] = mapped_column(db.Text)
    # None for an anonymous asker; a committee member's person otherwise.
    author_person_id: Mapped[int | None] = mapped_column(sa.ForeignKey("person.id"))
    written_on: Mapped[date]
    # Exact time only for what members write; the asker's messages keep the day alone.
    written_at: Mapped[datetime | None]

    question: Mapped[Question] = relationship(back_populates="messages")

    @property
    def is_note(self) -> bool:
        return self.kind == MessageKind.NOTE

    @property
    def is_answer(self) -> bool:
        return self.kind == MessageKind.ANSWER

    @property
    def is_clarification(self) -> bool:
        return self.kind == MessageKind.CLARIFY

    @property
    def by_asker(self) -> bool:
        return self.kind == MessageKind.ASKER


class Recusal(db.Model):
    """A member who stepped aside from a question (conflict of interest) and no longer sees it."""

    __tablename__ = "ethics_question_recusal"
    __table_args__ = (sa.UniqueConstraint("question_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("ethics_question.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id"), index=True)
    reason: Mapped[str] = mapped_column(db.String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class FaqEntry(db.Model):
    """The public version of an answered question, edited so no one can be identified."""

    __tablename__ = "faq_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int | None] = mapped_column(sa.ForeignKey("ethics_question.id"), unique=True)
    category_id: Mapped[int] = mapped_column(sa.ForeignKey("question_category.id"), index=True)
    title: Mapped[str] = mapped_column(db.String(300))
    answer: Mapped[str] = mapped_column(db.Text)
    published: Mapped[bool] = mapped_column(default=True)
    published_on: Mapped[date]
    published_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("person.id"))

    category: Mapped[QuestionCategory] = relationship(lazy="joined")
