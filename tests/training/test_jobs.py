"""Training's messages over a real SMTP server: invitations with the .ics, reminders, moves, cancellations."""

from __future__ import annotations

from datetime import date, time

import time_machine

from ethics_hr.extensions import db
from ethics_hr.notifications.registry import set_opt_outs
from ethics_hr.training import enrolment, services
from ethics_hr.training.jobs import session_reminders
from ethics_hr.training.models import RegistrationState, TrainingSession
from tests import factories
from tests.reminders import at, attachments_of, deliver, ics_of, notices, outbox, run, subjects, text_of

NOW = at("2026-11-25 10:00")
DAY = at("2026-12-10 09:00")  # a Thursday


def _session(**kw) -> TrainingSession:
    course = factories.course(title_th="จริยธรรมสำหรับผู้ปฏิบัติงาน", title_en="Ethics at Work")
    return factories.session(course_=course, starts_at=DAY, place="ห้องประชุมสภา", **kw)


def _move_input(s: TrainingSession, day: date) -> services.SessionInput:
    return services.SessionInput(
        course_id=s.course_id,
        day=day,
        start=time(9, 0),
        end=time(12, 0),
        place="หอประชุมโรงเรียนเทศบาล",
        capacity=s.capacity,
        status=s.status,
    )


def test_an_invitation_arrives_once_with_the_ics_in_each_persons_language(app, smtp_server):
    with time_machine.travel(NOW, tick=False):
        s = _session()
        thai, english = factories.user(locale="th"), factories.user(locale="en")
        services.invite(s, employee_numbers=[thai.person.employee_number, english.person.employee_number])
        services.invite(s, employee_numbers=[thai.person.employee_number])  # already invited: nothing new
        assert deliver() == 2
    (th_mail,) = smtp_server.to(thai.person.email)
    (en_mail,) = smtp_server.to(english.person.email)
    assert th_mail["Subject"] == "ขอเชิญเข้ารับการอบรม: จริยธรรมสำหรับผู้ปฏิบัติงาน 10 ธันวาคม 2569 09:00 น."
    assert "วันพฤหัสบดีที่ 10 ธันวาคม พ.ศ. 2569 09:00 น." in text_of(th_mail)
    assert en_mail["Subject"] == "Invitation: Ethics at Work, 10 December 2026, 09:00"
    assert "Thursday, 10 December 2026, 09:00" in text_of(en_mail)
    for mail, title in ((th_mail, "จริยธรรมสำหรับผู้ปฏิบัติงาน"), (en_mail, "Ethics at Work")):
        ics = ics_of(mail)
        assert f"UID:training-session-{s.id}@" in ics and title in ics and "STATUS:CONFIRMED" in ics
    assert {n.user_id for n in notices("training.invitation")} == {thai.id, english.id}


def test_enrolling_confirms_the_seat_with_the_ics(app, smtp_server):
    with time_machine.travel(NOW, tick=False):
        s = _session()
        english = factories.user(locale="en")
        factories.register(s, english.person, RegistrationState.INVITED)
        enrolment.enrol(db.session.get(TrainingSession, s.id), english.person)
        assert deliver() == 1
    (mail,) = smtp_server.to(english.person.email)
    assert mail["Subject"] == "Your seat: Ethics at Work, 10 December 2026, 09:00"
    assert "session.ics" in attachments_of(mail)


def test_a_mandatory_session_tells_who_got_a_seat_and_who_waits(app, smtp_server):
    with time_machine.travel(NOW, tick=False):
        s = _session(capacity=1, mandatory=True)
        first = factories.person(first_name_th="กก")
        second = factories.person(first_name_th="ขข")
        services.invite(s, employee_numbers=[first.employee_number, second.employee_number])
        deliver()
    assert subjects(smtp_server, first.email) == ["Your seat: Ethics at Work, 10 December 2026, 09:00"]
    assert subjects(smtp_server, second.email) == ["Waiting list: Ethics at Work, 10 December 2026, 09:00"]


