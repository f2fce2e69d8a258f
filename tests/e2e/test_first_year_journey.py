"""A new municipality's first fiscal year in a real browser, from an empty migrated database to its report.

The administrator is created with the CLI, names the organisation and its departments, imports the staff
from a Thai Excel file and makes a personnel officer; the officer approves the HR plan, publishes three codes
with their Dos & Don'ts (employees acknowledge them), records two committees with numbered, scanned orders,
runs a training (invitations, enrolment, check-in, attendance), and a named and an anonymous question are
answered by a committee member, one published in the FAQ. At the end the year-end report is downloaded from
the pages and written by the CLI, and LibreOffice turns the DOCX into a PDF whose text holds each HR result
of the seed's HR row, in at most 12 pages.

Each step is a small function so the steps can follow the screens as they change (a first-run checklist is
being built for the administrator). Time is controlled with time-machine: the server thread reads the same
travelling clock, so the year passes in a few minutes of real time.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from html import unescape
from pathlib import Path

import pytest
import sqlalchemy as sa
import time_machine
from flask_migrate import upgrade
from openpyxl import Workbook, load_workbook
from playwright.sync_api import Browser, Page, expect

from ethics_hr import MIGRATIONS_DIR, create_app
from ethics_hr.extensions import db
from tests.conftest import ON_POSTGRES, PG_URL, TEMPLATE_CACHE, _test_config
from tests.e2e.conftest import ARTIFACTS, REQUIRED

FY = 2569  # 1 October 2025 to 30 September 2026
NO_GIFT_TITLE = "ประกาศเจตนารมณ์นโยบายไม่รับของขวัญ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. 2569"
GIFT_GIVER = "ห้างหุ้นส่วนจำกัด รุ่งเรืองก่อสร้าง"
PLEDGE_TITLE = "ปฏิญญาคุณธรรมของเทศบาลตำบลหนองบัวทอง ประจำปีงบประมาณ พ.ศ. 2569"
ORG_TH = "เทศบาลตำบลหนองบัวทอง"
ORG_EN = "Nong Bua Thong Subdistrict Municipality"
PASSWORD = "บัวทอง-จริยธรรม-2569"
ADMIN = ("ADM001", "admin@nongbuathong.go.th")
SESSION_AGE = timedelta(days=30)  # Flask refuses a session cookie signed more than 31 days ago

# The seed's HR row: each result the report must state, in the seed's words (numbers written out later).
HR_RESULTS = (
    "มีแผนการบริหารและพัฒนาทรัพยากรบุคคล",
    "มีกิจกรรมเสริมสร้างความรู้ ความเข้าใจด้านมาตรฐานทางจริยธรรม และประมวลจริยธรรมของเจ้าหน้าที่ของรัฐ",
    "มีคณะทำงาน คณะกรรมการฯ ที่สามารถให้คำปรึกษา ตอบข้อซักถามทางคุณธรรมจริยธรรม",
    "มีแนวปฏิบัติ Dos & Don'ts ที่เป็นแนวทางการประพฤติตนทางจริยธรรมของหน่วยงาน",
    "มีการบังคับใช้ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ",
)

DEPARTMENTS = (("สป", "สำนักปลัดเทศบาล", "Office of the Municipal Clerk"), ("กค", "กองคลัง", "Finance Division"))

# The staff file as a personnel office keeps it: Thai headers, Thai values, real date cells.
PEOPLE_HEADER = ("รหัสพนักงาน", "คำนำหน้า", "ชื่อ", "นามสกุล", "ตำแหน่ง", "ประเภทบุคลากร", "สังกัด", "อีเมล")
PEOPLE_HEADER += ("วันที่เริ่มงาน",)
OFFICER = ("NBT001", "นางสาว", "สุดารัตน์", "ใจงาม", "นักทรัพยากรบุคคลชำนาญการ", "พนักงานส่วนท้องถิ่น")
OFFICER += ("สำนักปลัดเทศบาล", "sudarat@nongbuathong.go.th", date(2015, 6, 1))
CHAIR = ("NBT002", "นาย", "วีระพงษ์", "รัตนพันธ์", "ปลัดเทศบาล", "พนักงานส่วนท้องถิ่น", "สำนักปลัดเทศบาล")
CHAIR += ("weerapong@nongbuathong.go.th", date(2010, 4, 1))
SECRETARY = ("NBT003", "นาง", "ศิริพร", "มณีวงศ์", "หัวหน้าสำนักปลัดเทศบาล", "พนักงานส่วนท้องถิ่น")
SECRETARY += ("สำนักปลัดเทศบาล", "", date(2012, 10, 1))
CLERK = ("NBT004", "นาย", "สมชาย", "รักดี", "เจ้าพนักงานการเงินและบัญชี", "พนักงานส่วนท้องถิ่น", "กองคลัง")
CLERK += ("somchai@nongbuathong.go.th", date(2019, 1, 2))
WORKER = ("NBT005", "นาง", "มาลี", "ศรีสุข", "พนักงานจ้างทั่วไป", "พนักงานจ้างทั่วไป", "กองคลัง", "")
WORKER += (date(2021, 11, 1),)
MAYOR = ("NBT006", "นาย", "ประเสริฐ", "วงศ์ใหญ่", "นายกเทศมนตรี", "ผู้บริหารท้องถิ่น", "", "", "1/6/2566")
PEOPLE = (OFFICER, CHAIR, SECRETARY, CLERK, WORKER, MAYOR)

# Each code with the staff categories it binds, a "do" and a "don't".
CODES = (
    (
        "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น",
        ("พนักงานส่วนท้องถิ่น", "พนักงานจ้างทั่วไป"),
        "ให้บริการประชาชนด้วยความเท่าเทียม",
        "ไม่ใช้ตำแหน่งหน้าที่แสวงหาประโยชน์",
    ),
    ("ประมวลจริยธรรมผู้บริหารท้องถิ่น", ("ผู้บริหารท้องถิ่น",), "เปิดเผยข้อมูลการจัดซื้อจัดจ้าง", "ไม่รับของขวัญจากผู้มีส่วนได้เสีย"),
    ("ประมวลจริยธรรมสมาชิกสภาท้องถิ่น", ("สมาชิกสภาท้องถิ่น",), "เข้าร่วมประชุมสภาอย่างสม่ำเสมอ", "ไม่แทรกแซงการบรรจุแต่งตั้ง"),
)
COMMITTEES = (
    ("คณะกรรมการจริยธรรมเทศบาลตำบลหนองบัวทอง", "ethics_committee", 15),
    ("คณะกรรมการจัดทำประมวลจริยธรรมของพนักงานส่วนท้องถิ่น", "code_drafting", 16),
)
COURSE = "ปลูกฝังวัฒนธรรมสุจริตและต่อต้านการทุจริต"


def local(text: str) -> datetime:
    """A moment in Bangkok, e.g. local('2025-10-01 09:00')."""
    return datetime.fromisoformat(f"{text}:00+07:00")


# --- the empty, migrated installation -----------------------------------------------------------------------


def _empty_postgres_url() -> str:
    """A database of its own next to the test database, emptied, so the migrations build it from nothing."""
    url = sa.engine.make_url(PG_URL)
    name = f"{url.database}_journey"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.scalar(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}):
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    own = url.set(database=name)
    engine = sa.create_engine(own)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return own.render_as_string(hide_password=False)


@pytest.fixture
def app(tmp_path):
    """This module's app: a database built by the migrations alone (no demo, no test schema), nobody in it."""
    url = _empty_postgres_url() if ON_POSTGRES else f"sqlite:///{tmp_path / 'first-year.sqlite'}"
    application = create_app(_test_config(tmp_path, url), env="testing")
    application.jinja_env.bytecode_cache = TEMPLATE_CACHE
    with application.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        yield application
        db.session.remove()
        db.engine.dispose()


