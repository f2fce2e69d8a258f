"""Report screens: who may open them, the report's edit forms, downloads, the person's record."""

from __future__ import annotations

import io

import pytest
from docx import Document

from ethics_hr.core.args import current_fiscal_year
from ethics_hr.extensions import db
from ethics_hr.reports import services
from ethics_hr.reports.models import MeasureKind, ReportMeasure
from tests import factories

OFFICER_PAGES = [
    "/reports/",
    "/reports/dashboard",
    "/reports/dashboard?fy=2570",
    "/reports/fiscal-year/2569",
    "/reports/fiscal-year/2569/print",
    "/reports/fiscal-year/2569/report.docx",
    "/reports/fiscal-year/2569/report.xlsx",
    "/reports/ita/2568",
]


@pytest.mark.parametrize("url", OFFICER_PAGES)
def test_officers_open_the_report_pages(client, login_as, url):
    login_as(factories.officer())
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", OFFICER_PAGES)
def test_employees_are_refused_the_report_pages(client, login_as, url):
    login_as(factories.user())
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", OFFICER_PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/login" in response.location


def test_a_year_that_is_not_a_fiscal_year_is_not_found(client, login_as):
    login_as(factories.officer())
    assert client.get("/reports/fiscal-year/99").status_code == 404
    assert client.get("/reports/dashboard?fy=abc").status_code == 404


def test_report_defaults_to_the_fiscal_year_that_is_running(client, login_as, app):
    login_as(factories.officer())
    response = client.get("/reports/fiscal-year")
    assert response.location.endswith(f"/reports/fiscal-year/{current_fiscal_year()}")


def test_reports_card_opens_the_running_fiscal_year_and_names_it(client, login_as):
    import time_machine

    with time_machine.travel("2026-12-01 10:00 +0700", tick=False):  # FY 2570 is running
        login_as(factories.officer())
        html = client.get("/reports/").get_data(as_text=True)
    assert 'href="/reports/fiscal-year/2570">รายงานประจำปีงบประมาณ พ.ศ. 2570' in html
    assert 'href="/reports/fiscal-year/2569" data-testid="previous-year-report"' in html


def test_report_page_shows_the_seed_table_and_offers_to_start_editing(client, login_as):
    login_as(factories.officer())
    html = client.get("/reports/fiscal-year/2566").get_data(as_text=True)
    assert "การใช้อำนาจและการบริหารงานบุคคล" in html and "data-hr-row" in html
    assert "/reports/fiscal-year/2566/start" in html


