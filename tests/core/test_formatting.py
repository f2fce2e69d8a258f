"""Dates in Thai (Buddhist Era) and English (Common Era); Thai numerals only where asked."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ethics_hr.core.formatting import (
    format_date,
    format_datetime,
    format_fiscal_year,
    format_number,
    thai_digits,
)
from ethics_hr.core.settings import forget_cached_settings, get_settings

DAY = date(2023, 9, 30)


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("short", "30/9/2566"),
        ("medium", "30 ก.ย. 2566"),
        ("long", "30 กันยายน 2566"),
        ("full", "วันเสาร์ที่ 30 กันยายน พ.ศ. 2566"),
    ],
)
def test_thai_dates_are_in_the_buddhist_era(style, expected):
    assert format_date(DAY, style, locale="th") == expected


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("short", "30/9/2023"),
        ("medium", "30 Sep 2023"),
        ("long", "30 September 2023"),
        ("full", "Saturday, 30 September 2023"),
    ],
)
def test_english_dates_are_in_the_common_era(style, expected):
    assert format_date(DAY, style, locale="en") == expected


def test_a_custom_pattern_gets_the_buddhist_year_but_keeps_quoted_text():
    assert format_date(DAY, "d MMMM y", locale="th") == "30 กันยายน 2566"
    assert format_date(DAY, "'ปี' y", locale="th") == "ปี 2566"
    assert format_date(DAY, "MMM yy", locale="th") == "ก.ย. 2566"


def test_a_datetime_is_shown_on_its_bangkok_date():
    just_after_midnight = datetime(2023, 9, 30, 17, 5, tzinfo=UTC)
    assert format_date(just_after_midnight, locale="th") == "1 ต.ค. 2566"


def test_datetimes_are_shown_in_bangkok_time():
    value = datetime(2023, 9, 30, 17, 30, tzinfo=UTC)
    assert format_datetime(value, locale="th") == "1 ต.ค. 2566 00:30 น."
    assert format_datetime(value, locale="en") == "1 Oct 2023, 00:30"
    assert format_datetime(value, "long", locale="th") == "1 ตุลาคม 2566 00:30 น."


def test_nothing_to_format_gives_an_empty_text():
    assert format_date(None) == ""
    assert format_datetime(None) == ""


def test_thai_numerals_only_when_asked():
    assert format_date(DAY, locale="th") == "30 ก.ย. 2566"
    assert format_date(DAY, locale="th", thai_numerals=True) == "๓๐ ก.ย. ๒๕๖๖"
    assert format_datetime(datetime(2023, 9, 30, 2, 15, tzinfo=UTC), locale="th", thai_numerals=True) == (
        "๓๐ ก.ย. ๒๕๖๖ ๐๙:๑๕ น."
    )


def test_official_documents_follow_the_organisation_setting(app):
    settings = get_settings()
    settings.thai_numerals_in_documents = True
    assert format_date(DAY, locale="th", official=True) == "๓๐ ก.ย. ๒๕๖๖"
    assert format_date(DAY, locale="th") == "30 ก.ย. 2566"  # screens keep Arabic digits
    assert format_date(DAY, locale="en", official=True) == "30 Sep 2023"  # never in English
    settings.thai_numerals_in_documents = False
    forget_cached_settings()
    assert format_date(DAY, locale="th", official=True) == "30 ก.ย. 2566"


def test_thai_digits_converts_every_digit():
    assert thai_digits("ที่ 123/2566") == "ที่ ๑๒๓/๒๕๖๖"
    assert thai_digits(7890) == "๗๘๙๐"


def test_fiscal_year_names():
    assert format_fiscal_year(2566, locale="th") == "ปีงบประมาณ พ.ศ. 2566"
    assert "2566" in format_fiscal_year(2566, locale="en")
    assert "2023" in format_fiscal_year(2566, locale="en")


def test_numbers_are_grouped():
    assert format_number(1234567, locale="th") == "1,234,567"
    assert format_number(1234.5, locale="en", decimals=2) == "1,234.50"


def test_the_date_filter_follows_the_language_of_the_page(app):
    from flask import render_template_string
    from flask_babel import force_locale

    with app.test_request_context("/"):
        with force_locale("en"):
            assert render_template_string("{{ d|date('long') }}", d=DAY) == "30 September 2023"
        with force_locale("th"):
            assert render_template_string("{{ d|date }}", d=DAY) == "30 ก.ย. 2566"


def test_a_fiscal_year_in_english_is_named_in_ce_with_be_in_brackets(app):
    from ethics_hr.core.formatting import format_fiscal_years

    assert format_fiscal_year(2566, locale="en") == "FY 2023 (B.E. 2566)"
    assert format_fiscal_years(2569, 2571, locale="en") == "FY 2026–2028 (B.E. 2569–2571)"
    assert format_fiscal_years(2569, 2571, locale="th") == "ปีงบประมาณ พ.ศ. 2569–2571"
    assert format_fiscal_years(2569, 2569, locale="th") == "ปีงบประมาณ พ.ศ. 2569"
