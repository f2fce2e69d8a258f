"""The officer's plan pages: access, bad input kept next to its field, the report and its spreadsheet."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from ethics_hr.extensions import db
from ethics_hr.plans import services
from ethics_hr.plans.models import Plan, PlanItem
from tests import factories

pytestmark = pytest.mark.usefixtures("in_english")


def test_plans_are_for_officers(app, client, login_as):
    plan = factories.plan()
    login_as(factories.user())
    for url in ("/plans/", f"/plans/{plan.id}", "/plans/report", "/plans/new"):
        assert client.get(url).status_code == 403, url
    login_as(factories.officer())
    for url in ("/plans/", f"/plans/{plan.id}", "/plans/report", "/plans/new"):
        assert client.get(url).status_code == 200, url


def _item_form(**kw) -> dict:
    return {
        "name": "อบรมจริยธรรม",
        "area_id": str(factories.area_id()),
        "category_ids": [str(factories.category().id)],
        "target_participants": "40",
        "fiscal_year": "2569",
        "quarter": "1",
        "budget_2569": "25,000",
        "budget_2570": "",
        "budget_2571": "",
    } | kw


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"target_participants": "-3"}, "target_participants"),
        ({"target_participants": "many"}, "target_participants"),
        ({"budget_2569": "-100"}, "budget_2569"),
        ({"budget_2570": "lots"}, "budget_2570"),
        ({"category_ids": []}, "category_ids"),
        ({"fiscal_year": "2575"}, "fiscal_year"),
    ],
)
def test_bad_item_input_is_shown_next_to_the_field_kept_and_not_written(
    app, client, login_as, changes, field
):
    plan = factories.plan()
    login_as(factories.officer())
    response = client.post(f"/plans/{plan.id}/items/new", data=_item_form(**changes))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'data-field="{field}"' in html
    if field != "name":
        assert 'value="อบรมจริยธรรม"' in html
    assert db.session.scalar(db.select(db.func.count(PlanItem.id))) == 0


def test_an_item_is_saved_with_its_budget(app, client, login_as):
    plan = factories.plan()
    login_as(factories.officer())
    response = client.post(f"/plans/{plan.id}/items/new", data=_item_form())
    assert response.status_code == 302
    item = db.session.scalar(db.select(PlanItem))
    assert item.budget_for(2569) == Decimal("25000") and item.budget_for(2570) == Decimal("0")


def test_a_plan_with_bad_years_is_refused(app, client, login_as):
    login_as(factories.officer())
    response = client.post(
        "/plans/new", data={"title_th": "แผน", "first_fiscal_year": "2570", "last_fiscal_year": "2569"}
    )
    assert 'data-field="last_fiscal_year"' in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Plan.id))) == 0


def test_the_report_downloads_as_a_spreadsheet(app, client, login_as):
    plan = factories.plan(approved=True)
    services.save_item(plan, None, factories.item_input(name="โครงการ ก", target_participants=30))
    login_as(factories.officer())
    page = client.get("/plans/report?fy=2569&period=h1").get_data(as_text=True)
    assert "โครงการ ก" in page
    response = client.get("/plans/report.xlsx?fy=2569&period=year")
    sheet = load_workbook(io.BytesIO(response.data)).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert any(row[0] == "โครงการ ก" and row[3] == 30 for row in values)
    assert values[-1][0] == "Total"
    # The refactor lost these: a bold header and totals, column widths, the header frozen and printed.
    assert sheet["A4"].font.b and sheet.cell(row=sheet.max_row, column=1).font.b
    assert sheet.column_dimensions["A"].width >= 30
    assert sheet.freeze_panes == "A5" and sheet.print_title_rows.replace("$", "") == "4:4"
    assert isinstance(values[-1][7], int | float)  # a number cell, not text


def test_an_empty_year_reads_honestly(app, client, login_as):
    login_as(factories.officer())
    html = client.get("/plans/report?fy=2580").get_data(as_text=True)
    assert "No approved plan covers this fiscal year." in html


def _plan_form(plan: Plan, **kw) -> dict:
    return {
        "title_th": plan.title_th,
        "title_en": plan.title_en,
        "first_fiscal_year": str(plan.first_fiscal_year),
        "last_fiscal_year": str(plan.last_fiscal_year),
        "approved_on": "2025-09-22",
        "approved_by": "นายประเสริฐ วงศ์ใหญ่ นายกเทศมนตรี",
    } | kw


def test_a_plan_saved_with_its_approval_date_and_approver_is_approved(app, client, login_as):
    plan = factories.plan()
    services.save_item(plan, None, factories.item_input())
    other = factories.plan(approved=True)  # the same years: it gives way, as with the Approve button
    login_as(factories.officer())
    form = client.get(f"/plans/{plan.id}/edit").get_data(as_text=True)
    assert 'name="approved_on"' in form
    response = client.post(f"/plans/{plan.id}/edit", data=_plan_form(plan), follow_redirects=True)
    assert response.status_code == 200
    db.session.expire_all()
    plan = db.session.get(Plan, plan.id)
    assert plan.status == "approved" and plan.approved_by.startswith("นายประเสริฐ")
    assert db.session.get(Plan, other.id).status == "superseded"
    page = response.get_data(as_text=True)
    assert "The plan is approved." in page
    assert f'action="/plans/{plan.id}/approve"' not in page  # no second form asking again


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"approved_by": ""}, "approved_by"),
        ({"approved_on": ""}, "approved_on"),
        ({"approved_on": "22/09/2568"}, "approved_on"),
    ],
)
def test_half_an_approval_is_refused_next_to_the_missing_field(app, client, login_as, changes, field):
    plan = factories.plan()
    services.save_item(plan, None, factories.item_input())
    login_as(factories.officer())
    response = client.post(f"/plans/{plan.id}/edit", data=_plan_form(plan, title_th="ชื่อใหม่", **changes))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'data-field="{field}"' in html
    assert 'value="ชื่อใหม่"' in html
    db.session.expire_all()
    plan = db.session.get(Plan, plan.id)
    assert plan.status == "draft" and plan.title_th == "แผนทดสอบ"


def test_a_plan_without_items_is_not_approved_by_its_form(app, client, login_as):
    plan = factories.plan()
    login_as(factories.officer())
    form = client.get(f"/plans/{plan.id}/edit").get_data(as_text=True)
    assert 'data-testid="approval-later"' in form and 'name="approved_on"' not in form
    response = client.post(f"/plans/{plan.id}/edit", data=_plan_form(plan))
    assert response.status_code == 400
    assert "A plan without items cannot be approved." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Plan, plan.id).status == "draft"


def test_an_approved_plan_keeps_its_approval_when_edited(app, client, login_as):
    plan = factories.plan(approved=True)
    services.save_item(plan, None, factories.item_input())
    login_as(factories.officer())
    response = client.post(f"/plans/{plan.id}/edit", data=_plan_form(plan, approved_on="", approved_by=""))
    assert response.status_code == 400
    assert 'data-field="approved_on"' in response.get_data(as_text=True)
    response = client.post(f"/plans/{plan.id}/edit", data=_plan_form(plan, approved_by="ปลัดเทศบาล"))
    assert response.status_code == 302
    db.session.expire_all()
    plan = db.session.get(Plan, plan.id)
    assert plan.status == "approved" and plan.approved_by == "ปลัดเทศบาล"


def test_in_thai_a_plan_writes_its_quarters_and_years_in_thai(app, client, login_as):
    plan = factories.plan(approved=True)
    item = services.save_item(plan, None, factories.item_input(quarter=2))
    login_as(factories.officer(locale="th"))
    for url in (f"/plans/{plan.id}", "/plans/report?fy=2569", f"/plans/items/{item.id}"):
        html = client.get(url).get_data(as_text=True)
        assert not re.search(r">\s*Q\d", html), url
        assert "ไตรมาส 2" in html, url
    assert "ปีงบประมาณ พ.ศ. 2569–2571" in client.get(f"/plans/{plan.id}").get_data(as_text=True)


def test_in_english_a_plan_names_its_fiscal_years_in_ce_with_be_beside(app, client, login_as):
    plan = factories.plan()
    item = services.save_item(plan, None, factories.item_input(quarter=2))
    login_as(factories.officer(locale="en"))
    detail = client.get(f"/plans/{plan.id}").get_data(as_text=True)
    assert "FY 2026–2028 (B.E. 2569–2571)" in detail and ">Q2<" in detail
    assert "FY 2026 (B.E. 2569), quarter 2" in client.get(f"/plans/items/{item.id}").get_data(as_text=True)
    form = client.get(f"/plans/{plan.id}/items/{item.id}/edit").get_data(as_text=True)
    assert ">FY 2027 (B.E. 2570)<" in form
