"""The personnel officer's screens: the people list, the person form, departments and exports."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from ethics_hr.extensions import db
from ethics_hr.people import importer
from ethics_hr.people.models import Department, Person, User
from tests import factories

pytestmark = pytest.mark.usefixtures("in_english")


@pytest.fixture
def officer(client, login_as):
    return login_as(factories.officer(first_name_th="เจ้าหน้าที่", first_name_en="", last_name_en=""))


def count(model) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(model))


# ---------------------------------------------------------------- the list


def test_the_list_searches_names_numbers_and_emails(client, officer):
    factories.person(first_name_th="สมชาย", first_name_en="", last_name_en="", employee_number="A-100")
    factories.person(first_name_th="สมหญิง", first_name_en="", last_name_en="", email="somying@example.org")
    factories.person(first_name_th="มานี", first_name_en="", last_name_en="")
    for q, expected in (("สม", {"สมชาย", "สมหญิง"}), ("a-100", {"สมชาย"}), ("SOMYING@", {"สมหญิง"})):
        html = client.get("/people/", query_string={"q": q}).get_data(as_text=True)
        shown = {name for name in ("สมชาย", "สมหญิง", "มานี") if name in html}
        assert shown == expected, q


def test_the_list_filters_by_department_category_and_status(client, officer):
    works = factories.department(code="WORKS")
    factories.person(first_name_th="ช่างหนึ่ง", first_name_en="", last_name_en="", dept=works)
    factories.person(first_name_th="ครูสอง", first_name_en="", last_name_en="", category_code="teacher")
    gone = factories.person(first_name_th="ลาออกแล้ว", first_name_en="", last_name_en="")
    gone.active = False
    db.session.commit()
    teacher = factories.category("teacher")

    def names(**args) -> set[str]:
        html = client.get("/people/", query_string=args).get_data(as_text=True)
        return {n for n in ("ช่างหนึ่ง", "ครูสอง", "ลาออกแล้ว") if n in html}

    assert names() == {"ช่างหนึ่ง", "ครูสอง"}
    assert names(department=works.id) == {"ช่างหนึ่ง"}
    assert names(category=teacher.id) == {"ครูสอง"}
    assert names(status="inactive") == {"ลาออกแล้ว"}
    assert names(status="all") == {"ช่างหนึ่ง", "ครูสอง", "ลาออกแล้ว"}


def test_the_list_is_paginated(app, client, officer):
    app.config["PER_PAGE"] = 3
    for n in range(7):
        factories.person(first_name_th=f"คนที่{n}", first_name_en="", last_name_en="")
    pages = [client.get("/people/", query_string={"page": p}).get_data(as_text=True) for p in (1, 2, 3)]
    everyone = {f"คนที่{n}" for n in range(7)}  # and the officer, 8 in all
    seen = [{name for name in everyone if name in page} for page in pages]
    assert all(len(s) <= 3 for s in seen)
    assert sum(len(s) for s in seen) == 7
    assert set().union(*seen) == everyone
    assert "page=2" in pages[0]
    assert client.get("/people/", query_string={"page": 99}).status_code == 200


@pytest.mark.parametrize("args", [{"department": "abc"}, {"category": "-1"}, {"page": "x"}])
def test_a_malformed_filter_number_is_a_404(client, officer, args):
    # Every number in a query string is read through core.args: a malformed one is a clear 404.
    assert client.get("/people/", query_string=args).status_code == 404


def test_the_list_issues_the_same_number_of_queries_for_more_people(app, client, officer, count_statements):
    def statements() -> int:
        return count_statements.page(client, "/people/")

    factories.person(dept=factories.department())
    few = statements()
    for _ in range(10):
        p = factories.person(dept=factories.department())
        db.session.add(User(person=p))
    db.session.commit()
    assert statements() == few


# ---------------------------------------------------------------- the person form


def person_data(**kw) -> dict:
    return {
        "employee_number": "NEW-001",
        "prefix": "นาง",
        "first_name_th": "มาลี",
        "last_name_th": "ศรีสุข",
        "first_name_en": "Malee",
        "last_name_en": "Srisuk",
        "position": "นักวิชาการเงินและบัญชี",
        "staff_category_id": str(factories.category().id),
        "department_id": "",
        "email": "malee@example.org",
        "start_date": "2024-01-01",
    } | kw


def test_an_officer_adds_a_person(client, officer):
    response = client.post("/people/new", data=person_data())
    person = db.session.scalar(db.select(Person).where(Person.employee_number == "NEW-001"))
    assert response.headers["Location"] == f"/people/{person.id}"
    assert (person.first_name_th, person.email, person.start_date) == (
        "มาลี",
        "malee@example.org",
        date(2024, 1, 1),
    )


def test_the_person_page_shows_the_start_date_in_the_buddhist_era(client, officer):
    person = factories.person(start_date=date(2024, 1, 1))
    client.post("/language/th")
    assert "1 มกราคม 2567" in client.get(f"/people/{person.id}").get_data(as_text=True)
    client.post("/language/en")
    assert "1 January 2024" in client.get(f"/people/{person.id}").get_data(as_text=True)


def test_an_email_is_stored_in_lower_case_and_blank_means_none(client, officer):
    client.post("/people/new", data=person_data(email="  Malee@Example.ORG "))
    client.post("/people/new", data=person_data(employee_number="NEW-002", email=""))
    emails = dict(db.session.execute(db.select(Person.employee_number, Person.email)).all())
    assert emails["NEW-001"] == "malee@example.org"
    assert emails["NEW-002"] is None


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"employee_number": ""}, "employee_number", "This field is required."),
        ({"first_name_th": ""}, "first_name_th", "This field is required."),
        ({"last_name_th": "   "}, "last_name_th", "This field is required."),
        ({"employee_number": "NEW 001"}, "employee_number", "An employee number has no spaces."),
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"staff_category_id": ""}, "staff_category_id", ""),
        ({"staff_category_id": "None"}, "staff_category_id", "Choose a staff category."),
        ({"staff_category_id": "99999"}, "staff_category_id", ""),
        ({"department_id": "99999"}, "department_id", ""),
        ({"start_date": "2024-13-45"}, "start_date", ""),
        ({"first_name_th": "ก" * 101}, "first_name_th", ""),
    ],
)
def test_a_bad_person_form_shows_the_message_next_to_the_field_and_writes_nothing(
    client, officer, changes, field, message
):
    before = count(Person)
    data = person_data(**changes)
    response = client.post("/people/new", data=data)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'data-field="{field}"' in html
    assert message in html
    assert 'value="มาลี"' in html or field == "first_name_th"  # what was typed stays
    assert 'value="malee@example.org"' in html or field == "email"
    assert count(Person) == before


def test_a_duplicate_employee_number_is_refused_next_to_the_field(client, officer):
    factories.person(employee_number="NEW-001")
    before = count(Person)
    html = client.post("/people/new", data=person_data()).get_data(as_text=True)
    assert 'data-field="employee_number"' in html
    assert "Another person already has this employee number." in html
    assert 'value="มาลี"' in html
    assert count(Person) == before


def test_a_duplicate_email_in_another_case_is_refused_next_to_the_field(client, officer):
    factories.person(email="malee@example.org")
    before = count(Person)
    html = client.post("/people/new", data=person_data(email="MALEE@example.org")).get_data(as_text=True)
    assert 'data-field="email"' in html
    assert "Another person already uses this email address." in html
    assert count(Person) == before


def test_an_officer_edits_a_person(client, officer):
    person = factories.person(employee_number="E-1")
    response = client.post(
        f"/people/{person.id}/edit", data=person_data(employee_number="E-1", first_name_th="แก้ไขแล้ว")
    )
    assert response.headers["Location"] == f"/people/{person.id}"
    db.session.refresh(person)
    assert person.first_name_th == "แก้ไขแล้ว"


def test_editing_keeps_the_own_employee_number_and_email(client, officer):
    person = factories.person(employee_number="E-1", email="same@example.org")
    response = client.post(
        f"/people/{person.id}/edit", data=person_data(employee_number="E-1", email="same@example.org")
    )
    assert response.status_code == 302


def test_editing_into_someone_elses_employee_number_is_refused(client, officer):
    factories.person(employee_number="TAKEN")
    person = factories.person(employee_number="MINE")
    html = client.post(f"/people/{person.id}/edit", data=person_data(employee_number="TAKEN")).get_data(
        as_text=True
    )
    assert "Another person already has this employee number." in html
    assert 'value="TAKEN"' in html  # what was typed stays
    db.session.refresh(person)
    assert person.employee_number == "MINE"


def test_the_edit_form_shows_the_current_values(client, officer):
    person = factories.person(first_name_th="ปัจจุบัน", start_date=date(2020, 5, 1))
    html = client.get(f"/people/{person.id}/edit").get_data(as_text=True)
    assert 'value="ปัจจุบัน"' in html
    assert 'value="2020-05-01"' in html


def test_a_person_that_does_not_exist_is_not_found(client, officer):
    assert client.get("/people/99999").status_code == 404
    assert client.get("/people/99999/edit").status_code == 404
    assert client.post("/people/99999/active", data={"active": "0"}).status_code == 404


def test_an_inactive_department_stays_selectable_for_its_people_only(client, officer):
    closed = factories.department(code="CLOSED", active=False)
    member = factories.person(dept=closed)
    assert "CLOSED" in client.get(f"/people/{member.id}/edit").get_data(as_text=True)
    assert "CLOSED" not in client.get("/people/new").get_data(as_text=True)


# ---------------------------------------------------------------- deactivate and reactivate


def test_an_officer_deactivates_and_reactivates_a_person(client, officer):
    person = factories.person()
    assert client.post(f"/people/{person.id}/active", data={"active": "0"}).status_code == 302
    db.session.refresh(person)
    assert not person.active
    client.post(f"/people/{person.id}/active", data={"active": "1"})
    db.session.refresh(person)
    assert person.active


def test_an_officer_cannot_deactivate_themselves(client, officer):
    client.post(f"/people/{officer.person_id}/active", data={"active": "0"})
    db.session.refresh(officer.person)
    assert officer.person.active


# ---------------------------------------------------------------- accounts from the person page


def test_opening_an_account_shows_a_slip_with_link_and_code(client, officer):
    person = factories.person()
    response = client.post(f"/people/{person.id}/account")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'data-testid="slip-code"' in html
    assert "/activate/" in html
    db.session.refresh(person)
    assert person.account is not None and not person.account.is_activated


def test_opening_a_second_account_is_refused(client, officer):
    person = factories.user().person
    response = client.post(f"/people/{person.id}/account")
    assert response.headers["Location"] == f"/people/{person.id}"


def test_accounts_are_opened_for_everyone_listed_without_one(client, officer):
    dept = factories.department()
    a, b = factories.person(dept=dept), factories.person(dept=dept)
    factories.user(dept=dept)
    factories.person()  # another department: not in the filter
    html = client.post("/people/accounts/open", query_string={"department": dept.id}).get_data(as_text=True)
    assert html.count('data-testid="slip-code"') == 2
    db.session.expire_all()
    assert a.account is not None and b.account is not None


# ---------------------------------------------------------------- exports


def _reads_thai(user) -> None:
    user.preferred_locale = "th"
    db.session.commit()


def test_the_csv_export_is_utf8_with_a_bom_and_can_be_imported_again(client, officer):
    _reads_thai(officer)
    works = factories.department(code="WORKS")
    factories.person(employee_number="X-1", first_name_th="สมศักดิ์", dept=works, start_date=date(2023, 9, 30))
    factories.person(employee_number="X-2", first_name_th="สมใจ", email=None, category_code="teacher")
    response = client.get("/people/export.csv", query_string={"q": "X-"})
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    data = response.data
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    # The headers are Thai in the Thai interface (they were employee_number, first_name_th...).
    by_number = {r["รหัสพนักงาน"]: r for r in rows}
    assert set(by_number) == {"X-1", "X-2"}
    assert by_number["X-1"]["ชื่อ (ภาษาไทย)"] == "สมศักดิ์"
    assert by_number["X-1"]["สำนัก/กอง"] == "WORKS"
    assert by_number["X-1"]["วันที่เริ่มปฏิบัติงาน"] == "2023-09-30"
    assert by_number["X-2"]["อีเมล"] == ""

    originals = {p.employee_number: p for p in db.session.scalars(db.select(Person))}
    snapshot = {
        n: (p.first_name_th, p.email, p.staff_category_id, p.department_id, p.start_date)
        for n, p in originals.items()
        if n.startswith("X-")
    }
    for number in snapshot:
        db.session.delete(originals[number])
    db.session.commit()
    check = importer.check_file(data, "people.csv")
    assert check.ok, check.errors
    importer.import_rows(check)
    again = {
        p.employee_number: (p.first_name_th, p.email, p.staff_category_id, p.department_id, p.start_date)
        for p in db.session.scalars(db.select(Person).where(Person.employee_number.like("X-%")))
    }
    assert again == snapshot


def test_the_xlsx_export_reads_back_with_thai_text(client, officer):
    _reads_thai(officer)
    factories.person(employee_number="X-1", first_name_th="สมศักดิ์", start_date=date(2023, 9, 30))
    response = client.get("/people/export.xlsx", query_string={"q": "X-1"})
    assert response.mimetype.endswith("spreadsheetml.sheet")
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    header, first = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert header[0] == "รหัสพนักงาน"
    assert len(rows) == 2
    assert first["ชื่อ (ภาษาไทย)"] == "สมศักดิ์"
    assert first["ประเภทบุคลากร"] == "local_official"
    # A real date cell, shown in B.E. by Excel and LibreOffice, not the text "2023-09-30".
    assert first["วันที่เริ่มปฏิบัติงาน"].date() == date(2023, 9, 30)
    assert sheet.cell(row=2, column=header.index("วันที่เริ่มปฏิบัติงาน") + 1).number_format.startswith("[$-107041E]")
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2"


@pytest.mark.parametrize("locale", ["th", "en"])
def test_the_xlsx_export_with_translated_headers_imports_again(client, officer, locale):
    factories.person(employee_number="X-1", first_name_th="สมศักดิ์", start_date=date(2023, 9, 30))
    officer.preferred_locale = locale
    db.session.commit()
    data = client.get("/people/export.xlsx", query_string={"q": "X-1"}).data
    header = next(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert header[0] == {"th": "รหัสพนักงาน", "en": "Employee number"}[locale]
    person = db.session.scalar(db.select(Person).where(Person.employee_number == "X-1"))
    db.session.delete(person)
    db.session.commit()

    check = importer.check_file(data, "people.xlsx")

    assert check.ok, (check.file_error, check.errors)
    assert check.rows[0]["first_name_th"] == "สมศักดิ์"
    assert check.rows[0]["start_date"] == date(2023, 9, 30)


def test_the_export_follows_the_filters(client, officer):
    factories.person(employee_number="IN-1", category_code="teacher")
    factories.person(employee_number="OUT-1")
    data = client.get("/people/export.csv", query_string={"category": factories.category("teacher").id}).data
    text = data.decode("utf-8-sig")
    assert "IN-1" in text and "OUT-1" not in text


def test_an_unknown_export_format_is_not_found(client, officer):
    assert client.get("/people/export.pdf").status_code == 404


def test_the_import_template_has_the_columns(client, officer):
    _reads_thai(officer)
    text = client.get("/people/import/template.csv").data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("รหัสพนักงาน,คำนำหน้าชื่อ,ชื่อ (ภาษาไทย)")


# ---------------------------------------------------------------- departments


def test_an_officer_adds_and_edits_a_department(client, officer):
    response = client.post(
        "/people/departments/new",
        data={"code": "klg", "name_th": "กองคลัง", "name_en": "Finance", "active": "y"},
    )
    assert response.headers["Location"] == "/people/departments"
    dept = db.session.scalar(db.select(Department).where(Department.code == "KLG"))
    assert dept.name_th == "กองคลัง"
    client.post(
        f"/people/departments/{dept.id}/edit", data={"code": "KLG", "name_th": "กองคลังใหม่", "name_en": ""}
    )
    db.session.refresh(dept)
    assert (dept.name_th, dept.active) == ("กองคลังใหม่", False)
    html = client.get("/people/departments").get_data(as_text=True)
    assert "กองคลังใหม่" in html


def test_a_duplicate_department_code_is_refused_next_to_the_field(client, officer):
    factories.department(code="KLG")
    before = count(Department)
    html = client.post("/people/departments/new", data={"code": "klg", "name_th": "กองซ้ำ"}).get_data(
        as_text=True
    )
    assert 'data-field="code"' in html
    assert "Another department already uses this code." in html
    assert 'value="กองซ้ำ"' in html
    assert count(Department) == before


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"code": "", "name_th": "กอง"}, "code"),
        ({"code": "A B", "name_th": "กอง"}, "code"),
        ({"code": "กอง/1", "name_th": "กอง"}, "code"),
        ({"code": "-A", "name_th": "กอง"}, "code"),
        ({"code": "OK", "name_th": ""}, "name_th"),
        ({"code": "X" * 21, "name_th": "กอง"}, "code"),
    ],
)
def test_a_bad_department_form_shows_the_message_and_writes_nothing(client, officer, data, field):
    before = count(Department)
    html = client.post("/people/departments/new", data=data).get_data(as_text=True)
    assert f'data-field="{field}"' in html
    assert count(Department) == before


@pytest.mark.parametrize("code", ["สป", "สป.", "กองช่าง-2", "ศูนย์_เด็กเล็ก"])
def test_a_department_code_may_be_written_in_thai(client, officer, code):
    response = client.post(
        "/people/departments/new", data={"code": code, "name_th": "สำนักปลัด", "active": "y"}
    )
    assert response.status_code == 302
    assert db.session.scalar(db.select(Department.code).where(Department.name_th == "สำนักปลัด")) == code


def test_an_officer_names_the_head_of_a_department_by_employee_number(client, officer):
    dept = factories.department(code="FIN", name_th="กองคลัง")
    head = factories.person(
        dept=dept, first_name_th="อัญชลี", position="ผู้อำนวยการกองคลัง", employee_number="H-1"
    )
    response = client.post(
        f"/people/departments/{dept.id}/edit",
        data={"code": "FIN", "name_th": "กองคลัง", "active": "y", "head_employee_number": " H-1 "},
    )
    assert response.status_code == 302
    db.session.refresh(dept)
    assert dept.head_person_id == head.id
    html = client.get("/people/departments").get_data(as_text=True)
    assert "อัญชลี" in html and "ผู้อำนวยการกองคลัง" in html
    form = client.get(f"/people/departments/{dept.id}/edit").get_data(as_text=True)
    assert 'value="H-1"' in form
    client.post(
        f"/people/departments/{dept.id}/edit", data={"code": "FIN", "name_th": "กองคลัง", "active": "y"}
    )
    db.session.refresh(dept)
    assert dept.head_person_id is None  # emptied: no head


@pytest.mark.parametrize("number", ["NOBODY", "GONE"])
def test_an_unknown_or_inactive_head_is_refused_next_to_the_field(client, officer, number):
    dept = factories.department(code="ENG", name_th="กองช่าง")
    factories.person(employee_number="GONE", active=False)
    html = client.post(
        f"/people/departments/{dept.id}/edit",
        data={"code": "ENG", "name_th": "กองช่างใหม่", "active": "y", "head_employee_number": number},
    ).get_data(as_text=True)
    assert 'data-field="head_employee_number"' in html
    assert "No active person has this employee number." in html
    assert f'value="{number}"' in html and 'value="กองช่างใหม่"' in html
    db.session.refresh(dept)
    assert (dept.name_th, dept.head_person_id) == ("กองช่าง", None)


def test_the_departments_page_counts_active_people(client, officer):
    dept = factories.department(code="CNT")
    factories.person(dept=dept)
    factories.person(dept=dept)
    html = client.get("/people/departments").get_data(as_text=True)
    assert "CNT" in html


def test_the_person_page_shows_each_domains_section_once_as_wired_by_the_factory(app, client, officer):
    person = factories.person()
    html = client.get(f"/people/{person.id}").get_data(as_text=True)
    assert html.count('id="codes-acknowledgments"') == 1
    assert html.count('id="evidence-record"') == 1


def test_the_person_page_shows_the_sections_the_app_was_given(app, client, officer):
    from ethics_hr.people.views import set_person_sections

    set_person_sections(app, [])
    html = client.get(f"/people/{factories.person().id}").get_data(as_text=True)
    assert 'id="codes-acknowledgments"' not in html and 'id="evidence-record"' not in html


FORMULA_NAMES = {
    "first_name_th": '=HYPERLINK("http://evil.example/?x","click")',
    "last_name_th": "+1",
    "first_name_en": "-2",
    "last_name_en": "@SUM(A1)",
    "position": "'=already quoted",
}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_formula_like_names_go_out_as_text_and_come_back_unchanged(client, officer, fmt):
    factories.person(employee_number="F-1", prefix="", **FORMULA_NAMES)
    data = client.get(f"/people/export.{fmt}", query_string={"q": "F-1"}).data
    if fmt == "xlsx":
        cells = [c for row in load_workbook(io.BytesIO(data)).active.iter_rows() for c in row]
        assert cells and all(c.data_type != "f" for c in cells)
        texts = {c.value for c in cells}
    else:
        texts = {v for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for v in row}
    # OWASP's rule: each starts with a quote, so no spreadsheet runs it.
    assert {"'" + name for name in FORMULA_NAMES.values()} <= texts
    db.session.delete(db.session.scalar(db.select(Person).where(Person.employee_number == "F-1")))
    db.session.commit()

    check = importer.check_file(data, f"people.{fmt}")
    assert check.ok, (check.file_error, check.errors)
    importer.import_rows(check)

    again = db.session.scalar(db.select(Person).where(Person.employee_number == "F-1"))
    assert {key: getattr(again, key) for key in FORMULA_NAMES} == FORMULA_NAMES
