"""Plans and their items: the rules of the plan, kept in one place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ethics_hr.core.audit import AuditEntry
from ethics_hr.core.db import transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.forms import REQUIRED
from ethics_hr.core.timeutil import fiscal_year_of, fiscal_year_range, local_today
from ethics_hr.core.uploads import DOCUMENTS, save_upload
from ethics_hr.extensions import db
from ethics_hr.people.audience import chosen_groups
from ethics_hr.plans.models import (
    TARGET_FIELDS,
    ItemStatus,
    Plan,
    PlanArea,
    PlanItem,
    PlanItemBudget,
    PlanItemSession,
    PlanStatus,
)
from ethics_hr.training import services as training

MAX_YEARS = 5


def areas(*, active_only: bool = True) -> list[PlanArea]:
    query = db.select(PlanArea).order_by(PlanArea.sort_order, PlanArea.id)
    if active_only:
        query = query.where(PlanArea.active)
    return list(db.session.scalars(query))


def plans() -> list[Plan]:
    return list(db.session.scalars(db.select(Plan).order_by(Plan.first_fiscal_year.desc(), Plan.id.desc())))


def plan_in_force(fy: int) -> Plan | None:
    """The approved plan that covers a fiscal year (the latest approved if several)."""
    return db.session.scalar(
        db.select(Plan)
        .where(Plan.status == PlanStatus.APPROVED, Plan.first_fiscal_year <= fy, Plan.last_fiscal_year >= fy)
        .order_by(Plan.approved_on.desc().nulls_last(), Plan.id.desc())
        .limit(1)
    )


@transactional
def save_plan(
    plan: Plan | None,
    *,
    title_th: str,
    title_en: str,
    first_fiscal_year: int,
    last_fiscal_year: int,
    approved_on: date | None,
    approved_by: str,
    document=None,
    uploaded_by_id: int | None = None,
) -> Plan:
    """Create or change a plan's header and, if given, its approved document; items stay within its years."""
    if last_fiscal_year < first_fiscal_year:
        raise RuleViolation(str(_l("The last fiscal year cannot be before the first.")), "last_fiscal_year")
    if last_fiscal_year - first_fiscal_year + 1 > MAX_YEARS:
        raise RuleViolation(
            str(_l("A plan covers at most %(n)d fiscal years.", n=MAX_YEARS)), "last_fiscal_year"
        )
    if plan is not None and plan.items:
        outside = [i for i in plan.items if not first_fiscal_year <= i.fiscal_year <= last_fiscal_year]
        if outside:
            raise RuleViolation(
                str(_l("%(n)d items are planned outside these years; move them first.", n=len(outside))),
                "first_fiscal_year",
            )
    if plan is None:
        plan = Plan(status=PlanStatus.DRAFT)
        db.session.add(plan)
    plan.title_th = title_th.strip()
    plan.title_en = (title_en or "").strip()
    plan.first_fiscal_year = first_fiscal_year
    plan.last_fiscal_year = last_fiscal_year
    if document:
        stored = save_upload(document, allowed=DOCUMENTS, field="document", by_id=uploaded_by_id)
        db.session.flush()
        plan.document_id = stored.id
    # The approval typed on this form is the approval: it goes through the same rule as the Approve button.
    typed = bool(approved_on or (approved_by or "").strip())
    if plan.status == PlanStatus.SUPERSEDED:  # approval may be corrected; not back in force
        if typed:
            plan.approved_on, plan.approved_by = approved_on, (approved_by or "").strip()
    elif typed:
        db.session.flush()
        _approve(plan, approved_on=approved_on, approved_by=approved_by)
    elif plan.is_approved:
        raise RuleViolation(
            str(_l("An approved plan keeps its approval: enter the date and who approved it.")), "approved_on"
        )
    else:
        plan.approved_on, plan.approved_by = None, ""
    return plan


