"""Time, time zones and the Thai fiscal year: one place for every rule about dates."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ethics_hr.core.models import _AS_OF, utc_now

BE_OFFSET = 543
DEFAULT_TZ = ZoneInfo("Asia/Bangkok")

__all__ = [
    "BE_OFFSET",
    "as_of",
    "be_year",
    "ce_year",
    "fiscal_year_of",
    "fiscal_year_range",
    "local_bounds_utc",
    "local_today",
    "to_local",
    "utc_now",
]


@contextmanager
def as_of(moment: datetime) -> Iterator[datetime]:
    """Run the code inside as if it were `moment`: every `utc_now()` (and so `local_today()`) returns it.

    Only the demo (which replays the municipality's history through the services) and tests use this;
    the app itself always runs on the real clock. The clock stands still inside: each step of a history
    is its own `as_of`. Nested uses restore the outer moment when they end.
    """
    if moment.tzinfo is None:
        raise ValueError("naive datetime given; use an aware datetime")
    token = _AS_OF.set(moment.astimezone(UTC))
    try:
        yield moment
    finally:
        _AS_OF.reset(token)


def be_year(ce: int) -> int:
    """Turn a Common Era year into the Buddhist Era year."""
    return ce + BE_OFFSET


def ce_year(be: int) -> int:
    """Turn a Buddhist Era year into the Common Era year."""
    return be - BE_OFFSET


def _settings_or_defaults() -> tuple[int, ZoneInfo]:
    from flask import has_app_context

    if has_app_context():
        from ethics_hr.core.settings import get_settings

        s = get_settings()
        return s.fiscal_year_start_month, s.tz
    return 10, DEFAULT_TZ


def fiscal_year_of(day: date | datetime, *, start_month: int | None = None) -> int:
    """Return the fiscal year (B.E.) a day falls in: it is named by the year it ends in."""
    if start_month is None:
        start_month, tz = _settings_or_defaults()
        if isinstance(day, datetime):
            day = to_local(day, tz).date()
    elif isinstance(day, datetime):
        day = to_local(day).date()
    ce = day.year + 1 if (start_month > 1 and day.month >= start_month) else day.year
    return be_year(ce)


def fiscal_year_range(fy_be: int, *, start_month: int | None = None) -> tuple[date, date]:
    """Return the first and last day of a fiscal year given in B.E. (FY 2566 = 1 Oct 2565 to 30 Sep 2566)."""
    if start_month is None:
        start_month, _ = _settings_or_defaults()
    end_ce = ce_year(fy_be)
    if start_month == 1:
        return date(end_ce, 1, 1), date(end_ce, 12, 31)
    first = date(end_ce - 1, start_month, 1)
    last = date(end_ce, start_month, 1) - timedelta(days=1)
    return first, last


def to_local(value: datetime, tz: ZoneInfo | None = None) -> datetime:
    """Convert an aware UTC datetime to the organisation's time zone."""
    if tz is None:
        tz = _settings_or_defaults()[1]
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(tz)


def local_today(tz: ZoneInfo | None = None) -> date:
    """Return today's date in the organisation's time zone."""
    return to_local(utc_now(), tz).date()


def local_bounds_utc(first: date, last: date, tz: ZoneInfo | None = None) -> tuple[datetime, datetime]:
    """Return [start, end) in UTC covering the local days first..last inclusive."""
    if tz is None:
        tz = _settings_or_defaults()[1]
    start = datetime.combine(first, time.min, tzinfo=tz).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=tz).astimezone(UTC)
    return start, end


def local_datetime_to_utc(day: date, at: time, tz: ZoneInfo | None = None) -> datetime:
    """Turn a local wall-clock date and time into an aware UTC datetime."""
    if tz is None:
        tz = _settings_or_defaults()[1]
    return datetime.combine(day, at, tzinfo=tz).astimezone(UTC)


def add_months(day: date, months: int) -> date:
    """Return the same day `months` later (earlier when negative), or the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))