# --- small helpers -----------------------------------------------------------------------------------------


@dataclass
class Office:
    """What the journey learns on the way and later steps need."""

    base: str
    browser: Browser
    tmp: Path
    codes: dict[str, str] = field(default_factory=dict)  # employee number -> activation code
    people: dict[str, int] = field(default_factory=dict)  # employee number -> person id
    pages: dict[str, Page] = field(default_factory=dict)  # employee number -> logged-in page
    logged_in_at: dict[str, datetime] = field(default_factory=dict)


def new_page(office: Office, *, phone: bool = False) -> Page:
    viewport = {"width": 390, "height": 844} if phone else {"width": 1440, "height": 900}
    context = office.browser.new_context(viewport=viewport, locale="th-TH", timezone_id="Asia/Bangkok")
    context.set_default_timeout(15_000)
    return context.new_page()


def log_in(page: Page, base: str, login_id: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=login]", login_id)
    page.fill("input[name=password]", password)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{base}/home")


def later(clock, office: Office, when: str) -> None:
    """Move the clock on. A login lasts a month from the last change of the session (the signed cookie's
    age): whoever's may have lapsed opens the home page and logs in again if asked, as at the office."""
    now = local(when)
    clock.move_to(now)
    for number, page in office.pages.items():
        if now - office.logged_in_at[number] > SESSION_AGE:
            page.goto(f"{office.base}/home")
            if "/login" in page.url:
                log_in(page, office.base, number)
                # Only a login re-signs the cookie: a session still valid is checked again next time.
                office.logged_in_at[number] = now


def submit(page: Page, selector: str = "main form button[type=submit]") -> None:
    with page.expect_navigation():
        page.click(selector)


