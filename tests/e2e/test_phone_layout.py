"""Issue 13 #12 on the demo: the pages an officer opens on a phone fit it; the whole menu fits a laptop."""

from __future__ import annotations

import time_machine
from playwright.sync_api import expect

from ethics_hr.demo.loader import load_demo
from tests.demo_pages import PASSWORD, demo_logins
from tests.e2e.conftest import login

TODAY = "2026-11-25 10:00 +0700"  # the demo's today


def _officer_and_admin() -> tuple[str, str]:
    logins = dict(demo_logins())
    return logins["personnel officer"], logins["administrator"]


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_officer_reads_the_report_queue_and_compliance_on_a_phone(page, live_server, app):
    with time_machine.travel(TODAY, tick=True):
        load_demo()
        officer, _ = _officer_and_admin()
        login(page, live_server, officer, PASSWORD)
        page.set_viewport_size({"width": 390, "height": 844})

        page.goto(f"{live_server}/reports/fiscal-year/2569")
        assert _fits(page)
        hr_row = page.locator("tr[data-hr-row]")
        summary = hr_row.locator("td").nth(3)
        # Each row is a card: a cell as wide as the screen allows, headed by its column's name.
        assert summary.bounding_box()["width"] > 330
        assert summary.evaluate("cell => getComputedStyle(cell, '::before').content") not in (
            "none",
            "normal",
        )
        assert page.evaluate("document.documentElement.scrollHeight") < 9000

        page.goto(f"{live_server}/questions/committee")
        assert _fits(page)
        expect(page.locator("main table tbody tr").first.locator("td").last).to_be_visible()

        page.goto(f"{live_server}/codes/manage")
        pages = {a.get_attribute("href") for a in page.locator("a[href$='/compliance']").all()}
        buttons = 0
        for href in sorted(pages):
            page.goto(f"{live_server}{href}")
            assert _fits(page), href
            for button in page.locator("a[href*='/on-behalf/']").all():
                expect(button).to_be_visible()
                buttons += 1
        assert buttons  # the demo has people who have not acknowledged


def test_the_whole_menu_fits_a_laptop_in_thai(page, live_server, app):
    with time_machine.travel(TODAY, tick=True):
        load_demo()
        _, admin = _officer_and_admin()
        login(page, live_server, admin, PASSWORD)
        for width in (1200, 1280):
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(f"{live_server}/home")
            assert page.locator("html").get_attribute("lang") == "th"
            expect(page.locator(".navbar-toggler")).to_be_hidden()
            for link in page.locator("#mainnav .nav-link").all():
                expect(link).to_be_visible()
            expect(page.locator("[data-testid=language-switch]")).to_be_visible()
            assert _fits(page), width
