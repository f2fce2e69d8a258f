"""Benchmark data for declarations of interests: profile L has 10,000 declarations over five fiscal years.

Each is a person's annual declaration of a year (one a person and year); one in five lists an interest, and
most of those of the older years (a third of this year's and last year's) are decided by the committee. The
benchmark employee has the same two declarations at every profile, so their own list is the same page
whatever the organisation's size.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy import insert

from ethics_hr.conflicts import kept
from ethics_hr.conflicts.models import ANNUAL_DECLARATION, Decision, Declaration, Interest, InterestCategory
from ethics_hr.core.timeutil import fiscal_year_of, fiscal_year_range, local_today
from ethics_hr.extensions import db
from ethics_hr.people import headcount

SIZES = {"XS": 100, "M": 1_000, "L": 10_000, "XL": 50_000}
YEARS = 5


def generate(ctx) -> None:
    rng = ctx.rng
    categories = list(db.session.scalars(sa.select(InterestCategory.id)))
    this_year = fiscal_year_of(local_today())
    years = list(range(this_year - YEARS + 1, this_year + 1))
    employee = ctx.employee.person_id
    pairs = {(employee, this_year - 1), (employee, this_year - 2)}
    while len(pairs) < SIZES[ctx.profile]:
        pairs.add((rng.choice(ctx.people), rng.choice(years)))
    rows = []
    for person_id, fy in sorted(pairs):
        first = fiscal_year_range(fy)[0]
        day = min(first + timedelta(days=rng.randrange(60)), local_today())
        rows.append(
            {
                "person_id": person_id,
                "kind": "annual",
                "fiscal_year": fy,
                "situation": "",
                "situation_on": None,
                "has_interests": rng.random() < 0.2,
                "confirmed": True,
                "note": "",
                "question_id": None,
                "supersedes_id": None,
                "correction_reason": "",
                "declared_by_id": ctx.officer.id,
                "declared_at": datetime.combine(day, time(3), tzinfo=UTC),
            }
        )
    ids = list(
        db.session.scalars(insert(Declaration).returning(Declaration.id, sort_by_parameter_order=True), rows)
    )
    interests, decisions = [], []
    for declaration_id, row in zip(ids, rows, strict=True):
        if not row["has_interests"]:
            continue
        interests.append(
            {
                "declaration_id": declaration_id,
                "position": 1,
                "category_id": rng.choice(categories),
                "description": "คู่สมรสเป็นหุ้นส่วนห้างที่รับจ้างงานของหน่วยงาน",
                "other_party": "ห้างหุ้นส่วนจำกัด ทดสอบ",
                "relation": "คู่สมรส",
            }
        )
        # The committee has decided most of the older years; of this year and the last, a third so far, so
        # that the queue's first page is full at every profile (M: about 28 waiting in last year's queue).
        recent = row["fiscal_year"] >= this_year - 1
        if rng.random() < (0.3 if recent else 0.7):
            decisions.append(
                {
                    "declaration_id": declaration_id,
                    "outcome": rng.choice(("no_conflict", "manage", "refer")),
                    "measure": "",
                    "referred_to": "",
                    "note": "",
                    "decided_as": "committee",
                    "decided_by_id": ctx.committee.id,
                    "decided_at": row["declared_at"] + timedelta(days=7),
                    "replaces_id": None,
                }
            )
    if interests:
        db.session.execute(insert(Interest), interests)
    if decisions:
        db.session.execute(insert(Decision), decisions)
    # The declarations went in without the services, which keep their counts and the queue's head.
    headcount.rebuild([ANNUAL_DECLARATION])
    kept.rebuild()
    db.session.commit()
    ctx.extras["conflict_fiscal_year"] = this_year - 1


# Issue 15's target for the declarations' lists and compliance page: L within 1.3x M.
TARGET = 1.3


def pages(ctx) -> list[tuple]:
    fy = ctx.extras["conflict_fiscal_year"]
    return [
        ("interests: my declarations", "/declarations/", "employee", TARGET),
        ("interests: review queue (from the menu)", "/declarations/review", "committee", TARGET),
        (
            "interests: review queue, all of a year",
            f"/declarations/review?fy={fy}&view=all",
            "committee",
            TARGET,
        ),
        ("interests: compliance of a year", f"/declarations/compliance?fy={fy}", "officer", TARGET),
    ]