@transactional
def approve(plan: Plan, *, approved_on: date | None, approved_by: str) -> None:
    """Mark the plan approved; an earlier approved plan covering the same years is superseded."""
    _approve(plan, approved_on=approved_on, approved_by=approved_by)


def _approve(plan: Plan, *, approved_on: date | None, approved_by: str) -> None:
    if not approved_on:
        raise RuleViolation(str(_l("Enter the date the plan was approved.")), "approved_on")
    if not (approved_by or "").strip():
        raise RuleViolation(str(_l("Enter who approved the plan.")), "approved_by")
    if not plan.items:
        raise RuleViolation(str(_l("A plan without items cannot be approved.")))
    for other in db.session.scalars(
        db.select(Plan).where(
            Plan.id != plan.id,
            Plan.status == PlanStatus.APPROVED,
            Plan.first_fiscal_year <= plan.last_fiscal_year,
            Plan.last_fiscal_year >= plan.first_fiscal_year,
        )
    ):
        other.status = PlanStatus.SUPERSEDED
    plan.status = PlanStatus.APPROVED
    plan.approved_on = approved_on
    plan.approved_by = approved_by.strip()


@dataclass
class ItemInput:
    name: str
    area_id: int | None
    objective: str
    target_participants: int | None
    indicator: str
    indicator_target: Decimal | None
    responsible_department_id: int | None
    fiscal_year: int | None
    quarter: int | None
    department_ids: list[int]
    category_ids: list[int]
    budgets: dict[int, Decimal | None]


def parse_money(text: str | None) -> Decimal | None:
    """Read an amount in baht typed as 25000, 25,000 or 25,000.50."""
    text = (text or "").replace(",", "").strip()
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise RuleViolation(str(_l("Enter an amount in baht, e.g. 25,000."))) from None


@transactional
def save_item(plan: Plan, item: PlanItem | None, data: ItemInput) -> PlanItem:
    """Create or change a plan item; an approved plan's target changes stay on record (audit log)."""
    if not (data.name or "").strip():
        raise RuleViolation(str(REQUIRED), "name")
    if data.fiscal_year is None or not plan.first_fiscal_year <= data.fiscal_year <= plan.last_fiscal_year:
        raise RuleViolation(
            str(
                _l(
                    "Choose a fiscal year of the plan (%(a)d–%(b)d).",
                    a=plan.first_fiscal_year,
                    b=plan.last_fiscal_year,
                )
            ),
            "fiscal_year",
        )
    if data.quarter not in (1, 2, 3, 4):
        raise RuleViolation(str(_l("Choose a quarter from 1 to 4.")), "quarter")
    if data.target_participants is None or data.target_participants < 0:
        raise RuleViolation(str(_l("The target cannot be negative.")), "target_participants")
    if data.indicator_target is not None and data.indicator_target < 0:
        raise RuleViolation(str(_l("The target cannot be negative.")), "indicator_target")
    if db.session.get(PlanArea, data.area_id or 0) is None:
        raise RuleViolation(str(_l("Choose an area from the list.")), "area_id")
    if not data.department_ids and not data.category_ids:
        raise RuleViolation(
            str(_l("Choose at least one department or staff category as the target group.")), "category_ids"
        )
    for fy, amount in data.budgets.items():
        if amount is not None and amount < 0:
            raise RuleViolation(str(_l("A budget cannot be negative.")), f"budget_{fy}")
        if not plan.first_fiscal_year <= fy <= plan.last_fiscal_year:
            raise RuleViolation(str(_l("A budget year is outside the plan.")), f"budget_{fy}")
    groups = chosen_groups(data.category_ids, data.department_ids)
    if item is None:
        item = PlanItem(plan=plan, status=ItemStatus.NOT_STARTED)
        db.session.add(item)
    item.name = data.name.strip()
    item.area_id = data.area_id
    item.objective = (data.objective or "").strip()
    item.target_participants = data.target_participants
    item.indicator = (data.indicator or "").strip()
    item.indicator_target = data.indicator_target
    item.responsible_department_id = data.responsible_department_id or None
    item.fiscal_year = data.fiscal_year
    item.quarter = data.quarter
    item.departments = groups.departments
    item.categories = groups.categories
    existing = {b.fiscal_year: b for b in item.budgets}
    for fy, amount in data.budgets.items():
        if fy in existing:
            existing[fy].amount = amount or Decimal("0")
        else:
            item.budgets.append(PlanItemBudget(fiscal_year=fy, amount=amount or Decimal("0")))
    return item


