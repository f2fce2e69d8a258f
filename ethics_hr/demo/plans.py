"""The demo's three-year HR development plan, with its ethics items linked to the demo trainings."""

from __future__ import annotations

from decimal import Decimal

from ethics_hr.demo import content
from ethics_hr.extensions import db
from ethics_hr.people.models import Department, Person, StaffCategory
from ethics_hr.plans.models import (
    APPROVED,
    DONE,
    IN_PROGRESS,
    NOT_STARTED,
    Plan,
    PlanArea,
    PlanItem,
    PlanItemBudget,
    PlanItemSession,
)

# The demo is as of FY 2570 Q1 (November 2026): FY 2569 items are done, FY 2570 Q1 ones under way.
STATUS_BY_YEAR = {2569: DONE, 2570: IN_PROGRESS}


def load_demo(people: list[Person]) -> None:
    """Create the plan from content.PLAN and link each item to the demo sessions of its courses."""

    from ethics_hr.training.models import Course, TrainingSession

    spec = content.PLAN
    plan = Plan(
        title_th=spec["title_th"],
        title_en=spec["title_en"],
        first_fiscal_year=spec["first_fiscal_year"],
        last_fiscal_year=spec["last_fiscal_year"],
        status=APPROVED,
        approved_on=spec["approved_on"],
        approved_by=spec["approved_by"],
    )
    db.session.add(plan)
    areas = {a.code: a for a in db.session.scalars(db.select(PlanArea))}
    departments = {d.code: d for d in db.session.scalars(db.select(Department))}
    everyone = list(db.session.scalars(db.select(StaffCategory)))
    linked: set[int] = set()
    for row in spec["items"]:
        status = STATUS_BY_YEAR.get(row["fiscal_year"], NOT_STARTED)
        if row["fiscal_year"] == 2570 and row["quarter"] > 1:
            status = NOT_STARTED
        item = PlanItem(
            plan=plan,
            name=row["name_th"],
            area=areas[row["area"]],
            objective=row["objective_th"],
            target_participants=row["target_participants"],
            indicator=row["indicator_th"],
            responsible_department=departments.get(row["department"]),
            fiscal_year=row["fiscal_year"],
            quarter=row["quarter"],
            status=status,
            categories=everyone,
            spent=Decimal(row["budget"].get(row["fiscal_year"], 0)) * Decimal("0.85")
            if status == DONE
            else Decimal(0),
        )
        for fy, amount in row["budget"].items():
            item.budgets.append(PlanItemBudget(fiscal_year=fy, amount=Decimal(amount)))
        db.session.add(item)
        db.session.flush()
        sessions = db.session.scalars(
            db.select(TrainingSession.id).join(Course).where(Course.code.in_(row["courses"]))
        )
        for session_id in sessions:
            if session_id not in linked and _in_year(session_id, row["fiscal_year"]):
                db.session.add(PlanItemSession(item_id=item.id, session_id=session_id))
                linked.add(session_id)
    db.session.flush()


def _in_year(session_id: int, fy: int) -> bool:
    from ethics_hr.core.timeutil import fiscal_year_of
    from ethics_hr.training.models import TrainingSession

    session = db.session.get(TrainingSession, session_id)
    return fiscal_year_of(session.starts_at, start_month=10) == fy
