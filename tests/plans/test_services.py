"""The plan's rules, and progress computed from attendance entered through the training services."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
import time_machine

from ethics_hr.core.errors import RuleViolation
from ethics_hr.extensions import db
from ethics_hr.plans import actuals, services
from ethics_hr.plans.models import ItemStatus, PlanItem
from ethics_hr.training import attendance
from ethics_hr.training.models import RegistrationState, SessionStatus
from tests import factories


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"fiscal_year": 2572}, "fiscal_year"),
        ({"fiscal_year": 2568}, "fiscal_year"),
        ({"target_participants": -1}, "target_participants"),
        ({"indicator_target": Decimal("-5")}, "indicator_target"),
        ({"budgets": {2569: Decimal("-100")}}, "budget_2569"),
        ({"department_ids": [], "category_ids": []}, "category_ids"),
        ({"quarter": 5}, "quarter"),
        ({"area_id": None}, "area_id"),
    ],
)
def test_bad_items_are_refused_and_nothing_is_written(app, changes, field):
    plan = factories.plan()
    with pytest.raises(RuleViolation) as refused:
        services.save_item(plan, None, factories.item_input(**changes))
    assert refused.value.field == field
    db.session.rollback()
    assert db.session.scalar(db.select(db.func.count(PlanItem.id))) == 0


def test_a_plan_cannot_end_before_it_starts(app):
    with pytest.raises(RuleViolation) as refused:
        services.save_plan(
            None,
            title_th="ก",
            title_en="",
            first_fiscal_year=2570,
            last_fiscal_year=2569,
            approved_on=None,
            approved_by="",
        )
    assert refused.value.field == "last_fiscal_year"


def test_approving_supersedes_the_earlier_plan_of_the_same_years(app):
    old = factories.plan(approved=True)
    services.save_item(old, None, factories.item_input())
    new = factories.plan(2570, 2572)
    services.save_item(new, None, factories.item_input(fiscal_year=2570, budgets={2570: Decimal("1")}))
    services.approve(new, approved_on=date(2026, 9, 1), approved_by="นายกเทศมนตรี")
    assert (old.status, new.status) == ("superseded", "approved")
    assert services.plan_in_force(2570).id == new.id


def test_changing_an_approved_items_target_is_on_record(app):
    plan = factories.plan(approved=True)
    item = services.save_item(plan, None, factories.item_input())
    services.save_item(plan, item, factories.item_input(target_participants=55))
    services.record_progress(item, status=ItemStatus.DONE, progress_note="เสร็จ", spent=Decimal("20000"))
    changes = services.target_changes(item)
    assert len(changes) == 1
    assert changes[0].changes_dict["target_participants"] == [40, 55]


def test_an_approved_plans_item_still_gets_progress_and_spending(app):
    plan = factories.plan(approved=True)
    item = services.save_item(plan, None, factories.item_input())
    services.record_progress(
        item, status="in_progress", progress_note="อบรมรุ่นแรกแล้ว", spent=Decimal("12500.50")
    )
    assert (item.status, item.spent) == ("in_progress", Decimal("12500.50"))
    with pytest.raises(RuleViolation):
        services.record_progress(item, status="done", progress_note="", spent=Decimal("-1"))


def test_items_whose_quarter_has_begun_but_not_started_are_flagged(app):
    plan = factories.plan(approved=True)
    q1 = services.save_item(plan, None, factories.item_input(quarter=1))
    q2 = services.save_item(plan, None, factories.item_input(quarter=2))
    done = services.save_item(plan, None, factories.item_input(quarter=1))
    services.record_progress(done, status=ItemStatus.DONE, progress_note="", spent=None)
    assert services.quarter_start(2569, 2) == date(2026, 1, 1)
    late = {i.id for i in db.session.scalars(services.late_items_query(date(2025, 12, 31)))}
    assert late == {q1.id}
    late = {i.id for i in db.session.scalars(services.late_items_query(date(2026, 1, 1)))}
    assert late == {q1.id, q2.id}
    assert services.is_late(q2, date(2026, 1, 1)) and not services.is_late(q2, date(2025, 12, 31))
    assert q1.status == ItemStatus.NOT_STARTED


def _attended(session, people, statuses):
    for person in people:
        factories.register(session, person, RegistrationState.ENROLLED)
    officer = factories.officer()
    attendance.record_marks(
        session, dict(zip([p.id for p in people], statuses, strict=True)), by_user_id=officer.id
    )
    session.status = SessionStatus.COMPLETED
    db.session.commit()


def test_actuals_come_from_attendance_and_the_first_half_ends_on_31_march_local(app):
    plan = factories.plan(approved=True)
    item = services.save_item(plan, None, factories.item_input(fiscal_year=2569))
    course = factories.course(hours=3.0)
    a, b, c = factories.person(), factories.person(), factories.person()
    # 31 March 2026, 23:30 in Bangkok is 16:30 UTC: still the first half.
    last_evening = factories.session(course_=course, starts_at=datetime(2026, 3, 31, 16, 30, tzinfo=UTC))
    # 1 April 2026, 00:30 in Bangkok is 31 March 17:30 UTC: the second half.
    next_morning = factories.session(course_=course, starts_at=datetime(2026, 3, 31, 17, 30, tzinfo=UTC))
    with time_machine.travel("2026-04-02 12:00 +07:00"):
        _attended(last_evening, [a, b], ["present", "absent"])
        _attended(next_morning, [a, c], ["present", "late"])
    services.link_session(item, last_evening.id)
    services.link_session(item, next_morning.id)

    first_half = actuals.plan_against_actual(plan, 2569, actuals.FIRST_HALF)
    whole = actuals.plan_against_actual(plan, 2569, actuals.WHOLE_YEAR)
    (h1,) = first_half.rows
    (year,) = whole.rows
    assert (h1.participants, h1.person_hours, h1.sessions_held) == (1, 3.0, 1)
    assert (year.participants, year.person_hours, year.sessions_held) == (2, 9.0, 2)
    assert first_half.last_day == date(2026, 3, 31)
    assert whole.totals["planned_budget"] == Decimal("25000")


def test_a_session_counts_toward_one_item_only(app):
    plan = factories.plan()
    first = services.save_item(plan, None, factories.item_input())
    second = services.save_item(plan, None, factories.item_input())
    session = factories.session()
    services.link_session(first, session.id)
    with pytest.raises(RuleViolation):
        services.link_session(second, session.id)


def test_no_plan_in_force_gives_an_empty_honest_report(app):
    report = actuals.plan_against_actual(services.plan_in_force(2580), 2580)
    assert report.plan is None and report.rows == []


def test_measures_are_recomputed_when_attendance_changes(app):
    plan = factories.plan(approved=True)
    item = services.save_item(plan, None, factories.item_input(fiscal_year=2569))
    session = factories.session(starts_at=datetime(2026, 2, 10, 2, 0, tzinfo=UTC))
    a, b = factories.person(), factories.person()
    services.link_session(item, session.id)
    with time_machine.travel("2026-02-11 09:00 +07:00"):
        _attended(session, [a], ["present"])
    assert actuals.plan_against_actual(plan, 2569).rows[0].participants == 1
    with time_machine.travel("2026-02-11 10:00 +07:00"):
        factories.register(session, b, RegistrationState.ENROLLED)
        attendance.record_marks(session, {b.id: "present"}, by_user_id=factories.officer().id)
    assert actuals.plan_against_actual(plan, 2569).rows[0].participants == 2
    services.unlink_session(item, session.id)
    assert actuals.plan_against_actual(plan, 2569).rows[0].participants == 0
