"""core.exports: XLSX cells that are real dates and numbers, a bold frozen header, widths and row heights."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from decimal import Decimal

from flask_babel import force_locale
from openpyxl import load_workbook

from ethics_hr.core.exports import csv_bytes, xlsx_bytes
from tests import office


def _sheet(*args, **kw):
    return load_workbook(io.BytesIO(xlsx_bytes(*args, **kw))).active


def test_dates_and_numbers_are_real_cells_with_a_buddhist_era_format_in_thai(app):
    with force_locale("th"):
        ws = _sheet(["วันที่", "ครั้งที่", "งบ"], [[date(2026, 11, 25), 3, Decimal("1500.50")]])
    assert ws["A2"].is_date and ws["A2"].value.date() == date(2026, 11, 25)
    assert ws["A2"].number_format == "[$-107041E]d mmm yyyy"
    assert ws["B2"].value == 3 and ws["B2"].data_type == "n"
    assert ws["C2"].value == 1500.5 and ws["C2"].data_type == "n"


def test_a_utc_time_is_written_as_the_local_time(app):
    with force_locale("en"):
        ws = _sheet(["at"], [[datetime(2026, 11, 25, 3, 0, tzinfo=UTC)]])
    assert ws["A2"].value == datetime(2026, 11, 25, 10, 0)  # Asia/Bangkok
    assert ws["A2"].number_format == "d mmm yyyy hh:mm"


def test_the_header_is_bold_frozen_and_printed_and_columns_have_their_widths(app):
    ws = _sheet(["a", "b"], [["x", "y"]], widths=(30, 12))
    assert ws["A1"].font.b and not ws["A2"].font.b
    assert ws.freeze_panes == "A2" and ws.print_title_rows.replace("$", "") == "1:1"
    # Stored as Excel stores a width typed in characters: with the cell's padding (some 0.7 of one).
    widths = (ws.column_dimensions["A"].width, ws.column_dimensions["B"].width)
    assert [int(w) for w in widths] == [30, 12] and all(w - int(w) < 1 for w in widths)


def test_a_row_of_long_text_is_as_tall_as_its_wrapped_lines(app):
    # Without a height a wrapped text prints clipped to one line.
    ws = _sheet(["text"], [["สั้น"], ["ก" * 100]], widths=(20,))
    assert ws.row_dimensions[2].height is None
    assert ws["A3"].alignment.wrap_text
    assert ws.row_dimensions[3].height >= 4 * 15


def test_csv_writes_a_utc_time_as_local_and_a_date_as_iso(app):
    text = csv_bytes(["at", "day"], [[datetime(2026, 11, 25, 3, 0, tzinfo=UTC), date(2026, 11, 25)]])
    assert text.decode("utf-8-sig").splitlines()[1] == "2026-11-25 10:00,2026-11-25"


def test_libreoffice_shows_the_date_cell_in_the_buddhist_era(app, tmp_path):
    office.office()
    source = tmp_path / "dates.xlsx"
    with force_locale("th"):
        source.write_bytes(xlsx_bytes(["วันที่"], [[date(2026, 11, 25)]], widths=(20,)))
    assert "25 พ.ย. 2569" in office.pdf_text(office.convert(source))


def test_a_translation_not_yet_looked_up_is_a_text_and_a_yes_or_no_a_boolean(app):
    from flask_babel import lazy_gettext

    with force_locale("en"):
        ws = _sheet([lazy_gettext("Department"), "on"], [["=1+1", True]])
    assert ws["A1"].value == "Department" and ws["A1"].data_type == "s"
    assert ws["A2"].value == "'=1+1" and ws["A2"].data_type == "s"  # a formula's look, kept as text
    assert ws["B2"].value is True
