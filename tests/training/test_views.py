"""The training screens: access, forms and their bad inputs, pages, exports, the feed, statement counts."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.training import attendance, calendar
from ethics_hr.training.models import (
    Attendance,
    Course,
    Registration,
    RegistrationState,
    SessionStatus,
    TrainingSession,
)
from tests import factories


def _text(response) -> str:
    return response.get_data(as_text=True)


# ---------------------------------------------------------------- access

OFFICER_GETS = [
    "/training/sessions",
    "/training/sessions/new",
    "/training/courses",
    "/training/courses/new",
    "/training/reference",
    "/training/reports/hours",
    "/training/reports/hours.csv",
    "/training/attendance-template.csv",
]


@pytest.mark.parametrize("url", [*OFFICER_GETS, "/training/my", "/training/checkin", "/training/calendar"])
def test_anonymous_visitors_are_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("url", OFFICER_GETS)
def test_employees_cannot_use_the_officer_screens(client, login_as, url):
    login_as(factories.user())
    assert client.get(url).status_code == 403


def test_employees_cannot_use_officer_screens_of_a_session(client, login_as):
    s = factories.session()
    login_as(factories.user())
    for url in (
        f"/training/sessions/{s.id}",
        f"/training/sessions/{s.id}/edit",
        f"/training/sessions/{s.id}/invite",
        f"/training/sessions/{s.id}/sign-in-sheet",
        f"/training/sessions/{s.id}/checkin-screen",
        f"/training/people/{factories.person().id}/record",
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(f"/training/sessions/{s.id}/cancel", data={"reason": "x"}).status_code == 403
    assert client.post(f"/training/sessions/{s.id}/attendance", data={}).status_code == 403


def test_a_session_one_is_not_invited_to_is_not_found(client, login_as):
    s = factories.session()
    login_as(factories.user())
    assert client.get(f"/training/my/sessions/{s.id}").status_code == 404
    assert client.get(f"/training/sessions/{s.id}.ics").status_code == 404
    assert client.post(f"/training/my/sessions/{s.id}/enrol").status_code == 404
    assert db.session.get(TrainingSession, s.id).seats_taken == 0


def test_a_wrong_feed_token_is_not_found(client):
    assert client.get("/training/calendar/not-a-token.ics").status_code == 404


# ---------------------------------------------------------------- officer pages


def test_the_officer_schedules_a_session_and_is_sent_to_invite_people(client, login_as):
    course = factories.course()
    login_as(factories.officer())
    response = client.post(
        "/training/sessions/new",
        data={
            "course_id": course.id,
            "day": "2026-12-10",
            "start_time": "09:00",
            "end_time": "12:00",
            "capacity": "45",
            "place": "ห้องประชุม",
            "status": "open",
            "repeat_count": "1",
            "repeat_every_days": "7",
        },
    )
    assert response.status_code == 302 and "/invite" in response.headers["Location"]
    s = db.session.scalar(sa.select(TrainingSession))
    # 45, not the column's default of 30: the typed capacity is kept.
    assert s.capacity == 45 and s.status == "open"


def test_a_session_ending_before_it_starts_is_shown_next_to_the_field_and_nothing_is_written(
    client, login_as
):
    course = factories.course()
    login_as(factories.officer())
    response = client.post(
        "/training/sessions/new",
        data={
            "course_id": course.id,
            "day": "2026-12-10",
            "start_time": "13:00",
            "end_time": "09:00",
            "capacity": "30",
            "place": "ห้องที่พิมพ์ไว้",
            "status": "open",
        },
    )
    page = _text(response)
    assert response.status_code == 200
    assert 'data-field="end_time"' in page and "ห้องที่พิมพ์ไว้" in page
    assert db.session.scalar(sa.select(sa.func.count(TrainingSession.id))) == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("capacity", "0"),
        ("capacity", "many"),
        ("day", "31/31/2026"),
        ("online_url", "not a url"),
        ("hours", "-1"),
    ],
)
def test_bad_session_fields_are_refused_next_to_the_field(client, login_as, field, value):
    course = factories.course()
    login_as(factories.officer())
    data = {
        "course_id": course.id,
        "day": "2026-12-10",
        "start_time": "09:00",
        "end_time": "12:00",
        "capacity": "30",
        "status": "open",
    } | {field: value}
    page = _text(client.post("/training/sessions/new", data=data))
    assert f'data-field="{field}"' in page
    assert db.session.scalar(sa.select(sa.func.count(TrainingSession.id))) == 0


def test_lowering_capacity_below_the_enrolled_is_refused_in_the_form(client, login_as):
    s = factories.session(capacity=3)
    for _ in range(2):
        factories.register(s, factories.person(), RegistrationState.ENROLLED)
    login_as(factories.officer())
    page = _text(
        client.post(
            f"/training/sessions/{s.id}/edit",
            data={
                "course_id": s.course_id,
                "day": "2026-12-20",
                "start_time": "09:00",
                "end_time": "12:00",
                "capacity": "1",
                "status": "open",
            },
        )
    )
    assert 'data-field="capacity"' in page
    assert db.session.get(TrainingSession, s.id).capacity == 3


def test_a_duplicate_course_code_is_refused_and_the_input_kept(client, login_as):
    factories.course(code="ETH101")
    topic = factories.topic()
    login_as(factories.officer())
    page = _text(
        client.post(
            "/training/courses/new",
            data={
                "code": "eth101",
                "title_th": "ชื่อที่พิมพ์ไว้",
                "topic_id": topic.id,
                "default_hours": "3",
            },
        )
    )
    assert 'data-field="code"' in page and "ชื่อที่พิมพ์ไว้" in page
    assert db.session.scalar(sa.select(sa.func.count(Course.id))) == 1


def test_an_empty_invitation_is_refused(client, login_as):
    s = factories.session()
    login_as(factories.officer())
    page = _text(client.post(f"/training/sessions/{s.id}/invite", data={"employee_numbers": ""}))
    assert "at least one" in page
    assert db.session.scalar(sa.select(sa.func.count(Registration.id))) == 0


def test_the_officer_invites_a_department(client, login_as):
    s = factories.session()
    dept = factories.department()
    people = [factories.person(dept=dept) for _ in range(2)]
    login_as(factories.officer())
    response = client.post(f"/training/sessions/{s.id}/invite", data={"department_ids": [str(dept.id)]})
    assert response.status_code == 302
    invited = set(db.session.scalars(sa.select(Registration.person_id)))
    assert invited == {p.id for p in people}


def test_the_roster_page_marks_attendance_and_shows_history(client, login_as):
    s = factories.session(starts_at=utc_now() - timedelta(minutes=10))
    people = [factories.person() for _ in range(2)]
    for p in people:
        factories.register(s, p, RegistrationState.ENROLLED)
    login_as(factories.officer())
    page = _text(client.get(f"/training/sessions/{s.id}"))
    assert people[0].employee_number in page
    response = client.post(
        f"/training/sessions/{s.id}/attendance",
        data={f"status-{people[0].id}": "present", f"status-{people[1].id}": ""},
    )
    assert response.status_code == 302
    assert [r.person_id for r in db.session.scalars(sa.select(Attendance))] == [people[0].id]
    history = client.get(f"/training/sessions/{s.id}/attendance/{people[0].id}")
    assert history.status_code == 200
    assert client.get(f"/training/sessions/{s.id}/attendance/{people[1].id}").status_code == 404


def test_the_sign_in_sheet_is_thai_a4_with_names_positions_and_signatures(client, login_as):
    s = factories.session()
    p = factories.person(first_name_th="สมใจ", position="นักวิชาการเงินและบัญชี")
    factories.register(s, p, RegistrationState.ENROLLED)
    officer = factories.officer(locale="en")
    login_as(officer)
    page = _text(client.get(f"/training/sessions/{s.id}/sign-in-sheet"))
    assert 'lang="th"' in page and "training-print.css" in page
    assert "สมใจ" in page and "นักวิชาการเงินและบัญชี" in page
    assert "ลายมือชื่อ" in page


def test_the_check_in_screen_shows_the_code_and_an_inline_qr_code(client, login_as):
    s = factories.session()
    login_as(factories.officer())
    page = _text(client.get(f"/training/sessions/{s.id}/checkin-screen"))
    assert s.checkin_code in page and "<svg" in page


def test_attendance_import_checks_then_writes_on_confirmation(client, login_as):
    from io import BytesIO

    s = factories.session(starts_at=utc_now() - timedelta(minutes=10))
    p = factories.person()
    factories.register(s, p, RegistrationState.ENROLLED)
    login_as(factories.officer())
    data = f"employee_number,status\n{p.employee_number},present\n".encode()
    page = _text(
        client.post(
            f"/training/sessions/{s.id}/attendance/import",
            data={"file": (BytesIO(data), "a.csv")},
            content_type="multipart/form-data",
        )
    )
    assert "import-confirm" in page
    assert db.session.scalar(sa.select(sa.func.count(Attendance.id))) == 0
    assert client.post(f"/training/sessions/{s.id}/attendance/import/confirm").status_code == 302
    assert db.session.scalar(sa.select(sa.func.count(Attendance.id))) == 1


def test_the_hours_exports_hand_a_spreadsheet_no_formula(client, login_as):
    import csv as csv_module
    import io

    from openpyxl import load_workbook

    officer = factories.officer()
    p = factories.person(
        prefix="",
        **dict.fromkeys(("first_name_th", "first_name_en"), '=HYPERLINK("http://evil.example/?x","click")'),
        **dict.fromkeys(("last_name_th", "last_name_en"), "@SUM(A1)"),
    )
    s = factories.session(starts_at=datetime(2026, 10, 5, 2, tzinfo=UTC), status=SessionStatus.COMPLETED)
    factories.register(s, p, RegistrationState.ENROLLED)
    attendance.record_marks(s, {p.id: "present"}, by_user_id=officer.id)
    login_as(officer)
    body = client.get("/training/reports/hours.csv?fy=2570").get_data().decode("utf-8-sig")
    cells = [c for row in csv_module.reader(io.StringIO(body)) for c in row]
    assert not [
        c
        for c in cells
        if c[:1] in ("=", "+", "@") or (c[:1] == "-" and not c[1:].replace(".", "").isdigit())
    ]
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    sheet = load_workbook(io.BytesIO(client.get("/training/reports/hours.xlsx?fy=2570").data)).active
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_the_hours_report_and_its_exports(client, login_as):
    officer = factories.officer()
    p = factories.person(first_name_th="ประภา")
    s = factories.session(starts_at=datetime(2026, 10, 5, 2, tzinfo=UTC), status=SessionStatus.COMPLETED)
    factories.register(s, p, RegistrationState.ENROLLED)
    attendance.record_marks(s, {p.id: "present"}, by_user_id=officer.id)
    login_as(officer)
    page = _text(client.get("/training/reports/hours?fy=2570"))
    assert p.employee_number in page
    csv = client.get("/training/reports/hours.csv?fy=2570")
    assert csv.mimetype == "text/csv" and p.employee_number in csv.get_data().decode("utf-8-sig")
    xlsx = client.get("/training/reports/hours.xlsx?fy=2570")
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"
    assert client.get("/training/reports/hours.pdf").status_code == 404
    record = _text(client.get(f"/training/people/{p.id}/record?fy=2570"))
    assert s.course.title_en in record


def test_the_settings_form_keeps_the_yearly_ethics_hours(client, login_as):
    from ethics_hr.core.settings import OrganisationSettings

    login_as(factories.admin())
    data = {
        "name_th": "เทศบาล",
        "name_en": "Town",
        "fiscal_year_start_month": "10",
        "timezone": "Asia/Bangkok",
        "default_locale": "th",
        "ethics_hours_required": "12",
        "gift_report_threshold": "3000",
        "gift_report_days": "30",
        "conflict_declaration_days": "60",
    }
    assert client.post("/admin/settings", data=data).status_code == 302
    assert db.session.get(OrganisationSettings, 1).ethics_hours_required == 12
    page = _text(client.post("/admin/settings", data=data | {"ethics_hours_required": "-3"}))
    assert 'data-field="ethics_hours_required"' in page


# ---------------------------------------------------------------- employee pages


def test_the_home_page_offers_enrolment_and_the_employee_enrols(client, login_as):
    s = factories.session(capacity=1)
    user = factories.user()
    factories.register(s, user.person)
    login_as(user)
    home = _text(client.get("/home"))
    assert s.course.title_en in home and "home-enrol" in home
    response = client.post(f"/training/my/sessions/{s.id}/enrol", data={"next": "home"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/home")
    assert db.session.get(TrainingSession, s.id).seats_taken == 1


def test_a_full_session_offers_the_waiting_list(client, login_as):
    s = factories.session(capacity=1)
    factories.register(s, factories.person(), RegistrationState.ENROLLED)
    user = factories.user()
    factories.register(s, user.person)
    login_as(user)
    page = _text(client.get(f"/training/my/sessions/{s.id}"))
    assert "/waitlist" in page and "/enrol" not in page


def test_the_employee_checks_in_with_the_code_and_a_wrong_code_says_so(client, login_as):
    s = factories.session(starts_at=utc_now() - timedelta(minutes=5))
    user = factories.user()
    factories.register(s, user.person, RegistrationState.ENROLLED)
    login_as(user)
    page = _text(client.post("/training/checkin", data={"code": "WRONG2"}))
    assert 'data-field="code"' in page and "WRONG2" in page
    response = client.post("/training/checkin", data={"code": s.checkin_code})
    assert response.status_code == 302
    assert db.session.scalar(sa.select(Attendance.method)) == "self"
    qr_page = _text(client.get(f"/training/checkin/{s.checkin_code.lower()}"))
    assert f'value="{s.checkin_code}"' in qr_page


def test_an_invited_employee_scanning_the_qr_code_enrols_and_checks_in(client, login_as):
    s = factories.session(starts_at=utc_now() - timedelta(minutes=5))
    user = factories.user()
    factories.register(s, user.person)  # invited only
    login_as(user)
    page = _text(client.post("/training/checkin", data={"code": s.checkin_code}))
    assert 'data-field="code"' in page and 'data-testid="checkin-enrol"' in page
    assert f'value="{s.checkin_code}"' in page  # the code is kept for the second press
    assert db.session.scalar(sa.select(sa.func.count(Attendance.id))) == 0
    response = client.post("/training/checkin", data={"code": s.checkin_code, "enrol": "1"})
    assert response.status_code == 302
    assert db.session.scalar(sa.select(Attendance.method)) == "self"


def test_my_training_record_shows_hours(client, login_as):
    user = factories.user()
    s = factories.session(starts_at=utc_now() - timedelta(days=3), status=SessionStatus.COMPLETED)
    factories.register(s, user.person, RegistrationState.ENROLLED)
    attendance.record_marks(s, {user.person_id: "present"}, by_user_id=factories.officer().id)
    login_as(user)
    page = _text(client.get("/training/my"))
    assert s.course.title_en in page and 'data-testid="ethics-hours">3<' in page


def test_the_calendar_feed_is_issued_once_and_served_publicly(client, login_as):
    user = factories.user()
    s = factories.session()
    factories.register(s, user.person, RegistrationState.ENROLLED)
    login_as(user)
    client.post("/training/calendar/issue")
    page = _text(client.get("/training/calendar"))
    url = page.split('data-testid="feed-url"')[0].rsplit('value="', 1)[1].split('"', 1)[0]
    assert "/training/calendar/" in url
    assert "feed-url" not in _text(client.get("/training/calendar"))  # shown only once
    client.post("/logout")
    feed = client.get(url.split("5000", 1)[1])
    assert feed.status_code == 200 and feed.mimetype == "text/calendar"
    assert f"training-session-{s.id}@" in feed.get_data(as_text=True)
    calendar.revoke_feed(user.person)
    assert client.get(url.split("5000", 1)[1]).status_code == 404


# ---------------------------------------------------------------- statement counts


def _grow(s, officer, n):
    dept = factories.department()
    for _ in range(n):
        p = factories.person(dept=dept)
        factories.register(s, p, RegistrationState.ENROLLED)
        attendance.record_marks(s, {p.id: "present"}, by_user_id=officer.id)


def test_pages_issue_the_same_number_of_statements_with_more_people(client, login_as, count_statements):
    officer = factories.officer()
    s = factories.session(
        starts_at=utc_now() - timedelta(days=1), status=SessionStatus.COMPLETED, capacity=100
    )
    login_as(officer)
    urls = [
        f"/training/sessions/{s.id}",
        "/training/reports/hours",
        f"/training/people/{officer.person_id}/record",
        "/training/sessions",
        "/home",
        "/training/my",
    ]
    counts = {}
    for size in (3, 30):
        _grow(s, officer, size if size == 3 else size - 3)
        for url in urls:
            with count_statements() as statements:
                assert client.get(url).status_code == 200
            counts.setdefault(url, []).append(len(statements))
    for url, (small, large) in counts.items():
        assert small == large, (url, small, large)


@pytest.mark.parametrize("locale", ["th", "en"])
def test_the_demo_training_pages_work_in_both_languages(client, login_as, locale):
    from ethics_hr.demo.loader import load_demo
    from ethics_hr.people.models import Person, User

    assert load_demo()
    officer = db.session.scalar(sa.select(User).join(Person).where(Person.email == "somsri@bansuan.go.th"))
    teacher = db.session.scalar(
        sa.select(User).join(Person).where(Person.email == "kanokwan.p@bansuan.go.th")
    )
    for user in (officer, teacher):
        user.preferred_locale = locale
    db.session.commit()
    held = db.session.scalar(
        sa.select(TrainingSession).where(TrainingSession.status == SessionStatus.COMPLETED).limit(1)
    )
    login_as(officer)
    for url in (
        "/training/sessions?fy=2569",
        f"/training/sessions/{held.id}",
        f"/training/sessions/{held.id}?state=invited",
        f"/training/sessions/{held.id}/invite",
        f"/training/sessions/{held.id}/edit",
        f"/training/sessions/{held.id}/checkin-screen",
        f"/training/sessions/{held.id}/sign-in-sheet",
        "/training/courses",
        "/training/reference",
        "/training/reports/hours?fy=2569",
        f"/training/people/{teacher.person_id}/record?fy=2569",
        "/training/my",
        "/home",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    report = _text(client.get("/training/reports/hours?fy=2569"))
    assert ("ครบตามเกณฑ์" if locale == "th" else "Met") in report
    login_as(teacher)
    record = _text(client.get("/training/my?fy=2569"))
    assert 'data-testid="ethics-hours">0<' not in record  # the demo teacher attended ethics training
    assert client.get("/home").status_code == 200


def test_a_whole_room_checks_in_from_one_address_without_being_throttled(app, login_as):
    s = factories.session(starts_at=utc_now() - timedelta(minutes=5), capacity=40)
    for _ in range(35):
        user = factories.user()
        factories.register(s, user.person, RegistrationState.ENROLLED)
        client = app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = user.get_id()
        assert client.post("/training/checkin", data={"code": s.checkin_code}).status_code == 302
    assert db.session.scalar(sa.select(sa.func.count(Attendance.id))) == 35


def test_the_roster_writes_its_times_like_every_other_page(client, login_as):
    officer = factories.officer(locale="th")
    s = factories.session(starts_at=utc_now() - timedelta(days=1), status=SessionStatus.COMPLETED)
    marked, invited = factories.person(), factories.person()
    factories.register(s, marked, RegistrationState.ENROLLED)
    factories.register(s, invited)
    attendance.record_marks(s, {marked.id: "present"}, by_user_id=officer.id)
    login_as(officer)
    page = _text(client.get(f"/training/sessions/{s.id}"))
    assert not re.search(r"\d{1,2}/\d{1,2}/\d{2,4}", page)  # "2/12/2569" was the short form
    assert re.search(r"\d{1,2} [ก-ฮ]\.[ก-ฮ]\.(ค\.)? 25\d\d", page)
