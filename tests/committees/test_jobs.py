"""The committee register's reminders to the personnel officers: 60, 30 and 7 days before a term ends."""

from __future__ import annotations

from datetime import date

from ethics_hr.committees.jobs import terms_ending
from tests import factories
from tests.reminders import at, deliver, outbox, run, subjects, text_of


def test_officers_hear_60_30_and_7_days_before_an_order_ends_once_each(app, smtp_server):
    thai_officer, english_officer = factories.officer(locale="th"), factories.officer(locale="en")
    committee = factories.committee(name_en="Ethics Committee")
    members = [factories.person(), factories.person(), factories.person()]
    order = factories.order(
        committee, [(members[0], "chair"), members[1], members[2]], ends_on=date(2027, 3, 31), number=215
    )
    assert run(app, terms_ending, at("2027-01-30 07:59")) == 0
    assert run(app, terms_ending, at("2027-01-30 08:00")) == 2  # 60 days before: both officers
    assert run(app, terms_ending, at("2027-02-15 08:00")) == 0
    assert run(app, terms_ending, at("2027-03-01 08:00")) == 2  # 30 days
    assert run(app, terms_ending, at("2027-03-24 08:00")) == 2  # 7 days
    assert run(app, terms_ending, at("2027-03-24 08:15")) == 0
    assert run(app, terms_ending, at("2027-04-01 08:00")) == 0  # it has ended
    deliver(at("2027-03-24 08:00"))
    assert (
        subjects(smtp_server, english_officer.person.email)
        == [f"Order No. 215/{order.year_be} of Ethics Committee ends on 31 March 2027"] * 3
    )
    first = smtp_server.to(english_officer.person.email)[0]
    assert "(3)" in text_of(first) and "days left: 60" in text_of(first)
    assert subjects(smtp_server, thai_officer.person.email)[0] == (
        f"คำสั่งที่ 215/{order.year_be} แต่งตั้ง{committee.name_th} สิ้นสุดวันที่ 31 มีนาคม 2570"
    )
    assert smtp_server.to(members[0].email) == []  # the officers' reminder, not the members'


def test_a_members_own_term_is_reminded_separately(app, smtp_server):
    officer = factories.officer(locale="en")
    committee = factories.committee(name_en="Advisory Team", kind="advisory_team")
    leaving = factories.person(first_name_en="Wittaya", last_name_en="Boonruang")
    factories.order(committee, [factories.person(), (leaving, "member", None, date(2027, 1, 15))])
    assert run(app, terms_ending, at("2026-11-25 09:00")) == 1  # the machine was off on 16 Nov
    assert [m.period for m in outbox()] == ["before-60:2027-01-15"]
    deliver(at("2026-11-25 09:00"))
    (mail,) = smtp_server.to(officer.person.email)
    assert mail["Subject"] == "The term of Wittaya Boonruang on Advisory Team ends on 15 January 2027"
    assert "days left: 51" in text_of(mail)


def test_an_order_already_replaced_or_a_dissolved_committee_needs_no_reminder(app):
    factories.officer()
    committee = factories.committee()
    old = factories.order(committee, [factories.person()], ends_on=date(2027, 1, 31))
    factories.order(
        committee,
        [factories.person()],
        effective_on=date(2027, 2, 1),
        replaces=old,
        signed_on=date(2026, 11, 1),
    )
    gone = factories.committee(dissolved_on=date(2026, 12, 1))
    factories.order(gone, [factories.person()], ends_on=date(2027, 1, 31))
    assert run(app, terms_ending, at("2026-12-10 08:00")) == 0


def test_a_changed_end_date_is_reminded_again(app):
    factories.officer()
    committee = factories.committee()
    order = factories.order(committee, [factories.person()], ends_on=date(2027, 1, 31))
    assert run(app, terms_ending, at("2027-01-24 08:00")) == 1
    from ethics_hr.extensions import db

    order.ends_on = date(2027, 2, 28)
    db.session.commit()
    assert run(app, terms_ending, at("2027-01-29 08:00")) == 1  # 30 days before the new end
