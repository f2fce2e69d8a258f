"""The personnel officer's first journey: log in, switch language, add a person, import a file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ethics_hr.extensions import db
from ethics_hr.people.models import Person
from tests import factories
from tests.e2e.conftest import login

HEADER = [
    "employee_number",
    "prefix",
    "first_name_th",
    "last_name_th",
    "staff_category",
    "department",
    "start_date",
]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_officer_logs_in_and_switches_language(page, live_server, app):
    officer = factories.officer(email="officer@example.org")
    login(page, live_server, officer.person.email, factories.PASSWORD)
    assert page.locator("html").get_attribute("lang") == "th"
    page.click("[data-testid=language-switch]")
    page.wait_for_url(f"{live_server}/home")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".navbar .nav-link", has_text="People").is_visible()
    page.click("[data-testid=language-switch]")
    page.wait_for_url(f"{live_server}/home")
    assert page.locator("html").get_attribute("lang") == "th"


def test_officer_adds_a_person_and_sees_the_buddhist_era_date(page, live_server, app):
    officer = factories.officer()
    dept = factories.department(code="PAL", name_th="สำนักปลัด")
    category = factories.category("teacher")
    login(page, live_server, officer.person.employee_number, factories.PASSWORD)
    page.goto(f"{live_server}/people/new")
    page.fill("input[name=employee_number]", "E2E-001")
    page.fill("input[name=prefix]", "นาง")
    page.fill("input[name=first_name_th]", "มาลี")
    page.fill("input[name=last_name_th]", "ศรีสุข")
    page.select_option("select[name=staff_category_id]", str(category.id))
    page.select_option("select[name=department_id]", str(dept.id))
    page.fill("input[name=start_date]", "2024-01-01")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_server}/people/*")
    assert page.locator("h1").inner_text() == "นางมาลี ศรีสุข"
    assert "1 มกราคม 2567" in page.locator("main").inner_text()


def test_officer_imports_a_file_sees_the_bad_row_then_imports_it_fixed(page, live_server, app, tmp_path):
    officer = factories.officer()
    factories.department(code="PAL", name_th="สำนักปลัด")
    login(page, live_server, officer.person.employee_number, factories.PASSWORD)
    good = ["IMP-001", "นาย", "สมชาย", "ใจดี", "local_official", "PAL", "1/10/2566"]
    bad = ["IMP-002", "นาง", "สมหญิง", "รักงาน", "astronaut", "PAL", ""]
    page.goto(f"{live_server}/people/import")
    page.set_input_files("input[name=file]", str(write_csv(tmp_path / "people.csv", [HEADER, good, bad])))
    page.click("main form[enctype] button[type=submit]")
    errors = page.locator("[data-testid=import-errors] tbody tr")
    assert errors.count() == 1
    cells = errors.first.locator("td").all_inner_texts()
    assert cells[:2] == ["3", "staff_category"]
    assert "astronaut" in cells[2]
    assert page.locator("[data-testid=import-confirm]").count() == 0

    fixed = [*bad[:4], "teacher", *bad[5:]]
    page.set_input_files("input[name=file]", str(write_csv(tmp_path / "fixed.csv", [HEADER, good, fixed])))
    page.click("main form[enctype] button[type=submit]")
    page.click("[data-testid=import-confirm]")
    page.wait_for_url(f"{live_server}/people/")
    listing = page.locator("main table").inner_text()
    assert "สมชาย" in listing and "สมหญิง" in listing
    numbers = set(
        db.session.scalars(db.select(Person.employee_number).where(Person.employee_number.like("IMP-%")))
    )
    assert numbers == {"IMP-001", "IMP-002"}


@pytest.mark.phone
def test_an_employee_logs_in_on_a_phone(page, live_server, app):
    employee = factories.user(email=None)
    login(page, live_server, employee.person.employee_number, factories.PASSWORD)
    assert page.locator("h1").first.is_visible()
    assert page.locator(".navbar-toggler").is_visible()  # the menu folds away on a small screen
    fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert fits, "the home page scrolls sideways on a phone"
    page.click(".navbar-toggler")
    assert page.locator("[data-testid=language-switch]").is_visible()
