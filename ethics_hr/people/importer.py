"""Import people from CSV or XLSX: check the whole file first, then write every row or none."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from openpyxl import load_workbook

from ethics_hr.core.http import without_controls
from ethics_hr.core.timeutil import ce_year
from ethics_hr.extensions import db
from ethics_hr.people.models import Department, Person, StaffCategory

# Every column with the header names accepted for it (English keys, Thai headers as officers write them).
COLUMNS: dict[str, tuple[str, ...]] = {
    "employee_number": ("employee_number", "employee number", "รหัสพนักงาน", "เลขประจำตัว"),
    "prefix": ("prefix", "คำนำหน้า", "คำนำหน้าชื่อ"),
    "first_name_th": ("first_name_th", "first name (thai)", "ชื่อ"),
    "last_name_th": ("last_name_th", "last name (thai)", "นามสกุล"),
    "first_name_en": ("first_name_en", "first name (english)", "ชื่อ (อังกฤษ)"),
    "last_name_en": ("last_name_en", "last name (english)", "นามสกุล (อังกฤษ)"),
    "position": ("position", "ตำแหน่ง"),
    "staff_category": ("staff_category", "staff category", "category", "ประเภทบุคลากร", "ประเภท"),
    "department": ("department", "สังกัด", "สำนัก/กอง", "กอง"),
    "email": ("email", "อีเมล", "e-mail"),
    "start_date": ("start_date", "start date", "วันที่เริ่มงาน", "วันเริ่มงาน"),
}
REQUIRED = ("employee_number", "first_name_th", "last_name_th", "staff_category")
TEXT_COLUMNS = ("employee_number", "prefix", "first_name_th", "last_name_th", "first_name_en", "last_name_en")
TEXT_COLUMNS += ("position", "email")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_ROWS = 50_000


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportCheck:
    rows: list[dict] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    file_error: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_error and bool(self.rows)


def read_table(data: bytes, filename: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Read the header and the numbered rows of a CSV (UTF-8, with or without BOM) or XLSX file as text.

    Rows keep the number the spreadsheet shows them under, blank rows skipped but counted.
    """
    if Path(filename).suffix.lower() == ".xlsx":
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        ws = wb.worksheets[0]
        rows = [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
        wb.close()
    else:
        text = data.decode("utf-8-sig")
        rows = [list(r) for r in csv.reader(io.StringIO(text))]
    numbered = [(n, r) for n, r in enumerate(rows, start=1) if any(c.strip() for c in r)]
    if not numbered:
        return [], []
    return [h.strip() for h in numbered[0][1]], numbered[1:]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_date(text: str) -> date | None:
    """Accept 2023-09-30 and 30/09/2023 (C.E.), 2566-09-30 and 30/09/2566 (B.E.)."""
    text = text.strip()
    if not text:
        return None
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    slashed = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if iso:
        year, month, day = (int(x) for x in iso.groups())
    elif slashed:
        day, month, year = (int(x) for x in slashed.groups())
    else:
        raise ValueError(text)
    if year > 2400:  # no one starts work after 2400 C.E.; this is a Buddhist Era year
        year = ce_year(year)
    return date(year, month, day)


def check_file(data: bytes, filename: str) -> ImportCheck:
    """Check every row of a file against the rules and the database; write nothing."""
    result = ImportCheck()
    try:
        header, raw_rows = read_table(data, filename)
    except UnicodeDecodeError:
        result.file_error = str(_l("The file is not UTF-8 text. Save it as 'CSV UTF-8' or as XLSX."))
        return result
    except Exception:
        result.file_error = str(_l("The file could not be read as CSV or XLSX."))
        return result
    if not header:
        result.file_error = str(_l("The file is empty."))
        return result
    if len(raw_rows) > MAX_ROWS:
        result.file_error = str(_l("The file has more than %(n)d rows.", n=MAX_ROWS))
        return result

    index: dict[str, int] = {}
    lowered = [h.lower() for h in header]
    for key, names in COLUMNS.items():
        for i, h in enumerate(lowered):
            if h in names:
                index[key] = i
                break
    missing = [key for key in REQUIRED if key not in index]
    if missing:
        result.file_error = str(_l("Missing columns: %(cols)s", cols=", ".join(missing)))
        return result

    categories = _lookup(StaffCategory, ("code", "name_th", "name_en"))
    departments = _lookup(Department, ("code", "name_th", "name_en"))
    numbers_in_db = set(db.session.scalars(sa.select(Person.employee_number)))
    emails_in_db = {
        e.lower() for e in db.session.scalars(sa.select(Person.email).where(Person.email.is_not(None)))
    }
    seen_numbers: dict[str, int] = {}
    seen_emails: dict[str, int] = {}

    max_lengths = {key: Person.__table__.c[key].type.length for key in TEXT_COLUMNS}
    for n, raw in raw_rows:

        def value(key: str, raw=raw) -> str:
            i = index.get(key)
            if i is None or i >= len(raw) or raw[i] is None:
                return ""
            return without_controls(raw[i]).strip()

        row_errors: list[RowError] = []
        row = {key: value(key) for key in COLUMNS}
        for key in REQUIRED:
            if not row[key]:
                row_errors.append(RowError(n, key, str(_l("missing"))))
        number = row["employee_number"]
        if number:
            if any(ch.isspace() for ch in number):
                row_errors.append(RowError(n, "employee_number", str(_l("has a space in it"))))
            elif number in seen_numbers:
                row_errors.append(
                    RowError(
                        n, "employee_number", str(_l("duplicate of row %(row)d", row=seen_numbers[number]))
                    )
                )
            elif number in numbers_in_db:
                row_errors.append(RowError(n, "employee_number", str(_l("already in the database"))))
            seen_numbers.setdefault(number, n)
        cat = row["staff_category"]
        if cat and cat.lower() not in categories:
            row_errors.append(RowError(n, "staff_category", str(_l("unknown staff category '%(v)s'", v=cat))))
        dept = row["department"]
        if dept and dept.lower() not in departments:
            row_errors.append(RowError(n, "department", str(_l("unknown department '%(v)s'", v=dept))))
        email = row["email"].lower()
        if email:
            if not EMAIL.match(email):
                row_errors.append(RowError(n, "email", str(_l("malformed email '%(v)s'", v=row["email"]))))
            elif email in seen_emails:
                row_errors.append(
                    RowError(n, "email", str(_l("duplicate of row %(row)d", row=seen_emails[email])))
                )
            elif email in emails_in_db:
                row_errors.append(RowError(n, "email", str(_l("already in the database"))))
            seen_emails.setdefault(email, n)
        try:
            start = parse_date(row["start_date"])
        except ValueError:
            start = None
            row_errors.append(RowError(n, "start_date", str(_l("not a date (use 2023-09-30 or 30/09/2566)"))))
        for key, limit in max_lengths.items():
            if len(row[key]) > limit:
                row_errors.append(RowError(n, key, str(_l("too long (at most %(n)d characters)", n=limit))))
        if row_errors:
            result.errors.extend(row_errors)
            continue
        result.rows.append(
            {
                "employee_number": number,
                "prefix": row["prefix"],
                "first_name_th": row["first_name_th"],
                "last_name_th": row["last_name_th"],
                "first_name_en": row["first_name_en"],
                "last_name_en": row["last_name_en"],
                "position": row["position"],
                "staff_category_id": categories[cat.lower()],
                "department_id": departments[dept.lower()] if dept else None,
                "email": email or None,
                "start_date": start,
            }
        )
    if not raw_rows:
        result.file_error = str(_l("The file has a header but no rows."))
    return result


def _lookup(model, fields: tuple[str, ...]) -> dict[str, int]:
    table: dict[str, int] = {}
    for obj in db.session.scalars(sa.select(model)):
        for f in fields:
            text = (getattr(obj, f) or "").strip().lower()
            if text:
                table.setdefault(text, obj.id)
    return table


def import_rows(check: ImportCheck) -> list[Person]:
    """Write every checked row in one transaction; refuse a file that still has errors."""
    if not check.ok:
        raise ValueError("refusing to import a file with errors")
    people = [Person(**row) for row in check.rows]
    try:
        db.session.add_all(people)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return people
