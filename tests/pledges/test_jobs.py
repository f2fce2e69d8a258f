"""The pledge's reminders: to those who have not signed, 7 and 1 days before signing closes, once each."""

from __future__ import annotations

from ethics_hr.core.timeutil import as_of
from ethics_hr.pledges import services
from ethics_hr.pledges.jobs import sign_reminders
from tests import factories
from tests.pledges.helpers import open_pledge
from tests.reminders import at, deliver, run, subjects


def test_those_who_have_not_signed_hear_7_and_1_days_before_once_each(app, smtp_server):
    with as_of(at("2026-11-02 09:00")):
        officer = factories.officer(locale="en")
        pledge = open_pledge(by=officer)  # closes on 30 November
        late = factories.user(locale="en")
        signer = factories.user()
        factories.user(category_code="teacher")  # not asked
        services.sign(pledge, signer, agreed=True, password=factories.PASSWORD, address="192.0.2.1")
    assert run(app, sign_reminders, at("2026-11-23 07:59")) == 0
    assert run(app, sign_reminders, at("2026-11-23 08:00")) == 2  # the officer and the late one
    assert run(app, sign_reminders, at("2026-11-23 09:00")) == 0  # nothing twice
    assert run(app, sign_reminders, at("2026-11-29 08:00")) == 2  # 1 day before
    assert run(app, sign_reminders, at("2026-12-02 08:00")) == 0  # closed: nothing left to sign
    deliver(at("2026-11-29 08:05"))
    expected = "Please sign the integrity pledge by 30 November 2026"
    assert subjects(smtp_server, late.person.email)[0] == expected
    assert subjects(smtp_server, signer.person.email) == []
