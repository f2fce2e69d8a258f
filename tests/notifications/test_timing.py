"""When reminders are due, in Bangkok time, at the edges."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ethics_hr.notifications.timing import due_around, due_before, due_repeat

EVENT = date(2026, 12, 10)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 12, 3, 0, 59, tzinfo=UTC), None),  # 07:59 in Bangkok, 7 days before
        (datetime(2026, 12, 3, 1, 0, tzinfo=UTC), "before-7"),  # 08:00
        (datetime(2026, 12, 9, 0, 59, tzinfo=UTC), "before-7"),
        (datetime(2026, 12, 9, 1, 0, tzinfo=UTC), "before-1"),
        (datetime(2026, 12, 10, 16, 59, tzinfo=UTC), "before-1"),  # 23:59 on the day itself
        (datetime(2026, 12, 10, 17, 0, tzinfo=UTC), None),  # the day is over
    ],
)
def test_days_before_reminders_are_due_from_the_hour_in_local_time(app, now, expected):
    assert due_before(EVENT, now, [7, 1], hour=8) == expected


def test_a_late_run_sends_only_the_latest_days_before_reminder(app):
    assert due_before(EVENT, datetime(2026, 12, 9, 5, tzinfo=UTC), [1, 7], hour=8) == "before-1"


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 11, 8, 0, 59, tzinfo=UTC), None),
        (datetime(2026, 11, 8, 1, 0, tzinfo=UTC), "repeat-1"),
        (datetime(2026, 11, 15, 0, 59, tzinfo=UTC), "repeat-1"),
        (datetime(2026, 11, 15, 1, 0, tzinfo=UTC), "repeat-2"),
        (datetime(2026, 12, 1, 0, 0, tzinfo=UTC), "repeat-4"),
    ],
)
def test_repeated_reminders_count_whole_intervals_from_the_local_day(app, now, expected):
    since = datetime(2026, 10, 31, 18, 0, tzinfo=UTC)  # 1 Nov 01:00 in Bangkok
    assert due_repeat(since, now, 7, hour=8) == expected


def test_no_repeat_interval_means_no_repeated_reminder(app):
    assert due_repeat(date(2026, 11, 1), datetime(2027, 1, 1, tzinfo=UTC), None) is None
    assert due_repeat(date(2026, 11, 1), datetime(2027, 1, 1, tzinfo=UTC), 0) is None


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 12, 2, 5, tzinfo=UTC), (None, False)),  # 8 days before: nothing due yet
        (datetime(2026, 12, 9, 5, tzinfo=UTC), ("before-1", False)),
        (datetime(2026, 12, 11, 0, 59, tzinfo=UTC), (None, False)),  # the day is over; 07:59 the day after
        (datetime(2026, 12, 11, 1, 0, tzinfo=UTC), ("after-1", True)),
        (datetime(2026, 12, 18, 1, 0, tzinfo=UTC), ("after-2", True)),  # a week later
    ],
)
def test_a_reminder_around_a_due_day_is_before_it_then_overdue_after_it(app, now, expected):
    assert due_around(EVENT, now, [7, 1], 7, hour=8) == expected
