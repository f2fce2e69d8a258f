"""Import people from CSV or XLSX: check the whole file first, then write every row or none."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from ethics_hr.core.db import transactional
from ethics_hr.core.http import without_controls
from ethics_hr.core.imports import column_index, read_table
from ethics_hr.core.locale import LOCALES
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
# The header each column gets in an export, in the reader's language; the import accepts either language.
HEADERS = {
    "employee_number": _l("Employee number"),
    "prefix": _l("Name prefix"),
    "first_name_th": _l("First name (Thai)"),
    "last_name_th": _l("Last name (Thai)"),
    "first_name_en": _l("First name (English)"),
    "last_name_en": _l("Last name (English)"),
    "position": _l("Position"),
    "staff_category": _l("Staff category"),
    "department": _l("Department"),
    "email": _l("Email"),
    "start_date": _l("Start date"),
    "active": _l("Active"),
}
REQUIRED_COLUMNS = ("employee_number", "first_name_th", "last_name_th", "staff_category")
TEXT_COLUMNS = ("employee_number", "prefix", "first_name_th", "last_name_th", "first_name_en", "last_name_en")
TEXT_COLUMNS += ("position", "email")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_ROWS = 50_000


def accepted_headers() -> dict[str, tuple[str, ...]]:
    """Every column with the names the import accepts: its own, the officers' usual ones, the export's."""
    accepted = {}
    for key, names in COLUMNS.items():
        exported = []
        for locale in LOCALES:
            with force_locale(locale):
                exported.append(str(HEADERS[key]).lower())
        accepted[key] = (*names, *exported)
    return accepted


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


@dataclass
class _Known:
    """What the database already holds that a row is checked against, read once per file."""

    categories: dict[str, int]
    departments: dict[str, int]
    numbers: set[str]
    emails: set[str]
    seen_numbers: dict[str, int] = field(default_factory=dict)
    seen_emails: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls) -> _Known:
        return cls(
            categories=_lookup(StaffCategory, ("code", "name_th", "name_en")),
            departments=_lookup(Department, ("code", "name_th", "name_en")),
            numbers=set(db.session.scalars(sa.select(Person.employee_number))),
            emails={
                e.lower()
                for e in db.session.scalars(sa.select(Person.email).where(Person.email.is_not(None)))
            },
        )


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
    index = column_index(header, accepted_headers())
    result.file_error = _file_problem(header, raw_rows, index)
    if result.file_error:
        return result
    known = _Known.load()
    for n, raw in raw_rows:
        row = {key: _value(raw, index.get(key)) for key in COLUMNS}
        row_errors, person = _check_row(n, row, known)
        if row_errors:
            result.errors.extend(row_errors)
        else:
            result.rows.append(person)
    return result


def _file_problem(header: list[str], raw_rows: list, index: dict[str, int]) -> str:
    """Say what makes the whole file unusable (empty, too long, columns missing), or ""."""
    if not header:
        return str(_l("The file is empty."))
    if len(raw_rows) > MAX_ROWS:
        return str(_l("The file has more than %(n)d rows.", n=MAX_ROWS))
    missing = [key for key in REQUIRED_COLUMNS if key not in index]
    if missing:
        return str(_l("Missing columns: %(cols)s", cols=", ".join(missing)))
    if not raw_rows:
        return str(_l("The file has a header but no rows."))
    return ""


def _value(raw: list[str], i: int | None) -> str:
    if i is None or i >= len(raw) or raw[i] is None:
        return ""
    return without_controls(raw[i]).strip()


def _check_row(n: int, row: dict[str, str], known: _Known) -> tuple[list[RowError], dict]:
    """Check one row; return its problems, or none and the person's values ready to insert."""
    errors = [RowError(n, key, str(_l("missing"))) for key in REQUIRED_COLUMNS if not row[key]]
    errors += _check_number(n, row["employee_number"], known)
    errors += _check_email(n, row["email"], known)
    cat, dept = row["staff_category"], row["department"]
    if cat and cat.lower() not in known.categories:
        errors.append(RowError(n, "staff_category", str(_l("unknown staff category '%(v)s'", v=cat))))
    if dept and dept.lower() not in known.departments:
        errors.append(RowError(n, "department", str(_l("unknown department '%(v)s'", v=dept))))
    try:
        start = parse_date(row["start_date"])
    except ValueError:
        start = None
        errors.append(RowError(n, "start_date", str(_l("not a date (use 2023-09-30 or 30/09/2566)"))))
    for key in TEXT_COLUMNS:
        limit = Person.__table__.c[key].type.length
        if len(row[key]) > limit:
            errors.append(RowError(n, key, str(_l("too long (at most %(n)d characters)", n=limit))))
    if errors:
        return errors, {}
    person = {key: row[key] for key in TEXT_COLUMNS}
    person.update(
        email=row["email"].lower() or None,
        staff_category_id=known.categories[cat.lower()],
        department_id=known.departments[dept.lower()] if dept else None,
        start_date=start,
    )
    return [], person


def _check_number(n: int, number: str, known: _Known) -> list[RowError]:
    """An employee number has no space and is new, in the file and in the database."""
    if not number:
        return []
    first = known.seen_numbers.setdefault(number, n)
    if any(ch.isspace() for ch in number):
        return [RowError(n, "employee_number", str(_l("has a space in it")))]
    if first != n:
        return [RowError(n, "employee_number", str(_l("duplicate of row %(row)d", row=first)))]
    if number in known.numbers:
        return [RowError(n, "employee_number", str(_l("already in the database")))]
    return []


def _check_email(n: int, text: str, known: _Known) -> list[RowError]:
    """An email address is well formed and new, in the file and in the database."""
    email = text.lower()
    if not email:
        return []
    if not EMAIL.match(email):
        return [RowError(n, "email", str(_l("malformed email '%(v)s'", v=text)))]
    first = known.seen_emails.setdefault(email, n)
    if first != n:
        return [RowError(n, "email", str(_l("duplicate of row %(row)d", row=first)))]
    if email in known.emails:
        return [RowError(n, "email", str(_l("already in the database")))]
    return []


def _lookup(model, fields: tuple[str, ...]) -> dict[str, int]:
    table: dict[str, int] = {}
    for obj in db.session.scalars(sa.select(model)):
        for f in fields:
            text = (getattr(obj, f) or "").strip().lower()
            if text:
                table.setdefault(text, obj.id)
    return table


@transactional
def import_rows(check: ImportCheck) -> list[Person]:
    """Write every checked row in one transaction; refuse a file that still has errors."""
    if not check.ok:
        raise ValueError("refusing to import a file with errors")
    people = [Person(**row) for row in check.rows]
    db.session.add_all(people)
    return people
