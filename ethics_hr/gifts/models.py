"""Gifts received because of one's duty, their occasions, the head's decisions, the yearly announcement."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ethics_hr.core.append_only import append_only, frozen_once
from ethics_hr.core.locale import bilingual
from ethics_hr.core.models import ReferenceData, TimestampMixin, utc_now
from ethics_hr.extensions import db
from ethics_hr.people.models import Person


class GiftOutcome(StrEnum):
    """What became of a gift; stored by value."""

    PENDING = "pending"  # waiting for the head's decision
    KEPT = "kept"
    RETURNED = "returned"
    HANDED_OVER = "handed_over"  # handed to the organisation

    @property
    def label(self) -> str:
        return str(_OUTCOME_LABELS[self])


_OUTCOME_LABELS = {
    GiftOutcome.PENDING: _l("Pending the head's decision"),
    GiftOutcome.KEPT: _l("Kept"),
    GiftOutcome.RETURNED: _l("Returned to the giver"),
    GiftOutcome.HANDED_OVER: _l("Handed to the organisation"),
}
# What the head may decide.
DECIDED_OUTCOMES = (GiftOutcome.KEPT, GiftOutcome.RETURNED, GiftOutcome.HANDED_OVER)


class GiftOccasion(ReferenceData, db.Model):
    __tablename__ = "gift_occasion"


class Gift(TimestampMixin, db.Model):
    """A gift or benefit a person received because of their duty, as they recorded it."""

    __tablename__ = "gift"
    __table_args__ = (
        sa.Index("ix_gift_person", "person_id", "received_on"),
        sa.Index("ix_gift_fy", "fiscal_year", "occasion_id"),
        sa.Index("ix_gift_group", "person_id", "fiscal_year", "occasion_id", "giver_key"),
        # A year's register in the order received, a page at a time.
        sa.Index("ix_gift_received", "fiscal_year", "received_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id"))
    fiscal_year: Mapped[int]
    received_on: Mapped[date]
    giver_name: Mapped[str] = mapped_column(sa.String(200))
    giver_organisation: Mapped[str] = mapped_column(sa.String(200), default="")
    # The giver as the rule compares them (case and spaces ignored): one giver's gifts on one occasion add up.
    giver_key: Mapped[str] = mapped_column(sa.String(401))
    description: Mapped[str] = mapped_column(sa.String(500))
    value_baht: Mapped[Decimal] = mapped_column(sa.Numeric(12, 2))
    occasion_id: Mapped[int] = mapped_column(sa.ForeignKey("gift_occasion.id"))
    # What the person did with it (kept, returned, handed over) or "pending" for the head to decide.
    outcome: Mapped[str] = mapped_column(sa.String(20), default=GiftOutcome.PENDING.value)
    note: Mapped[str] = mapped_column(sa.Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))

    person: Mapped[Person] = relationship()
    occasion: Mapped[GiftOccasion] = relationship()

    @property
    def outcome_enum(self) -> GiftOutcome:
        return GiftOutcome(self.outcome)

    def giver(self, locale: str | None = None) -> str:
        return (
            f"{self.giver_name} ({self.giver_organisation})" if self.giver_organisation else self.giver_name
        )


class GiftGroup(db.Model):
    """The rule's unit: one giver's gifts to one person on one occasion in a fiscal year, added up.

    Kept in the same transaction as every gift and decision it counts (and worked out again for every group
    when the administrator changes the threshold), so the register and its figures read a row per group
    instead of adding up a year of gifts on every page. It is a sum, not evidence: the gifts and the
    decisions are.
    """

    __tablename__ = "gift_group"
    __table_args__ = (
        sa.UniqueConstraint("person_id", "fiscal_year", "occasion_id", "giver_key"),
        # What waits for the head, the soonest due first: a year's groups with a gift waiting, by the day
        # reported (only those: the register's first page and its counts read no other group).
        sa.Index(
            "ix_gift_group_waiting",
            "fiscal_year",
            "crossed_on",
            "waiting",
            sqlite_where=sa.text("waiting > 0"),
            postgresql_where=sa.text("waiting > 0"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id"))
    fiscal_year: Mapped[int]
    occasion_id: Mapped[int] = mapped_column(sa.ForeignKey("gift_occasion.id"))
    giver_key: Mapped[str] = mapped_column(sa.String(401))
    gifts: Mapped[int] = mapped_column(default=0)
    total: Mapped[Decimal] = mapped_column(sa.Numeric(14, 2), default=Decimal(0))
    # The day the total went above the threshold: the gifts are reported from then on (None: below it).
    crossed_on: Mapped[date | None]
    decided: Mapped[int] = mapped_column(default=0)  # gifts the head has decided on
    # Of a reported group, the gifts the head has not decided on yet (0 while below the threshold).
    waiting: Mapped[int] = mapped_column(default=0)


class GiftTally(db.Model):
    """A fiscal year's gifts by what became of them (the head's latest decision, else the person's own
    record): how many, and their value. Kept in the same transaction as every gift and decision, for the
    yearly report and the public No Gift page; a sum, not evidence."""

    __tablename__ = "gift_tally"

    fiscal_year: Mapped[int] = mapped_column(primary_key=True)
    outcome: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    gifts: Mapped[int] = mapped_column(default=0)
    total: Mapped[Decimal] = mapped_column(sa.Numeric(16, 2), default=Decimal(0))


class GiftDecision(db.Model):
    """The head's decision on a gift: evidence, never changed; a correction is a new row that replaces it."""

    __tablename__ = "gift_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    gift_id: Mapped[int] = mapped_column(sa.ForeignKey("gift.id"), index=True)
    outcome: Mapped[str] = mapped_column(sa.String(20))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    decided_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id"))
    decided_at: Mapped[datetime] = mapped_column(default=utc_now)
    replaces_id: Mapped[int | None] = mapped_column(sa.ForeignKey("gift_decision.id"))

    @property
    def outcome_enum(self) -> GiftOutcome:
        return GiftOutcome(self.outcome)


append_only(GiftDecision.__table__)
# Once the head has decided on a gift, the record is evidence: the database refuses to change or remove it.
frozen_once(Gift.__table__, "gift_decision", "gift_id")


class GiftAnnouncement(TimestampMixin, db.Model):
    """The organisation's No Gift announcement of one fiscal year, published on the public pages."""

    __tablename__ = "gift_announcement"

    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(unique=True)
    title_th: Mapped[str] = mapped_column(sa.String(300))
    title_en: Mapped[str] = mapped_column(sa.String(300), default="")
    body_th: Mapped[str] = mapped_column(sa.Text)
    body_en: Mapped[str] = mapped_column(sa.Text, default="")
    announced_on: Mapped[date]

    def title(self, locale: str | None = None) -> str:
        return bilingual(self.title_th, self.title_en, locale)

    def body(self, locale: str | None = None) -> str:
        return bilingual(self.body_th, self.body_en, locale)
