"""Plan against actual: participants, person-hours and sessions held come from attendance, never typed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from ethics_hr.core.db import unit_of_work
from ethics_hr.core.timeutil import fiscal_year_range, local_bounds_utc
from ethics_hr.extensions import db
from ethics_hr.plans.models import Period, Plan, PlanActualCache, PlanItem, PlanItemBudget, PlanItemSession
from ethics_hr.training import services as training

FIRST_HALF = Period.FIRST_HALF
WHOLE_YEAR = Period.WHOLE_YEAR


def period_bounds(fy: int, period: str) -> tuple[date, date]:
    """The first and last local day of the period: the first six months (Oct to Mar) or the whole year."""
    first, last = fiscal_year_range(fy)
    if period == FIRST_HALF:
        month = first.month + 6
        year = first.year + (month - 1) // 12
        last = date(year, (month - 1) % 12 + 1, 1) - timedelta(days=1)
    return first, last


@dataclass
class ItemActual:
    item: PlanItem
    planned_budget: Decimal = Decimal("0")
    participants: int = 0
    person_hours: float = 0.0
    sessions_held: int = 0
    linked_sessions: int = 0


@dataclass
class PlanReport:
    fiscal_year: int
    period: str
    first_day: date
    last_day: date
    plan: Plan | None
    rows: list[ItemActual] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, float | Decimal | int]:
        return {
            "target": sum(r.item.target_participants for r in self.rows),
            "participants": sum(r.participants for r in self.rows),
            "person_hours": sum(r.person_hours for r in self.rows),
            "sessions_held": sum(r.sessions_held for r in self.rows),
            "planned_budget": sum((r.planned_budget for r in self.rows), Decimal("0")),
            "spent": sum((r.item.spent for r in self.rows), Decimal("0")),
        }


def plan_against_actual(plan: Plan | None, fy: int, period: str = WHOLE_YEAR) -> PlanReport:
    """Each item planned for the fiscal year, with what its linked sessions achieved in the period."""
    first, last = period_bounds(fy, period)
    report = PlanReport(fy, period, first, last, plan)
    if plan is None:
        return report
    items = list(
        db.session.scalars(
            db.select(PlanItem)
            .where(PlanItem.plan_id == plan.id, PlanItem.fiscal_year == fy)
            .order_by(PlanItem.quarter, PlanItem.id)
        )
    )
    if not items:
        return report
    budgets = dict(
        db.session.execute(
            db.select(PlanItemBudget.item_id, PlanItemBudget.amount)
            .join(PlanItem)
            .where(PlanItem.plan_id == plan.id, PlanItemBudget.fiscal_year == fy)
        ).all()
    )
    measures = _measures(plan.id, fy, first, last)
    for item in items:
        participants, hours, held, linked = measures.get(item.id, (0, 0.0, 0, 0))
        report.rows.append(
            ItemActual(item, budgets.get(item.id, Decimal("0")), participants, hours, held, linked)
        )
    return report


def _measures(plan_id: int, fy: int, first: date, last: date) -> dict[int, tuple[int, float, int, int]]:
    """Per item: participants, person-hours, sessions held and linked; recomputed only when the data changed.

    Attendance is append-only, so the largest attendance id, with the sessions' last change and the links,
    tells whether anything the measures depend on has changed since they were last computed.
    """
    mark = _watermark(plan_id, fy)
    cached = db.session.scalar(
        db.select(PlanActualCache).where(
            PlanActualCache.plan_id == plan_id,
            PlanActualCache.fiscal_year == fy,
            PlanActualCache.first_day == first,
            PlanActualCache.last_day == last,
        )
    )
    if cached is not None and cached.watermark == mark:
        return {int(k): tuple(v) for k, v in json.loads(cached.measures).items()}
    result = _compute_measures(plan_id, fy, first, last)
    try:
        with unit_of_work():
            if cached is None:
                cached = PlanActualCache(plan_id=plan_id, fiscal_year=fy, first_day=first, last_day=last)
                db.session.add(cached)
            cached.watermark = mark
            cached.measures = json.dumps(result)
    except IntegrityError:  # another request stored the same measures at the same moment
        pass
    return result


def _watermark(plan_id: int, fy: int) -> str:
    """One statement: what the measures depend on, as a short text that changes whenever any of it does."""
    links = (
        db.select(
            sa.func.count(PlanItemSession.id), sa.func.coalesce(sa.func.sum(PlanItemSession.session_id), 0)
        )
        .join(PlanItem, PlanItem.id == PlanItemSession.item_id)
        .where(PlanItem.plan_id == plan_id, PlanItem.fiscal_year == fy)
        .subquery()
    )
    row = db.session.execute(db.select(*training.change_mark(), *links.c)).one()
    return "|".join(str(value) for value in row)


def _compute_measures(
    plan_id: int, fy: int, first: date, last: date
) -> dict[int, tuple[int, float, int, int]]:
    """Per item: distinct participants, person-hours, sessions held and linked, in three grouped queries."""
    start, end = local_bounds_utc(first, last)
    links = (
        db.select(PlanItemSession.item_id, PlanItemSession.session_id)
        .join(PlanItem, PlanItem.id == PlanItemSession.item_id)
        .where(PlanItem.plan_id == plan_id, PlanItem.fiscal_year == fy)
        .subquery("links")
    )
    linked_sessions = db.select(links.c.session_id)
    credited = training.credited_attendance(linked_sessions, start=start, end=end)
    attended = db.session.execute(
        db.select(
            links.c.item_id,
            sa.func.count(sa.distinct(credited.c.person_id)),
            sa.func.coalesce(sa.func.sum(credited.c.hours), 0.0),
        )
        .join(links, links.c.session_id == credited.c.session_id)
        .group_by(links.c.item_id)
    ).all()
    completed = training.completed_sessions(linked_sessions, start=start, end=end)
    held = dict(
        db.session.execute(
            db.select(links.c.item_id, sa.func.count(completed.c.session_id))
            .join(completed, completed.c.session_id == links.c.session_id)
            .group_by(links.c.item_id)
        ).all()
    )
    linked = dict(
        db.session.execute(db.select(links.c.item_id, sa.func.count()).group_by(links.c.item_id)).all()
    )
    result: dict[int, tuple[int, float, int, int]] = {}
    for item_id in set(linked) | set(held) | {row[0] for row in attended}:
        result[item_id] = (0, 0.0, held.get(item_id, 0), linked.get(item_id, 0))
    for item_id, participants, person_hours in attended:
        result[item_id] = (
            int(participants),
            float(person_hours or 0),
            held.get(item_id, 0),
            linked.get(item_id, 0),
        )
    return result
