"""Conflict-of-interest declarations (แบบแสดงความขัดแย้งระหว่างประโยชน์ส่วนตนและประโยชน์ส่วนรวม), the interests
they list, and the reviewers' decisions on them. All three are evidence: inserted once, never changed."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ethics_hr.core.append_only import append_only
from ethics_hr.core.models import ReferenceData, utc_now
from ethics_hr.extensions import db
from ethics_hr.people import headcount
from ethics_hr.people.models import Person, User


class DeclarationKind(StrEnum):
    """Why a declaration was made; stored by value."""

    ANNUAL = "annual"  # the once-a-year declaration of a fiscal year
    SITUATIONAL = "situational"  # when a situation arises: a procurement, a decision, a committee's work

    @property
    def label(self) -> str:
        return str(_KIND_LABELS[self])


_KIND_LABELS = {
    DeclarationKind.ANNUAL: _l("Annual declaration"),
    DeclarationKind.SITUATIONAL: _l("When a situation arises"),
}


class DecisionOutcome(StrEnum):
    """What the reviewer decided; stored by value."""

    NO_CONFLICT = "no_conflict"
    MANAGE = "manage"  # a measure: step aside from something, hand a task to someone else
    REFER = "refer"  # to the head of the agency, the ethics committee, the NACC office...

    @property
    def label(self) -> str:
        return str(_OUTCOME_LABELS[self])


_OUTCOME_LABELS = {
    DecisionOutcome.NO_CONFLICT: _l("No conflict of interest"),
    DecisionOutcome.MANAGE: _l("Manage the conflict"),
    DecisionOutcome.REFER: _l("Refer"),
}


class ReviewerRole(StrEnum):
    """In which capacity a reviewer decided; stored by value with the decision."""

    HEAD = "head"  # the head of the person's department
    COMMITTEE = "committee"  # a member of an ethics committee or advisory team

    @property
    def label(self) -> str:
        return str(_ROLE_LABELS[self])


_ROLE_LABELS = {
    ReviewerRole.HEAD: _l("Head of the department"),
    ReviewerRole.COMMITTEE: _l("Ethics committee member"),
}


class InterestCategory(ReferenceData, db.Model):
    __tablename__ = "conflict_interest_category"


class Declaration(db.Model):
    """A person's declaration of their interests, or that they have none, as they made it.

    A correction is a new declaration that supersedes this one (`supersedes_id` on the new row): the current
    declaration is the one no other supersedes.
    """

    __tablename__ = "conflict_declaration"
    __table_args__ = (
        # Compliance: "has this person made the annual declaration of this year", one index probe a person.
        sa.Index("ix_conflict_declaration_person_year", "person_id", "fiscal_year", "kind"),
        # The review queue and the year's counts.
        sa.Index("ix_conflict_declaration_year", "fiscal_year", "declared_at"),
        # One first annual declaration a person and year (two submissions at once give one); more are
        # corrections of it.
        sa.Index(
            "uq_conflict_declaration_first_annual",
            "person_id",
            "fiscal_year",
            unique=True,
            sqlite_where=sa.text("kind = 'annual' AND supersedes_id IS NULL"),
            postgresql_where=sa.text("kind = 'annual' AND supersedes_id IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id"))
    kind: Mapped[str] = mapped_column(sa.String(20))
    fiscal_year: Mapped[int]
    # The situation (situational declarations only): what it is about and the day it arose.
    situation: Mapped[str] = mapped_column(sa.String(300), default="")
    situation_on: Mapped[date | None]
    has_interests: Mapped[bool]
    # The person ticked "what I declare is true and complete".
    confirmed: Mapped[bool]
    note: Mapped[str] = mapped_column(sa.Text, default="")
    # The person's own named ethics question this declaration goes with (never an anonymous one).
    question_id: Mapped[int | None] = mapped_column(sa.ForeignKey("ethics_question.id"), index=True)
    supersedes_id: Mapped[int | None] = mapped_column(sa.ForeignKey("conflict_declaration.id"), unique=True)
    correction_reason: Mapped[str] = mapped_column(sa.Text, default="")
    declared_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id"))
    declared_at: Mapped[datetime] = mapped_column(default=utc_now)

    person: Mapped[Person] = relationship()
    interests: Mapped[list[Interest]] = relationship(
        order_by="Interest.position", lazy="selectin", back_populates="declaration"
    )

    @property
    def kind_enum(self) -> DeclarationKind:
        return DeclarationKind(self.kind)

    @property
    def is_annual(self) -> bool:
        return self.kind == DeclarationKind.ANNUAL


class Interest(db.Model):
    """One interest a declaration lists: its category, what it is, the other party, the person's relation."""

    __tablename__ = "conflict_interest"

    id: Mapped[int] = mapped_column(primary_key=True)
    declaration_id: Mapped[int] = mapped_column(sa.ForeignKey("conflict_declaration.id"), index=True)
    position: Mapped[int]
    category_id: Mapped[int] = mapped_column(sa.ForeignKey("conflict_interest_category.id"))
    description: Mapped[str] = mapped_column(sa.String(1000))
    other_party: Mapped[str] = mapped_column(sa.String(300))
    relation: Mapped[str] = mapped_column(sa.String(300), default="")

    declaration: Mapped[Declaration] = relationship(back_populates="interests")
    category: Mapped[InterestCategory] = relationship(lazy="joined")


