"""The training journey in a real browser: the officer schedules a session and invites a department, an
employee enrols and checks in with the code, and the officer sees them present with their hours credited."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from ethics_hr.extensions import db
from tests import factories
from tests.e2e.conftest import login

# 09:00 in Bangkok on 26 Nov 2026: the session below starts at 09:30, so check-in is open.
MORNING = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
PRESENT = {"th": "มาเข้าร่วม", "en": "Present"}


@pytest.mark.parametrize("locale", ["th", "en"])
def test_officer_schedules_and_invites_employee_enrols_and_checks_in(browser, page, live_server, app, locale):
    with time_machine.travel(MORNING, tick=True):
        officer = factories.officer(email="officer@example.org", locale=locale)
        dept = factories.department(name_th="กองคลัง", name_en="Finance Division")
        employee = factories.user(email="clerk@example.org", dept=dept, locale=locale, first_name_en="Malee")
        course = factories.course(title_th="ประมวลจริยธรรมพนักงานส่วนท้องถิ่น", title_en="Code of Ethics", hours=3)
        db.session.commit()

        # The officer schedules a session of the course and invites the Finance Division.
        login(page, live_server, officer.person.email, factories.PASSWORD)
        page.click("nav >> a[href='/training/']")
        page.click("[data-testid=new-session]")
        page.select_option("select[name=course_id]", str(course.id))
        page.fill("input[name=day]", "2026-11-26")
        page.fill("input[name=start_time]", "09:30")
        page.fill("input[name=end_time]", "12:30")
        page.fill("input[name=capacity]", "20")
        page.fill("input[name=place]", "ห้องประชุมสภาเทศบาล")
        page.select_option("select[name=status]", "open")
        page.click("main form button[type=submit]")
        page.wait_for_url("**/invite")
        page.check(f"input[name=department_ids][value='{dept.id}']")
        page.click("[data-testid=send-invitations]")
        page.wait_for_selector("[data-testid=seats]")
        session_url = page.url
        # Followed, not clicked: on a loaded machine a click during the page's last layout pass was lost once.
        page.goto(live_server + page.get_attribute("[data-testid=checkin-screen]", "href"))
        code = page.inner_text("[data-testid=checkin-code]").strip()
        assert len(code) == 6

        # The employee enrols from the home page, then checks in with the code shown in the room.
        context = browser.new_context(locale="th-TH", timezone_id="Asia/Bangkok")
        try:
            phone = context.new_page()
            login(phone, live_server, employee.person.email, factories.PASSWORD)
            card = phone.locator("[data-testid=home-training]")
            assert "Code of Ethics" in card.inner_text() or "ประมวลจริยธรรม" in card.inner_text()
            phone.click("[data-testid=home-enrol]")
            phone.wait_for_selector("[data-testid=home-checkin]")
            phone.click("[data-testid=home-checkin]")
            phone.fill("input[name=code]", code.lower())
            phone.click("[data-testid=checkin-submit]")
            phone.wait_for_selector(".alert-success")
            assert phone.locator("[data-testid=registration-state]").count() == 1
        finally:
            context.close()

        # The officer sees the employee present on the roster, and the hours in the employee's record.
        page.goto(session_url)
        row = page.locator(f"tr[data-person='{employee.person.employee_number}']")
        assert PRESENT[locale] in row.locator("[data-testid=current-status]").inner_text()
        page.goto(f"{live_server}/training/people/{employee.person_id}/record?fy=2570")
        assert page.inner_text("[data-testid=ethics-hours]").strip() == "3"
        assert page.locator("html").get_attribute("lang") == locale
