"""Export people as a table (CSV or XLSX) that the import reads back as is."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ethics_hr.core.exports import table_chunks
from ethics_hr.people.importer import HEADERS
from ethics_hr.people.models import Person

COLUMNS = (
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
WIDTHS = (14, 12, 16, 18, 16, 18, 28, 18, 12, 28, 14, 10)


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
        p.start_date,
        "yes" if p.active else "no",
    ]


def people_table(fmt: str, people: Iterable[Person]) -> Iterator[bytes]:
    """Write people as CSV (UTF-8 with a BOM, so Excel shows Thai) or XLSX, one row per person, streamed.

    The headers are in the reader's language; the import reads them back in either language.
    """
    header = [str(HEADERS[key]) for key in COLUMNS]
    return table_chunks(fmt, header, (_row(p) for p in people), title="people", widths=WIDTHS)
