"""The clock seam: `as_of` runs code as if it were another moment (used by the demo and tests only)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from ethics_hr.core.models import utc_now
from ethics_hr.core.timeutil import as_of, local_today


def test_as_of_sets_the_moment_of_utc_now_and_local_today_and_restores_it():
    moment = datetime(2022, 3, 16, 20, 0, tzinfo=UTC)  # 17 March 03:00 in Bangkok
    with as_of(moment):
        assert utc_now() == moment
        assert local_today() == date(2022, 3, 17)
        with as_of(moment + timedelta(days=1)):
            assert utc_now() == moment + timedelta(days=1)
        assert utc_now() == moment
    assert abs(utc_now() - datetime.now(UTC)) < timedelta(seconds=5)


def test_as_of_hands_back_utc_and_refuses_a_naive_moment():
    with as_of(datetime(2025, 6, 9, 10, 30, tzinfo=timezone(timedelta(hours=7)))):
        assert utc_now() == datetime(2025, 6, 9, 3, 30, tzinfo=UTC)
        assert utc_now().tzinfo is UTC
    with pytest.raises(ValueError), as_of(datetime(2025, 6, 9)):
        pass


def test_as_of_is_restored_after_an_error():
    with pytest.raises(RuntimeError), as_of(datetime(2020, 1, 1, tzinfo=UTC)):
        raise RuntimeError
    assert abs(utc_now() - datetime.now(UTC)) < timedelta(seconds=5)
