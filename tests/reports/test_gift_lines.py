"""The year-end report's anti-corruption row carries the gift register's No Gift figures of its year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import time_machine

from ethics_hr.gifts import services as gifts
from ethics_hr.reports import services
from ethics_hr.reports.models import MeasureKind
from tests import factories
from tests.gifts.helpers import gift_input

TODAY = "2026-11-20 10:00 +0700"  # FY 2569 is over


def _row(fy: int, locale: str = "th"):
    return next(r for r in services.build_report(fy, locale).rows if r.kind == MeasureKind.ANTI_CORRUPTION)


def test_a_year_without_gifts_is_a_nil_report_in_the_anti_corruption_row(app):
    with time_machine.travel(TODAY, tick=False):
        row = _row(2569, "en")
    texts = [line.text for line in row.summary]
    assert "No Gift Policy, from the gift register of FY 2026 (B.E. 2569):" in texts
    assert "- No No Gift announcement was published." in texts
    assert "- No gift or benefit was recorded (a nil report)." in texts
    # The officer's own lines come first, the register's after them.
    assert texts.index("No Gift Policy, from the gift register of FY 2026 (B.E. 2569):") > 0


def test_the_row_counts_the_years_gifts_the_reported_ones_and_the_heads_decisions(app):
    with time_machine.travel(TODAY, tick=False):
        person, other = factories.person(), factories.person()
        officer, head = factories.officer(), factories.admin()
        # One giver, one occasion: 2,000 + 1,500 baht goes above 3,000, so both are reported.
        first = gifts.record_gift(
            person, gift_input(received_on=date(2026, 1, 5), value_baht=Decimal("2000")), by=officer
        )
        gifts.record_gift(
            person, gift_input(received_on=date(2026, 1, 6), value_baht=Decimal("1500")), by=officer
        )
        gifts.record_gift(
            other,
            gift_input(received_on=date(2026, 2, 1), value_baht=Decimal("500"), outcome="returned"),
            by=officer,
        )
        # A gift of another fiscal year is not counted.
        gifts.record_gift(other, gift_input(received_on=date(2026, 10, 2)), by=officer)
        gifts.decide(first, "handed_over", "มอบเป็นของส่วนกลาง", by=head)
        gifts.save_announcement(
            2569,
            title_th="ประกาศ",
            title_en="",
            body_th="ไม่รับของขวัญ",
            body_en="",
            announced_on=date(2025, 10, 1),
        )
        figures = gifts.year_figures(2569)
        th = [line.text for line in _row(2569, "th").summary]
        en = [line.text for line in _row(2569, "en").summary]
    assert (figures.count, figures.total, figures.reportable, figures.decided, figures.waiting) == (
        3,
        Decimal("4000"),
        2,
        1,
        1,
    )
    assert (figures.returned, figures.handed_over) == (1, 1)
    assert "- The No Gift announcement was published on 1 October 2025." in en
    assert "- 3 gifts or benefits recorded, worth 4,000 baht in all." in en
    assert (
        "- 2 above 3,000 baht from one giver on one occasion, reported to the head: 1 decided, 1 waiting."
        in en
    )
    assert "- 1 returned to the giver, 1 handed to the organisation." in en
    assert any("1 ตุลาคม 2568" in line for line in th)


def test_a_started_report_keeps_the_row_that_carries_the_gift_lines(app):
    with time_machine.travel(TODAY, tick=False):
        report = services.start_report(2569)
        kinds = [m.kind for m in report.measures]
        row = _row(2569, "th")
    assert kinds.count(MeasureKind.ANTI_CORRUPTION) == 1
    assert row.source is not None and row.has_gift_lines
