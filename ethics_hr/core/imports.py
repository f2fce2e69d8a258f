"""The one reader of uploaded tables: CSV (UTF-8, with or without BOM) or XLSX, as numbered rows of text.

Every import (people, attendance...) reads its file through `read_table`, then checks the rows itself. A text
our exports quoted so that a spreadsheet would not run it (`core.exports.neutralise`) comes back unquoted.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from ethics_hr.core.exports import restore


def read_table(data: bytes, filename: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Read the header and the numbered rows of a CSV (UTF-8, with or without BOM) or XLSX file as text.

    Rows keep the number the spreadsheet shows them under, blank rows skipped but counted. A CSV that is
    not UTF-8 raises UnicodeDecodeError (the caller tells the user how to save it); anything else that
    cannot be read raises an exception of the underlying reader.
    """
    if Path(filename).suffix.lower() == ".xlsx":
        rows = _xlsx_rows(data)
    else:
        text = data.decode("utf-8-sig")
        rows = [[restore(c) for c in r] for r in csv.reader(io.StringIO(text))]
    numbered = [(n, r) for n, r in enumerate(rows, start=1) if any(c.strip() for c in r)]
    if not numbered:
        return [], []
    return [h.strip() for h in numbered[0][1]], numbered[1:]


def _xlsx_rows(data: bytes) -> list[list[str]]:
    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        return [[_cell(v) for v in row] for row in wb.worksheets[0].iter_rows(values_only=True)]
    finally:
        wb.close()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return restore(str(value).strip())


def column_index(header: list[str], columns: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Find each column's position from the header names accepted for it (case-insensitive, first match)."""
    lowered = [h.lower() for h in header]
    index: dict[str, int] = {}
    for key, names in columns.items():
        for i, h in enumerate(lowered):
            if h in names:
                index[key] = i
                break
    return index
