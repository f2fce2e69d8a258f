"""The codes pages: who may open them, what each form does with bad input, and what they show."""

from __future__ import annotations

import io
import threading
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from ethics_hr.codes import acknowledgments as acks
from ethics_hr.codes.models import Acknowledgment, CodeOfEthics, CodeVersion, DosDont
from ethics_hr.core.settings import get_settings
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from tests import factories

OFFICER_ROUTES = [
    "/codes/manage",
    "/codes/manage/new",
    "/codes/manage/{code}",
    "/codes/manage/{code}/edit",
    "/codes/versions/{draft}/edit",
    "/codes/versions/{draft}/statements/new",
    "/codes/versions/{draft}/publish",
    "/codes/versions/{version}/withdraw",
    "/codes/versions/{version}/compliance",
    "/codes/versions/{version}/compliance.csv",
    "/codes/versions/{version}/compliance.xlsx",
    "/codes/versions/{version}/on-behalf/{person}",
    "/codes/acknowledgments/{ack}/scan",
]
EMPLOYEE_ROUTES = [
    "/codes/",
    "/codes/dos-and-donts",
    "/codes/versions/{version}",
    "/codes/versions/{version}/acknowledge",
    "/codes/versions/{version}/changes",
    "/codes/versions/{version}/announcement",
    "/codes/acknowledgments/{ack}",
]
POST_ROUTES = [
    "/codes/manage/{code}/draft",
    "/codes/versions/{draft}/delete",
    "/codes/versions/{draft}/statements/{statement}/up",
]


def _count(model=Acknowledgment) -> int:
    return db.session.scalar(sa.select(sa.func.count(model.id)))


@pytest.fixture
def world(app):
    """A code with a published version (for local officials) and a draft of a second code."""
    officer = factories.officer(category_code="executive")
    version = factories.published(by=officer)
    other = factories.code("ประมวลจริยธรรมสมาชิกสภาท้องถิ่น")
    draft = factories.draft(other, audience=("council_member",))
    employee = factories.user()
    ack, _ = acks.acknowledge(
        version, factories.user(), agreed=True, password=factories.PASSWORD, address="x", locale="th"
    )
    ids = {
        "code": version.code_id,
        "version": version.id,
        "draft": draft.id,
        "statement": draft.dos_donts[0].id,
        "person": employee.person_id,
        "ack": ack.id,
    }
    return {"officer": officer, "employee": employee, "ids": ids, "version": version, "draft": draft}


def _urls(routes, ids):
    return [route.format(**ids) for route in routes]


def test_anonymous_visitors_are_sent_to_the_login_page(client, world):
    for url in _urls(OFFICER_ROUTES + EMPLOYEE_ROUTES, world["ids"]):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login" in response.headers["Location"], url
    for url in _urls(POST_ROUTES, world["ids"]):
        assert client.post(url).status_code == 302, url


def test_employees_may_not_open_the_officers_pages(client, login_as, world):
    login_as(world["employee"])
    for url in _urls(OFFICER_ROUTES, world["ids"]):
        assert client.get(url).status_code == 403, url
    for url in _urls(POST_ROUTES, world["ids"]):
        assert client.post(url).status_code == 403, url


def test_officers_open_every_page(client, login_as, world):
    login_as(world["officer"])
    skip = {
        "/codes/versions/{version}/announcement",  # no file attached
        "/codes/acknowledgments/{ack}/scan",
        "/codes/versions/{version}/acknowledge",  # not in this code's audience: 404, tested elsewhere
        "/codes/versions/{version}/changes",  # a first version has nothing to compare with
    }
    for route in OFFICER_ROUTES + EMPLOYEE_ROUTES:
        if route in skip:
            continue
        url = route.format(**world["ids"])
        response = client.get(url)
        assert response.status_code in (200, 302), (url, response.status_code)


def test_another_persons_acknowledgment_is_not_found(client, login_as, world):
    login_as(world["employee"])
    assert client.get(f"/codes/acknowledgments/{world['ids']['ack']}").status_code == 404


