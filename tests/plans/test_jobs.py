"""The HR plan's monthly digest of late items to the personnel officers."""

from __future__ import annotations

from ethics_hr.plans import services
from ethics_hr.plans.jobs import late_items_digest
from ethics_hr.plans.models import ItemStatus
from tests import factories
from tests.reminders import at, deliver, outbox, run, subjects, text_of


def test_officers_get_the_late_items_once_a_month_from_the_first(app, smtp_server):
    officer = factories.officer(locale="en")
    plan = factories.plan(approved=True)
    services.save_item(plan, None, factories.item_input(name="อบรมคุณธรรม LATE-ONE", fiscal_year=2570))
    started = services.save_item(plan, None, factories.item_input(name="อบรมวินัย STARTED", fiscal_year=2570))
    services.save_item(plan, None, factories.item_input(name="ทัศนศึกษา LATER", fiscal_year=2570, quarter=3))
    services.record_progress(started, status=ItemStatus.IN_PROGRESS, progress_note="", spent=None)
    assert run(app, late_items_digest, at("2026-12-01 07:59")) == 0
    assert run(app, late_items_digest, at("2026-12-01 08:00")) == 1
    assert run(app, late_items_digest, at("2026-12-15 08:00")) == 0  # once a month
    assert run(app, late_items_digest, at("2027-01-01 08:00")) == 1
    deliver(at("2027-01-01 08:00"))
    assert subjects(smtp_server, officer.person.email) == ["HR plan: items that should have started (1)"] * 2
    body = text_of(smtp_server.to(officer.person.email)[0])
    assert "LATE-ONE" in body and "STARTED" not in body and "LATER" not in body
    assert [m.period for m in outbox()] == ["2026-12", "2027-01"]


def test_a_month_with_nothing_late_sends_nothing(app):
    factories.officer()
    factories.plan(approved=True)
    assert run(app, late_items_digest, at("2026-12-01 08:00")) == 0
