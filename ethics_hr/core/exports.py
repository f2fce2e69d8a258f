"""The one writer of tabular exports (CSV with a BOM, XLSX) and the one download response."""

from __future__ import annotations

import csv
import io
import itertools
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote

import xlsxwriter
from flask import Response, stream_with_context

from ethics_hr.core.locale import current_locale
from ethics_hr.core.timeutil import to_local

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "ics": "text/calendar; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
}
CHUNK_ROWS = 500  # rows of CSV to a piece of a streamed download
CHUNK_BYTES = 64 * 1024  # bytes of XLSX to a piece
# OWASP's rule for CSV injection: a cell a spreadsheet would read as a formula starts with one of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _looks_like_formula(text: str) -> bool:
    # A text already starting with quotes before a formula start gets one more, so restore() is exact.
    return text.lstrip("'").startswith(FORMULA_STARTS)


def neutralise(value: Any) -> Any:
    """Hand a spreadsheet no formula: a text starting like one is prefixed with a quote; numbers stay."""
    if isinstance(value, str) and _looks_like_formula(value):
        return "'" + value
    return value


def restore(text: str) -> str:
    """Undo neutralise() on a cell read back from an export: the import takes the text, not the quote."""
    if text.startswith("'") and _looks_like_formula(text[1:]):
        return text[1:]
    return text


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        local = to_local(value) if value.tzinfo else value
        return local.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(value)