def confirm(page: Page, action_suffix: str) -> None:
    """Press the button of a one-button form (confirm_button) whose action ends with the given path."""
    submit(page, f"form[action$='{action_suffix}'] button[type=submit]")


def no_errors(page: Page) -> None:
    """The page shows no field error and no error flash."""
    errors = page.locator(".invalid-feedback:visible, .alert-danger:visible").all_inner_texts()
    assert not errors, f"{page.url}: {errors}"


def stored(sql: str) -> list[tuple]:
    """Rows as the server wrote them (the test's own session starts afresh, with no stale snapshot)."""
    db.session.remove()
    try:
        return [tuple(row) for row in db.session.execute(sa.text(sql))]
    finally:
        db.session.remove()


def tiny_pdf(title: str) -> bytes:
    """A small but valid one-page PDF (with its cross-reference table), as a scanner would give."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
    ]
    text = f"BT /F1 18 Tf 72 760 Td ({title}) Tj ET".encode("ascii")
    objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (n, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def people_xlsx(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "บุคลากร"
    sheet.append(PEOPLE_HEADER)
    for row in PEOPLE:
        sheet.append(row)
    for cell in sheet["I"][1:]:
        if isinstance(cell.value, date):
            cell.number_format = "d/m/yyyy"
    book.save(path)
    return path


# --- the steps ---------------------------------------------------------------------------------------------


def create_administrator(app) -> None:
    result = app.test_cli_runner().invoke(
        args=[
            "create-admin",
            "--employee-number",
            ADMIN[0],
            "--first-name",
            "อำนาจ",
            "--last-name",
            "ดูแลระบบ",
            "--email",
            ADMIN[1],
            "--password",
            PASSWORD,
        ]
    )
    assert result.exit_code == 0, result.output
    assert f"administrator {ADMIN[0]} created" in result.output


def name_the_organisation(page: Page, base: str) -> None:
    """The administrator's settings (a first-run checklist may lead here: adapt this step to it)."""
    page.goto(f"{base}/admin/settings")
    page.fill("input[name=name_th]", ORG_TH)
    page.fill("input[name=name_en]", ORG_EN)
    page.fill("input[name=fiscal_year_start_month]", "10")
    page.select_option("select[name=timezone]", "Asia/Bangkok")
    page.select_option("select[name=default_locale]", "th")
    submit(page)
    no_errors(page)
    page.goto(f"{base}/home")
    assert ORG_TH in page.inner_text("body")


def add_departments(page: Page, base: str) -> None:
    for code, name_th, name_en in DEPARTMENTS:
        page.goto(f"{base}/people/departments/new")
        page.fill("input[name=code]", code)
        page.fill("input[name=name_th]", name_th)
        page.fill("input[name=name_en]", name_en)
        submit(page)
        no_errors(page)
    page.goto(f"{base}/people/departments")
    listing = page.inner_text("main")
    assert all(name_th in listing for _, name_th, _ in DEPARTMENTS)


def import_people(page: Page, office: Office) -> None:
    page.goto(f"{office.base}/people/import")
    page.set_input_files("input[name=file]", str(people_xlsx(office.tmp / "บุคลากร.xlsx")))
    submit(page, "main form[enctype] button[type=submit]")
    assert page.locator("[data-testid=import-errors]").count() == 0, page.inner_text("main")
    submit(page, "[data-testid=import-confirm]")
    listing = page.inner_text("main table")
    assert all(f"{row[2]} {row[3]}" in listing for row in PEOPLE), listing
    office.people = dict(stored("SELECT employee_number, id FROM person"))


def read_slips(page: Page, office: Office) -> None:
    for slip in page.locator(".slip").all():
        number = re.search(r"\((NBT\d+)\)", slip.inner_text()).group(1)
        office.codes[number] = slip.locator("[data-testid=slip-code]").inner_text().strip()


def make_the_personnel_officer(page: Page, office: Office) -> None:
    """The administrator opens the officer's account, gives the role, and prints the slip."""
    person_id = office.people[OFFICER[0]]
    page.goto(f"{office.base}/people/{person_id}")
    confirm(page, f"/people/{person_id}/account")
    read_slips(page, office)
    page.goto(f"{office.base}/people/{person_id}")
    page.check("input[name=roles][value=personnel_officer]")
    submit(page, f"form[action$='/people/{person_id}/account/roles'] button[type=submit]")
    assert page.locator(".alert-success").count() == 1


def activate(office: Office, number: str, *, phone: bool = False) -> Page:
    """The person types the slip's code on the activation page, chooses a password, and is logged in."""
    page = new_page(office, phone=phone)
    page.goto(f"{office.base}/activate")
    page.fill("input[name=employee_number]", number)
    page.fill("input[name=code]", office.codes[number])
    submit(page)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=confirm]", PASSWORD)
    submit(page)
    page.wait_for_url(f"{office.base}/home")
    office.pages[number] = page
    office.logged_in_at[number] = datetime.now(UTC)
    return page


