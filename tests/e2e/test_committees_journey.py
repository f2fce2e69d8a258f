"""The officer records an order with a chair, a secretary and an outside member; the composition shows them"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.e2e.conftest import login

TEXT = {
    "th": {
        "chair_name": "วีระพงษ์",
        "secretary_name": "ศิริพร",
        "record": "บันทึกคำสั่ง",
        "chair": "ประธานกรรมการ",
        "secretary": "กรรมการและเลขานุการ",
        "outsider": "บุคคลภายนอก",
    },
    "en": {
        "chair_name": "Weerapong",
        "secretary_name": "Siriporn",
        "record": "Record an order",
        "chair": "Chair",
        "secretary": "Member and secretary",
        "outsider": "outside member",
    },
}


@pytest.mark.parametrize("language", ["th", "en"])
def test_officer_records_an_order_and_sees_the_composition(page, live_server, app, tmp_path, language):
    officer = factories.officer(email="officer@example.org")
    factories.person(
        employee_number="EMP9101",
        first_name_th="วีระพงษ์",
        last_name_th="รัตนพันธ์",
        first_name_en="Weerapong",
        last_name_en="Rattanaphan",
        position="ปลัดเทศบาล",
    )
    factories.person(
        employee_number="EMP9102",
        first_name_th="ศิริพร",
        last_name_th="มณีวงศ์",
        first_name_en="Siriporn",
        last_name_en="Maneewong",
        position="หัวหน้าสำนักปลัดเทศบาล",
    )
    committee = factories.committee(name_th="คณะกรรมการจริยธรรมเทศบาลทดสอบ", name_en="Test Ethics Committee")
    scan = tmp_path / "order-12.pdf"
    scan.write_bytes(factories.PDF_BYTES)
    words = TEXT[language]

    login(page, live_server, officer.person.email, factories.PASSWORD)
    if language == "en":
        page.click("[data-testid=language-switch]")
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == "en"

    page.click("nav a[href='/committees/']")
    page.click(f"a[href='/committees/{committee.id}']")
    page.get_by_role("link", name=words["record"], exact=True).click()
    page.wait_for_url(f"{live_server}/committees/{committee.id}/orders/new")

    # The year beside the number follows the signing date.
    page.fill("#signed_on", "2025-12-30")
    page.dispatch_event("#signed_on", "change")
    expect(page.locator("[data-order-year]")).to_contain_text("2568")
    page.fill("#signed_on", "2026-11-20")
    page.dispatch_event("#signed_on", "change")
    expect(page.locator("[data-order-year]")).to_contain_text("2569")

    page.fill("#number", "12")
    page.fill("#effective_on", "2026-11-20")
    page.fill("#signed_by_name", "นายประเสริฐ วงศ์ใหญ่")
    page.set_input_files("#document", str(scan))

    # The chair is picked from the suggestions the page fetches while typing.
    page.locator("#members-0-person").press_sequentially("EMP910", delay=30)
    expect(page.locator("#people-list option")).to_have_count(2)
    chair_label = page.locator("#people-list option").first.get_attribute("value")
    page.fill("#members-0-person", chair_label)
    page.select_option("#members-0-role", "chair")
    page.fill("#members-1-person", "EMP9102")
    page.select_option("#members-1-role", "secretary")
    page.fill("#members-2-outside_name", "ดร.สุวิทย์ ทองประเสริฐ")
    page.fill("#members-2-outside_organisation", "มหาวิทยาลัยราชภัฏ")
    page.fill("#members-2-position", "อาจารย์ประจำ")
    page.click("[data-testid=save-order]")
    page.wait_for_url(f"{live_server}/committees/{committee.id}#order-*")

    composition = page.locator("[data-testid=composition]")
    rows = composition.locator("[data-testid=member-row]")
    assert rows.count() == 3
    assert words["chair_name"] in rows.nth(0).inner_text() and words["chair"] in rows.nth(0).inner_text()
    assert "ดร.สุวิทย์ ทองประเสริฐ" in rows.nth(1).inner_text() and words["outsider"] in rows.nth(1).inner_text()
    assert (
        words["secretary_name"] in rows.nth(2).inner_text() and words["secretary"] in rows.nth(2).inner_text()
    )
    assert page.locator("[data-testid=order] a[href$='/document']").count() == 1