def test_reminders_arrive_7_days_and_1_day_before_from_8_oclock_once(app, smtp_server):
    with time_machine.travel(NOW, tick=False):
        s = _session()
        thai, english = factories.user(locale="th"), factories.user(locale="en")
        invited_only = factories.person()
        for p in (thai.person, english.person):
            factories.register(s, p, RegistrationState.ENROLLED)
        factories.register(s, invited_only, RegistrationState.INVITED)
    assert run(app, session_reminders, at("2026-12-03 07:59")) == 0
    assert run(app, session_reminders, at("2026-12-03 08:00")) == 2
    assert run(app, session_reminders, at("2026-12-03 08:15")) == 0  # the same run again: nothing twice
    assert run(app, session_reminders, at("2026-12-06 08:00")) == 0
    assert run(app, session_reminders, at("2026-12-09 08:00")) == 2
    assert run(app, session_reminders, at("2026-12-10 09:30")) == 0  # it has started
    deliver(at("2026-12-10 09:30"))
    assert len(smtp_server.to(thai.person.email)) == 2
    assert subjects(smtp_server, english.person.email) == [
        "Reminder: Ethics at Work, 10 December 2026, 09:00",
        "Reminder: Ethics at Work, 10 December 2026, 09:00",
    ]
    assert "10 ธันวาคม 2569" in smtp_server.to(thai.person.email)[0]["Subject"]
    assert smtp_server.to(invited_only.email) == []
    assert {m.period for m in outbox("training.session_reminder")} == {
        "before-7:2026-12-10",
        "before-1:2026-12-10",
    }


def test_a_late_run_sends_only_the_latest_reminder(app, smtp_server):
    with time_machine.travel(NOW, tick=False):
        s = _session()
        factories.register(s, factories.person(), RegistrationState.ENROLLED)
    # The scheduler was off all week: only the reminder of the day before goes.
    assert run(app, session_reminders, at("2026-12-09 17:00")) == 1
    assert [m.period for m in outbox()] == ["before-1:2026-12-10"]


def test_a_moved_session_is_announced_with_its_new_ics_and_reminded_again(app, smtp_server):
    with time_machine.travel(NOW, tick=False):
        s = _session()
        english = factories.user(locale="en")
        factories.register(s, english.person, RegistrationState.ENROLLED)
    assert run(app, session_reminders, at("2026-12-03 08:00")) == 1
    with time_machine.travel(at("2026-12-04 10:00"), tick=False):
        s = db.session.get(TrainingSession, s.id)
        services.update_session(s, _move_input(s, date(2026, 12, 17)))
    assert run(app, session_reminders, at("2026-12-10 08:00")) == 1  # before-7 of the new day
    deliver(at("2026-12-10 08:00"))
    moved = [m for m in smtp_server.to(english.person.email) if m["Subject"].startswith("Changed:")]
    assert len(moved) == 1
    assert moved[0]["Subject"] == "Changed: Ethics at Work, now 17 December 2026, 09:00"
    assert "Thursday, 10 December 2026, 09:00" in text_of(moved[0])  # when it was
    assert "DTSTART:20261217T020000Z" in ics_of(moved[0])
    assert len(smtp_server.to(english.person.email)) == 3


def test_a_cancellation_reaches_even_those_who_turned_optional_notices_off(app, smtp_server):
    with time_machine.travel(NOW, tick=False):
        s = _session()
        english = factories.user(locale="en")
        factories.register(s, english.person, RegistrationState.ENROLLED)
        set_opt_outs(english.id, set())  # every optional kind off
        services.cancel_session(db.session.get(TrainingSession, s.id), reason="Speaker unavailable")
        deliver()
    (mail,) = smtp_server.to(english.person.email)
    assert mail["Subject"] == "Cancelled: Ethics at Work, 10 December 2026, 09:00"
    assert "Speaker unavailable" in text_of(mail)
    assert "STATUS:CANCELLED" in ics_of(mail) and "METHOD:CANCEL" in ics_of(mail)
    (part,) = mail.iter_attachments()
    assert part.get_content_type() == "text/calendar" and part.get_param("method") == "CANCEL"
    assert part["Content-Type"].lower().count("charset") == 1
    assert run(app, session_reminders, at("2026-12-03 08:00")) == 0  # no reminder for a cancelled session


def test_the_seat_freed_notice_is_optional(app, smtp_server):
    with time_machine.travel(NOW, tick=False):
        s = _session(capacity=1)
        leaving, keen, quiet = factories.person(), factories.user(locale="en"), factories.user(locale="en")
        factories.register(s, leaving, RegistrationState.ENROLLED)
        factories.register(s, keen.person, RegistrationState.WAITLISTED)
        enrolment.withdraw(db.session.get(TrainingSession, s.id), leaving)
        deliver()
        assert subjects(smtp_server, keen.person.email) == [
            "You have a seat: Ethics at Work, 10 December 2026, 09:00"
        ]
        other = _session(capacity=1)
        factories.register(other, leaving, RegistrationState.ENROLLED)
        factories.register(other, quiet.person, RegistrationState.WAITLISTED)
        set_opt_outs(quiet.id, set())
        enrolment.withdraw(db.session.get(TrainingSession, other.id), leaving)
        deliver()
    assert smtp_server.to(quiet.person.email) == []
    assert db.session.get(TrainingSession, other.id).seats_taken == 1  # the seat is theirs all the same
