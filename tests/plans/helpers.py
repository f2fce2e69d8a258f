"""Plan test data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ethics_hr.extensions import db
from ethics_hr.plans import services
from ethics_hr.plans.models import Plan, PlanArea, PlanStatus
from tests import factories


def area_id(code: str = "ethics") -> int:
    return db.session.scalar(db.select(PlanArea.id).where(PlanArea.code == code))


def plan(first: int = 2569, last: int = 2571, *, approved: bool = False) -> Plan:
    p = services.save_plan(
        None,
        title_th="แผนทดสอบ",
        title_en="Test plan",
        first_fiscal_year=first,
        last_fiscal_year=last,
        approved_on=None,
        approved_by="",
    )
    if approved:
        p.status = PlanStatus.APPROVED
        p.approved_on = date(2025, 9, 22)
        p.approved_by = "นายกเทศมนตรี"
        db.session.commit()
    return p


def item_input(**kw) -> services.ItemInput:
    values = {
        "name": "โครงการอบรมจริยธรรม",
        "area_id": area_id(),
        "objective": "",
        "target_participants": 40,
        "indicator": "",
        "indicator_target": None,
        "responsible_department_id": None,
        "fiscal_year": 2569,
        "quarter": 1,
        "department_ids": [],
        "category_ids": [factories.category().id],
        "budgets": {2569: Decimal("25000")},
    } | kw
    return services.ItemInput(**values)
