"""The one writer of tabular exports (CSV with a BOM, XLSX) and the one download response."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from flask import Response
from openpyxl import Workbook

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "ics": "text/calendar; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
}
# OWASP's rule for CSV injection: a cell a spreadsheet would read as a formula starts with one of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Hand a spreadsheet no formula: a text starting like one is prefixed with a quote; numbers stay."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return neutralise(value)


def csv_bytes(header: Sequence[Any] | None, rows: Iterable[Sequence[Any]]) -> bytes:
    """Write rows as UTF-8 CSV with a BOM, so Excel shows Thai correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if header is not None:
        writer.writerow([_csv_cell(h) for h in header])
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(
    header: Sequence[Any] | None, rows: Iterable[Sequence[Any]], *, title: str = "export"
) -> bytes:
    """Write rows as one XLSX sheet; texts that look like formulas are stored as text."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title[:31] or "export")
    if header is not None:
        ws.append([neutralise(h) for h in header])
    for row in rows:
        ws.append([neutralise(v) for v in row])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def table_bytes(
    fmt: str, header: Sequence[Any] | None, rows: Iterable[Sequence[Any]], *, title: str = "export"
) -> bytes:
    """Write a table as CSV or XLSX."""
    if fmt == "csv":
        return csv_bytes(header, rows)
    if fmt == "xlsx":
        return xlsx_bytes(header, rows, title=title)
    raise ValueError(f"unknown table format {fmt!r}")


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
