"""An employee's notices: the bell shows the unread count, the list marks them read, choices are kept."""

from __future__ import annotations

from ethics_hr.extensions import db
from ethics_hr.notifications.services import Message, notify
from tests import factories
from tests.e2e.conftest import login
from tests.notifications.conftest import recipient


def test_employee_reads_notices_from_the_bell(page, live_server, app):
    user = factories.user(email="somchai@example.org", locale="en")
    for i in range(2):
        notify(
            recipient(user),
            kind="test_reminder",
            target=f"t{i}",
            render=lambda r, i=i: Message(f"Notice {i}", "b"),
        )
    db.session.commit()
    login(page, live_server, "somchai@example.org", factories.PASSWORD)
    assert page.locator("[data-testid=bell-count]").inner_text() == "2"
    page.click("[data-testid=bell]")
    page.wait_for_url(f"{live_server}/notifications/")
    assert page.locator("[data-testid=notice]").count() == 2
    page.get_by_role("button", name="Mark all as read").click()
    page.wait_for_load_state()
    assert page.locator("[data-testid=bell-count]").count() == 0

    page.get_by_role("link", name="My notifications").first.click()
    page.wait_for_url(f"{live_server}/notifications/preferences")  # the box of the page arrived, not mid-load
    page.wait_for_load_state()
    page.uncheck("#kind-test_reminder")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    assert not page.is_checked("#kind-test_reminder")
    assert page.is_disabled("#kind-test_mandatory")