def open_everyones_accounts(page: Page, office: Office) -> None:
    page.goto(f"{office.base}/people/")
    confirm(page, "/people/accounts/open")
    read_slips(page, office)
    assert {CHAIR[0], CLERK[0], WORKER[0]} <= set(office.codes)


APPROVER = "นายประเสริฐ วงศ์ใหญ่ นายกเทศมนตรี"


def approve_the_plan(page: Page, base: str) -> None:
    """The plan is written, given its first item, and approved (a plan without items cannot be)."""
    page.goto(f"{base}/plans/new")
    page.fill("input[name=title_th]", "แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2569–2571")
    page.fill("input[name=first_fiscal_year]", str(FY))
    page.fill("input[name=last_fiscal_year]", str(FY + 2))
    submit(page)
    no_errors(page)
    plan_url = page.url
    page.click("a[href$='/items/new']")
    page.fill("input[name=name]", "โครงการอบรมคุณธรรมจริยธรรมประจำปี")
    page.select_option("select[name=area_id]", index=1)
    page.select_option("select[name=category_ids]", index=0)
    page.fill("input[name=target_participants]", "40")
    page.select_option("select[name=fiscal_year]", str(FY))
    page.select_option("select[name=quarter]", "2")
    submit(page)
    no_errors(page)
    page.goto(plan_url)
    assert "โครงการอบรมคุณธรรมจริยธรรมประจำปี" in page.inner_text("main")
    # Issue 13 #4 makes the plan form's approval date and approver approve the plan, in one flow; the
    # approval form of the plan's page is used while it is there.
    approve = page.locator("form[action$='/approve']")
    if approve.count():
        approve.locator("input[name=approved_on]").fill("2025-10-01")
        approve.locator("input[name=approved_by]").fill(APPROVER)
        submit(page, "form[action$='/approve'] button[type=submit]")
    else:
        page.goto(f"{plan_url}/edit")
        page.fill("input[name=approved_on]", "2025-10-01")
        page.fill("input[name=approved_by]", APPROVER)
        submit(page)
    no_errors(page)
    assert stored("SELECT status FROM hr_plan") == [("approved",)]


def publish_code(page: Page, base: str, name: str, categories: tuple[str, ...], do: str, dont: str) -> None:
    page.goto(f"{base}/codes/manage/new")
    page.fill("input[name=name_th]", name)
    submit(page)
    no_errors(page)
    confirm(page, "/draft")
    page.fill("input[name=title]", f"{name} พ.ศ. 2568")
    page.fill("input[name=effective_date]", "2025-10-15")
    page.fill("textarea[name=body_md]", f"# {name}\n\n**ข้อ 1** เจ้าหน้าที่ต้องยึดมั่นในคุณธรรมจริยธรรม")
    for category in categories:
        page.locator("form[enctype]").get_by_label(category, exact=True).check()
    submit(page, "form[enctype] button[type=submit]")
    no_errors(page)
    for kind, text in (("do", do), ("dont", dont)):
        page.click("[data-testid=add-statement]")
        page.check(f"input[name=kind][value={kind}]")
        page.fill("textarea[name=text_th]", text)
        page.fill("input[name=clause]", "ข้อ 1")
        submit(page)
        no_errors(page)
    page.click("[data-testid=publish-link]")
    page.fill("input[name=due_date]", "2025-11-30")
    submit(page)
    no_errors(page)
    assert "/compliance" in page.url


def acknowledge_every_code(page: Page, base: str) -> int:
    """An employee acknowledges each code on their home page with their password; returns how many."""
    done = 0
    page.goto(f"{base}/home")
    while (link := page.locator("[data-testid=codes-to-acknowledge] a[href$='/acknowledge']")).count():
        link.first.click()
        page.check("input[name=agree]")
        if page.locator("input[name=password]").count():
            page.fill("input[name=password]", PASSWORD)
        submit(page, "[data-testid=acknowledge-form] button[type=submit]")
        assert re.search(r"/codes/acknowledgments/\d+$", page.url), page.url
        done += 1
        page.goto(f"{base}/home")
    return done


