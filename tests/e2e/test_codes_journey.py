"""The codes journey in a real browser: the officer publishes a new version with Dos & Don'ts, an employee
sees it on their home page, reads what changed since the version they acknowledged, acknowledges it with their
password, and the officer's compliance page shows the new share. Once in Thai, once in English."""

from __future__ import annotations

import re

import pytest

from ethics_hr.codes import acknowledgments as acks
from ethics_hr.extensions import db
from tests import factories
from tests.e2e.conftest import login

NEW_CLAUSE = "**ข้อ 3** พนักงานพึงใช้สื่อสังคมออนไลน์อย่างระมัดระวัง"
NEW_STATEMENT = "ไม่โพสต์ภาพผู้มาติดต่อราชการลงสื่อสังคมออนไลน์"


@pytest.mark.parametrize("locale", ["th", "en"])
def test_officer_publishes_and_employee_acknowledges_after_reading_the_changes(
    browser, page, live_server, locale
):
    officer = factories.officer(
        email=f"officer-{locale}@example.org", category_code="executive", locale=locale
    )
    employee = factories.user(email=f"employee-{locale}@example.org", locale=locale)
    factories.user(email=f"colleague-{locale}@example.org")  # in the audience, does not acknowledge
    first = factories.published(by=officer)
    acks.acknowledge(first, employee, agreed=True, password=factories.PASSWORD, address="x", locale=locale)
    code_id = first.code_id
    db.session.commit()

    # The officer opens the code, starts version 2, changes the text, adds a "don't", and publishes it.
    login(page, live_server, officer.person.email, factories.PASSWORD)
    assert page.locator("html").get_attribute("lang") == locale
    page.click("a[href='/codes/manage']")
    page.click(f"a[href='/codes/manage/{code_id}']")
    page.click(f"form[action='/codes/manage/{code_id}/draft'] button")
    page.wait_for_url(re.compile(r"/codes/versions/\d+/edit$"))
    version_id = int(page.url.rstrip("/").split("/")[-2])
    body = page.input_value("textarea[name=body_md]")
    page.fill("textarea[name=body_md]", body + "\n\n" + NEW_CLAUSE)
    page.click("form[enctype] button[type=submit]")
    page.wait_for_url(re.compile(r"/edit$"))
    page.click("[data-testid=add-statement]")
    page.check("input[name=kind][value=dont]")
    page.fill("textarea[name=text_th]", NEW_STATEMENT)
    page.fill("input[name=clause]", "ข้อ 3")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/edit"))
    assert NEW_STATEMENT in page.content()
    page.click("[data-testid=publish-link]")
    assert page.is_checked("input[name=change_kind][value=major]")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_server}/codes/versions/{version_id}/compliance")
    assert page.inner_text("[data-testid=overall-share]").startswith("0")

    # The employee sees it on the home page, reads what changed, and acknowledges with the password.
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH")
    phone = context.new_page()
    login(phone, live_server, employee.person.email, factories.PASSWORD)
    card = phone.locator("[data-testid=codes-to-acknowledge]")
    assert card.is_visible()
    card.locator(f"a[href='/codes/versions/{version_id}/acknowledge']").click()
    phone.click("[data-testid=show-changes]")
    assert "ระมัดระวัง" in " ".join(phone.locator("[data-testid=text-diff] ins").all_inner_texts())
    assert NEW_STATEMENT in phone.inner_text("[data-testid=statement-diff]")
    phone.go_back()
    phone.check("input[name=agree]")
    phone.fill("input[name=password]", "a wrong password")
    phone.click("[data-testid=acknowledge-form] button[type=submit]")
    assert phone.locator("[data-field=password]").is_visible()
    phone.check("input[name=agree]")
    phone.fill("input[name=password]", factories.PASSWORD)
    phone.click("[data-testid=acknowledge-form] button[type=submit]")
    phone.wait_for_url(re.compile(r"/codes/acknowledgments/\d+$"))
    assert len(phone.inner_text("[data-testid=ack-sha]")) == 64
    phone.goto(f"{live_server}/home")
    assert phone.locator("[data-testid=codes-to-acknowledge]").count() == 0
    context.close()

    # The officer's compliance page now shows one of the two people in the audience.
    page.reload()
    assert page.inner_text("[data-testid=overall-share]").startswith("50")
