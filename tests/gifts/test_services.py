"""The gift rule: gifts of one giver on one occasion add up, above the threshold the head decides in time."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
import sqlalchemy as sa

from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.settings import save_settings
from ethics_hr.core.timeutil import as_of
from ethics_hr.extensions import db
from ethics_hr.gifts import services
from ethics_hr.gifts.models import Gift, GiftDecision, GiftOutcome
from tests import factories
from tests.gifts.helpers import gift_input, occasion_id

TODAY = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    with as_of(TODAY):
        yield


def test_a_gift_within_the_limit_needs_no_report(app, clock):
    person = factories.user()
    gift = services.record_gift(person.person, gift_input(value_baht="3000"), by=person)
    row = services.gift_row(gift)
    assert not row.reportable and row.due_on is None
    assert gift.fiscal_year == 2570


def test_gifts_of_one_giver_on_one_occasion_add_up_and_are_due_30_days_after_the_total_passed(app, clock):
    user = factories.user()
    first = services.record_gift(user.person, gift_input(received_on=date(2026, 11, 1)), by=user)
    # The same giver, typed with other spaces and case, on the same occasion: 1,500 + 1,600 > 3,000.
    second = services.record_gift(
        user.person,
        gift_input(received_on=date(2026, 11, 10), giver_name="บริษัท  ก่อสร้างดี จำกัด ", value_baht="1600"),
        by=user,
    )
    other_occasion = services.record_gift(
        user.person, gift_input(occasion_id=occasion_id("songkran"), value_baht="2000"), by=user
    )
    rows = {r.gift.id: r for r in services.my_gifts(user.person)}
    assert rows[first.id].reportable and rows[second.id].reportable
    assert rows[first.id].group_total == Decimal("3100")
    assert rows[first.id].due_on == rows[second.id].due_on == date(2026, 12, 10)
    assert not rows[other_occasion.id].reportable


def test_the_threshold_and_the_days_are_settings(app, clock):
    user = factories.user()
    gift = services.record_gift(user.person, gift_input(value_baht="1500"), by=user)
    assert not services.gift_row(gift).reportable
    save_settings(gift_report_threshold=1000, gift_report_days=15)
    row = services.gift_row(gift)
    assert row.reportable and row.due_on == date(2026, 11, 17)
    assert row.is_overdue(date(2026, 11, 20))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"value_baht": "-5"}, "value_baht"),
        ({"value_baht": "0"}, "value_baht"),
        ({"value_baht": "100000000"}, "value_baht"),
        ({"value_baht": "12.345"}, "value_baht"),
        ({"value_baht": "NaN"}, "value_baht"),
        ({"value_baht": None}, "value_baht"),
        ({"received_on": date(2026, 11, 21)}, "received_on"),
        ({"received_on": date(2010, 1, 1)}, "received_on"),
        ({"received_on": None}, "received_on"),
        ({"giver_name": "  "}, "giver_name"),
        ({"description": ""}, "description"),
        ({"occasion_id": None}, "occasion_id"),
        ({"occasion_id": 999_999}, "occasion_id"),
        ({"outcome": "sold"}, "outcome"),
    ],
)
def test_bad_gifts_are_refused_at_their_field_and_nothing_is_written(app, clock, change, field):
    user = factories.user()
    with pytest.raises(RuleViolation) as refused:
        services.record_gift(user.person, gift_input(**change), by=user)
    assert refused.value.field == field
    assert db.session.scalar(sa.select(sa.func.count(Gift.id))) == 0


def test_the_head_decides_and_the_record_is_then_evidence(app, clock):
    user, head = factories.user(), factories.admin()
    gift = services.record_gift(user.person, gift_input(value_baht="5000"), by=user)
    services.decide(gift, "handed_over", "มอบเป็นของส่วนกลาง", by=head)
    row = services.gift_row(gift)
    assert row.decided and row.outcome is GiftOutcome.HANDED_OVER
    with pytest.raises(RuleViolation):
        services.update_gift(gift, gift_input(value_baht="10"), by=user)
    db.session.refresh(gift)
    assert gift.value_baht == Decimal("5000")
    # A correction is a new row that replaces the last one, and says why.
    with pytest.raises(RuleViolation) as why:
        services.decide(gift, "returned", "", by=head)
    assert why.value.field == "note"
    correction = services.decide(gift, "returned", "ผู้ให้ขอรับคืน", by=head)
    assert correction.replaces_id == row.decision.id
    assert services.gift_row(gift).outcome is GiftOutcome.RETURNED


@pytest.mark.parametrize("outcome", ["pending", "", "sold"])
def test_a_decision_must_be_keep_return_or_hand_over(app, clock, outcome):
    user, head = factories.user(), factories.admin()
    gift = services.record_gift(user.person, gift_input(value_baht="5000"), by=user)
    with pytest.raises(RuleViolation) as refused:
        services.decide(gift, outcome, "", by=head)
    assert refused.value.field == "outcome"
    assert db.session.scalar(sa.select(sa.func.count(GiftDecision.id))) == 0


def test_nobody_else_and_not_the_receiver_decides(app, clock):
    user, colleague, officer = factories.user(), factories.user(), factories.officer()
    gift = services.record_gift(user.person, gift_input(value_baht="5000"), by=user)
    with pytest.raises(RuleViolation):
        services.decide(gift, "kept", "", by=colleague)
    own = services.record_gift(officer.person, gift_input(value_baht="5000"), by=officer)
    with pytest.raises(RuleViolation):
        services.decide(own, "kept", "", by=officer)
    assert db.session.scalar(sa.select(sa.func.count(GiftDecision.id))) == 0
    services.decide(gift, "kept", "", by=officer)  # the personnel officer records it for the head


def test_decisions_are_append_only_in_the_database(app, clock):
    user, head = factories.user(), factories.admin()
    gift = services.record_gift(user.person, gift_input(value_baht="5000"), by=user)
    services.decide(gift, "kept", "", by=head)
    for statement in ("UPDATE gift_decision SET outcome = 'returned'", "DELETE FROM gift_decision"):
        with pytest.raises(sa.exc.DBAPIError):
            db.session.execute(sa.text(statement))
        db.session.rollback()
    if db.engine.dialect.name == "postgresql":
        with pytest.raises(sa.exc.DBAPIError):
            db.session.execute(sa.text("TRUNCATE gift_decision CASCADE"))
        db.session.rollback()
    assert db.session.scalar(sa.select(GiftDecision.outcome)) == "kept"


def test_the_register_shows_waiting_overdue_and_decided(app, clock):
    user, head = factories.user(), factories.admin()
    small = services.record_gift(user.person, gift_input(value_baht="200"), by=user)
    overdue = services.record_gift(
        user.person,
        gift_input(received_on=date(2026, 10, 1), giver_name="ห้างหุ้นส่วน ข", value_baht="4000"),
        by=user,
    )
    due = services.record_gift(user.person, gift_input(giver_name="ร้าน ค", value_baht="3500"), by=user)
    decided = services.record_gift(user.person, gift_input(giver_name="ร้าน ง", value_baht="9000"), by=user)
    services.decide(decided, "returned", "", by=head)

    def ids(view):
        return [r.gift.id for r in services.register(2570, view)]

    assert ids("waiting") == [overdue.id, due.id]
    assert ids("overdue") == [overdue.id]
    assert ids("decided") == [decided.id]
    assert set(ids("all")) == {small.id, overdue.id, due.id, decided.id}


def test_the_yearly_summary_counts_every_outcome_and_a_nil_year_is_all_zeros(app, clock):
    user, head = factories.user(), factories.admin()
    services.record_gift(user.person, gift_input(value_baht="200", outcome="kept"), by=user)
    big = services.record_gift(user.person, gift_input(giver_name="ร้าน ค", value_baht="3500"), by=user)
    services.decide(big, "handed_over", "", by=head)
    summary = {s.outcome: (s.count, s.total) for s in services.yearly_summary(2570)}
    assert summary[GiftOutcome.KEPT] == (1, Decimal("200"))
    assert summary[GiftOutcome.HANDED_OVER] == (1, Decimal("3500"))
    assert summary[GiftOutcome.PENDING] == (0, Decimal(0))
    nil = services.yearly_summary(2569)
    assert len(nil) == len(GiftOutcome) and all(s.count == 0 and s.total == 0 for s in nil)


def test_a_decided_gift_cannot_be_changed_or_removed_in_the_database(app, clock):
    user, head = factories.user(), factories.admin()
    open_gift = services.record_gift(user.person, gift_input(value_baht="5000"), by=user)
    decided = services.record_gift(user.person, gift_input(giver_name="ร้าน ค", value_baht="5000"), by=user)
    services.decide(decided, "kept", "", by=head)
    for statement in (
        f"UPDATE gift SET value_baht = 1 WHERE id = {decided.id}",
        f"DELETE FROM gift WHERE id = {decided.id}",
    ):
        with pytest.raises(sa.exc.DBAPIError):
            db.session.execute(sa.text(statement))
        db.session.rollback()
    # Until the decision, the person's corrections go through.
    db.session.execute(sa.text(f"UPDATE gift SET value_baht = 4000 WHERE id = {open_gift.id}"))
    db.session.commit()
    assert db.session.get(Gift, decided.id).value_baht == Decimal("5000")