def record_committee(page: Page, office: Office, name: str, kind: str, number: int) -> None:
    page.goto(f"{office.base}/committees/new")
    page.fill("input[name=name_th]", name)
    page.select_option("select[name=kind]", kind)
    submit(page)
    no_errors(page)
    committee_url = page.url.split("#")[0]
    page.goto(f"{committee_url}/orders/new")
    scan = office.tmp / f"order-{number}.pdf"
    scan.write_bytes(tiny_pdf(f"Order {number}/2568"))
    page.fill("#number", str(number))
    page.fill("#title", f"แต่งตั้ง{name}")
    page.fill("#signed_on", "2025-10-10")
    page.dispatch_event("#signed_on", "change")
    page.fill("#effective_on", "2025-10-10")
    page.fill("#signed_by_name", "นายประเสริฐ วงศ์ใหญ่")
    page.set_input_files("#document", str(scan))
    page.fill("#members-0-person", CHAIR[0])
    page.select_option("#members-0-role", "chair")
    page.fill("#members-1-person", SECRETARY[0])
    page.select_option("#members-1-role", "secretary")
    page.fill("#members-2-outside_name", "ดร.สุวิทย์ ทองประเสริฐ")
    page.fill("#members-2-outside_organisation", "มหาวิทยาลัยราชภัฏเลย")
    submit(page, "[data-testid=save-order]")
    no_errors(page)
    assert page.locator("[data-testid=member-row]").count() == 3
    assert page.locator("[data-testid=order] a[href$='/document']").count() == 1
    assert f"{number}/2568" in page.inner_text("[data-testid=order]")


def schedule_training(page: Page, base: str) -> str:
    page.goto(f"{base}/training/courses/new")
    page.fill("input[name=code]", "ETH01")
    page.fill("input[name=title_th]", COURSE)
    page.select_option("select[name=topic_id]", index=1)
    page.check("input[name=is_ethics]")
    page.fill("input[name=default_hours]", "3")
    submit(page)
    no_errors(page)
    page.goto(f"{base}/training/sessions/new")
    course = page.locator("select[name=course_id] option", has_text=COURSE).get_attribute("value")
    page.select_option("select[name=course_id]", course)
    page.fill("input[name=day]", "2026-03-10")
    page.fill("input[name=start_time]", "09:30")
    page.fill("input[name=end_time]", "12:30")
    page.fill("input[name=capacity]", "30")
    page.fill("input[name=place]", "ห้องประชุมสภาเทศบาล")
    page.select_option("select[name=status]", "open")
    submit(page)
    no_errors(page)
    page.wait_for_url("**/invite")
    for department in page.locator("input[name=department_ids]").all():
        department.check()
    submit(page, "[data-testid=send-invitations]")
    page.wait_for_selector("[data-testid=seats]")
    return page.url


def enrol(page: Page, base: str) -> None:
    page.goto(f"{base}/home")
    submit(page, "[data-testid=home-enrol]")
    no_errors(page)
    assert page.locator("[data-testid=home-training] form[action$='/withdraw']").count() == 1


def check_in(page: Page, base: str, code: str) -> None:
    page.goto(f"{base}/home")
    page.click("[data-testid=home-checkin]")
    page.fill("input[name=code]", code)
    page.click("[data-testid=checkin-submit]")
    page.wait_for_selector(".alert-success")


def ask(page: Page, base: str, subject: str, body: str, *, anonymous: bool) -> tuple[str, str]:
    page.goto(f"{base}/questions/new")
    page.select_option("select[name=category_id]", index=1)
    page.fill("input[name=subject]", subject)
    page.fill("textarea[name=body]", body)
    if anonymous:
        page.check("input[name=anonymous]")
    submit(page)
    no_errors(page)
    if not anonymous:
        return "", ""
    return (
        page.inner_text("[data-testid=reference]").strip(),
        page.inner_text("[data-testid=receipt]").strip(),
    )


def answer(page: Page, base: str, subject: str, text: str) -> None:
    page.goto(f"{base}/questions/committee")
    page.click(f"text={subject}")
    page.fill("textarea[name=body]", text)
    submit(page, "button[formaction$='/message/answer']")
    no_errors(page)


def announce_no_gift(page: Page, base: str) -> None:
    """The officer publishes the year's No Gift announcement, which the public page then shows."""
    page.goto(f"{base}/gifts/announcement?fy={FY}")
    page.fill("input[name=title_th]", NO_GIFT_TITLE)
    page.fill("textarea[name=body_th]", "บุคลากรทุกคนจะไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่")
    page.fill("input[name=announced_on]", "2025-10-01")
    submit(page, "main form[method=post] button[type=submit]")
    no_errors(page)
    page.goto(f"{base}/public/gifts/{FY}")
    expect(page.locator("main")).to_contain_text(NO_GIFT_TITLE)


def declare_gift(page: Page, base: str) -> None:
    """An employee records, on a phone, a gift above the limit: the rule says it goes to the head."""
    page.goto(f"{base}/gifts/new")
    page.fill("input[name=received_on]", "2026-01-05")
    page.fill("input[name=giver_name]", GIFT_GIVER)
    page.fill("input[name=description]", "กระเช้าปีใหม่และบัตรกำนัล")
    page.fill("input[name=value_baht]", "4500")
    page.select_option("select[name=occasion_id]", index=1)
    page.select_option("select[name=outcome]", "pending")
    submit(page)
    no_errors(page)
    page.goto(f"{base}/gifts/")
    expect(page.locator("main")).to_contain_text(GIFT_GIVER)