def test_a_version_that_does_not_apply_is_not_found(client, login_as, world):
    executives = factories.code("ประมวลจริยธรรมผู้บริหารท้องถิ่น")
    executive_version = factories.published(executives, audience=("executive",))
    login_as(world["employee"])
    for url in (
        f"/codes/versions/{executive_version.id}",
        f"/codes/versions/{executive_version.id}/acknowledge",
        f"/codes/versions/{world['ids']['draft']}",
        f"/codes/versions/{world['ids']['draft']}/acknowledge",
    ):
        assert client.get(url).status_code == 404, url
    response = client.post(
        f"/codes/versions/{executive_version.id}/acknowledge",
        data={"agree": "y", "password": factories.PASSWORD},
    )
    assert response.status_code == 404
    assert _count() == 1


def test_the_home_page_lists_what_to_acknowledge_with_an_overdue_badge(client, login_as, app):
    employee = factories.user()
    factories.published(due=local_today())
    db.session.execute(sa.update(CodeVersion).values(due_date=local_today() - timedelta(days=1)))
    db.session.commit()
    login_as(employee)
    html = client.get("/home").get_data(as_text=True)
    assert 'data-testid="codes-to-acknowledge"' in html
    assert "ประมวลจริยธรรม ฉบับทดสอบ" in html
    assert "badge text-bg-danger" in html


