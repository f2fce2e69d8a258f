"""The reminder to make the annual declaration: before its due day, then every two weeks, once each, only to
the people of the audience who have not declared."""

from __future__ import annotations

from ethics_hr.conflicts import services
from ethics_hr.conflicts.jobs import annual_reminders
from ethics_hr.core.settings import save_settings
from ethics_hr.core.timeutil import as_of
from tests import factories
from tests.conflicts.helpers import annual
from tests.reminders import at, deliver, run, subjects


def test_who_has_not_declared_hears_before_the_due_day_and_after_it_once_each(app, smtp_server):
    missing = factories.user(locale="en")
    declared = factories.user(locale="en")
    council = factories.user(locale="en", category_code="council_member")
    with as_of(at("2025-10-10 09:00")):
        services.declare(declared.person, annual(), by=declared)
    # FY 2569 begins on 1 October 2025; 60 days later, the declaration is due on 30 November 2025.
    assert run(app, annual_reminders, at("2025-11-16 07:59")) == 0
    assert run(app, annual_reminders, at("2025-11-16 08:00")) == 1  # 14 days before
    assert run(app, annual_reminders, at("2025-11-16 09:00")) == 0  # nothing twice
    assert run(app, annual_reminders, at("2025-11-27 08:00")) == 1  # 3 days before
    assert run(app, annual_reminders, at("2025-12-14 08:00")) == 1  # overdue, two weeks on
    deliver(at("2025-12-14 08:00"))
    assert subjects(smtp_server, missing.person.email) == [
        "Make your annual declaration of interests of FY 2026 (B.E. 2569) by 30 November 2025",
        "Make your annual declaration of interests of FY 2026 (B.E. 2569) by 30 November 2025",
        "Your annual declaration of interests of FY 2026 (B.E. 2569) was due on 30 November 2025",
    ]
    assert smtp_server.to(declared.person.email) == [] and smtp_server.to(council.person.email) == []
    with as_of(at("2025-12-15 09:00")):
        services.declare(missing.person, annual(), by=missing)
    assert run(app, annual_reminders, at("2025-12-28 08:00")) == 0  # declared: no more


def test_a_changed_due_day_is_reminded_again(app):
    factories.user()
    assert run(app, annual_reminders, at("2025-11-16 08:00")) == 1
    save_settings(conflict_declaration_days=90)  # now due on 30 December
    assert run(app, annual_reminders, at("2025-12-16 08:00")) == 1