def decide_gift(page: Page, base: str) -> None:
    """The officer records the head's decision from the register, which opens on the gift waiting."""
    page.goto(f"{base}/gifts/register")
    page.click("text=กระเช้าปีใหม่และบัตรกำนัล")
    page.select_option("select[name=outcome]", "returned")
    page.fill("textarea[name=note]", "นายกเทศมนตรีให้ส่งคืนผู้ให้พร้อมหนังสือขอบคุณ")
    submit(page)
    no_errors(page)
    assert stored("SELECT outcome FROM gift_decision") == [("returned",)]


def draft_and_open_the_pledge(page: Page, base: str) -> None:
    """The officer drafts the year's integrity pledge from the Integrity page of the menu and opens it."""
    page.goto(f"{base}/home")
    page.click(".navbar a[href$='/integrity']")
    page.click("[data-testid=integrity-pledge] a[href$='/pledges/manage']")
    page.click("[data-testid=draft-pledge]")
    page.fill("input[name=title_th]", PLEDGE_TITLE)
    page.fill("textarea[name=body_th]", "ข้าพเจ้าจะปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต ไม่รับสินบน และแยกเรื่องส่วนตัวออกจากหน้าที่")
    page.fill("input[name=opens_on]", "2025-10-20")
    page.fill("input[name=closes_on]", "2025-10-31")
    for box in page.locator("input[name=category_ids]").all():
        box.check()
    submit(page, "main form[method=post] button[type=submit]")
    no_errors(page)
    confirm(page, "/open")
    no_errors(page)


def sign_the_pledge(page: Page, base: str) -> None:
    """An employee signs the pledge from the home page's card, on a phone, with the password."""
    page.goto(f"{base}/home")
    page.click("main a.btn[href$='/sign']")
    page.check("input[name=agree]")
    page.fill("input[name=password]", PASSWORD)
    submit(page, "[data-testid=sign-form] button[type=submit]")
    no_errors(page)


def report_pdf(docx: Path) -> tuple[Path, int]:
    """LibreOffice turns the DOCX into a PDF: the PDF and its number of pages."""
    try:  # the document tests' helper: the shipped Sarabun made usable for LibreOffice, a private profile
        from tests import office
    except ImportError:  # until it is merged: LibreOffice with the machine's fonts and a home of its own
        office = None
    if office is not None:
        pdf = office.convert(docx)
        return pdf, office.pdf_pages(pdf)
    home = docx.parent / "office"
    command = ["soffice", f"-env:UserInstallation={(home / 'profile').as_uri()}", "--headless"]
    command += ["--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)]
    subprocess.run(
        command, check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(home)}
    )
    pdf = docx.with_suffix(".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return pdf, int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def column_edges(docx: Path) -> list[float]:
    """The x of each column edge of the report's table in PDF points, from the grid LibreOffice lays out."""
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    table = xml[xml.index("<w:tbl>") :]
    grid = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', table[: table.index("</w:tblGrid>")])]
    page_width = int(re.search(r'<w:pgSz[^>]*w:w="(\d+)"', xml).group(1))
    margin = int(re.search(r'<w:pgMar[^>]*w:left="(\d+)"', xml).group(1))
    centred = '<w:jc w:val="center"/>' in table[: table.index("</w:tblPr>")]
    edges = [(page_width - sum(grid)) / 2 if centred else margin]
    for width in grid:
        edges.append(edges[-1] + width)
    return [twips / 20 for twips in edges]


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*?)</word>')


def column_text(pdf: Path, left: float, right: float, header: str) -> str:
    """The text drawn between two x positions, page after page, line after line, squeezed (see below),
    without the column's header repeated on each page: one cell's text even where a row crosses a page."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True
    )
    text = []
    for page in re.findall(r"<page .*?</page>", html.stdout.decode("utf-8"), flags=re.S):
        words = [(float(x), float(y), squeezed(unescape(w))) for x, y, w in WORD.findall(page)]
        lines: list[tuple[float, list[tuple[float, str]]]] = []
        for x, y, word in sorted((w for w in words if left <= w[0] < right), key=lambda w: (w[1], w[0])):
            if lines and abs(lines[-1][0] - y) < 3:  # a Thai mark sits a little off its letter's line
                lines[-1][1].append((x, word))
            else:
                lines.append((y, [(x, word)]))
        drawn = "".join("".join(w for _x, w in sorted(line)) for _y, line in lines)
        text.append(drawn.replace(squeezed(header), ""))
    return "".join(text)


THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


# Thai vowel signs and tone marks drawn above or below a letter: pdftotext may put them after the next letter.
THAI_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"


def squeezed(text: str) -> str:
    """Text without white space or Thai marks, with Arabic digits, to compare what a PDF or a workbook shows
    (lines broken where the layout likes, Thai numerals if the office chose them) with the seed's words."""
    return re.sub(f"[\\s{THAI_MARKS}]+", "", text.translate(THAI_DIGITS))


