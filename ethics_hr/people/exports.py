"""Export people to CSV and XLSX."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from openpyxl import Workbook

from ethics_hr.people.models import Person

HEADER = (
    "employee_number",
    "prefix",
    "first_name_th",
    "last_name_th",
    "first_name_en",
    "last_name_en",
    "position",
    "staff_category",
    "department",
    "email",
    "start_date",
    "active",
)


def _row(p: Person) -> list:
    return [
        p.employee_number,
        p.prefix,
        p.first_name_th,
        p.last_name_th,
        p.first_name_en,
        p.last_name_en,
        p.position,
        p.staff_category.code,
        p.department.code if p.department else "",
        p.email or "",
        p.start_date.isoformat() if p.start_date else "",
        "yes" if p.active else "no",
    ]


def people_csv(people: Iterable[Person]) -> bytes:
    """Write people as UTF-8 CSV with a BOM, so Excel shows Thai correctly; re-importable as is."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for p in people:
        writer.writerow(_row(p))
    return buffer.getvalue().encode("utf-8-sig")


def people_xlsx(people: Iterable[Person]) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("people")
    ws.append(list(HEADER))
    for p in people:
        ws.append(_row(p))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
