"""HR management and development plans, their items (projects and activities), budgets and linked sessions."""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ethics_hr.core.formatting import bilingual
from ethics_hr.core.models import ReferenceData, TimestampMixin
from ethics_hr.extensions import db
from ethics_hr.people.models import Department, StaffCategory


class PlanStatus(enum.StrEnum):
    """A plan is drafted, then approved; a later approved plan of the same years supersedes it."""

    DRAFT = "draft"
    APPROVED = "approved"
    SUPERSEDED = "superseded"


class ItemStatus(enum.StrEnum):
    """How far a project or activity of the plan has got."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class Period(enum.StrEnum):
    """The part of a fiscal year plan against actual covers: the first six months or the whole year."""

    FIRST_HALF = "h1"
    WHOLE_YEAR = "year"


TARGET_FIELDS = ("target_participants", "indicator_target", "fiscal_year", "quarter")

MONEY = sa.Numeric(14, 2)


class PlanArea(ReferenceData, db.Model):
    """A strategy or area of the plan (ethics and integrity, competency, welfare...): data, not code."""

    __tablename__ = "plan_area"


class Plan(TimestampMixin, db.Model):
    __tablename__ = "hr_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    title_th: Mapped[str] = mapped_column(db.String(300))
    title_en: Mapped[str] = mapped_column(db.String(300), default="")
    first_fiscal_year: Mapped[int]
    last_fiscal_year: Mapped[int]
    status: Mapped[PlanStatus] = mapped_column(db.String(12), default=PlanStatus.DRAFT)
    approved_on: Mapped[date | None]
    approved_by: Mapped[str] = mapped_column(db.String(300), default="")
    document_id: Mapped[int | None] = mapped_column(sa.ForeignKey("stored_file.id"))

    items: Mapped[list[PlanItem]] = relationship(
        back_populates="plan", order_by="PlanItem.fiscal_year, PlanItem.quarter, PlanItem.id"
    )

    def title(self, locale: str | None = None) -> str:
        return bilingual(self.title_th, self.title_en, locale)

    @property
    def is_approved(self) -> bool:
        return self.status == PlanStatus.APPROVED

    @property
    def is_draft(self) -> bool:
        return self.status == PlanStatus.DRAFT

    @property
    def fiscal_years(self) -> list[int]:
        return list(range(self.first_fiscal_year, self.last_fiscal_year + 1))


item_department = sa.Table(
    "plan_item_department",
    db.metadata,
    sa.Column("item_id", sa.ForeignKey("plan_item.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("department_id", sa.ForeignKey("department.id"), primary_key=True),
)
item_category = sa.Table(
    "plan_item_category",
    db.metadata,
    sa.Column("item_id", sa.ForeignKey("plan_item.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("staff_category_id", sa.ForeignKey("staff_category.id"), primary_key=True),
)


class PlanItem(TimestampMixin, db.Model):
    """A project or activity (โครงการ/กิจกรรม) of a plan."""

    __tablename__ = "plan_item"
    __table_args__ = (sa.Index("ix_plan_item_year", "fiscal_year", "quarter"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(sa.ForeignKey("hr_plan.id"), index=True)
    name: Mapped[str] = mapped_column(db.String(300))
    area_id: Mapped[int] = mapped_column(sa.ForeignKey("plan_area.id"))
    objective: Mapped[str] = mapped_column(db.Text, default="")
    target_participants: Mapped[int] = mapped_column(default=0)
    indicator: Mapped[str] = mapped_column(db.Text, default="")
    indicator_target: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    responsible_department_id: Mapped[int | None] = mapped_column(sa.ForeignKey("department.id"))
    fiscal_year: Mapped[int]
    quarter: Mapped[int]
    status: Mapped[ItemStatus] = mapped_column(db.String(12), default=ItemStatus.NOT_STARTED)
    progress_note: Mapped[str] = mapped_column(db.Text, default="")
    spent: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0"))

    plan: Mapped[Plan] = relationship(back_populates="items")
    area: Mapped[PlanArea] = relationship(lazy="joined")
    responsible_department: Mapped[Department | None] = relationship(lazy="joined")
    departments: Mapped[list[Department]] = relationship(secondary=item_department, lazy="selectin")
    categories: Mapped[list[StaffCategory]] = relationship(secondary=item_category, lazy="selectin")
    budgets: Mapped[list[PlanItemBudget]] = relationship(
        back_populates="item",
        cascade="all, delete-orphan",
        order_by="PlanItemBudget.fiscal_year",
        lazy="selectin",
    )

    def budget_for(self, fiscal_year: int) -> Decimal:
        return sum((b.amount for b in self.budgets if b.fiscal_year == fiscal_year), Decimal("0"))


class PlanItemBudget(db.Model):
    __tablename__ = "plan_item_budget"
    __table_args__ = (sa.UniqueConstraint("item_id", "fiscal_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(sa.ForeignKey("plan_item.id", ondelete="CASCADE"))
    fiscal_year: Mapped[int]
    amount: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0"))

    item: Mapped[PlanItem] = relationship(back_populates="budgets")


class PlanItemSession(db.Model):
    """A training session counted toward a plan item: its attendance is the item's actual progress."""

    __tablename__ = "plan_item_session"
    __table_args__ = (sa.UniqueConstraint("session_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(sa.ForeignKey("plan_item.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[int] = mapped_column(sa.ForeignKey("training_session.id"))


class PlanActualCache(db.Model):
    """Measures computed from attendance, kept until attendance, sessions or links change."""

    __tablename__ = "plan_actual_cache"
    __audited__ = False  # derived data, recomputed at will
    __table_args__ = (sa.UniqueConstraint("plan_id", "fiscal_year", "first_day", "last_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(sa.ForeignKey("hr_plan.id", ondelete="CASCADE"))
    fiscal_year: Mapped[int]
    first_day: Mapped[date]
    last_day: Mapped[date]
    watermark: Mapped[str] = mapped_column(db.String(200))
    measures: Mapped[str] = mapped_column(db.Text)
