"""The gift register's reminders to the head and the officers: before a decision is due, then weekly."""

from __future__ import annotations

from datetime import date

from ethics_hr.core.timeutil import as_of
from ethics_hr.gifts import services
from ethics_hr.gifts.jobs import decision_reminders
from ethics_hr.gifts.notices import DECISION_DUE
from tests import factories
from tests.gifts.helpers import gift_input
from tests.reminders import at, deliver, outbox, run, subjects


def test_the_head_and_the_officer_hear_7_and_1_days_before_and_weekly_after_once_each(app, smtp_server):
    head, officer = factories.admin(locale="en"), factories.officer(locale="th")
    receiver = factories.user(locale="en")
    with as_of(at("2026-11-05 09:00")):
        gift = services.record_gift(
            receiver.person, gift_input(received_on=date(2026, 11, 2), value_baht="4500"), by=receiver
        )
    # Due 30 days after 2 November: 2 December.
    assert run(app, decision_reminders, at("2026-11-25 07:59")) == 0
    assert (
        run(app, decision_reminders, at("2026-11-25 08:00")) == 2
    )  # 7 days before: the head and the officer
    assert run(app, decision_reminders, at("2026-11-25 08:15")) == 0  # nothing twice
    assert run(app, decision_reminders, at("2026-12-01 08:00")) == 2  # 1 day before
    assert run(app, decision_reminders, at("2026-12-03 08:00")) == 2  # overdue
    assert run(app, decision_reminders, at("2026-12-05 08:00")) == 0
    assert run(app, decision_reminders, at("2026-12-10 08:00")) == 2  # a week later
    deliver(at("2026-12-10 08:00"))
    assert subjects(smtp_server, head.person.email)[0] == (
        f"Decide on a gift to {receiver.person.display_name('en')} by 2 December 2026"
    )
    assert subjects(smtp_server, officer.person.email)[0].endswith("2 ธันวาคม 2569")
    assert smtp_server.to(receiver.person.email) == []
    with as_of(at("2026-12-10 09:00")):
        services.decide(gift, "handed_over", "", by=head)
    assert run(app, decision_reminders, at("2026-12-17 08:00")) == 0  # decided: no more


def test_gifts_within_the_limit_and_the_receivers_own_account_are_left_out(app):
    head = factories.admin()
    with as_of(at("2026-11-05 09:00")):
        services.record_gift(head.person, gift_input(value_baht="5000"), by=head)  # the head's own gift
        other = factories.user()
        services.record_gift(other.person, gift_input(value_baht="100"), by=other)
    assert run(app, decision_reminders, at("2026-11-25 08:00")) == 0
    assert outbox(DECISION_DUE) == []