def csv_chunks(header: Sequence[Any] | None, rows: Iterable[Sequence[Any]]) -> Iterator[bytes]:
    """Write rows as UTF-8 CSV with a BOM, so Excel shows Thai correctly, a few hundred rows at a time: a
    download of 50,000 rows holds no more than a chunk of them."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    if header is not None:
        writer.writerow([_csv_cell(h) for h in header])
    for n, row in enumerate(rows, start=1):
        writer.writerow([_csv_cell(v) for v in row])
        if n % CHUNK_ROWS == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def csv_bytes(header: Sequence[Any] | None, rows: Iterable[Sequence[Any]]) -> bytes:
    """Write rows as UTF-8 CSV with a BOM, in one piece."""
    return b"".join(csv_chunks(header, rows))


# Excel's and LibreOffice's code for Thai dates in the Buddhist era (calendar 07, Thai 041E): 25 พ.ย. 2569.
DATE_FORMATS = {"th": "[$-107041E]d mmm yyyy", "en": "d mmm yyyy"}
DATETIME_FORMATS = {"th": "[$-107041E]d mmm yyyy hh:mm", "en": "d mmm yyyy hh:mm"}
DEFAULT_WIDTH = 14  # characters
MAX_WIDTH = 60
LINE_HEIGHT_PT = 15  # one line of 11 pt text


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, datetime):
        # Spreadsheets hold no time zone: write the local time the pages show.
        return to_local(value).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, Decimal):
        return float(value)
    return neutralise(value)


def lines_needed(value: Any, width: float, *, font_pt: float = 11) -> int:
    """Estimate how many lines a wrapped text takes in a column of a width (in characters of 11 pt)."""
    if not isinstance(value, str) or not value:
        return 1
    # Thai marks take no width of their own, so a little more fits than the width says; a larger font, less.
    per_line = max(int(width * 1.4 * 11 / font_pt), 1)
    return sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))


# What a sheet's name may not hold (Excel's rule; it holds 31 characters at most).
_SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "-"))


def xlsx_chunks(
    header: Sequence[Any] | None,
    rows: Iterable[Sequence[Any]],
    *,
    title: str = "export",
    widths: Sequence[float] | None = None,
    header_row: int = 1,
    bold_rows: Sequence[int] = (),
) -> Iterator[bytes]:
    """Write rows as one XLSX sheet a personnel office can print, streamed: XlsxWriter's constant-memory
    mode writes each row to a temporary file as it comes, and the finished file is read out in pieces.

    Dates and times are real date cells (B.E. in Thai), numbers are numbers, texts that look like formulas are
    stored as text. The header (the given one, or row `header_row` of the rows) is bold, frozen and printed on
    every page; columns get `widths` (in characters, the first row's columns at least) and the table's text
    wraps, each row as tall as its text needs; `bold_rows` (1-based) are bold too, such as a totals row.
    """
    locale = current_locale()
    with tempfile.TemporaryDirectory(prefix="ethics-hr-export-") as folder:
        path = f"{folder}/export.xlsx"
        # Texts stay texts: no formula, link or number is read into them.
        options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        workbook = xlsxwriter.Workbook(path, options)
        _write_sheet(workbook, header, rows, title, widths, header_row, bold_rows, locale)
        workbook.close()
        with open(path, "rb") as out:
            while piece := out.read(CHUNK_BYTES):
                yield piece


def _write_sheet(workbook, header, rows, title, widths, header_row, bold_rows, locale) -> None:
    sheet = workbook.add_worksheet(title.translate(_SHEET_NAME_FORBIDDEN)[:31] or "export")
    all_rows = itertools.chain([list(header)] if header is not None else [], rows)
    first = next(all_rows, None)
    columns = max(len(first) if first is not None else 0, len(widths or ()))
    width_of = [
        (widths[i] if widths is not None and i < len(widths) else DEFAULT_WIDTH) for i in range(columns)
    ]
    for column, width in enumerate(width_of):
        sheet.set_column(column, column, min(width, MAX_WIDTH))
    sheet.freeze_panes(header_row, 0)
    sheet.repeat_rows(header_row - 1)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)  # one page wide, as many tall as it takes
    formats: dict[tuple, Any] = {}

    def style(bold: bool, wrap: bool, number_format: str | None):
        key = (bold, wrap, number_format)
        if key not in formats:
            # Every cell at the top of its row, so that a date stands beside the first line of a long text.
            properties = {"bold": bold, "text_wrap": wrap, "valign": "top"}
            if number_format:
                properties["num_format"] = number_format
            formats[key] = workbook.add_format({k: v for k, v in properties.items() if v})
        return formats[key]

    date_format = DATE_FORMATS.get(locale, DATE_FORMATS["en"])
    datetime_format = DATETIME_FORMATS.get(locale, DATETIME_FORMATS["en"])
    bold_set = {header_row, *bold_rows}
    rows_seen = itertools.chain([first], all_rows) if first is not None else ()
    for number, row in enumerate(rows_seen, start=1):
        row = list(row)
        bold = number in bold_set
        table = number >= header_row  # a title above the table runs on, unwrapped
        lines = max(
            (
                lines_needed(value, width_of[i] if i < len(width_of) else DEFAULT_WIDTH)
                for i, value in enumerate(row)
                if table and isinstance(value, str)
            ),
            default=1,
        )
        if lines > 1:  # before its cells: the row is written out when the next one starts
            sheet.set_row(number - 1, lines * LINE_HEIGHT_PT)
        at = number - 1
        for column, value in enumerate(row):
            if value is None:
                if bold:
                    sheet.write_blank(at, column, None, style(True, False, None))
                continue
            if isinstance(value, datetime):
                sheet.write_datetime(at, column, _xlsx_value(value), style(bold, False, datetime_format))
            elif isinstance(value, date):
                sheet.write_datetime(at, column, value, style(bold, False, date_format))
            elif isinstance(value, bool | int | float | Decimal):
                sheet.write(at, column, _xlsx_value(value), style(bold, False, None))
            else:  # a text, or what reads as one (a translation not yet looked up)
                sheet.write_string(at, column, neutralise(str(value)), style(bold, table, None))


def xlsx_bytes(header: Sequence[Any] | None, rows: Iterable[Sequence[Any]], **layout: Any) -> bytes:
    """Write rows as one XLSX sheet (see `xlsx_chunks`), in one piece."""
    return b"".join(xlsx_chunks(header, rows, **layout))


def table_chunks(
    fmt: str,
    header: Sequence[Any] | None,
    rows: Iterable[Sequence[Any]],
    *,
    title: str = "export",
    widths: Sequence[float] | None = None,
) -> Iterator[bytes]:
    """Write a table as CSV or XLSX, streamed (the widths, in characters, are the XLSX's columns)."""
    if fmt == "csv":
        return csv_chunks(header, rows)
    if fmt == "xlsx":
        return xlsx_chunks(header, rows, title=title, widths=widths)
    raise ValueError(f"unknown table format {fmt!r}")


def table_bytes(
    fmt: str,
    header: Sequence[Any] | None,
    rows: Iterable[Sequence[Any]],
    *,
    title: str = "export",
    widths: Sequence[float] | None = None,
) -> bytes:
    """Write a table as CSV or XLSX, in one piece."""
    return b"".join(table_chunks(fmt, header, rows, title=title, widths=widths))


def streamed_download(chunks: Callable[[], Iterable[bytes]], filename: str) -> Response:
    """Answer with a file made while it goes out: `chunks()` is called as the response is sent, still in the
    request's contexts (Flask's stream_with_context) and so in a database session of its own, the view's
    being closed once it returns. An export of 50,000 rows reads them a few hundred at a time and never
    holds the whole file."""

    def body() -> Iterator[bytes]:
        yield from chunks()

    return download(stream_with_context(body()), filename)


def _utf8_name(filename: str) -> str:
    return f"filename*=UTF-8''{quote(filename)}"


def download(body: bytes | Iterable[bytes], filename: str, *, inline: bool = False) -> Response:
    """Answer with a file to save (or to show, inline), typed by the name's extension."""
    fmt = filename.rsplit(".", 1)[-1].lower()
    disposition = "inline" if inline else "attachment"
    ascii_name = filename.encode("ascii", "replace").decode().replace("?", "_").replace('"', "")
    return Response(
        body,
        content_type=MEDIA_TYPES.get(fmt, "application/octet-stream"),
        headers={"Content-Disposition": f'{disposition}; filename="{ascii_name}"; {_utf8_name(filename)}'},
    )
