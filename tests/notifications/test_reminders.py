"""Every domain's reminder jobs together: two schedulers at once, and a job that dies half way."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import date

import pytest
import time_machine

from ethics_hr import scheduler
from ethics_hr.core.settings import get_settings
from ethics_hr.extensions import db
from ethics_hr.notifications.models import OutboxMessage
from ethics_hr.scheduler import SENDER_JOB_ID, run_job
from ethics_hr.training import notices as training_notices
from ethics_hr.training.jobs import session_reminders
from ethics_hr.training.models import RegistrationState
from tests import factories
from tests.reminders import at, deliver, outbox, run

NOW = at("2026-12-03 08:30")


@pytest.fixture(autouse=True)
def settings_row(app):
    """Create the settings row first: a session's fiscal year reads it while being flushed."""
    get_settings()
    db.session.commit()


def _a_bit_of_everything() -> None:
    """Due at NOW: session reminders, acknowledgment reminders, overdue digests, a term ending."""
    factories.officer(locale="en", category_code="teacher")
    people = [factories.user(locale="th" if i % 2 else "en") for i in range(6)]
    with time_machine.travel(at("2026-11-02 10:00"), tick=False):
        factories.published(due=date(2026, 11, 20))
        s = factories.session(starts_at=at("2026-12-10 09:00"))
    for user in people:
        factories.register(s, user.person, RegistrationState.ENROLLED)
    committee = factories.committee()
    factories.order(committee, [people[0].person], ends_on=date(2027, 1, 31))


def _reminder_jobs():
    return [j for j in scheduler.JOBS if j.id not in (SENDER_JOB_ID, "purge_import_files")]


@pytest.mark.own_connections
def test_two_schedulers_running_every_reminder_job_at_once_send_each_message_once(app, smtp_server):
    _a_bit_of_everything()
    db.session.commit()
    barrier = threading.Barrier(2)
    failed: list[str] = []

    def scheduler_thread():
        barrier.wait()
        for job in _reminder_jobs():
            if run_job(app, job, NOW) is None:
                failed.append(job.id)

    with time_machine.travel(NOW, tick=False):
        threads = [threading.Thread(target=scheduler_thread) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert failed == []
    rows = outbox()
    keys = Counter((m.kind, m.target, m.period, m.recipient) for m in rows)
    assert keys and max(keys.values()) == 1
    assert {m.kind for m in rows} >= {
        "training.session_reminder",
        "codes.ack_reminder",
        "codes.overdue_digest",
        "committees.term_ending",
    }
    assert deliver(NOW) == len(rows)
    assert len({m["Message-ID"] for m in smtp_server.messages}) == len(smtp_server.messages) == len(rows)
    for job in _reminder_jobs():  # and a third run, later that day, finds nothing new
        assert run(app, job.func, at("2026-12-03 18:00")) == 0


class Crash(Exception):
    """The job dies half way (the database went away, a bug): the scheduler logs it and goes on."""


def test_a_job_that_dies_after_3_of_10_then_runs_again_queues_the_other_7(app, smtp_server, monkeypatch):
    people = [factories.person() for _ in range(10)]
    for hour, person in enumerate(people, start=8):
        s = factories.session(starts_at=at(f"2026-12-10 {hour:02d}:00"))
        factories.register(s, person, RegistrationState.ENROLLED)
    real = training_notices.reminder
    calls = []

    def dies_on_the_fourth(*args, **kwargs):
        if len(calls) == 3:
            raise Crash("connection lost")
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(training_notices, "reminder", dies_on_the_fourth)
    db.session.commit()
    with time_machine.travel(NOW, tick=False):
        job = next(j for j in scheduler.JOBS if j.func is session_reminders)  # as the scheduler runs it
        assert run_job(app, job, NOW) is None
    assert len(outbox()) == 3  # what was queued before it died is kept: each session is committed
    monkeypatch.setattr(training_notices, "reminder", real)
    assert run(app, session_reminders, NOW) == 7
    assert run(app, session_reminders, NOW) == 0
    assert deliver(NOW) == 10
    assert Counter(m["To"] for m in smtp_server.messages).most_common(1)[0][1] == 1
    assert len(smtp_server.messages) == 10


@pytest.mark.parametrize("job_id", [j.id for j in scheduler.JOBS if j.id != SENDER_JOB_ID])
def test_every_reminder_job_with_nothing_to_do_queues_nothing(app, job_id):
    job = next(j for j in scheduler.JOBS if j.id == job_id)
    assert run(app, job.func, NOW) == 0
    assert db.session.scalar(db.select(db.func.count(OutboxMessage.id))) == 0


def test_the_demo_has_reminders_for_the_bell(app, runner):
    from ethics_hr.demo import content
    from ethics_hr.notifications.models import Notice
    from ethics_hr.people.models import Department, Person

    assert runner.invoke(args=["demo"]).exit_code == 0
    heads = dict(
        db.session.execute(
            db.select(Department.code, Person.position).join(Person, Person.id == Department.head_person_id)
        ).all()
    )
    assert heads["PALAD"] == "หัวหน้าสำนักปลัดเทศบาล" and heads["FIN"] == "ผู้อำนวยการกองคลัง"
    assert len(heads) == len(content.DEPARTMENTS)
    result = runner.invoke(args=["reminders", "run", "--at", "2026-11-25T09:00"])
    assert result.exit_code == 0, result.output
    kinds = set(db.session.scalars(db.select(Notice.kind)))
    assert {
        "training.session_reminder",
        "codes.ack_reminder",
        "codes.overdue_digest",
        "committees.term_ending",
        "questions.new_question",
    } <= kinds
    officer = db.session.scalar(db.select(Person).where(Person.employee_number == "EMP0002")).account
    officer_kinds = set(db.session.scalars(db.select(Notice.kind).where(Notice.user_id == officer.id)))
    assert {"codes.overdue_digest", "committees.term_ending"} <= officer_kinds
    again = runner.invoke(args=["reminders", "run", "--at", "2026-11-25T09:30"])
    assert "deliver_outbox" in again.output and " 0 queued" in again.output
    assert all(line.endswith(": 0 queued") for line in again.output.splitlines() if "queued" in line)


def test_the_demo_years_mail_is_not_sent_when_a_mail_server_is_set(app, runner, smtp_server):
    from ethics_hr.notifications.models import OutboxStatus
    from ethics_hr.notifications.outbox import queue_email
    from ethics_hr.notifications.sender import deliver_due

    assert runner.invoke(args=["demo"]).exit_code == 0
    statuses = Counter(db.session.scalars(db.select(OutboxMessage.status)))
    assert statuses[OutboxStatus.SENT] > 100 and statuses[OutboxStatus.PENDING] == 0, statuses
    assert deliver_due() == 0 and smtp_server.messages == []
    # What happens after the demo was loaded is mailed as usual.
    queue_email(kind="test", target="t:1", period="", recipient="a@example.org", subject="s", body_text="b")
    db.session.commit()
    assert deliver_due() == 1 and len(smtp_server.messages) == 1
