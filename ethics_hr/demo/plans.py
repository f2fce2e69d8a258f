"""The demo's three-year HR development plan, with its ethics items linked to the demo trainings.

The officer drafts the plan in the month before the mayor approves it (22 Sep 2025), links each item to
the demo sessions of its courses, and records progress: FY 2569 items done at the end of that year
(85% of their budget spent), FY 2570 Q1 ones under way in November 2026.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from ethics_hr.core.timeutil import as_of, fiscal_year_of
from ethics_hr.demo import content
from ethics_hr.extensions import db
from ethics_hr.people.models import Department, Person, StaffCategory
from ethics_hr.plans import services as plans
from ethics_hr.plans.models import ItemStatus, PlanArea
from ethics_hr.training import catalogue, sessions

BANGKOK = ZoneInfo("Asia/Bangkok")


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=BANGKOK).astimezone(UTC)


def load_demo(people: list[Person]) -> None:
    """Draft, approve and follow the plan of content.PLAN through the plan services."""
    spec = content.PLAN
    areas = {a.code: a.id for a in db.session.scalars(db.select(PlanArea))}
    departments = {d.code: d.id for d in db.session.scalars(db.select(Department))}
    everyone = list(db.session.scalars(db.select(StaffCategory.id)))
    courses = {c.code: c.id for c in catalogue.courses()}
    years = range(spec["first_fiscal_year"], spec["last_fiscal_year"] + 1)
    with as_of(_at(spec["approved_on"] - timedelta(days=30))):
        plan = plans.save_plan(
            None,
            title_th=spec["title_th"],
            title_en=spec["title_en"],
            first_fiscal_year=spec["first_fiscal_year"],
            last_fiscal_year=spec["last_fiscal_year"],
            approved_on=None,
            approved_by="",
        )
        items = [
            (
                row,
                plans.save_item(
                    plan,
                    None,
                    plans.ItemInput(
                        name=row["name_th"],
                        area_id=areas[row["area"]],
                        objective=row["objective_th"],
                        target_participants=row["target_participants"],
                        indicator=row["indicator_th"],
                        indicator_target=None,
                        responsible_department_id=departments.get(row["department"]),
                        fiscal_year=row["fiscal_year"],
                        quarter=row["quarter"],
                        department_ids=[],
                        category_ids=everyone,
                        budgets={fy: Decimal(row["budget"].get(fy, 0)) for fy in years},
                    ),
                ),
            )
            for row in spec["items"]
        ]
    with as_of(_at(spec["approved_on"], 14)):
        plans.approve(plan, approved_on=spec["approved_on"], approved_by=spec["approved_by"])
    linked: set[int] = set()
    with as_of(_at(spec["approved_on"] + timedelta(days=3))):
        for row, item in items:
            for course in row["courses"]:
                for s in db.session.scalars(sessions.sessions_query(course_id=courses[course])):
                    in_year = fiscal_year_of(s.starts_at, start_month=10) == row["fiscal_year"]
                    if s.id not in linked and in_year:
                        plans.link_session(item, s.id)
                        linked.add(s.id)
    for row, item in items:
        if row["fiscal_year"] == 2569:
            with as_of(_at(date(2026, 9, 30), 15)):
                budget = Decimal(row["budget"].get(2569, 0))
                spent = budget * Decimal("0.85")
                plans.record_progress(item, status=ItemStatus.DONE, progress_note="", spent=spent)
        elif row["fiscal_year"] == 2570 and row["quarter"] == 1:
            with as_of(_at(date(2026, 11, 20), 15)):
                plans.record_progress(item, status=ItemStatus.IN_PROGRESS, progress_note="", spent=None)
