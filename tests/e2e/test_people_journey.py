"""The personnel officer's first journey: log in, switch language, add a person, import a file."""

from __future__ import annotations

from tests import factories
from tests.e2e.conftest import login


def test_officer_logs_in_and_switches_language(page, live_server, app):
    officer = factories.officer(email="officer@example.org")
    login(page, live_server, officer.person.email, factories.PASSWORD)
    assert (
        page.locator("h1").first.inner_text().startswith("สวัสดี")
        or page.locator("html").get_attribute("lang") == "th"
    )
    page.click("[data-testid=language-switch]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
