"""Benchmark data for the gift register: profile L has 20,000 gifts over five fiscal years.

Gifts come in groups of one giver and one occasion, so some groups go above the reporting limit and wait
for the head; about half of those are decided. The benchmark employee has the same few gifts at every
profile, so their own list is the same page whatever the organisation's size.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy import insert

from ethics_hr.core.timeutil import fiscal_year_of, fiscal_year_range, local_today
from ethics_hr.extensions import db
from ethics_hr.gifts.models import Gift, GiftDecision, GiftOccasion
from ethics_hr.gifts.services import giver_key, rebuild_sums
from ethics_hr.reports import ita

SIZES = {"XS": 100, "M": 2_000, "L": 20_000, "XL": 50_000}
YEARS = 5
EMPLOYEE_GIFTS = 6
GIVERS = [f"บริษัท ผู้รับเหมา {n} จำกัด" for n in range(1, 41)]


def generate(ctx) -> None:
    rng = ctx.rng
    occasions = list(db.session.scalars(sa.select(GiftOccasion.id)))
    this_year = fiscal_year_of(local_today())
    first_day = fiscal_year_range(this_year - YEARS + 1)[0]
    span = (local_today() - first_day).days
    employee = ctx.employee.person_id
    rows = []
    for n in range(SIZES[ctx.profile]):
        received = first_day + timedelta(days=rng.randrange(span))
        giver = rng.choice(GIVERS)
        rows.append(
            {
                "person_id": employee if n < EMPLOYEE_GIFTS else rng.choice(ctx.people),
                "fiscal_year": fiscal_year_of(received, start_month=10),
                "received_on": received,
                "giver_name": giver,
                "giver_organisation": "",
                "giver_key": giver_key(giver, ""),
                "description": "กระเช้าของขวัญ",
                "value_baht": Decimal(rng.choice((300, 800, 1500, 2500, 3500, 5000))),
                "occasion_id": rng.choice(occasions),
                "outcome": rng.choice(("pending", "kept", "returned", "handed_over")),
                "note": "",
                "recorded_by_id": None,
            }
        )
    ids = list(db.session.scalars(insert(Gift).returning(Gift.id, sort_by_parameter_order=True), rows))
    decided_at = datetime.now(UTC) - timedelta(days=1)
    decisions = [
        {
            "gift_id": gid,
            "outcome": "handed_over",
            "note": "",
            "decided_by_id": ctx.admin.id,
            "decided_at": decided_at,
            "replaces_id": None,
        }
        for gid, row in zip(ids, rows, strict=True)
        if row["value_baht"] > Decimal(3000) and rng.random() < 0.5
    ]
    if decisions:
        db.session.execute(insert(GiftDecision), decisions)
    db.session.commit()
    rebuild_sums()  # the rows went in without the services, which keep the sums as they go
    ctx.extras["gift_fiscal_year"] = this_year - 1
    ctx.extras["ita_year"] = max(ita.catalogue_years())


# Issue 15's target for the gift register, its public page and the ITA evidence page: L within 1.3x M.
TARGET = 1.3


def pages(ctx) -> list[tuple]:
    fy = ctx.extras["gift_fiscal_year"]
    return [
        ("gifts: register (from the menu)", "/gifts/register", "officer", TARGET),
        ("gifts: register, all of a year", f"/gifts/register?fy={fy}&view=all", "officer", TARGET),
        ("gifts: my gifts", "/gifts/", "employee", TARGET),
        ("gifts: public No Gift page", f"/public/gifts/{fy}", "anonymous", TARGET),
        ("evidence: ITA links", f"/reports/ita/{ctx.extras['ita_year']}", "officer", TARGET),
    ]
