"""Benchmark data for the integrity pledge: this fiscal year's pledge, open, for every staff category, signed
by about three in four people (a third of them on paper), inserted in bulk.

Its compliance page makes the same statements whatever the organisation's size: the counts kept per
department and staff category, one page of people and their signatures.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, select

from ethics_hr.core.timeutil import fiscal_year_of, fiscal_year_range, local_today
from ethics_hr.extensions import db
from ethics_hr.people import headcount
from ethics_hr.people.models import StaffCategory
from ethics_hr.pledges import services
from ethics_hr.pledges.models import SIGNED_PLEDGE, Pledge, PledgeSignature, PledgeStatus, SignatureMethod

BATCH = 5_000
_state: dict[str, int] = {}


def generate(ctx) -> None:
    """Open this fiscal year's pledge and sign it for most people."""
    fy = fiscal_year_of(local_today())
    first, last = fiscal_year_range(fy)
    pledge = Pledge(
        fiscal_year=fy,
        title_th=f"ปฏิญญาคุณธรรม ประจำปีงบประมาณ พ.ศ. {fy}",
        body_th="ข้าพเจ้าจะปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต\n\n1. ไม่รับสินบน\n2. แยกเรื่องส่วนตัวออกจากตำแหน่งหน้าที่",
        opens_on=first,
        closes_on=last,
        categories=list(db.session.scalars(select(StaffCategory))),
    )
    db.session.add(pledge)
    db.session.flush()
    pledge.content_sha256 = services.content_sha256(pledge)
    pledge.status = PledgeStatus.OPEN.value
    pledge.opened_at = datetime.combine(first, datetime.min.time(), tzinfo=UTC)
    pledge.opened_by_id = ctx.officer.id
    db.session.commit()
    _state["pledge_id"] = pledge.id
    rows: list[dict] = []
    for person_id in ctx.people:
        if person_id == ctx.employee.person_id or ctx.rng.random() >= 0.75:
            continue
        on_paper = ctx.rng.random() < 0.3
        rows.append(
            {
                "pledge_id": pledge.id,
                "person_id": person_id,
                "content_sha256": pledge.content_sha256,
                "statement": "ข้าพเจ้าได้อ่านปฏิญญาคุณธรรมนี้แล้ว และขอปฏิญาณว่าจะปฏิบัติตามปฏิญญานี้",
                "locale": "th",
                "signed_at": pledge.opened_at + timedelta(hours=ctx.rng.randint(1, 24 * 20)),
                "method": SignatureMethod.ON_BEHALF if on_paper else SignatureMethod.SELF,
                "recorded_by_id": ctx.officer.id,
                "signed_on": first if on_paper else None,
                "note": "ลงนามในพิธีลงนามปฏิญญาคุณธรรม" if on_paper else "",
            }
        )
        if len(rows) >= BATCH:
            db.session.execute(insert(PledgeSignature), rows)
            rows = []
    if rows:
        db.session.execute(insert(PledgeSignature), rows)
    headcount.rebuild([SIGNED_PLEDGE])  # the signatures went in without the services, which count them
    db.session.commit()


def pages(ctx) -> list[tuple]:
    """Who has signed the pledge (first page of those who have not) and the public page's counts."""
    pledge_id = _state.get("pledge_id") or db.session.scalar(select(Pledge.id).order_by(Pledge.id.desc()))
    fy = db.session.scalar(select(Pledge.fiscal_year).where(Pledge.id == pledge_id))
    return [
        # Issue 15's target for the pledge's compliance page and its public counts: L within 1.3x M.
        ("pledges: who has signed", f"/pledges/{pledge_id}/compliance", "officer", 1.3),
        ("pledges: public page", f"/public/pledge/{fy}", "anonymous", 1.3),
    ]
