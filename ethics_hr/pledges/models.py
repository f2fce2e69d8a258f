"""The integrity pledge of a fiscal year and the signatures of the people it asks to sign."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from ethics_hr.core.append_only import append_only
from ethics_hr.core.locale import bilingual
from ethics_hr.core.models import TimestampMixin, utc_now
from ethics_hr.extensions import db
from ethics_hr.people import headcount
from ethics_hr.people.models import Person, StaffCategory, User


class PledgeStatus(StrEnum):
    """A pledge is drafted, then opened for signing (its text sealed), then closed."""

    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class SignatureMethod(StrEnum):
    """Signed on screen by the person, or a paper signature recorded on their behalf by an officer."""

    SELF = "self"
    ON_BEHALF = "on_behalf"


# What an opened pledge may never change again; its seal (content_sha256) covers the text and the audience.
SEALED_COLUMNS = ("fiscal_year", "title_th", "title_en", "body_th", "body_en", "content_sha256")

pledge_category = sa.Table(
    "pledge_category",
    db.metadata,
    sa.Column("pledge_id", sa.ForeignKey("pledge.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("staff_category_id", sa.ForeignKey("staff_category.id"), primary_key=True),
)


class Pledge(TimestampMixin, db.Model):
    """The organisation's integrity pledge of one fiscal year, its audience and its signing window."""

    __tablename__ = "pledge"

    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(unique=True)
    title_th: Mapped[str] = mapped_column(sa.String(300))
    title_en: Mapped[str] = mapped_column(sa.String(300), default="")
    body_th: Mapped[str] = mapped_column(sa.Text)
    body_en: Mapped[str] = mapped_column(sa.Text, default="")
    opens_on: Mapped[date]
    closes_on: Mapped[date]
    status: Mapped[str] = mapped_column(sa.String(10), default=PledgeStatus.DRAFT.value)
    content_sha256: Mapped[str | None] = mapped_column(sa.String(64))
    opened_at: Mapped[datetime | None]
    opened_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    closed_at: Mapped[datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))

    categories: Mapped[list[StaffCategory]] = relationship(
        secondary=pledge_category, lazy="selectin", order_by=StaffCategory.sort_order
    )

    def title(self, locale: str | None = None) -> str:
        return bilingual(self.title_th, self.title_en, locale)

    def body(self, locale: str | None = None) -> str:
        return bilingual(self.body_th, self.body_en, locale)

    @property
    def is_draft(self) -> bool:
        return self.status == PledgeStatus.DRAFT

    @property
    def was_opened(self) -> bool:
        return self.status in (PledgeStatus.OPEN, PledgeStatus.CLOSED)

    def is_signable(self, today: date) -> bool:
        """Open, and today within its window."""
        return self.status == PledgeStatus.OPEN and self.opens_on <= today <= self.closes_on


class PledgeSignature(db.Model):
    """Evidence that a person signed a pledge: who, the SHA-256 of the text, the meaning, when and how."""

    __tablename__ = "pledge_signature"
    __table_args__ = (sa.UniqueConstraint("pledge_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pledge_id: Mapped[int] = mapped_column(sa.ForeignKey("pledge.id"))
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id"), index=True)
    content_sha256: Mapped[str] = mapped_column(sa.String(64))
    statement: Mapped[str] = mapped_column(sa.Text)
    locale: Mapped[str] = mapped_column(sa.String(5), default="th")
    signed_at: Mapped[datetime] = mapped_column(default=utc_now)
    method: Mapped[str] = mapped_column(sa.String(10), default=SignatureMethod.SELF.value)
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    signed_on: Mapped[date | None]  # the day on the paper form, for a signature recorded on someone's behalf
    note: Mapped[str] = mapped_column(sa.Text, default="")

    pledge: Mapped[Pledge] = relationship()
    person: Mapped[Person] = relationship()
    recorded_by: Mapped[User | None] = relationship()

    @property
    def is_on_behalf(self) -> bool:
        return self.method == SignatureMethod.ON_BEHALF


append_only(PledgeSignature.__table__)


class SealedPledgeError(RuntimeError):
    """Something tried to change the sealed text or audience of an opened pledge."""


def _status_before_flush(pledge: Pledge) -> str:
    history = sa.inspect(pledge).attrs.status.history
    return history.deleted[0] if history.deleted else pledge.status


@event.listens_for(Session, "before_flush")
def _refuse_changes_to_opened_pledges(session: Session, flush_context, instances) -> None:
    """Keep an opened pledge's text and audience as they were sealed, whoever writes."""
    for obj in (*session.dirty, *session.deleted):
        if not isinstance(obj, Pledge) or _status_before_flush(obj) == PledgeStatus.DRAFT:
            continue
        if obj in session.deleted:
            raise SealedPledgeError(f"pledge {obj.id} was opened and cannot be deleted")
        state = sa.inspect(obj)
        for key in (*SEALED_COLUMNS, "categories", "opens_on"):
            if state.attrs[key].history.has_changes():
                raise SealedPledgeError(f"pledge {obj.id} was opened: {key} cannot change")


# The people who signed a pledge, counted per department and staff category (see people.headcount).
SIGNED_PLEDGE = "pledge"
headcount.subject(
    SIGNED_PLEDGE, lambda: sa.select(PledgeSignature.person_id, PledgeSignature.pledge_id.label("subject_id"))
)
