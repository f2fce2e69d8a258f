"""Committees, the appointment orders that form and change them, and the members each order lists."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ethics_hr.core.formatting import bilingual
from ethics_hr.core.models import TimestampMixin
from ethics_hr.core.uploads import StoredFile
from ethics_hr.extensions import db
from ethics_hr.people.models import Person


class CommitteeKind(StrEnum):
    ETHICS_COMMITTEE = "ethics_committee"
    CODE_DRAFTING = "code_drafting"
    ADVISORY_TEAM = "advisory_team"  # an ethics working group or advisory team (คณะทำงาน)
    OTHER = "other"


class MemberRole(StrEnum):
    """Roles in the order an appointment order lists them."""

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    SECRETARY = "secretary"
    ASSISTANT_SECRETARY = "assistant_secretary"


# Membership of these kinds makes a person a committee member for the application (ethics questions).
RIGHTS_KINDS: tuple[str, ...] = (CommitteeKind.ETHICS_COMMITTEE.value, CommitteeKind.ADVISORY_TEAM.value)


class Committee(TimestampMixin, db.Model):
    __tablename__ = "committee"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_th: Mapped[str] = mapped_column(db.String(300))
    name_en: Mapped[str] = mapped_column(db.String(300), default="")
    kind: Mapped[str] = mapped_column(db.String(30), default=CommitteeKind.ETHICS_COMMITTEE.value)
    mandate: Mapped[str] = mapped_column(db.Text, default="")
    # Memberships end on the day before this date; the committee and its history stay.
    dissolved_on: Mapped[date | None]
    dissolution_note: Mapped[str] = mapped_column(db.String(300), default="")

    orders: Mapped[list[AppointmentOrder]] = relationship(
        back_populates="committee",
        order_by="(AppointmentOrder.effective_on.desc(), AppointmentOrder.id.desc())",
    )

    def name(self, locale: str | None = None) -> str:
        return bilingual(self.name_th, self.name_en, locale)

    def is_dissolved_on(self, day: date) -> bool:
        return self.dissolved_on is not None and self.dissolved_on <= day


class AppointmentOrder(TimestampMixin, db.Model):
    """An order "ที่ number/year_be": the number runs per calendar year of signing, the year is B.E."""

    __tablename__ = "appointment_order"
    __table_args__ = (sa.UniqueConstraint("year_be", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(sa.ForeignKey("committee.id"), index=True)
    number: Mapped[int]
    year_be: Mapped[int]
    title: Mapped[str] = mapped_column(db.String(500))
    signed_on: Mapped[date]
    signed_by_name: Mapped[str] = mapped_column(db.String(200))
    signed_by_position: Mapped[str] = mapped_column(db.String(200), default="")
    effective_on: Mapped[date]
    ends_on: Mapped[date | None]
    document_id: Mapped[int | None] = mapped_column(sa.ForeignKey("stored_file.id"))
    # An order replaces at most one earlier order and is replaced by at most one later order.
    replaces_id: Mapped[int | None] = mapped_column(sa.ForeignKey("appointment_order.id"), unique=True)

    committee: Mapped[Committee] = relationship(back_populates="orders")
    document: Mapped[StoredFile | None] = relationship(lazy="joined")
    members: Mapped[list[Membership]] = relationship(
        back_populates="order",
        cascade="all, delete-orphan",
        order_by="(Membership.sort_order, Membership.id)",
    )
    replaces: Mapped[AppointmentOrder | None] = relationship(
        remote_side="AppointmentOrder.id", back_populates="replaced_by", foreign_keys=[replaces_id]
    )
    replaced_by: Mapped[AppointmentOrder | None] = relationship(
        back_populates="replaces", uselist=False, foreign_keys=[replaces_id]
    )


class Membership(TimestampMixin, db.Model):
    """One member listed by one order: a person of the organisation or an outsider, with a role and a term.

    An empty start or end means the order's own effective date or end date.
    """

    __tablename__ = "committee_membership"
    __table_args__ = (
        sa.UniqueConstraint("order_id", "person_id"),
        sa.CheckConstraint("person_id IS NOT NULL OR outside_name <> ''", name="person_or_outsider"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(
        sa.ForeignKey("appointment_order.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(sa.ForeignKey("person.id"), index=True)
    outside_name: Mapped[str] = mapped_column(db.String(200), default="")
    outside_organisation: Mapped[str] = mapped_column(db.String(300), default="")
    position: Mapped[str] = mapped_column(db.String(200), default="")
    role: Mapped[str] = mapped_column(db.String(30), default=MemberRole.MEMBER.value)
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    sort_order: Mapped[int] = mapped_column(default=0)

    order: Mapped[AppointmentOrder] = relationship(back_populates="members")
    person: Mapped[Person | None] = relationship(lazy="joined")

    @property
    def is_outsider(self) -> bool:
        return self.person_id is None

    @property
    def term_start(self) -> date:
        return self.starts_on or self.order.effective_on

    @property
    def term_end(self) -> date | None:
        return self.ends_on or self.order.ends_on

    def display_name(self, locale: str = "th") -> str:
        return self.person.display_name(locale) if self.person is not None else self.outside_name

    @property
    def position_label(self) -> str:
        """The position as the order writes it: the person's own, or an outsider's with their organisation."""
        if self.person is not None:
            return self.position or self.person.position
        return " ".join(part for part in (self.position, self.outside_organisation) if part)


def role_rank() -> sa.Case:
    """Sort memberships as an order lists them: chair first, assistant secretary last."""
    return sa.case(
        {role.value: rank for rank, role in enumerate(MemberRole)}, value=Membership.role, else_=99
    )
