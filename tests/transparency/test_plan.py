"""The HR plan in force and its plan-against-actual, on the public page, in the report and the dashboard.

These tests need the plans domain; they are skipped on a tree where it has not landed yet.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from ethics_hr.reports import services
from tests import factories

plans = pytest.importorskip("ethics_hr.plans.services")

TODAY = "2026-11-25 10:00 +0700"


def _plan(*, approve: bool = True):
    plan = plans.save_plan(
        None,
        title_th="แผนการบริหารและพัฒนาทรัพยากรบุคคล พ.ศ. 2569–2571",
        title_en="HR plan 2569-2571",
        first_fiscal_year=2569,
        last_fiscal_year=2571,
        approved_on=None,
        approved_by="",
    )
    area = plans.areas()[0]
    for name in ("โครงการอบรมประมวลจริยธรรม", "กิจกรรมส่งเสริม No Gift Policy"):
        plans.save_item(
            plan,
            None,
            plans.ItemInput(
                name=name,
                area_id=area.id,
                objective="",
                target_participants=40,
                indicator="",
                indicator_target=None,
                responsible_department_id=None,
                fiscal_year=2569,
                quarter=1,
                department_ids=[],
                category_ids=[factories.category().id],
                budgets={2569: Decimal("25000")},
            ),
        )
    if approve:
        plans.approve(plan, approved_on=date(2025, 9, 22), approved_by="นายกเทศมนตรี")
    return plan


def test_public_plan_page_shows_the_plan_in_force_and_its_items(client, app):
    with time_machine.travel(TODAY, tick=False):
        _plan()
        html = client.get("/public/plan/2569").get_data(as_text=True)
    assert "แผนการบริหารและพัฒนาทรัพยากรบุคคล พ.ศ. 2569–2571" in html
    assert "โครงการอบรมประมวลจริยธรรม" in html and 'id="results"' in html


def test_a_draft_plan_is_not_published(client, app):
    with time_machine.travel(TODAY, tick=False):
        _plan(approve=False)
        html = client.get("/public/plan/2569").get_data(as_text=True)
    assert "โครงการอบรมประมวลจริยธรรม" not in html
    assert "ยังไม่มีแผนการบริหารและพัฒนาทรัพยากรบุคคลที่มีผลบังคับใช้ในปีงบประมาณ พ.ศ. 2569" in html


def test_report_names_the_plan_in_force_and_the_items_done(app):
    with time_machine.travel(TODAY, tick=False):
        _plan()
        hr = next(row for row in services.build_report(2569, "th").rows if row.is_hr)
    texts = [line.text for line in hr.summary]
    assert texts[0].startswith("1. มีแผนการบริหารและพัฒนาทรัพยากรบุคคล ได้แก่ แผนการบริหารและพัฒนาทรัพยากรบุคคล")
    assert "อนุมัติเมื่อวันที่ 22 กันยายน 2568" in texts[0]
    assert (
        "- ดำเนินการแล้วเสร็จ 0 โครงการ/กิจกรรม จากที่กำหนดไว้ในปีงบประมาณ พ.ศ. 2569 จำนวน 2 โครงการ/กิจกรรม" in texts
    )


def test_dashboard_draws_the_plan_items_by_status(client, login_as, app):
    with time_machine.travel(TODAY, tick=False):
        _plan()
        login_as(factories.officer())
        html = client.get("/reports/dashboard?fy=2569").get_data(as_text=True)
    assert "chart-donut" in html and "ยังไม่เริ่ม" in html
