"""Importing people from CSV and XLSX: the whole file checked first, then every row or none."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from ethics_hr.extensions import db
from ethics_hr.people import importer
from ethics_hr.people.models import Person
from tests import factories

pytestmark = pytest.mark.usefixtures("in_english")

HEADER = [
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
]
GOOD_ROWS = [
    [
        "1001",
        "นาย",
        "สมชาย",
        "ใจดี",
        "Somchai",
        "Jaidee",
        "ปลัดเทศบาล",
        "local_official",
        "PAL",
        "somchai@example.org",
        "2020-10-01",
    ],
    ["1002", "นาง", "สมหญิง", "รักงาน", "", "", "ครู คศ.1", "พนักงานครู", "สำนักปลัด", "", "30/09/2566"],
    [
        "1003",
        "นางสาว",
        "มานี",
        "มีนา",
        "Manee",
        "Meena",
        "คนงาน",
        "General contract employee",
        "",
        "MANEE@Example.org",
        "",
    ],
]


@pytest.fixture
def palad(app):
    return factories.department(code="PAL", name_th="สำนักปลัด", name_en="Office of the Clerk")


def people_count() -> int:
    return db.session.scalar(db.select(db.func.count(Person.id)))


def write_csv(path: Path, rows: list[list[str]], *, bom: bool = False, encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path.write_bytes(("\ufeff" if bom else "").encode(encoding) + buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list]) -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def check(path: Path) -> importer.ImportCheck:
    return importer.check_file(path.read_bytes(), path.name)


def problems(result: importer.ImportCheck) -> list[tuple[int, str]]:
    return [(e.row, e.column) for e in result.errors]


# ---------------------------------------------------------------- reading files


@pytest.mark.parametrize("bom", [False, True], ids=["utf8", "utf8-bom"])
def test_a_clean_csv_with_thai_text_is_read(tmp_path, palad, bom):
    result = check(write_csv(tmp_path / "people.csv", [HEADER, *GOOD_ROWS], bom=bom))
    assert result.ok, result.errors
    first, second, third = result.rows
    assert (first["first_name_th"], first["department_id"]) == ("สมชาย", palad.id)
    assert second["staff_category_id"] == factories.category("teacher").id
    assert second["department_id"] == palad.id  # by its Thai name
    assert second["start_date"] == date(2023, 9, 30)  # B.E. date
    assert third["email"] == "manee@example.org"
    assert third["staff_category_id"] == factories.category("general_contract").id  # by its English name


def test_a_clean_xlsx_with_thai_text_and_real_dates_is_read(tmp_path, palad):
    rows = [HEADER, *[list(r) for r in GOOD_ROWS]]
    rows[1][0] = 1001  # a number cell, as Excel keeps employee numbers
    rows[1][10] = datetime(2020, 10, 1)  # a date cell
    result = check(write_xlsx(tmp_path / "people.xlsx", rows))
    assert result.ok, result.errors
    assert result.rows[0]["employee_number"] == "1001"
    assert result.rows[0]["start_date"] == date(2020, 10, 1)
    assert result.rows[1]["first_name_th"] == "สมหญิง"


def test_thai_column_headers_are_understood(tmp_path, palad):
    thai = [
        "รหัสพนักงาน",
        "คำนำหน้า",
        "ชื่อ",
        "นามสกุล",
        "ชื่อ (อังกฤษ)",
        "นามสกุล (อังกฤษ)",
        "ตำแหน่ง",
        "ประเภทบุคลากร",
        "สังกัด",
        "อีเมล",
        "วันที่เริ่มงาน",
    ]
    result = check(write_csv(tmp_path / "people.csv", [thai, *GOOD_ROWS], bom=True))
    assert result.ok, result.errors
    assert result.rows[0]["first_name_en"] == "Somchai"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-09-30", date(2023, 9, 30)),
        ("30/09/2023", date(2023, 9, 30)),
        ("30/9/2566", date(2023, 9, 30)),
        ("2566-09-30", date(2023, 9, 30)),
        ("", None),
    ],
)
def test_dates_in_either_era_are_understood(text, expected):
    assert importer.parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2023", "2023-13-01", "yesterday", "30.09.2566", "30/09/66"])
def test_malformed_dates_are_refused(text):
    with pytest.raises(ValueError):
        importer.parse_date(text)


def test_a_csv_in_another_encoding_is_refused_with_advice(tmp_path, palad):
    result = check(write_csv(tmp_path / "people.csv", [HEADER, *GOOD_ROWS], encoding="cp874"))
    assert not result.ok
    assert "UTF-8" in result.file_error


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "people.csv", "The file is empty."),
        (b"not a workbook", "people.xlsx", "could not be read"),
        ("employee_number,first_name_th\n1,ก\n".encode(), "people.csv", "Missing columns"),
        (",".join(HEADER).encode() + b"\n", "people.csv", "a header but no rows"),
    ],
)
def test_a_file_that_cannot_be_used_says_why(content, name, message):
    result = importer.check_file(content, name)
    assert not result.ok
    assert message in result.file_error


# ---------------------------------------------------------------- bad rows


def test_every_bad_row_is_listed_with_its_reason_and_nothing_is_written(tmp_path, palad):
    factories.person(employee_number="9999", email="taken@example.org")
    bad = [
        HEADER,
        GOOD_ROWS[0],  # row 2: fine
        ["", "", "ไม่มีรหัส", "ทดสอบ", "", "", "", "local_official", "", "", ""],  # 3: missing number
        ["2001", "", "", "ไม่มีชื่อ", "", "", "", "local_official", "", "", ""],  # 4: missing first name
        ["2002", "", "ก", "ข", "", "", "", "astronaut", "", "", ""],  # 5: unknown category
        ["2003", "", "ก", "ข", "", "", "", "local_official", "กองอวกาศ", "", ""],  # 6: unknown department
        ["1001", "", "ก", "ข", "", "", "", "local_official", "", "", ""],  # 7: duplicate of row 2
        ["9999", "", "ก", "ข", "", "", "", "local_official", "", "", ""],  # 8: already in the database
        ["2004", "", "ก", "ข", "", "", "", "local_official", "", "not-an-email", ""],  # 9: malformed email
        ["2005", "", "ก", "ข", "", "", "", "local_official", "", "", "31/02/2566"],  # 10: bad date
        [
            "2006",
            "",
            "ก",
            "ข",
            "",
            "",
            "",
            "local_official",
            "",
            "SOMCHAI@example.org",
            "",
        ],  # 11: email of row 2
        [
            "2007",
            "",
            "ก",
            "ข",
            "",
            "",
            "",
            "local_official",
            "",
            "taken@example.org",
            "",
        ],  # 12: email in database
        ["20 08", "", "ก", "ข", "", "", "", "local_official", "", "", ""],  # 13: space in the number
        ["2009", "", "ก" * 101, "ข", "", "", "", "local_official", "", "", ""],  # 14: name too long
        ["2010", "ค" * 61, "ก", "ข", "", "", "", "local_official", "", "", ""],  # 15: prefix too long
        ["2" * 31, "", "ก", "ข", "", "", "", "local_official", "", "", ""],  # 16: number too long
    ]
    before = people_count()
    result = check(write_csv(tmp_path / "bad.csv", bad))
    assert not result.ok
    assert problems(result) == [
        (3, "employee_number"),
        (4, "first_name_th"),
        (5, "staff_category"),
        (6, "department"),
        (7, "employee_number"),
        (8, "employee_number"),
        (9, "email"),
        (10, "start_date"),
        (11, "email"),
        (12, "email"),
        (13, "employee_number"),
        (14, "first_name_th"),
        (15, "prefix"),
        (16, "employee_number"),
    ]
    reasons = {e.row: e.message for e in result.errors}
    assert reasons[3] == "missing"
    assert "astronaut" in reasons[5]
    assert "กองอวกาศ" in reasons[6]
    assert reasons[7] == "duplicate of row 2"
    assert reasons[8] == "already in the database"
    assert "not-an-email" in reasons[9]
    assert "not a date" in reasons[10]
    assert reasons[11] == "duplicate of row 2"
    assert "space" in reasons[13]
    assert "too long" in reasons[14]
    with pytest.raises(ValueError):
        importer.import_rows(result)
    assert people_count() == before


def test_control_characters_in_a_file_are_dropped(tmp_path, palad):
    rows = [HEADER, ["7001", "", "สม\x00ชาย", "ใจ\x1bดี", "", "", "", "local_official", "", "", ""]]
    result = check(write_csv(tmp_path / "controls.csv", rows))
    assert result.ok, result.errors
    assert (result.rows[0]["first_name_th"], result.rows[0]["last_name_th"]) == ("สมชาย", "ใจดี")
    importer.import_rows(result)


def test_row_numbers_match_the_spreadsheet_even_after_blank_rows(tmp_path, palad):
    rows = [
        HEADER,
        GOOD_ROWS[0],
        [""] * len(HEADER),
        ["", "", "ไม่มีรหัส", "ทดสอบ", "", "", "", "local_official", "", "", ""],
    ]
    result = check(write_csv(tmp_path / "gaps.csv", rows))
    assert problems(result) == [(4, "employee_number")]


def test_an_xlsx_with_a_bad_row_is_refused_whole(tmp_path, palad):
    rows = [HEADER, GOOD_ROWS[0], ["3001", "", "ก", "ข", "", "", "", "astronaut", "", "", ""]]
    result = check(write_xlsx(tmp_path / "bad.xlsx", rows))
    assert problems(result) == [(3, "staff_category")]


# ---------------------------------------------------------------- writing


def test_a_clean_file_writes_every_row(tmp_path, palad):
    before = people_count()
    people = importer.import_rows(check(write_csv(tmp_path / "people.csv", [HEADER, *GOOD_ROWS])))
    assert len(people) == 3
    assert people_count() == before + 3
    somchai = db.session.scalar(db.select(Person).where(Person.employee_number == "1001"))
    assert (somchai.full_name_th, somchai.department.code, somchai.start_date) == (
        "นายสมชาย ใจดี",
        "PAL",
        date(2020, 10, 1),
    )


def test_the_rows_go_in_one_transaction(tmp_path, palad):
    result = check(write_csv(tmp_path / "people.csv", [HEADER, *GOOD_ROWS]))
    assert result.ok
    factories.person(employee_number="1003")  # someone took the last row's number after the check
    before = people_count()
    with pytest.raises(Exception):  # noqa: B017 - the database refuses the clash
        importer.import_rows(result)
    assert people_count() == before
    assert db.session.scalar(db.select(Person).where(Person.employee_number == "1001")) is None


# ---------------------------------------------------------------- in the browser


@pytest.fixture
def officer(client, login_as):
    return login_as(factories.officer())


def upload(client, path: Path):
    with path.open("rb") as handle:
        return client.post(
            "/people/import", data={"file": (handle, path.name)}, content_type="multipart/form-data"
        )


def test_the_browser_import_previews_then_writes_on_confirmation(tmp_path, client, officer, palad):
    before = people_count()
    preview = upload(client, write_xlsx(tmp_path / "people.xlsx", [HEADER, *GOOD_ROWS]))
    html = preview.get_data(as_text=True)
    assert "all 3 rows are correct" in html
    assert 'data-testid="import-confirm"' in html
    assert people_count() == before  # nothing written yet
    response = client.post("/people/import/confirm")
    assert response.headers["Location"] == "/people/"
    assert people_count() == before + 3
    assert list((Path(client.application.instance_path) / "imports").iterdir()) == []


def test_the_browser_import_lists_bad_rows_and_offers_no_confirmation(tmp_path, client, officer, palad):
    rows = [HEADER, GOOD_ROWS[0], ["4001", "", "<b>ก</b>", "ข", "", "", "", "astronaut", "", "", ""]]
    html = upload(client, write_csv(tmp_path / "bad.csv", rows, bom=True)).get_data(as_text=True)
    assert 'data-testid="import-errors"' in html
    assert "unknown staff category &#39;astronaut&#39;" in html
    assert "import-confirm" not in html
    before = people_count()
    assert client.post("/people/import/confirm").headers["Location"] == "/people/import"
    assert people_count() == before


def test_a_confirmation_after_the_database_changed_checks_again(tmp_path, client, officer, palad):
    upload(client, write_csv(tmp_path / "people.csv", [HEADER, *GOOD_ROWS]))
    factories.person(employee_number="1002")
    before = people_count()
    html = client.post("/people/import/confirm").get_data(as_text=True)
    assert "already in the database" in html
    assert people_count() == before


def test_only_csv_and_xlsx_files_are_accepted(tmp_path, client, officer):
    path = tmp_path / "people.pdf"
    path.write_bytes(b"%PDF-1.4")
    html = upload(client, path).get_data(as_text=True)
    assert 'data-field="file"' in html
    assert "Only CSV and XLSX files can be imported." in html


def test_an_upload_without_a_file_is_refused(client, officer):
    html = client.post("/people/import", data={}, content_type="multipart/form-data").get_data(as_text=True)
    assert "Choose a file." in html


# ---------------------------------------------------------------- from the command line


def test_the_cli_dry_run_checks_and_writes_nothing(tmp_path, runner, palad):
    path = write_csv(tmp_path / "people.csv", [HEADER, *GOOD_ROWS], bom=True)
    before = people_count()
    result = runner.invoke(args=["import-people", str(path), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "3 rows are valid; nothing written" in result.output
    assert people_count() == before


def test_the_cli_imports_a_clean_file(tmp_path, runner, palad):
    path = write_xlsx(tmp_path / "people.xlsx", [HEADER, *GOOD_ROWS])
    before = people_count()
    result = runner.invoke(args=["import-people", str(path)])
    assert result.exit_code == 0, result.output
    assert "3 people imported" in result.output
    assert people_count() == before + 3
    from ethics_hr.core.audit import AuditEntry

    labels = set(
        db.session.scalars(db.select(AuditEntry.actor_label).where(AuditEntry.entity_type == "person"))
    )
    assert labels == {"import-people"}


def test_the_cli_lists_bad_rows_and_writes_nothing(tmp_path, runner, palad):
    rows = [HEADER, GOOD_ROWS[0], ["5001", "", "ก", "ข", "", "", "", "astronaut", "", "", ""]]
    path = write_csv(tmp_path / "bad.csv", rows)
    before = people_count()
    for args in (["import-people", str(path)], ["import-people", str(path), "--dry-run"]):
        result = runner.invoke(args=args)
        assert result.exit_code != 0
        assert "row 3: staff_category: unknown staff category 'astronaut'" in result.output
        assert "nothing was imported" in result.output
    assert people_count() == before


def test_the_cli_names_an_unreadable_file(tmp_path, runner):
    path = tmp_path / "people.xlsx"
    path.write_bytes(b"garbage")
    result = runner.invoke(args=["import-people", str(path)])
    assert result.exit_code != 0
    assert "could not be read" in result.output
