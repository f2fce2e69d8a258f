"""An anonymous question in the browser: asked, clarified with the receipt, answered, found in the FAQ."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.e2e.conftest import login


@pytest.mark.parametrize("language", ["th", "en"])
def test_anonymous_question_from_asking_to_the_faq(page, live_server, app, browser, language):
    factories.user(email="employee@example.org", locale=language)
    member = factories.user(email="member@example.org", locale=language)
    committee = factories.committee()
    factories.order(committee, [(member.person, "chair")], effective_on=date(2026, 1, 5))

    # The employee asks anonymously and keeps the receipt.
    login(page, live_server, "employee@example.org", factories.PASSWORD)
    page.goto(f"{live_server}/questions/new")
    page.select_option("select[name=category_id]", index=1)
    page.fill("input[name=subject]", "รับกระเช้าจากผู้รับเหมา")
    page.fill("textarea[name=body]", "ผู้รับเหมานำกระเช้ามาให้ รับได้หรือไม่")
    page.check("input[name=anonymous]")
    page.click("main form button[type=submit]")
    expect(page.locator("[data-testid=receipt]")).to_be_visible()
    reference = page.inner_text("[data-testid=reference]").strip()
    receipt = page.inner_text("[data-testid=receipt]").strip()

    # A committee member asks for clarification.
    other = browser.new_context(viewport={"width": 1440, "height": 900})
    member_page = other.new_page()
    login(member_page, live_server, "member@example.org", factories.PASSWORD)
    member_page.goto(f"{live_server}/questions/committee")
    member_page.click("text=รับกระเช้าจากผู้รับเหมา")
    member_page.fill("textarea[name=body]", "กระเช้ามีมูลค่าประมาณเท่าใด")
    member_page.click("button[formaction$='/message/clarify']")
    expect(member_page.locator(".alert-success")).to_be_visible()

    # The asker answers with the receipt, from a device that is not logged in.
    stranger = browser.new_context().new_page()
    stranger.goto(f"{live_server}/ask/follow-up")
    stranger.fill("input[name=reference]", reference)
    stranger.fill("input[name=code]", receipt)
    stranger.click("main form button[type=submit]")
    expect(stranger.locator("main")).to_contain_text("กระเช้ามีมูลค่าประมาณเท่าใด")
    stranger.fill("textarea[name=body]", "ประมาณ 800 บาท")
    stranger.click("form[action$='/follow-up/reply'] button[type=submit]")
    expect(stranger.locator("main")).to_contain_text("ประมาณ 800 บาท")

    # The member answers and publishes the FAQ.
    member_page.reload()
    expect(member_page.locator("main")).to_contain_text("ประมาณ 800 บาท")
    member_page.fill("textarea[name=body]", "ไม่ควรรับ ให้ปฏิเสธอย่างสุภาพ")
    member_page.click("button[formaction$='/message/answer']")
    expect(member_page.locator("input[name=title]")).to_be_visible()
    member_page.fill("input[name=title]", "รับกระเช้าปีใหม่จากผู้รับเหมาได้หรือไม่")
    member_page.fill("form[action$='/faq'] textarea[name=answer]", "ไม่ควรรับ เพราะผู้รับเหมาเป็นผู้มีส่วนได้เสีย")
    member_page.click("form[action$='/faq'] button[type=submit]")

    # An employee finds it in the FAQ.
    expect(member_page.locator(".alert-success")).to_be_visible()
    other.close()
    page.goto(f"{live_server}/questions/faq?q=กระเช้า")
    expect(page.locator("main")).to_contain_text("รับกระเช้าปีใหม่จากผู้รับเหมาได้หรือไม่")
