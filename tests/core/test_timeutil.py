"""The fiscal year and time zones at their edges: 30 September / 1 October, and midnight in Bangkok."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from ethics_hr.core.settings import forget_cached_settings, get_settings
from ethics_hr.core.timeutil import (
    be_year,
    ce_year,
    fiscal_year_of,
    fiscal_year_range,
    local_bounds_utc,
    local_datetime_to_utc,
    local_today,
    to_local,
)


def test_buddhist_era_is_common_era_plus_543():
    assert be_year(2023) == 2566
    assert ce_year(2566) == 2023


@pytest.mark.parametrize(
    ("day", "fy"),
    [
        (date(2022, 10, 1), 2566),
        (date(2023, 1, 1), 2566),
        (date(2023, 9, 30), 2566),
        (date(2023, 10, 1), 2567),
        (date(2023, 12, 31), 2567),
    ],
)
def test_fiscal_year_is_named_by_the_year_it_ends_in(day, fy):
    assert fiscal_year_of(day) == fy


def test_fiscal_year_turns_over_at_midnight_in_bangkok_not_in_utc():
    # 30 Sep 2023 16:59:59 UTC is 23:59:59 in Bangkok: still FY 2566; one second later it is 1 Oct.
    assert fiscal_year_of(datetime(2023, 9, 30, 16, 59, 59, tzinfo=UTC)) == 2566
    assert fiscal_year_of(datetime(2023, 9, 30, 17, 0, 0, tzinfo=UTC)) == 2567


def test_fiscal_year_of_a_datetime_uses_the_organisation_time_zone(app):
    get_settings().timezone = "UTC"
    forget_cached_settings()
    assert fiscal_year_of(datetime(2023, 9, 30, 17, 0, tzinfo=UTC)) == 2566
    assert fiscal_year_of(datetime(2023, 9, 30, 17, 0, tzinfo=UTC), start_month=10) == 2566


def test_fiscal_year_range_runs_from_1_october_to_30_september():
    assert fiscal_year_range(2566) == (date(2022, 10, 1), date(2023, 9, 30))
    assert fiscal_year_range(2570) == (date(2026, 10, 1), date(2027, 9, 30))


@pytest.mark.parametrize("fy", [2560, 2566, 2567, 2600])
def test_every_day_of_a_fiscal_year_range_belongs_to_that_year(fy):
    first, last = fiscal_year_range(fy)
    assert fiscal_year_of(first) == fy
    assert fiscal_year_of(last) == fy
    assert fiscal_year_of(date.fromordinal(first.toordinal() - 1)) == fy - 1
    assert fiscal_year_of(date.fromordinal(last.toordinal() + 1)) == fy + 1


def test_a_calendar_fiscal_year_is_the_calendar_year():
    assert fiscal_year_of(date(2023, 12, 31), start_month=1) == 2566
    assert fiscal_year_of(date(2024, 1, 1), start_month=1) == 2567
    assert fiscal_year_range(2566, start_month=1) == (date(2023, 1, 1), date(2023, 12, 31))


def test_the_organisation_can_move_the_start_of_its_fiscal_year(app):
    get_settings().fiscal_year_start_month = 4
    forget_cached_settings()
    assert fiscal_year_of(date(2023, 3, 31)) == 2566
    assert fiscal_year_of(date(2023, 4, 1)) == 2567
    assert fiscal_year_range(2567) == (date(2023, 4, 1), date(2024, 3, 31))


def test_local_today_is_the_date_in_bangkok(time_machine_at_utc_evening):
    assert local_today() == date(2026, 11, 26)


@pytest.fixture
def time_machine_at_utc_evening():
    import time_machine

    with time_machine.travel(datetime(2026, 11, 25, 18, 30, tzinfo=UTC), tick=False):
        yield


def test_to_local_converts_utc_to_bangkok_time():
    local = to_local(datetime(2023, 9, 30, 17, 0, tzinfo=UTC))
    assert (local.date(), local.time()) == (date(2023, 10, 1), time(0, 0))
    assert local.utcoffset().total_seconds() == 7 * 3600


def test_local_bounds_cover_whole_bangkok_days_in_utc():
    start, end = local_bounds_utc(date(2023, 10, 1), date(2023, 10, 1))
    assert start == datetime(2023, 9, 30, 17, 0, tzinfo=UTC)
    assert end == datetime(2023, 10, 1, 17, 0, tzinfo=UTC)


def test_local_wall_clock_time_becomes_utc():
    assert local_datetime_to_utc(date(2023, 10, 1), time(9, 0)) == datetime(2023, 10, 1, 2, 0, tzinfo=UTC)
