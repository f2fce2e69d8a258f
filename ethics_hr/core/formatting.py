"""Thai and English formatting of dates, times and numbers: B.E. in Thai, Thai numerals on request."""

from __future__ import annotations

import functools
import re
from datetime import date, datetime

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from ethics_hr.core.locale import bilingual, current_locale
from ethics_hr.core.timeutil import be_year, to_local

__all__ = [
    "bilingual",
    "current_locale",
    "format_date",
    "format_datetime",
    "format_fiscal_year",
    "format_number",
    "format_time",
    "thai_digits",
]

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_YEAR = re.compile(r"y+")
_ERA = re.compile(r"G+")
TH_PATTERNS = {"short": "d/M/y", "medium": "d MMM y", "long": "d MMMM y", "full": "EEEEที่ d MMMM G y"}
EN_PATTERNS = {"short": "d/M/y", "medium": "d MMM y", "long": "d MMMM y", "full": "EEEE, d MMMM y"}


__all__ = ["bilingual", "current_locale", "format_date", "format_datetime", "format_number", "thai_digits"]


def thai_digits(text: object) -> str:
    """Write the Arabic digits of a text as Thai numerals."""
    return str(text).translate(THAI_DIGITS)


def _be_pattern(pattern: str, year_be: int) -> str:
    """Replace the year and era fields of a CLDR pattern by the Buddhist Era, outside quoted literals."""
    parts = pattern.split("'")
    for i in range(0, len(parts), 2):  # even parts are outside quotes
        parts[i] = _YEAR.sub(f"'{year_be}'", parts[i])
        parts[i] = _ERA.sub("'พ.ศ.'", parts[i])
    return "'".join(parts)


def format_date(
    value: date | datetime | None,
    style: str = "medium",
    *,
    locale: str | None = None,
    official: bool = False,
    thai_numerals: bool | None = None,
) -> str:
    """Format a date: Thai in B.E. ("30 ก.ย. 2566"), English in C.E. ("30 Sep 2023")."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = to_local(value).date()
    locale = locale or current_locale()
    if locale == "th":
        pattern = _be_pattern(TH_PATTERNS.get(style, style), be_year(value.year))
        text = babel_dates.format_date(value, pattern, locale="th")
    else:
        text = babel_dates.format_date(value, EN_PATTERNS.get(style, style), locale="en")
    return _digits(text, locale, official, thai_numerals)


def format_datetime(
    value: datetime | None,
    style: str = "medium",
    *,
    locale: str | None = None,
    official: bool = False,
    thai_numerals: bool | None = None,
) -> str:
    """Format an aware datetime in the organisation's time zone: date as format_date, then HH:MM."""
    if value is None:
        return ""
    local = to_local(value)
    locale = locale or current_locale()
    day = format_date(local.date(), style, locale=locale, official=official, thai_numerals=thai_numerals)
    clock = local.strftime("%H:%M")
    text = f"{day} {clock} น." if locale == "th" else f"{day}, {clock}"
    return _digits(text, locale, official, thai_numerals)


def format_time(value: datetime | None, *, locale: str | None = None) -> str:
    """Format the local wall-clock time of an aware datetime."""
    if value is None:
        return ""
    return to_local(value).strftime("%H:%M")


def format_number(
    value: float | int | None, *, locale: str | None = None, decimals: int | None = None
) -> str:
    """Format a number with the locale's grouping."""
    if value is None:
        return ""
    return _formatted_number(value, locale or current_locale(), decimals)


@functools.cache
def _number_pattern(locale: str, decimals: int | None) -> tuple[Locale, babel_numbers.NumberPattern]:
    """The locale's data and its decimal pattern (or one with so many decimals), parsed once per process."""
    data = Locale.parse(locale)
    if decimals is None:
        return data, babel_numbers.parse_pattern(data.decimal_formats[None])
    return data, babel_numbers.parse_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))


@functools.lru_cache(maxsize=8192)
def _formatted_number(value: float | int, locale: str, decimals: int | None) -> str:
    """Babel's format_decimal, remembered: a page of counts formats the same few numbers many times."""
    data, pattern = _number_pattern(locale, decimals)
    return pattern.apply(value, data)


def format_fiscal_year(fy_be: int, *, locale: str | None = None, official: bool = False) -> str:
    """Name a fiscal year: "ปีงบประมาณ พ.ศ. 2566" or "FY 2023 (B.E. 2566)"."""
    locale = locale or current_locale()
    if locale == "th":
        return _digits(f"ปีงบประมาณ พ.ศ. {fy_be}", locale, official, None)
    return f"FY {fy_be - 543} (B.E. {fy_be})"


def format_fiscal_years(first_be: int, last_be: int, *, locale: str | None = None) -> str:
    """Name a run of fiscal years: "ปีงบประมาณ พ.ศ. 2569–2571" or "FY 2026–2028 (B.E. 2569–2571)"."""
    if first_be == last_be:
        return format_fiscal_year(first_be, locale=locale)
    locale = locale or current_locale()
    if locale == "th":
        return f"ปีงบประมาณ พ.ศ. {first_be}–{last_be}"
    return f"FY {first_be - 543}–{last_be - 543} (B.E. {first_be}–{last_be})"


def _digits(text: str, locale: str, official: bool, thai_numerals: bool | None) -> str:
    if thai_numerals is None:
        thai_numerals = official and locale == "th" and _org_wants_thai_numerals()
    return thai_digits(text) if thai_numerals else text


def _org_wants_thai_numerals() -> bool:
    from flask import has_app_context

    if not has_app_context():
        return False
    from ethics_hr.core.settings import get_settings

    return get_settings().thai_numerals_in_documents


def month_name(month: int, *, locale: str | None = None) -> str:
    """The full name of a month (1-12) in the reader's language: "ตุลาคม", "October"."""
    return babel_dates.get_month_names("wide", locale=locale or current_locale())[month]
