"""Benchmark data for the HR plan: profile L has 3 plans with 150 items linked to 1,000 sessions."""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy import insert

from ethics_hr.core.timeutil import fiscal_year_of, local_today
from ethics_hr.extensions import db
from ethics_hr.plans.models import (
    Plan,
    PlanArea,
    PlanItem,
    PlanItemBudget,
    PlanItemSession,
    PlanStatus,
    item_category,
)

# A plan has about as many items in a small body as in a large one; what grows with the organisation is the
# training behind them (100 sessions at M, 1,000 at L), so both profiles get the same 150 items.
SIZES = {"XS": (1, 6), "M": (3, 150), "L": (3, 150), "XL": (3, 150)}  # (plans, items in all)


def generate(ctx) -> None:
    """Three plans (two superseded), their items spread over the years, linked to the generated sessions."""
    from ethics_hr.training.models import TrainingSession

    n_plans, n_items = SIZES[ctx.profile]
    rng = ctx.rng
    fy = fiscal_year_of(local_today()) - 1
    areas = list(db.session.scalars(sa.select(PlanArea.id)))
    categories = list(db.session.scalars(sa.text("SELECT id FROM staff_category")))
    plan_ids = list(
        db.session.scalars(
            insert(Plan).returning(Plan.id, sort_by_parameter_order=True),
            [
                {
                    "title_th": f"แผนพัฒนาบุคลากร ชุดที่ {n + 1}",
                    "title_en": f"HR plan {n + 1}",
                    "first_fiscal_year": fy - 1,
                    "last_fiscal_year": fy + 1,
                    "status": PlanStatus.APPROVED if n == n_plans - 1 else PlanStatus.SUPERSEDED,
                    "approved_by": "นายกเทศมนตรี",
                }
                for n in range(n_plans)
            ],
        )
    )
    current = plan_ids[-1]
    items = [
        {
            "plan_id": current if i % 3 else rng.choice(plan_ids),
            "name": f"โครงการพัฒนาบุคลากร {i + 1}",
            "area_id": rng.choice(areas),
            "objective": "",
            "target_participants": rng.randint(20, 200),
            "indicator": "",
            "fiscal_year": fy if i % 2 == 0 else rng.choice([fy - 1, fy + 1]),
            "quarter": rng.randint(1, 4),
            "status": "in_progress",
            "progress_note": "",
            "spent": Decimal("0"),
        }
        for i in range(n_items)
    ]
    item_ids = list(
        db.session.scalars(insert(PlanItem).returning(PlanItem.id, sort_by_parameter_order=True), items)
    )
    db.session.execute(
        insert(PlanItemBudget),
        [{"item_id": i, "fiscal_year": fy, "amount": Decimal("10000")} for i in item_ids],
    )
    db.session.execute(
        insert(item_category), [{"item_id": i, "staff_category_id": rng.choice(categories)} for i in item_ids]
    )
    sessions = list(db.session.scalars(sa.select(TrainingSession.id).order_by(TrainingSession.id)))
    current_items = [
        i
        for i, row in zip(item_ids, items, strict=True)
        if row["plan_id"] == current and row["fiscal_year"] == fy
    ] or item_ids
    db.session.execute(
        insert(PlanItemSession), [{"item_id": rng.choice(current_items), "session_id": s} for s in sessions]
    )
    db.session.commit()
    ctx.extras["plan_fiscal_year"] = fy


def pages(ctx) -> list[tuple[str, str, str]]:
    fy = ctx.extras["plan_fiscal_year"]
    return [
        ("plans: plan against actual", f"/plans/report?fy={fy}", "officer"),
        ("plans: plan against actual, first half", f"/plans/report?fy={fy}&period=h1", "officer"),
    ]
