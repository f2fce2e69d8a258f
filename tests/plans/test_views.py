"""The officer's plan pages: access, bad input kept next to its field, the report and its spreadsheet."""

from __future__ import annotations

import io
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