@contextlib.contextmanager
def screenshots_on_failure(office: Office) -> Iterator[None]:
    """When a step fails, keep a picture of every person's page (the fixture only takes the first one's)."""
    try:
        yield
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        for number, page in office.pages.items():
            with contextlib.suppress(Exception):
                page.screenshot(path=str(ARTIFACTS / f"first-year-{number}.png"), full_page=True)
        raise


def tools_present() -> bool:
    present = all(shutil.which(tool) for tool in ("soffice", "pdftotext", "pdfinfo"))
    if not present and REQUIRED:
        pytest.fail("ETHICS_HR_REQUIRE_E2E=1 but LibreOffice or poppler-utils is missing")
    return present


# --- the year ----------------------------------------------------------------------------------------------


def test_a_new_municipality_lives_its_first_year_and_gets_its_report(
    browser, page, live_server, app, tmp_path
):
    office = Office(base=live_server, browser=browser, tmp=tmp_path)
    base = live_server
    with screenshots_on_failure(office), time_machine.travel(local("2025-10-01 08:30"), tick=True) as clock:
        # First run: the CLI creates the administrator, who names the office and brings in the staff.
        create_administrator(app)
        log_in(page, base, ADMIN[0])
        name_the_organisation(page, base)
        add_departments(page, base)
        import_people(page, office)
        make_the_personnel_officer(page, office)
        officer = activate(office, OFFICER[0])

        # The officer opens everyone's accounts; the plan is approved.
        open_everyones_accounts(officer, office)
        later(clock, office, "2025-10-02 08:45")  # the slips are handed out; the staff choose passwords
        chair = activate(office, CHAIR[0])
        clerk = activate(office, CLERK[0], phone=True)
        worker = activate(office, WORKER[0], phone=True)
        approve_the_plan(officer, base)

        # Two committees with numbered orders and their scans.
        for name, kind, number in COMMITTEES:
            record_committee(officer, office, name, kind, number)

        # Three codes with Dos & Don'ts, published, then acknowledged by the employees.
        later(clock, office, "2025-10-15 10:00")
        for name, categories, do, dont in CODES:
            publish_code(officer, base, name, categories, do, dont)
        later(clock, office, "2025-10-20 13:00")
        assert acknowledge_every_code(clerk, base) >= 1
        assert acknowledge_every_code(worker, base) >= 1
        assert acknowledge_every_code(chair, base) >= 1

        # The integrity pledge of the year, opened in October and signed by two employees on their phones.
        draft_and_open_the_pledge(officer, base)
        later(clock, office, "2025-10-21 09:00")
        sign_the_pledge(clerk, base)
        sign_the_pledge(worker, base)
        assert stored("SELECT count(*) FROM pledge_signature") == [(2,)]

        # No Gift: the announcement in October; a gift above the limit in January, decided for the head.
        announce_no_gift(officer, base)
        later(clock, office, "2026-01-06 09:30")
        declare_gift(clerk, base)
        later(clock, office, "2026-01-08 14:00")
        decide_gift(officer, base)

        # The training: invitations in February, enrolment, check-in on the day, attendance afterwards.
        later(clock, office, "2026-02-02 10:00")
        session_url = schedule_training(officer, base)
        later(clock, office, "2026-02-16 11:00")
        enrol(clerk, base)
        enrol(worker, base)
        later(clock, office, "2026-03-10 09:05")
        officer.goto(session_url)
        officer.click("[data-testid=checkin-screen]")
        code = officer.inner_text("[data-testid=checkin-code]").strip()
        check_in(clerk, base, code.lower())
        check_in(worker, base, code)
        later(clock, office, "2026-03-10 12:45")
        officer.goto(session_url)
        officer.select_option("#all-status", "present")
        submit(officer, "[data-testid=mark-all]")
        officer.goto(session_url)
        expect(officer.locator("[data-testid=attended]")).not_to_have_text("0")
        confirm(officer, "/complete")

        # A named and an anonymous question, answered by the ethics committee's chair; one goes to the FAQ.
        later(clock, office, "2026-05-11 10:00")
        ask(
            clerk,
            base,
            "การรับของที่ระลึกจากผู้มาติดต่อ",
            "ผู้มาติดต่อให้ของที่ระลึกราคาไม่เกิน 300 บาท รับได้หรือไม่",
            anonymous=False,
        )
        reference, receipt = ask(
            worker, base, "รับกระเช้าจากผู้รับเหมา", "ผู้รับเหมานำกระเช้ามาให้ที่บ้าน รับได้หรือไม่", anonymous=True
        )
        assert reference and receipt
        later(clock, office, "2026-05-12 14:00")
        answer(chair, base, "การรับของที่ระลึกจากผู้มาติดต่อ", "รับได้หากมูลค่าไม่เกิน 3,000 บาทและไม่ได้รับเพราะตำแหน่ง")
        answer(chair, base, "รับกระเช้าจากผู้รับเหมา", "ไม่ควรรับ ให้ปฏิเสธอย่างสุภาพ")
        chair.fill("input[name=title]", "รับกระเช้าจากผู้รับเหมาได้หรือไม่")
        chair.fill("form[action$='/faq'] textarea[name=answer]", "ไม่ควรรับ เพราะผู้รับเหมาเป็นผู้มีส่วนได้เสีย")
        submit(chair, "form[action$='/faq'] button[type=submit]")
        no_errors(chair)
        clerk.goto(f"{base}/questions/faq?q=กระเช้า")
        expect(clerk.locator("main")).to_contain_text("รับกระเช้าจากผู้รับเหมาได้หรือไม่")

        # The year is over: the officer downloads the report, and a script writes it with the CLI.
        later(clock, office, "2026-10-05 09:00")
        # The ITA links of 2569 find the No Gift announcement, beside 2568's items by topic.
        officer.goto(f"{base}/reports/ita/{FY}")
        expect(officer.locator("[data-item='O20.1'] .ita-complete")).to_be_visible()
        expect(officer.locator("[data-item='O15.3'] .ita-complete")).to_be_visible()
        expect(officer.locator("[data-item='O13'] [data-change=renumbered]")).to_contain_text("O14")
        officer.goto(f"{base}/reports/fiscal-year/{FY}")
        downloads = {}
        for kind in ("docx", "xlsx"):
            with officer.expect_download() as info:
                officer.click(f"a[href$='/report.{kind}']")
            downloads[kind] = tmp_path / f"ui-{FY}.{kind}"
            info.value.save_as(downloads[kind])
        # Outside a request the public links (the orders' PDFs) come from ETHICS_HR_BASE_URL, as on a server.
        app.config["BASE_URL"] = base
        runner = app.test_cli_runner()
        for kind in ("docx", "xlsx"):
            out = tmp_path / f"cli-{FY}.{kind}"
            with app.app_context():
                result = runner.invoke(
                    args=["ita-report", "--fy", str(FY), "--format", kind, "--output", str(out)]
                )
            assert result.exit_code == 0, result.output + repr(result.exception)
            downloads[f"cli-{kind}"] = out

    for kind in ("docx", "cli-docx"):
        assert zipfile.is_zipfile(downloads[kind])
    for kind in ("xlsx", "cli-xlsx"):
        cells = " ".join(
            str(v)
            for row in load_workbook(downloads[kind]).active.iter_rows(values_only=True)
            for v in row
            if v
        )
        assert ORG_TH in cells
        for n, result in enumerate(HR_RESULTS, start=1):
            assert squeezed(f"{n}. {result}") in squeezed(cells), f"HR result {n} is not in {kind}: {result}"
        # The anti-corruption row states the gift register's year: one gift above the limit, decided.
        assert squeezed("บันทึกการรับของขวัญหรือประโยชน์อื่นใด 1 รายการ มูลค่ารวม 4,500 บาท") in squeezed(cells)
        assert squeezed("ส่งคืนผู้ให้ 1 รายการ") in squeezed(cells)

    if not tools_present():
        pytest.skip("LibreOffice or poppler-utils is not installed: the PDF of the report was not checked")
    pdf, pages = report_pdf(downloads["docx"])
    try:
        check_report_pdf(pdf, pages, column_edges(downloads["docx"]))
    except AssertionError:
        ARTIFACTS.mkdir(exist_ok=True)
        for path in (downloads["docx"], pdf):
            shutil.copy(path, ARTIFACTS / f"first-year-{path.name}")
        raise


def check_report_pdf(pdf: Path, pages: int, edges: list[float]) -> None:
    """The PDF names the office, the orders and the training, and its results column holds each HR result."""
    everything = squeezed(
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True
        ).stdout.decode()
    )
    assert squeezed(ORG_TH) in everything
    # The ethics committee's order is the body that answers questions; the code-drafting committee is not one.
    assert squeezed("15/2568") in everything
    results = column_text(pdf, edges[4] - 1, edges[5] - 1, "สรุปผลการดำเนินการตามมาตรการ")
    for n, result in enumerate(HR_RESULTS, start=1):
        assert squeezed(f"{n}. {result}") in results, f"HR result {n} is not in the PDF: {result}"
    assert squeezed(COURSE) in results
    # Issue 13 #14: before the table grid matched the cells' widths, LibreOffice laid this out on 20 pages.
    assert pages <= 12, f"the year-end report runs to {pages} pages"