class Decision(db.Model):
    """A reviewer's decision on a declaration; a later decision on the same declaration replaces it."""

    __tablename__ = "conflict_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    declaration_id: Mapped[int] = mapped_column(sa.ForeignKey("conflict_declaration.id"), index=True)
    outcome: Mapped[str] = mapped_column(sa.String(20))
    # What the person is to do (manage), and to whom the matter goes (refer).
    measure: Mapped[str] = mapped_column(sa.Text, default="")
    referred_to: Mapped[str] = mapped_column(sa.String(300), default="")
    note: Mapped[str] = mapped_column(sa.Text, default="")
    decided_as: Mapped[str] = mapped_column(sa.String(20))
    decided_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id"))
    decided_at: Mapped[datetime] = mapped_column(default=utc_now)
    replaces_id: Mapped[int | None] = mapped_column(sa.ForeignKey("conflict_decision.id"))

    decided_by: Mapped[User] = relationship()

    @property
    def outcome_enum(self) -> DecisionOutcome:
        return DecisionOutcome(self.outcome)

    @property
    def role_enum(self) -> ReviewerRole:
        return ReviewerRole(self.decided_as)


class DeclarationTally(db.Model):
    """A fiscal year's current declarations (a corrected one counts once) by kind, by whether they declare
    interests and by the latest decision on them ("" for none yet): how many.

    Kept in the same unit of work as every declaration, correction and decision (conflicts.services), for the
    compliance page, the queue and the annual ethics report; a count, not evidence.
    """

    __tablename__ = "conflict_tally"

    fiscal_year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    has_interests: Mapped[bool] = mapped_column(primary_key=True)
    outcome: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    declarations: Mapped[int] = mapped_column(default=0)


class WaitingDeclaration(db.Model):
    """A current declaration with interests that no reviewer has decided on yet: the head of the queue.

    A row goes in with the declaration and out with its first decision or its correction (the correction
    waits in its place), in the same unit of work; the queue walks these rows instead of the whole year.
    """

    __tablename__ = "conflict_waiting"
    __table_args__ = (sa.Index("ix_conflict_waiting_year", "fiscal_year", "declaration_id"),)

    declaration_id: Mapped[int] = mapped_column(
        sa.ForeignKey("conflict_declaration.id"), primary_key=True, autoincrement=False
    )
    fiscal_year: Mapped[int]
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id"))


append_only(Declaration.__table__)
append_only(Interest.__table__)
append_only(Decision.__table__)

# The people who made the annual declaration of a fiscal year, counted per department and staff category for
# the compliance page (see people.headcount): the first annual declaration of each person and year.
ANNUAL_DECLARATION = "annual_declaration"
headcount.subject(
    ANNUAL_DECLARATION,
    lambda: sa.select(Declaration.person_id, Declaration.fiscal_year.label("subject_id")).where(
        Declaration.kind == DeclarationKind.ANNUAL.value, Declaration.supersedes_id.is_(None)
    ),
)
