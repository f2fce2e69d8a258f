"""Benchmark data for the committee register: profile L has 40 committees and 300 appointment orders."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy import insert, update

from ethics_hr.committees.models import AppointmentOrder, Committee, CommitteeKind, MemberRole, Membership
from ethics_hr.core.timeutil import be_year, local_today
from ethics_hr.extensions import db

SIZES = {"XS": (2, 4), "M": (12, 80), "L": (40, 300), "XL": (60, 450)}  # (committees, orders)
KINDS = [kind.value for kind in CommitteeKind]
KIND_WEIGHTS = [4, 2, 3, 1]
OUTSIDERS = ["นายบรรจง สุขประเสริฐ", "นางดวงใจ ศรีอ่อน", "ดร.สุวิทย์ ทองประเสริฐ", "นางสาวอรพรรณ ใจงาม"]


def generate(ctx) -> None:
    """Create the profile's committees, each with a chain of orders, the latest one in force today."""
    committees, orders = SIZES[ctx.profile]
    rng = ctx.rng
    today = local_today()
    committee_ids = list(
        db.session.scalars(
            insert(Committee).returning(Committee.id, sort_by_parameter_order=True),
            [
                {
                    "name_th": f"คณะกรรมการทดสอบประสิทธิภาพ {n + 1}",
                    "name_en": f"Benchmark committee {n + 1}",
                    "kind": rng.choices(KINDS, KIND_WEIGHTS)[0],
                    "mandate": "ให้คำปรึกษาและตอบข้อซักถามด้านจริยธรรม",
                    "dissolution_note": "",
                }
                for n in range(committees)
            ],
        )
    )
    per_committee = [orders // committees + (1 if n < orders % committees else 0) for n in range(committees)]
    used = dict(
        db.session.execute(
            sa.select(AppointmentOrder.year_be, sa.func.max(AppointmentOrder.number)).group_by(
                AppointmentOrder.year_be
            )
        ).all()
    )

    order_rows, chains = [], []
    for committee_id, count in zip(committee_ids, per_committee, strict=True):
        # Oldest first, about a year apart, the last one taking effect within the past year.
        start = today - timedelta(days=365 * count + rng.randint(0, 300))
        chain = []
        for k in range(count):
            signed = start + timedelta(days=365 * k + rng.randint(0, 60))
            year = be_year(signed.year)
            used[year] = (used.get(year) or 0) + rng.randint(1, 5)
            chain.append(len(order_rows))
            order_rows.append(
                {
                    "committee_id": committee_id,
                    "number": used[year],
                    "year_be": year,
                    "title": "แต่งตั้งคณะกรรมการทดสอบประสิทธิภาพ",
                    "signed_on": signed,
                    "signed_by_name": "นายประเสริฐ วงศ์ใหญ่",
                    "signed_by_position": "นายกเทศมนตรี",
                    "effective_on": signed,
                    "ends_on": None,
                }
            )
        chains.append(chain)
    order_ids = list(
        db.session.scalars(
            insert(AppointmentOrder).returning(AppointmentOrder.id, sort_by_parameter_order=True), order_rows
        )
    )
    db.session.execute(
        update(AppointmentOrder),
        [
            {"id": order_ids[chain[k]], "replaces_id": order_ids[chain[k - 1]]}
            for chain in chains
            for k in range(1, len(chain))
        ],
    )
    db.session.execute(insert(Membership), [row for oid in order_ids for row in _members(ctx, oid, today)])
    db.session.commit()


def _members(ctx, order_id: int, today: date) -> list[dict]:
    rng = ctx.rng
    people = rng.sample(ctx.people, min(len(ctx.people), rng.randint(6, 10)))
    roles = [MemberRole.CHAIR, MemberRole.VICE_CHAIR] + [MemberRole.MEMBER] * (len(people) - 3)
    roles.append(MemberRole.SECRETARY)
    rows = [
        {
            "order_id": order_id,
            "person_id": person_id,
            "outside_name": "",
            "outside_organisation": "",
            "position": "",
            "role": role.value,
            # Some terms end soon, so the "terms ending" list has work to do.
            "ends_on": today + timedelta(days=rng.randint(1, 120)) if rng.random() < 0.1 else None,
            "sort_order": index,
        }
        for index, (person_id, role) in enumerate(zip(people, roles, strict=False))
    ]
    for name in rng.sample(OUTSIDERS, rng.randint(0, 2)):
        rows.append(
            {
                "order_id": order_id,
                "person_id": None,
                "outside_name": name,
                "outside_organisation": "ข้าราชการบำนาญ",
                "position": "ผู้ทรงคุณวุฒิ",
                "role": MemberRole.MEMBER.value,
                "ends_on": None,
                "sort_order": len(rows),
            }
        )
    return rows


def pages(ctx) -> list[tuple[str, str, str]]:
    """The committee list, the busiest committee's page, its printout and the terms ending soon."""
    busiest = db.session.scalar(
        sa.select(AppointmentOrder.committee_id)
        .group_by(AppointmentOrder.committee_id)
        .order_by(sa.func.count().desc(), AppointmentOrder.committee_id)
        .limit(1)
    )
    return [
        ("committees: list", "/committees/", "employee"),
        ("committees: committee page (with history)", f"/committees/{busiest}", "officer"),
        ("committees: composition page", f"/committees/{busiest}", "employee"),
        ("committees: printout", f"/committees/{busiest}/print", "officer"),
        ("committees: terms ending soon", "/committees/terms-ending", "officer"),
    ]
