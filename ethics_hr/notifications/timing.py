"""When a reminder is due: period keys for "N days before" and "every N days", in the organisation's zone.

A job asks which period is due *now* and notifies with that period; the outbox's unique key does the rest.
When a job runs late (the machine was off), only the latest due period is sent: no pile of old reminders.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from ethics_hr.core.timeutil import local_datetime_to_utc, to_local


def due_before(
    event_day: date, now: datetime, days_before: Iterable[int], hour: int | None = None
) -> str | None:
    """Return the period of the "days before" reminder due now ("before-7", "before-1"), or None.

    The reminder N days before is due from `hour` o'clock (local) on that day until the event day ends.
    """
    end = local_datetime_to_utc(event_day + timedelta(days=1), time.min)
    if now >= end:
        return None
    for n in sorted(set(days_before)):
        if local_datetime_to_utc(event_day - timedelta(days=n), time(hour or 0)) <= now:
            return f"before-{n}"
    return None


def due_repeat(
    since: datetime | date, now: datetime, every_days: int | None, hour: int | None = None
) -> str | None:
    """Return the period of the repeated reminder due now ("repeat-1", "repeat-2", ...), or None.

    The k-th reminder is due at `hour` o'clock (local) k * every_days days after the day of `since`.
    """
    if not every_days or every_days < 1:
        return None
    start = to_local(since).date() if isinstance(since, datetime) else since
    today = to_local(now).date()
    k = (today - start).days // every_days
    while k >= 1:
        if local_datetime_to_utc(start + timedelta(days=k * every_days), time(hour or 0)) <= now:
            return f"repeat-{k}"
        k -= 1
    return None


def due_after(day: date, now: datetime, every_days: int | None, hour: int | None = None) -> str | None:
    """Return the period of the "after the day" reminder due now ("after-1", "after-2", ...), or None.

    The first is due at `hour` o'clock (local) the day after `day` (a due date that has passed), then one
    every `every_days` days; with no interval, only the first.
    """
    first = day + timedelta(days=1)
    if local_datetime_to_utc(first, time(hour or 0)) > now:
        return None
    if not every_days or every_days < 1:
        return "after-1"
    today = to_local(now).date()
    k = (today - first).days // every_days
    while k >= 1:
        if local_datetime_to_utc(first + timedelta(days=k * every_days), time(hour or 0)) <= now:
            return f"after-{k + 1}"
        k -= 1
    return "after-1"


def due_around(
    day: date, now: datetime, days_before: Iterable[int], every_days: int | None, hour: int | None = None
) -> tuple[str | None, bool]:
    """Return (period, overdue) of the reminder due now for what is due on `day`: before it, else after it."""
    period = due_before(day, now, days_before, hour)
    if period is not None:
        return period, False
    period = due_after(day, now, every_days, hour)
    return period, period is not None
