"""An anonymous visitor (a citizen, an ITA assessor) walks the public evidence pages in Chromium."""

from __future__ import annotations

import pytest

from ethics_hr.core.args import current_fiscal_year


def test_visitor_walks_every_public_page_and_switches_language(page, live_server, app):
    fy = current_fiscal_year()
    page.goto(f"{live_server}/public/")
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.locator(".app-navbar").count() == 0  # the public layout has no app menu

    page.click(f"a[href='/public/training/{fy}'] >> nth=0")
    page.wait_for_url(f"{live_server}/public/training/{fy}")
    assert "ยังไม่มีการฝึกอบรมใน" in page.locator("[data-testid=no-training]").inner_text()

    for link, address in (
        ("/public/codes", "/public/codes"),
        ("/public/committees", "/public/committees"),
        ("/public/faq", "/public/faq"),
        ("/public/gifts", f"/public/gifts/{fy}"),
    ):
        page.click(f"nav a[href='{link}']")
        page.wait_for_url(f"{live_server}{address}")
        assert page.locator("h1").count() == 1

    page.click("nav a[href='/public/plan']")
    page.wait_for_url(f"{live_server}/public/plan/{fy}")  # the address names the fiscal year

    page.click("[data-testid=language-switch]")
    page.wait_for_url(f"{live_server}/public/plan/{fy}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "HR management and development plan" in page.locator("h1").inner_text()

    page.goto(f"{live_server}/public/training/2570")
    assert "No trainings recorded for FY 2027 (B.E. 2570)" in page.locator("main").inner_text()


@pytest.mark.phone
def test_public_pages_fit_a_phone(page, live_server, app):
    page.goto(f"{live_server}/public/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1


def test_print_button_is_wired_without_inline_script(page, live_server, app):
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{live_server}/public/codes")
    page.evaluate("window.print = () => { document.body.dataset.printed = 'yes'; }")
    page.click("[data-print]")
    assert page.locator("body").get_attribute("data-printed") == "yes"
    assert not [e for e in errors if "Content Security Policy" in e]