@transactional
def record_progress(item: PlanItem, *, status: str, progress_note: str, spent: Decimal | None) -> None:
    """Record an item's status, progress note and budget spent (allowed on approved plans too)."""
    if status not in set(ItemStatus):
        raise RuleViolation(str(_l("Choose a status from the list.")), "status")
    if spent is not None and spent < 0:
        raise RuleViolation(str(_l("A budget cannot be negative.")), "spent")
    item.status = status
    item.progress_note = (progress_note or "").strip()
    item.spent = spent or Decimal("0")


def target_changes(item: PlanItem) -> list[AuditEntry]:
    """The audit entries that changed this item's targets after it was created."""
    entries = db.session.scalars(
        db.select(AuditEntry)
        .where(
            AuditEntry.entity_type == PlanItem.__tablename__,
            AuditEntry.entity_id == str(item.id),
            AuditEntry.action == "update",
        )
        .order_by(AuditEntry.id)
    )
    return [e for e in entries if any(f in e.changes_dict for f in TARGET_FIELDS)]


@transactional
def link_session(item: PlanItem, session_id: int) -> None:
    """Count a training session toward the item (a session counts toward one item only)."""
    if training.session_by_id(session_id) is None:
        raise RuleViolation(str(_l("Choose a session from the list.")), "session_id")
    linked = db.session.scalar(db.select(PlanItemSession).where(PlanItemSession.session_id == session_id))
    if linked is not None:
        if linked.item_id == item.id:
            return
        raise RuleViolation(str(_l("This session already counts toward another item.")), "session_id")
    db.session.add(PlanItemSession(item_id=item.id, session_id=session_id))


@transactional
def unlink_session(item: PlanItem, session_id: int) -> None:
    link = db.session.scalar(
        db.select(PlanItemSession).where(
            PlanItemSession.item_id == item.id, PlanItemSession.session_id == session_id
        )
    )
    if link is not None:
        db.session.delete(link)


def quarter_start(fy: int, quarter: int) -> date:
    """The first day of a quarter of a fiscal year (Q1 of FY 2569 starts 1 Oct 2568)."""
    first, _ = fiscal_year_range(fy)
    month = first.month + 3 * (quarter - 1)
    year = first.year + (month - 1) // 12
    return date(year, (month - 1) % 12 + 1, 1)


def late_items_query(today: date | None = None) -> sa.Select:
    """Items of approved plans whose planned quarter has begun but which have not started."""
    today = today or local_today()
    fy = fiscal_year_of(today)
    first, _ = fiscal_year_range(fy)
    quarter_now = (today.year - first.year) * 12 + today.month - first.month
    current_quarter = quarter_now // 3 + 1
    return (
        db.select(PlanItem)
        .join(Plan)
        .where(
            Plan.status == PlanStatus.APPROVED,
            PlanItem.status == ItemStatus.NOT_STARTED,
            sa.or_(
                PlanItem.fiscal_year < fy,
                sa.and_(PlanItem.fiscal_year == fy, PlanItem.quarter <= current_quarter),
            ),
        )
        .order_by(PlanItem.fiscal_year, PlanItem.quarter, PlanItem.id)
    )


def is_late(item: PlanItem, today: date | None = None) -> bool:
    today = today or local_today()
    return (
        item.plan.status == PlanStatus.APPROVED
        and item.status == ItemStatus.NOT_STARTED
        and quarter_start(item.fiscal_year, item.quarter) <= today
    )
