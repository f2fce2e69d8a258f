"""Sessions, invitations, enrolment, the waiting list and cancellation."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
import sqlalchemy as sa
import time_machine

from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.notifications.models import OutboxMessage
from ethics_hr.training import enrolment, services
from ethics_hr.training.models import Registration, RegistrationState, SessionStatus, TrainingSession
from tests import factories


def _input(**kw) -> services.SessionInput:
    values = {
        "course_id": factories.course().id,
        "day": date(2026, 12, 10),
        "start": time(9, 0),
        "end": time(12, 0),
        "capacity": 20,
        "place": "ห้องประชุม",
    } | kw
    return services.SessionInput(**values)


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


# ---------------------------------------------------------------- scheduling


def test_session_times_are_local_wall_clock_stored_in_utc(app):
    (s,) = services.create_sessions(_input())
    assert s.starts_at.hour == 2 and s.starts_at.tzinfo is not None  # 09:00 in Bangkok
    assert len(s.checkin_code) == 6


def test_a_new_session_and_each_of_its_series_keep_the_capacity_given(app):
    sessions = services.create_sessions(_input(capacity=12, repeat_count=3))
    assert [s.capacity for s in sessions] == [12, 12, 12]


def test_a_session_that_ends_before_it_starts_is_refused(app):
    with pytest.raises(RuleViolation) as error:
        services.create_sessions(_input(start=time(13, 0), end=time(9, 0)))
    assert error.value.field == "end_time"
    db.session.rollback()
    assert _count(TrainingSession) == 0


def test_a_deadline_after_the_session_day_is_refused(app):
    with pytest.raises(RuleViolation) as error:
        services.create_sessions(_input(deadline=date(2026, 12, 11)))
    assert error.value.field == "registration_deadline"


def test_the_deadline_closes_enrolment_at_the_end_of_that_day(app):
    (s,) = services.create_sessions(_input(deadline=date(2026, 12, 3)))
    assert s.registration_deadline.isoformat() == "2026-12-03T17:00:00+00:00"  # midnight in Bangkok


def test_a_repeating_session_makes_a_series_with_its_own_codes(app):
    sessions = services.create_sessions(
        _input(repeat_count=3, repeat_every_days=1, deadline=date(2026, 12, 9))
    )
    assert [s.starts_at.day for s in sessions] == [10, 11, 12]
    assert len({s.series_key for s in sessions}) == 1 and sessions[0].series_key
    assert len({s.checkin_code for s in sessions}) == 3
    assert [s.registration_deadline.day for s in sessions] == [9, 10, 11]


def test_capacity_cannot_drop_below_the_people_enrolled(app):
    s = factories.session(capacity=5)
    for _ in range(3):
        factories.register(s, factories.person(), RegistrationState.ENROLLED)
    data = _input(course_id=s.course_id, capacity=2, day=date(2026, 12, 20))
    with pytest.raises(RuleViolation) as error:
        services.update_session(s, data)
    assert error.value.field == "capacity" and "3" in error.value.message
    db.session.rollback()
    assert db.session.get(TrainingSession, s.id).capacity == 5


def test_raising_capacity_gives_the_new_seats_to_the_waiting_list(app):
    s = factories.session(capacity=1)
    factories.register(s, factories.person(), RegistrationState.ENROLLED)
    waiting = factories.register(s, factories.person(), RegistrationState.WAITLISTED)
    services.update_session(s, _input(course_id=s.course_id, capacity=2, day=date(2026, 12, 20)))
    assert db.session.get(Registration, waiting.id).state == RegistrationState.ENROLLED
    assert db.session.get(TrainingSession, s.id).seats_taken == 2


# ---------------------------------------------------------------- invitations


def test_inviting_a_department_a_category_and_individuals_reaches_each_active_person_once(app):
    s = factories.session()
    dept = factories.department()
    in_dept = [factories.person(dept=dept) for _ in range(2)]
    factories.person(dept=dept, active=False)
    teacher = factories.person(category_code="teacher", dept=dept)
    individual = factories.person()
    teacher_category = factories.category("teacher")
    result = services.invite(
        s,
        department_ids=[dept.id],
        category_ids=[teacher_category.id],
        employee_numbers=[individual.employee_number],
    )
    assert result.invited == 4
    people = set(db.session.scalars(sa.select(Registration.person_id).where(Registration.session_id == s.id)))
    assert people == {p.id for p in [*in_dept, teacher, individual]}
    again = services.invite(s, department_ids=[dept.id])
    assert again.invited == 0 and again.already == 3


def test_an_unknown_employee_number_invites_nobody(app):
    s = factories.session()
    known = factories.person()
    with pytest.raises(RuleViolation) as error:
        services.invite(s, employee_numbers=[known.employee_number, "NOPE-1"])
    assert error.value.field == "employee_numbers" and "NOPE-1" in error.value.message
    db.session.rollback()
    assert _count(Registration) == 0


def test_inviting_to_a_mandatory_session_seats_people_and_waitlists_the_overflow(app):
    s = factories.session(capacity=2, mandatory=True)
    dept = factories.department()
    for _ in range(3):
        factories.person(dept=dept)
    result = services.invite(s, department_ids=[dept.id])
    assert (result.enrolled, result.waitlisted) == (2, 1)
    assert db.session.get(TrainingSession, s.id).seats_taken == 2


def test_nobody_can_be_invited_to_a_cancelled_session(app):
    s = factories.session(status=SessionStatus.CANCELLED)
    with pytest.raises(RuleViolation):
        services.invite(s, employee_numbers=[factories.person().employee_number])


# ---------------------------------------------------------------- enrolment


def test_an_invited_person_enrols_and_takes_a_seat(app):
    s = factories.session(capacity=2)
    p = factories.person()
    factories.register(s, p)
    reg = enrolment.enrol(s, p)
    assert reg.state == RegistrationState.ENROLLED and reg.enrolled_at is not None
    assert db.session.get(TrainingSession, s.id).seats_taken == 1


def test_someone_not_invited_cannot_enrol(app):
    s = factories.session()
    with pytest.raises(RuleViolation, match="not been invited"):
        enrolment.enrol(s, factories.person())


def test_enrolling_twice_is_refused_and_takes_one_seat(app):
    s = factories.session()
    p = factories.person()
    factories.register(s, p)
    enrolment.enrol(s, p)
    with pytest.raises(RuleViolation, match="already enrolled"):
        enrolment.enrol(s, p)
    assert db.session.get(TrainingSession, s.id).seats_taken == 1


def test_enrolling_after_the_deadline_is_refused(app):
    s = factories.session(registration_deadline=utc_now() + timedelta(days=2))
    p = factories.person()
    factories.register(s, p)
    with (
        time_machine.travel(utc_now() + timedelta(days=3), tick=False),
        pytest.raises(RuleViolation, match="deadline"),
    ):
        enrolment.enrol(s, p)
    assert db.session.get(TrainingSession, s.id).seats_taken == 0


def test_enrolment_waits_until_the_session_is_open(app):
    s = factories.session(status=SessionStatus.PLANNED)
    p = factories.person()
    factories.register(s, p)
    with pytest.raises(RuleViolation, match="not opened"):
        enrolment.enrol(s, p)


def test_a_full_session_says_so_and_offers_the_waiting_list(app):
    s = factories.session(capacity=1)
    factories.register(s, factories.person(), RegistrationState.ENROLLED)
    late = factories.person()
    factories.register(s, late)
    with pytest.raises(enrolment.SessionFull, match="waiting list"):
        enrolment.enrol(s, late)
    reg = enrolment.join_waitlist(db.session.get(TrainingSession, s.id), late)
    assert reg.state == RegistrationState.WAITLISTED


def test_the_waiting_list_is_only_for_full_sessions(app):
    s = factories.session(capacity=3)
    p = factories.person()
    factories.register(s, p)
    with pytest.raises(RuleViolation, match="enrol instead"):
        enrolment.join_waitlist(s, p)


def test_withdrawing_gives_the_seat_to_the_first_person_waiting_and_tells_them(app):
    s = factories.session(capacity=1)
    leaving = factories.person()
    factories.register(s, leaving, RegistrationState.ENROLLED)
    first = factories.person()
    second = factories.person()
    reg_first = factories.register(s, first, RegistrationState.WAITLISTED)
    reg_second = factories.register(s, second, RegistrationState.WAITLISTED)
    db.session.execute(
        sa.update(Registration)
        .where(Registration.id == reg_second.id)
        .values(waitlisted_at=utc_now() + timedelta(1))
    )
    db.session.commit()
    enrolment.withdraw(s, leaving)
    assert db.session.get(Registration, reg_first.id).state == RegistrationState.ENROLLED
    assert db.session.get(Registration, reg_second.id).state == RegistrationState.WAITLISTED
    assert db.session.get(TrainingSession, s.id).seats_taken == 1
    message = db.session.scalar(sa.select(OutboxMessage).where(OutboxMessage.email == first.email))
    assert message is not None and message.kind == "training.seat_offered"


def test_leaving_the_waiting_list_frees_no_seat(app):
    s = factories.session(capacity=1)
    factories.register(s, factories.person(), RegistrationState.ENROLLED)
    p = factories.person()
    factories.register(s, p, RegistrationState.WAITLISTED)
    reg = enrolment.withdraw(s, p)
    assert reg.state == RegistrationState.WITHDRAWN
    assert db.session.get(TrainingSession, s.id).seats_taken == 1


def test_a_withdrawn_person_can_enrol_again(app):
    s = factories.session(capacity=1)
    p = factories.person()
    factories.register(s, p, RegistrationState.ENROLLED)
    enrolment.withdraw(s, p)
    assert enrolment.enrol(db.session.get(TrainingSession, s.id), p).state == RegistrationState.ENROLLED


# ---------------------------------------------------------------- cancellation


def test_cancelling_keeps_the_roster_and_tells_each_person_in_their_language(app):
    s = factories.session(capacity=5)
    thai = factories.user(locale="th")
    english = factories.user(locale="en")
    no_email = factories.person(email=None)
    invited_only = factories.person()
    withdrawn = factories.person()
    for p in (thai.person, english.person, no_email):
        factories.register(s, p, RegistrationState.ENROLLED)
    factories.register(
        s, invited_only, RegistrationState.INVITED
    )  # they have the invitation's .ics in their calendar
    factories.register(s, withdrawn, RegistrationState.WITHDRAWN)
    told = services.cancel_session(s, reason="วิทยากรติดภารกิจ")
    assert told == 3  # the person with neither account nor address cannot be told
    s = db.session.get(TrainingSession, s.id)
    assert s.status == SessionStatus.CANCELLED and s.seats_taken == 3
    assert _count(Registration) == 5
    messages = {m.email: m for m in db.session.scalars(sa.select(OutboxMessage))}
    assert set(messages) == {thai.person.email, english.person.email, invited_only.email}
    assert messages[english.person.email].subject.startswith("Cancelled:")
    assert messages[english.person.email].locale == "en"
    assert messages[thai.person.email].locale == "th"
    assert "วิทยากรติดภารกิจ" in messages[thai.person.email].body_text


def test_a_cancelled_session_cannot_be_cancelled_again_or_enrolled_in(app):
    s = factories.session()
    p = factories.person()
    factories.register(s, p)
    services.cancel_session(s, reason="x")
    with pytest.raises(RuleViolation):
        services.cancel_session(s, reason="again")
    with pytest.raises(RuleViolation, match="cancelled"):
        enrolment.enrol(db.session.get(TrainingSession, s.id), p)
