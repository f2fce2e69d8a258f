"""The officer adds a plan item, links a training session that was held, and sees its participants appear."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from playwright.sync_api import expect

from ethics_hr.extensions import db
from ethics_hr.training import attendance
from ethics_hr.training.models import RegistrationState, SessionStatus
from tests import factories
from tests.e2e.conftest import login


@pytest.mark.parametrize("language", ["th", "en"])
def test_officer_links_a_held_session_and_sees_actual_participants(page, live_server, app, language):
    officer = factories.officer(email="officer@example.org", locale=language)
    plan = factories.plan(approved=True)
    session = factories.session(
        course_=factories.course(title_th="อบรมประมวลจริยธรรม"),
        starts_at=datetime(2026, 2, 10, 2, 0, tzinfo=UTC),
    )
    people = [factories.person(), factories.person()]
    for person in people:
        factories.register(session, person, RegistrationState.ENROLLED)
    with time_machine.travel("2026-02-11 09:00 +07:00"):
        attendance.record_marks(session, {p.id: "present" for p in people}, by_user_id=officer.id)
    session.status = SessionStatus.COMPLETED
    db.session.commit()

    login(page, live_server, "officer@example.org", "correct horse battery")
    page.goto(f"{live_server}/plans/{plan.id}/items/new")
    page.fill("input[name=name]", "โครงการอบรมจริยธรรมประจำปี")
    page.select_option("select[name=area_id]", index=1)
    page.select_option("select[name=category_ids]", index=0)
    page.fill("input[name=target_participants]", "40")
    page.select_option("select[name=fiscal_year]", "2569")
    page.select_option("select[name=quarter]", "2")
    page.fill("input[name=budget_2569]", "25,000")
    page.click("main form button[type=submit]")
    expect(page.locator("[data-testid=actual-participants]")).to_have_text("0")

    page.select_option("select[name=session_id]", str(session.id))
    page.click("form[action$='/sessions'] button[type=submit]")
    expect(page.locator("[data-testid=actual-participants]")).to_have_text("2")