def test_acknowledging_with_a_wrong_password_shows_the_form_again_and_writes_nothing(client, login_as, world):
    login_as(world["employee"])
    url = f"/codes/versions/{world['ids']['version']}/acknowledge"
    response = client.post(url, data={"agree": "y", "password": "wrong password"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'data-field="password"' in html
    assert "checked" in html  # the tick is kept
    assert _count() == 1


def test_acknowledging_without_the_tick_shows_the_message_next_to_it(client, login_as, world):
    login_as(world["employee"])
    url = f"/codes/versions/{world['ids']['version']}/acknowledge"
    response = client.post(url, data={"password": factories.PASSWORD})
    assert response.status_code == 200
    assert "invalid-feedback" in response.get_data(as_text=True)
    assert _count() == 1


def test_acknowledging_records_and_shows_the_receipt(client, login_as, world):
    login_as(world["employee"])
    url = f"/codes/versions/{world['ids']['version']}/acknowledge"
    response = client.post(url, data={"agree": "y", "password": factories.PASSWORD}, follow_redirects=True)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert world["version"].content_sha256 in html
    assert _count() == 2
    again = client.post(url, data={"agree": "y", "password": factories.PASSWORD})
    assert again.status_code == 302  # already acknowledged: sent to the receipt, nothing written
    assert _count() == 2


@pytest.mark.own_connections
def test_two_identical_submissions_at_once_give_one_row_and_no_error_page(app, world):
    employee = world["employee"]
    url = f"/codes/versions/{world['ids']['version']}/acknowledge"
    db.session.commit()
    clients = [app.test_client() for _ in range(2)]
    for c in clients:
        with c.session_transaction() as session:
            session["_user_id"] = employee.get_id()
    barrier = threading.Barrier(2)
    statuses = []

    def submit(c):
        barrier.wait(timeout=10)
        statuses.append(c.post(url, data={"agree": "y", "password": factories.PASSWORD}).status_code)

    threads = [threading.Thread(target=submit, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(statuses) == [302, 302]
    rows = db.session.scalars(sa.select(Acknowledgment).where(Acknowledgment.person_id == employee.person_id))
    assert len(list(rows)) == 1


def test_the_employee_sees_what_changed_since_the_version_they_acknowledged(client, login_as, app):
    employee = factories.user()
    first = factories.published(statements=(("dont", "ไม่รับของขวัญจากผู้รับเหมา"),))
    acks.acknowledge(first, employee, agreed=True, password=factories.PASSWORD, address="x", locale="th")
    second = factories.published(
        first.code,
        body=factories.BODY.replace("ของขวัญ", "ของขวัญเกิน 3,000 บาท"),
        statements=(("dont", "ไม่รับของขวัญจากผู้รับเหมาทุกกรณี"), ("do", "รายงานการรับของขวัญภายใน 30 วัน")),
    )
    login_as(employee)
    page = client.get(f"/codes/versions/{second.id}/acknowledge").get_data(as_text=True)
    assert f"/codes/versions/{second.id}/changes?since={first.id}" in page
    diff = client.get(f"/codes/versions/{second.id}/changes?since={first.id}").get_data(as_text=True)
    assert "<ins>เกิน 3,000 บาท</ins>" in diff
    assert "รายงานการรับของขวัญภายใน 30 วัน" in diff
    assert client.get(f"/codes/versions/{first.id}/changes?since={second.id}").status_code == 404


def test_code_text_and_statements_are_escaped(client, login_as, app):
    employee = factories.user()
    version = factories.published(
        body="# ข้อ 1\n\n<script>alert('x')</script>", statements=(("do", "<b>ตัวหนา</b>"),)
    )
    login_as(employee)
    html = client.get(f"/codes/versions/{version.id}").get_data(as_text=True)
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "<b>ตัวหนา</b>" not in html


# ---------------------------------------------------------------- officer's forms


def test_the_code_form_needs_a_name(client, login_as, world):
    login_as(world["officer"])
    response = client.post("/codes/manage/new", data={"name_th": " ", "name_en": "Kept text"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'data-field="name_th"' in html
    assert "Kept text" in html
    assert _count(CodeOfEthics) == 2


def test_the_draft_form_refuses_a_bad_date_and_a_file_that_is_not_a_pdf(client, login_as, world):
    login_as(world["officer"])
    url = f"/codes/versions/{world['ids']['draft']}/edit"
    council = factories.categories("council_member")[0]
    base = {
        "title": "ชื่อใหม่ที่พิมพ์ไว้",
        "effective_date": "2026-02-30",
        "body_md": "ข้อ 1",
        "category_ids": council,
    }
    response = client.post(url, data=base)
    html = response.get_data(as_text=True)
    assert 'data-field="effective_date"' in html
    assert "ชื่อใหม่ที่พิมพ์ไว้" in html
    fake = {"announcement": (io.BytesIO(b"MZ not a pdf"), "announcement.pdf")}
    response = client.post(
        url, data=base | {"effective_date": "2026-11-01"} | fake, content_type="multipart/form-data"
    )
    assert 'data-field="announcement"' in response.get_data(as_text=True)
    db.session.expire_all()
    draft = db.session.get(CodeVersion, world["ids"]["draft"])
    assert draft.title != "ชื่อใหม่ที่พิมพ์ไว้"
    assert draft.announcement_id is None


def test_the_draft_form_saves_text_audience_and_the_announcement(client, login_as, world):
    login_as(world["officer"])
    url = f"/codes/versions/{world['ids']['draft']}/edit"
    data = {
        "title": "ประมวลจริยธรรมสมาชิกสภา พ.ศ. 2569",
        "effective_date": "2026-11-01",
        "body_md": "# หมวด 1\r\n\r\nข้อ 1",
        "category_ids": factories.categories("council_member"),
        "announcement": (io.BytesIO(b"%PDF-1.7 announcement"), "prakat.pdf"),
    }
    response = client.post(url, data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    db.session.expire_all()
    draft = db.session.get(CodeVersion, world["ids"]["draft"])
    assert draft.title == "ประมวลจริยธรรมสมาชิกสภา พ.ศ. 2569"
    assert draft.body_md == "# หมวด 1\n\nข้อ 1"
    assert draft.announcement.original_name == "prakat.pdf"
    assert client.get(f"/codes/versions/{draft.id}/announcement").status_code == 200


def test_the_statement_form_needs_a_kind_and_a_text(client, login_as, world):
    login_as(world["officer"])
    before = _count(DosDont)
    url = f"/codes/versions/{world['ids']['draft']}/statements/new"
    response = client.post(url, data={"text_th": "", "example_th": "ตัวอย่างที่พิมพ์ไว้"})
    html = response.get_data(as_text=True)
    assert 'data-field="kind"' in html
    assert 'data-field="text_th"' in html
    assert "ตัวอย่างที่พิมพ์ไว้" in html
    assert _count(DosDont) == before
    response = client.post(url, data={"kind": "do", "text_th": "แจ้งส่วนได้เสียก่อนลงมติ"})
    assert response.status_code == 302
    assert _count(DosDont) == before + 1


def test_publishing_refuses_a_past_due_date_and_an_empty_text(client, login_as, world):
    login_as(world["officer"])
    url = f"/codes/versions/{world['ids']['draft']}/publish"
    response = client.post(url, data={"change_kind": "major", "due_date": "2020-01-01"})
    assert 'data-field="due_date"' in response.get_data(as_text=True)
    draft = world["draft"]
    draft.body_md = ""
    db.session.commit()
    response = client.post(url, data={"change_kind": "major", "due_date": "2999-01-01"})
    assert "alert-danger" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(CodeVersion, world["ids"]["draft"]).status == "draft"


def test_publishing_from_the_form_freezes_the_version(client, login_as, world):
    login_as(world["officer"])
    url = f"/codes/versions/{world['ids']['draft']}/publish"
    response = client.get(url)
    default_due = (local_today() + timedelta(days=30)).isoformat()
    assert default_due in response.get_data(as_text=True)
    response = client.post(url, data={"change_kind": "major", "due_date": default_due})
    assert response.status_code == 302
    assert f"/codes/versions/{world['ids']['draft']}/compliance" in response.headers["Location"]
    db.session.expire_all()
    version = db.session.get(CodeVersion, world["ids"]["draft"])
    assert version.status == "published"
    assert client.get(f"/codes/versions/{version.id}/edit").status_code == 302  # no longer editable


def test_withdrawing_needs_a_reason(client, login_as, world):
    login_as(world["officer"])
    url = f"/codes/versions/{world['ids']['version']}/withdraw"
    assert 'data-field="reason"' in client.post(url, data={"reason": ""}).get_data(as_text=True)
    assert client.post(url, data={"reason": "ประกาศผิดฉบับ"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(CodeVersion, world["ids"]["version"]).status == "withdrawn"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"signed_on": "2026-11-01", "note": ""}, "note"),
        ({"signed_on": "2999-01-01", "note": "ประชุมประจำเดือน"}, "signed_on"),
        (
            {"signed_on": "2026-11-01", "note": "ประชุมประจำเดือน", "scan": (io.BytesIO(b"GIF89a"), "a.png")},
            "scan",
        ),
        ({"signed_on": "2026-11-01", "note": "ประชุม", "scan": (io.BytesIO(b"text"), "a.txt")}, "scan"),
    ],
)
def test_the_on_behalf_form_refuses_bad_input(client, login_as, world, data, field):
    login_as(world["officer"])
    url = f"/codes/versions/{world['ids']['version']}/on-behalf/{world['ids']['person']}"
    response = client.post(url, data=data, content_type="multipart/form-data")
    html = response.get_data(as_text=True)
    assert f'data-field="{field}"' in html
    if data["note"]:
        assert data["note"] in html
    assert _count() == 1


def test_the_on_behalf_form_records_the_scan_which_only_officers_can_open(client, login_as, world):
    login_as(world["officer"])
    url = f"/codes/versions/{world['ids']['version']}/on-behalf/{world['ids']['person']}"
    data = {
        "signed_on": local_today().isoformat(),
        "note": "ลงนามในการประชุมประจำเดือน",
        "scan": (io.BytesIO(b"\xff\xd8\xff\xe0 jpeg"), "form.jpg"),
    }
    assert client.post(url, data=data, content_type="multipart/form-data").status_code == 302
    row = db.session.scalar(
        sa.select(Acknowledgment).where(Acknowledgment.person_id == world["ids"]["person"])
    )
    assert row.method == "on_behalf"
    assert client.get(f"/codes/acknowledgments/{row.id}/scan").status_code == 200
    login_as(world["employee"])
    assert client.get(f"/codes/acknowledgments/{row.id}").status_code == 200  # their own record
    assert client.get(f"/codes/acknowledgments/{row.id}/scan").status_code == 403


def test_the_compliance_page_shows_the_share_and_exports(client, login_as, world):
    login_as(world["officer"])
    url = f"/codes/versions/{world['ids']['version']}/compliance"
    html = client.get(url).get_data(as_text=True)
    assert 'data-testid="overall-share"' in html
    assert world["employee"].person.employee_number in html
    csv_response = client.get(url + ".csv?status=all")
    assert csv_response.mimetype == "text/csv"
    assert world["employee"].person.employee_number in csv_response.get_data(as_text=True)
    xlsx = client.get(url + ".xlsx")
    assert xlsx.data[:2] == b"PK"


def test_the_person_page_shows_their_acknowledgments(client, login_as, world):
    login_as(world["officer"])
    ack = db.session.get(Acknowledgment, world["ids"]["ack"])
    html = client.get(f"/people/{ack.person_id}").get_data(as_text=True)
    assert 'id="codes-acknowledgments"' in html
    assert f"/codes/acknowledgments/{ack.id}" in html
    html = client.get(f"/people/{world['ids']['person']}").get_data(as_text=True)
    assert f"/codes/versions/{world['ids']['version']}/on-behalf/{world['ids']['person']}" in html


def test_the_administrator_can_turn_the_password_step_off(client, login_as, app):
    login_as(factories.admin())
    data = {
        "name_th": "เทศบาลตำบลบ้านสวน",  # a new installation has no name yet, and the form asks for one
        "name_en": "",
        "fiscal_year_start_month": "10",
        "timezone": "Asia/Bangkok",
        "default_locale": "th",
        "ethics_hours_required": "6",
        "gift_report_threshold": "3000",
        "gift_report_days": "30",
        "conflict_declaration_days": "60",
    }
    assert client.post("/admin/settings", data=data).status_code == 302
    db.session.expire_all()
    assert get_settings().acknowledgment_requires_password is False


def test_everyone_finds_the_codes_in_the_menu(client, login_as, world):
    login_as(world["employee"])
    assert 'href="/codes/"' in client.get("/home").get_data(as_text=True)
    login_as(world["officer"])
    assert 'href="/codes/manage"' in client.get("/home").get_data(as_text=True)


# ---------------------------------------------------------------- scale


def _grow(version, n: int, officer) -> None:
    departments = [factories.department() for _ in range(3)]
    for i in range(n):
        person = factories.person(dept=departments[i % 3], start_date=date(2015, 1, 1))
        if i % 2:
            acks.record_on_behalf(version, person, by=officer, note="กระดาษ", signed_on=local_today())


def test_compliance_and_home_pages_issue_the_same_statements_at_any_size(
    client, login_as, app, count_statements
):
    officer = factories.officer(category_code="executive")
    version = factories.published(by=officer)
    factories.published(factories.code("ประมวลจริยธรรมอื่น"), title="ฉบับที่สอง", by=officer)
    employee = factories.user()
    login_as(officer)
    _grow(version, 6, officer)
    url = f"/codes/versions/{version.id}/compliance?status=all"
    small = count_statements.page(client, url)
    login_as(employee)
    home_small = count_statements.page(client, "/home")
    _grow(version, 40, officer)
    login_as(officer)
    assert count_statements.page(client, url) == small
    login_as(employee)
    assert count_statements.page(client, "/home") == home_small


# ---------------------------------------------------------------- random input


@given(text=st.text(max_size=300), clause=st.text(max_size=80))
def test_random_text_in_the_statement_form_never_breaks_the_page(client, login_as, world, text, clause):
    login_as(world["officer"])
    url = f"/codes/versions/{world['ids']['draft']}/statements/new"
    injected = "<script>alert(1)</script>" + text
    data = {"kind": "dont", "text_th": injected, "clause": clause + "<b>x</b>"}
    response = client.post(url, data=data, follow_redirects=True)
    assert response.status_code < 500
    html = response.get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "<b>x</b>" not in html


@given(password=st.text(max_size=300), agree=st.sampled_from(["", "y", "no"]))
def test_random_input_to_the_acknowledgment_form_never_breaks_the_page(
    client, login_as, world, password, agree
):
    login_as(world["employee"])
    url = f"/codes/versions/{world['ids']['version']}/acknowledge"
    response = client.post(url, data={"agree": agree, "password": password})
    assert response.status_code in (200, 302, 429)


def test_every_codes_route_declares_who_may_use_it(app):
    from ethics_hr.core.access import access_rule_of

    endpoints = [rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint.startswith("codes.")]
    assert len(endpoints) > 20
    missing = [e for e in endpoints if access_rule_of(app.view_functions[e]) is None]
    assert missing == []


def test_malformed_numbers_in_the_query_are_404(client, login_as, world):
    login_as(world["officer"])
    version = world["ids"]["version"]
    assert client.get(f"/codes/versions/{version}/changes?since=abc").status_code == 404
    assert client.get(f"/codes/versions/{version}/compliance?category=x1").status_code == 404
    assert client.get(f"/codes/versions/{version}/compliance?department=-3").status_code == 404
    assert client.get(f"/codes/versions/{version}/compliance?page=0").status_code == 404
    assert client.get(f"/codes/versions/{version}/compliance?department=none").status_code == 200


def test_the_compliance_export_hands_a_spreadsheet_no_formula(client, login_as, world):
    person = world["employee"].person
    person.prefix = ""
    person.first_name_th = "=HYPERLINK(1)"
    db.session.commit()
    login_as(world["officer"])
    body = client.get(f"/codes/versions/{world['ids']['version']}/compliance.csv?status=all").get_data(
        as_text=True
    )
    assert "'=HYPERLINK(1)" in body


def test_the_on_behalf_page_in_thai_keeps_a_space_after_the_codes_title(client, login_as, world):
    world["officer"].preferred_locale = "th"
    db.session.commit()
    login_as(world["officer"])
    url = f"/codes/versions/{world['ids']['version']}/on-behalf/{world['ids']['person']}"
    html = client.get(url).get_data(as_text=True)
    # A title often ends in its year ("... พ.ศ. 2569"): the sentence must not run into it.
    assert f"{world['version'].title} ในแบบฟอร์มกระดาษ" in html


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_compliance_export_streams_everyone_a_few_at_a_time(client, login_as, world, monkeypatch, fmt):
    from openpyxl import load_workbook

    from ethics_hr.codes import compliance

    monkeypatch.setattr(compliance, "EXPORT_CHUNK", 2)  # six people in the audience: three pieces
    more = [factories.user() for _ in range(4)]
    acks.acknowledge(
        world["version"], more[0], agreed=True, password=factories.PASSWORD, address="x", locale="th"
    )
    world["officer"].preferred_locale = "en"
    db.session.commit()
    login_as(world["officer"])
    response = client.get(f"/codes/versions/{world['ids']['version']}/compliance.{fmt}?status=all")
    assert response.status_code == 200
    if fmt == "csv":
        rows = [line.split(",") for line in response.get_data(as_text=True).lstrip("\ufeff").splitlines()]
    else:
        sheet = load_workbook(io.BytesIO(response.data)).active
        rows = [[str(v) if v is not None else "" for v in row] for row in sheet.iter_rows(values_only=True)]
    status = {row[0]: row[4] for row in rows[1:]}
    everyone = [world["employee"], *more]  # and the one who acknowledged in `world`; not the executive
    assert len(rows) - 1 == len(status) == 6
    assert {u.person.employee_number for u in everyone} <= set(status)
    assert status[more[0].person.employee_number] == "acknowledged"
    assert [status[u.person.employee_number] for u in more[1:]] == ["pending"] * 3
