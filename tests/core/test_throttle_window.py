"""The failure counters count a moving window: no edge at which twice the limit gets through."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import time_machine

from ethics_hr.core import throttle

LIMIT = "5 per 15 minutes"


def allowed_now(value: str) -> int:
    """How many more failures the counter lets through at this moment."""
    count = 0
    while not throttle.is_blocked("login", value, LIMIT) and count < 20:
        throttle.hit("login", value, LIMIT)
        count += 1
    return count


def test_the_limit_holds_across_the_edge_of_a_window(app):
    # A fixed window of 15 minutes opened at the first failure: one at 10:00:00, four at 10:14:58 and five
    # more at 10:15:01, nine guesses in three seconds.
    start = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    with app.test_request_context(), time_machine.travel(start, tick=False) as clock:
        throttle.hit("login", "somchai", LIMIT)
        clock.move_to(start + timedelta(minutes=14, seconds=58))
        assert allowed_now("somchai") == 4
        clock.move_to(start + timedelta(minutes=15, seconds=1))
        assert allowed_now("somchai") == 1  # the one at 10:00:00 has left the last 15 minutes
        clock.move_to(start + timedelta(minutes=29, seconds=57))
        assert allowed_now("somchai") == 0
        clock.move_to(start + timedelta(minutes=29, seconds=59))
        assert allowed_now("somchai") == 4


def test_a_reset_forgets_the_failures(app):
    with app.test_request_context():
        for _ in range(5):
            throttle.hit("login", "somying", LIMIT)
        throttle.reset("login", "somying", LIMIT)
        assert not throttle.is_blocked("login", "somying", LIMIT)
        assert not throttle.is_blocked("login", "somchai", LIMIT)
