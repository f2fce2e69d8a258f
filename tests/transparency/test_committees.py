"""Committees on the public page and in the report: current members with names and positions, the orders."""

from __future__ import annotations

from datetime import date

import time_machine

from ethics_hr.reports import services
from tests.factories import committee_with_order

TODAY = "2026-11-25 10:00 +0700"


def test_public_page_lists_current_members_with_names_positions_and_roles(client, app):
    with time_machine.travel(TODAY, tick=False):
        _, _order, chair = committee_with_order()
        html = client.get("/public/committees").get_data(as_text=True)
    assert "คณะกรรมการจริยธรรมเทศบาลทดสอบ" in html
    assert chair.full_name_th in html and "ปลัดเทศบาล" in html
    assert "นายบรรจง สุขประเสริฐ" in html
    assert "ที่ 231/2568" in html
    # Published: names and positions; not the employee number nor the e-mail address.
    assert chair.employee_number not in html and chair.email not in html


def test_a_committee_whose_term_ended_shows_no_current_member_but_its_order(client, app):
    with time_machine.travel(TODAY, tick=False):
        committee_with_order(signed_on=date(2025, 3, 3), ends_on=date(2025, 9, 30), number=76)
        html = client.get("/public/committees").get_data(as_text=True)
    assert "ไม่มีกรรมการปัจจุบัน" in html and "ที่ 76/2568" in html


def test_report_names_the_orders_in_force_in_the_fiscal_year(app):
    with time_machine.travel(TODAY, tick=False):
        committee_with_order()
        committee_with_order(
            kind="code_drafting",
            name="คณะกรรมการจัดทำประมวล",
            number=45,
            signed_on=date(2022, 1, 24),
            ends_on=date(2022, 3, 31),
        )
        hr = next(row for row in services.build_report(2569, "th").rows if row.is_hr)
    texts = [line.text for line in hr.summary]
    assert any(t.startswith("3. มีคณะทำงาน คณะกรรมการฯ") for t in texts)
    assert "- คำสั่ง ที่ 231/2568 ลงวันที่ 21 กรกฎาคม 2568 เรื่อง แต่งตั้งคณะกรรมการจริยธรรมเทศบาลทดสอบ" in texts
    assert not any("45/2565" in t for t in texts)  # ended long before FY 2569


def test_ita_advisory_team_is_complete_once_a_committee_has_members(client, login_as, app):
    from tests import factories

    with time_machine.travel(TODAY, tick=False):
        login_as(factories.officer())
        html = client.get("/reports/ita/2568").get_data(as_text=True)
        assert "ยังไม่มีคณะกรรมการจริยธรรมหรือคณะทำงานให้คำปรึกษาที่มีคำสั่งแต่งตั้งมีผลใน" in html
        committee_with_order(kind="advisory_team", name="คณะทำงานให้คำปรึกษาด้านจริยธรรม", number=248)
        html = client.get("/reports/ita/2568").get_data(as_text=True)
    assert "มีคณะกรรมการจริยธรรมหรือคณะทำงานให้คำปรึกษาที่มีคำสั่งแต่งตั้งมีผลอยู่ 1 คณะ" in html


def test_a_code_drafting_committee_is_not_reported_as_a_body_that_answers_questions(app):
    with time_machine.travel(TODAY, tick=False):
        committee_with_order(kind="code_drafting", name="คณะกรรมการจัดทำประมวล", number=45)
        hr = next(row for row in services.build_report(2569, "th").rows if row.is_hr)
        texts = [line.text for line in hr.summary]
        assert not any("45/2568" in t for t in texts)
        assert any(t.startswith("3. ยังไม่มีการบันทึกคำสั่งแต่งตั้งคณะกรรมการจริยธรรม") for t in texts)
        committee_with_order(kind="advisory_team", name="คณะทำงานให้คำปรึกษา", number=46)
        hr = next(row for row in services.build_report(2569, "th").rows if row.is_hr)
    texts = [line.text for line in hr.summary]
    assert any("46/2568" in t for t in texts) and not any("45/2568" in t for t in texts)