def test_starting_and_editing_a_row(client, login_as):
    login_as(factories.officer())
    assert client.post("/reports/fiscal-year/2566/start").status_code == 302
    hr = db.session.scalar(db.select(ReportMeasure).where(ReportMeasure.kind == MeasureKind.HR))
    response = client.post(
        f"/reports/measures/{hr.id}/edit",
        data={
            "measure": "การใช้อำนาจและการบริหารงานบุคคล",
            "methods": "1. จัดทำแผน",
            "responsible": "งานการเจ้าหน้าที่",
            "period": "",
            "summary": "",
            "outcome": "ผลลัพธ์ใหม่",
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(ReportMeasure, hr.id).outcome == "ผลลัพธ์ใหม่"
    assert "ผลลัพธ์ใหม่" in client.get("/reports/fiscal-year/2566").get_data(as_text=True)


def test_a_bad_row_shows_the_message_next_to_the_field_keeps_the_input_and_writes_nothing(client, login_as):
    login_as(factories.officer())
    report = services.start_report(2566)
    row = report.measures[0]
    response = client.post(
        f"/reports/measures/{row.id}/edit",
        data={"measure": "", "methods": "ข้อความที่พิมพ์ไว้", "responsible": "ก" * 301, "outcome": "x"},
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'data-field="measure"' in html and 'data-field="responsible"' in html
    assert "ข้อความที่พิมพ์ไว้" in html
    db.session.expire_all()
    assert db.session.get(ReportMeasure, row.id).measure == "การปฏิบัติหน้าที่"


def test_adding_moving_and_removing_a_free_row(client, login_as):
    login_as(factories.officer())
    services.start_report(2566)
    response = client.post(
        "/reports/fiscal-year/2566/measures/new", data={"measure": "มาตรการใหม่", "methods": "1. ทำ"}
    )
    assert response.status_code == 302
    added = db.session.scalar(db.select(ReportMeasure).where(ReportMeasure.measure == "มาตรการใหม่"))
    assert client.post(f"/reports/measures/{added.id}/move", data={"direction": "up"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(ReportMeasure, added.id).position == 5
    added_id = added.id
    assert client.post(f"/reports/measures/{added_id}/delete").status_code == 302
    db.session.expire_all()
    assert db.session.get(ReportMeasure, added_id) is None


def test_removing_the_hr_row_is_refused(client, login_as):
    login_as(factories.officer())
    report = services.start_report(2566)
    hr = next(m for m in report.measures if m.kind == MeasureKind.HR)
    response = client.post(f"/reports/measures/{hr.id}/delete", follow_redirects=True)
    assert response.status_code == 200
    assert db.session.get(ReportMeasure, hr.id) is not None


def test_edit_pages_of_a_report_not_started_are_not_found(client, login_as):
    login_as(factories.officer())
    assert client.get("/reports/fiscal-year/2566/intro").status_code == 404
    assert client.get("/reports/fiscal-year/2566/measures/new").status_code == 404
    assert client.get("/reports/measures/999/edit").status_code == 404


def test_no_state_change_on_get(client, login_as):
    login_as(factories.officer())
    assert client.get("/reports/fiscal-year/2566/start").status_code == 405


def test_docx_download_is_a_word_file_named_for_the_year(client, login_as):
    login_as(factories.officer())
    response = client.get("/reports/fiscal-year/2566/report.docx")
    # The one download response also names the file in UTF-8 (RFC 6266), for names that are not ASCII.
    assert response.headers["Content-Disposition"].startswith('attachment; filename="ita-report-2566.docx";')
    assert Document(io.BytesIO(response.data)).tables


def test_print_view_is_the_report_alone_with_its_header_row(client, login_as):
    login_as(factories.officer())
    html = client.get("/reports/fiscal-year/2566/print").get_data(as_text=True)
    assert "<thead>" in html and "navbar" not in html
    assert "report-print.css" in html


def test_dashboard_says_honestly_when_a_year_has_no_data(client, login_as):
    login_as(factories.officer())
    html = client.get("/reports/dashboard?fy=2570").get_data(as_text=True)
    assert "ยังไม่มีการฝึกอบรมในปีงบประมาณ พ.ศ. 2570" in html


def test_officers_see_the_reports_menu_and_employees_do_not(client, login_as):
    login_as(factories.officer())
    assert 'href="/reports/"' in client.get("/home").get_data(as_text=True)
    client.get("/logout")
    other = factories.user()
    with client.session_transaction() as session:
        session["_user_id"] = other.get_id()
    assert 'href="/reports/"' not in client.get("/home").get_data(as_text=True)


# ---------------------------------------------------------------- the person's record


def test_a_person_sees_their_own_record(client, login_as):
    user = login_as(factories.user())
    response = client.get(f"/reports/people/{user.person_id}/record?fy=2570")
    assert response.status_code == 200
    assert user.person.first_name_th in response.get_data(as_text=True)
    own = client.get("/reports/my-record?fy=2570")
    assert own.status_code == 200 and user.person.first_name_th in own.get_data(as_text=True)


def test_another_persons_record_is_not_found(client, login_as):
    login_as(factories.user())
    other = factories.person()
    assert client.get(f"/reports/people/{other.id}/record").status_code == 404


def test_officers_see_anyones_record_and_a_missing_person_is_not_found(client, login_as):
    login_as(factories.officer())
    other = factories.person(first_name_th="ประเสริฐ")
    response = client.get(f"/reports/people/{other.id}/record?fy=2570")
    assert response.status_code == 200 and "ประเสริฐ" in response.get_data(as_text=True)
    assert client.get("/reports/people/99999/record").status_code == 404


def test_record_of_a_year_without_data_is_honest(client, login_as):
    user = login_as(factories.user())
    html = client.get(f"/reports/people/{user.person_id}/record?fy=2570").get_data(as_text=True)
    assert "ยังไม่มีการฝึกอบรมในปีงบประมาณ พ.ศ. 2570" in html


def test_anonymous_visitors_are_sent_to_log_in_for_a_record(client):
    response = client.get("/reports/people/1/record")
    assert response.status_code == 302 and "/login" in response.location


def test_home_page_leads_everyone_to_their_own_record(client, login_as):
    user = login_as(factories.user())
    html = client.get("/home").get_data(as_text=True)
    assert 'data-testid="home-record"' in html
    assert f"/reports/people/{user.person_id}/record?fy=" in html


def test_dashboard_figures_are_reused_for_a_minute_then_added_up_again(client, login_as, app, monkeypatch):
    import time_machine

    from ethics_hr.reports import dashboard

    calls = []
    real = dashboard.panels
    monkeypatch.setattr(dashboard, "panels", lambda *args: calls.append(args) or real(*args))
    with time_machine.travel("2026-11-25 10:00 +0700", tick=False) as clock:
        login_as(factories.officer())
        client.get("/reports/dashboard?fy=2570")
        client.get("/reports/dashboard?fy=2570")
        assert len(calls) == 1
        clock.shift(61)
        html = client.get("/reports/dashboard?fy=2570").get_data(as_text=True)
        assert len(calls) == 2
    assert "10:01" in html  # the page says when its figures were added up


def test_the_officers_person_page_links_the_persons_records(client, login_as):
    login_as(factories.officer())
    person = factories.person()
    html = client.get(f"/people/{person.id}").get_data(as_text=True)
    assert 'id="evidence-record"' in html
    assert f"/reports/people/{person.id}/record?fy=" in html
