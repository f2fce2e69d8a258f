"""The sums kept with the gifts (a row per giver and occasion, a tally per year and outcome) always say what
working them out again from the gifts and the decisions says, whatever was recorded, corrected or decided."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
import sqlalchemy as sa

from ethics_hr.core.settings import save_settings
from ethics_hr.core.timeutil import as_of
from ethics_hr.extensions import db
from ethics_hr.gifts import services
from ethics_hr.gifts.models import GiftGroup, GiftOutcome, GiftTally
from tests import factories
from tests.gifts.helpers import gift_input, occasion_id

TODAY = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    with as_of(TODAY):
        yield


def kept_sums() -> tuple[set, set]:
    groups = {
        (
            g.person_id,
            g.fiscal_year,
            g.occasion_id,
            g.giver_key,
            g.gifts,
            Decimal(g.total),
            g.crossed_on,
            g.waiting,
        )
        for g in db.session.scalars(sa.select(GiftGroup))
    }
    tallies = {
        (t.fiscal_year, t.outcome, t.gifts, Decimal(t.total))
        for t in db.session.scalars(sa.select(GiftTally))
        if t.gifts  # a tally emptied by a correction stays as a row of zeros
    }
    return groups, tallies


def record_a_year(officer) -> dict:
    """Gifts of two people: one group above the limit in two steps, one corrected into another group,
    decisions and a corrected decision."""
    somsri, somchai = factories.user(), factories.user()
    first = services.record_gift(somsri.person, gift_input(received_on=date(2026, 10, 5)), by=somsri)
    second = services.record_gift(
        somsri.person, gift_input(received_on=date(2026, 11, 1), value_baht="2000"), by=somsri
    )
    moved = services.record_gift(
        somsri.person, gift_input(received_on=date(2026, 10, 25), value_baht="900"), by=somsri
    )
    services.update_gift(
        moved,
        gift_input(received_on=date(2026, 10, 25), occasion_id=occasion_id("songkran"), value_baht="950"),
        by=somsri,
    )
    big = services.record_gift(
        somchai.person,
        gift_input(value_baht="4500", outcome="kept", received_on=date(2025, 12, 30)),
        by=somchai,
    )
    services.decide(first, "returned", "", by=officer)
    services.decide(big, "handed_over", "", by=officer)
    services.decide(big, "returned", "ผู้ให้ขอรับคืน", by=officer)
    return {"first": first, "second": second, "moved": moved, "big": big}


def test_the_kept_sums_are_what_the_gifts_and_decisions_add_up_to(app, clock):
    officer = factories.officer()
    gifts = record_a_year(officer)
    groups, tallies = kept_sums()
    somsri = gifts["first"].person_id
    new_year = occasion_id()
    # 1,500 + 2,000 went above 3,000 on 1 November; the first is decided, the second waits.
    assert (
        somsri,
        2570,
        new_year,
        gifts["first"].giver_key,
        2,
        Decimal("3500"),
        date(2026, 11, 1),
        1,
    ) in groups
    assert (
        somsri,
        2570,
        occasion_id("songkran"),
        gifts["moved"].giver_key,
        1,
        Decimal("950"),
        None,
        0,
    ) in groups
    assert len(groups) == 3
    assert tallies == {
        (2570, "pending", 2, Decimal("2950")),
        (2570, "returned", 1, Decimal("1500")),
        (2569, "returned", 1, Decimal("4500")),
    }
    services.rebuild_sums()
    assert kept_sums() == (groups, tallies)


def test_the_figures_of_a_year_come_from_the_kept_sums(app, clock):
    officer = factories.officer()
    record_a_year(officer)
    summary = {row.outcome: (row.count, row.total) for row in services.yearly_summary(2570)}
    assert summary == {
        GiftOutcome.PENDING: (2, Decimal("2950")),
        GiftOutcome.KEPT: (0, Decimal(0)),
        GiftOutcome.RETURNED: (1, Decimal("1500")),
        GiftOutcome.HANDED_OVER: (0, Decimal(0)),
    }
    figures = services.year_figures(2570)
    assert (figures.count, figures.total, figures.reportable, figures.decided, figures.waiting) == (
        3,
        Decimal("4450"),
        2,
        1,
        1,
    )
    assert (figures.returned, figures.handed_over) == (1, 0)
    waiting = services.waiting_overview(date(2026, 11, 20))
    assert (waiting.count, waiting.overdue, waiting.oldest_fiscal_year) == (1, 0, 2570)
    assert (
        services.waiting_overview(date(2026, 11, 20) + (date(2026, 12, 31) - date(2026, 12, 10))).overdue == 1
    )


def test_a_new_threshold_works_every_group_out_again(app, clock):
    officer = factories.officer()
    gifts = record_a_year(officer)
    save_settings(gift_report_threshold=5000)
    groups, _ = kept_sums()
    assert all(crossed_on is None for *_, crossed_on, _waiting in groups)
    assert services.waiting_overview(date(2026, 11, 20)).count == 0
    save_settings(gift_report_threshold=900)
    assert services.gift_row(gifts["moved"]).reportable  # 950 alone is above 900
    assert services.gift_row(gifts["first"]).due_on == date(2026, 11, 4)  # 1,500 alone is above it
    kept = kept_sums()
    services.rebuild_sums()
    assert kept_sums() == kept


def test_the_pages_of_what_waits_list_every_undecided_gift_once_in_the_order_due(app, clock):
    officer = factories.officer()
    person = factories.user()
    made = []
    for n, day in enumerate((date(2026, 10, 20), date(2026, 10, 3), date(2026, 11, 4), date(2026, 10, 3))):
        giver = f"ห้างหุ้นส่วนจำกัด ผู้ให้ที่ {n}"
        for value in ("2000", "1800"):  # the second gift takes the group above 3,000 on the same day
            made.append(
                services.record_gift(
                    person.person,
                    gift_input(giver_name=giver, received_on=day, value_baht=value),
                    by=person,
                )
            )
    services.decide(made[0], "returned", "", by=officer)
    db.session.commit()
    everything = [row.gift.id for row in services.register(2570, "waiting")]
    assert len(everything) == 7 and made[0].id not in everything
    paged = []
    for page in (1, 2, 3, 4):
        found = services.register_page(2570, "waiting", page=page, per_page=2)
        assert found.total == 7
        paged += [row.gift.id for row in found.rows]
    assert paged == everything
    # The soonest due first: the two groups that went above the limit on 3 October, then 20 October's.
    assert [g.id for g in made[2:4]] + [g.id for g in made[6:8]] == paged[:4]
    assert (
        services.waiting_overview(date(2026, 11, 20), first=3).first == services.register(2570, "waiting")[:3]
    )
