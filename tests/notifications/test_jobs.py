"""The scheduler: jobs as data, one scheduler at a time, the web app starts none, `reminders run`."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
import time_machine

from ethics_hr import create_app, scheduler
from ethics_hr.extensions import db
from ethics_hr.notifications.models import Notice, OutboxMessage
from ethics_hr.notifications.services import kind_settings, notify_many
from ethics_hr.scheduler import (
    JOBS,
    SENDER_JOB_ID,
    Job,
    SchedulerLock,
    every,
    parse_at,
    run_job,
    wait_for_lock,
)
from tests import factories
from tests.conftest import ON_POSTGRES
from tests.notifications.conftest import hello, recipient


def test_every_job_is_data_with_a_function_of_now_returning_a_count(app):
    ids = [job.id for job in JOBS]
    assert SENDER_JOB_ID in ids and len(ids) == len(set(ids))
    for job in JOBS:
        assert job.description and job.trigger.kind in ("interval", "cron")
        assert isinstance(run_job(app, job, datetime(2026, 11, 25, 1, tzinfo=UTC)), int)


@pytest.mark.own_connections
def test_a_second_scheduler_lock_is_refused_until_the_first_is_released(app):
    first, second = SchedulerLock(app), SchedulerLock(app)
    assert first.acquire()
    try:
        assert not second.acquire()
        assert not second.held
    finally:
        first.release()
    assert second.acquire()
    second.release()


@pytest.mark.own_connections
@pytest.mark.skipif(not ON_POSTGRES, reason="the advisory lock is PostgreSQL's")
def test_on_postgresql_the_lock_is_an_advisory_lock_held_by_one_connection(app):
    first, second = SchedulerLock(app), SchedulerLock(app)
    assert first.acquire()
    try:
        holders = db.session.scalar(
            sa.text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = :k"),
            {"k": scheduler.PG_SCHEDULER_LOCK},
        )
        db.session.commit()
        assert holders == 1
        assert not second.acquire()  # another connection (another process or host) is refused
    finally:
        first.release()
    assert second.acquire()
    second.release()


@pytest.mark.own_connections
def test_a_second_scheduler_stays_idle_while_the_first_holds_the_lock(app):
    first = SchedulerLock(app)
    assert first.acquire()
    stop = threading.Event()
    stop.set()  # one try, then stop: no waiting in a test
    try:
        assert wait_for_lock(SchedulerLock(app), stop, poll=0) is False
    finally:
        first.release()
    again = SchedulerLock(app)
    assert wait_for_lock(again, threading.Event(), poll=0) is True
    again.release()


@pytest.mark.own_connections
def test_creating_the_app_starts_no_scheduler(app, tmp_path):
    before = {t.name for t in threading.enumerate()}
    web = create_app({"SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"]}, env="testing")
    web.test_client().get("/login")
    assert not scheduler._started.is_set()
    assert {t.name for t in threading.enumerate()} - before == set()
    lock = SchedulerLock(app)
    assert lock.acquire()  # nobody took it
    lock.release()


def test_naive_at_times_are_in_the_organisations_time_zone(app):
    assert parse_at("2026-11-25T08:00") == datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
    assert parse_at("2026-11-25T08:00+00:00") == datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


def _acknowledgment_reminders(now: datetime) -> int:
    """A stand-in for a domain job: everyone without an acknowledgment, reminded every 7 days."""
    from ethics_hr.notifications.services import due_repeat
    from ethics_hr.people.models import User

    settings = kind_settings("test_reminder")
    period = due_repeat(datetime(2026, 11, 1, 3, tzinfo=UTC), now, settings.repeat_days, settings.hour)
    if period is None:
        return 0
    users = db.session.scalars(sa.select(User)).all()
    return notify_many(
        [recipient(u) for u in users], kind="test_reminder", target="code:1", period=period, render=hello
    )


@pytest.fixture
def reminder_job(monkeypatch):
    job = Job("test_ack_reminders", _acknowledgment_reminders, every(minutes=15), "Test reminders")
    monkeypatch.setattr(scheduler, "JOBS", [*scheduler.JOBS, job])
    return job


def test_reminders_run_queues_what_is_due_prints_counts_and_delivers(
    app, runner, org, reminder_job, smtp_server
):
    for _ in range(3):
        factories.user()
    db.session.commit()
    # 1 Nov + 7 days at 08:00 Bangkok: the first reminder is due from 8 Nov 01:00 UTC.
    early = runner.invoke(args=["reminders", "run", "--at", "2026-11-08T07:59"])
    assert "test_ack_reminders: 0 queued" in early.output and early.exit_code == 0
    result = runner.invoke(args=["reminders", "run", "--at", "2026-11-08T08:00"])
    assert result.exit_code == 0, result.output
    assert "test_ack_reminders: 3 queued" in result.output
    assert "deliver_outbox: 3 sent" in result.output
    again = runner.invoke(args=["reminders", "run", "--at", "2026-11-10T12:00"])
    assert "test_ack_reminders: 0 queued" in again.output and "deliver_outbox: 0 sent" in again.output
    later = runner.invoke(args=["reminders", "run", "--at", "2026-11-15T08:00+07:00"])
    assert "test_ack_reminders: 3 queued" in later.output
    assert len(smtp_server.messages) == 6
    assert set(db.session.scalars(sa.select(Notice.period).distinct())) == {"repeat-1", "repeat-2"}


def test_a_job_run_twice_or_late_queues_each_reminder_once(app, org, reminder_job):
    for _ in range(4):
        factories.user()
    db.session.commit()
    with time_machine.travel(datetime(2026, 11, 20, 2, tzinfo=UTC), tick=False):
        late = datetime(2026, 11, 20, 2, tzinfo=UTC)  # the machine was off on 15 Nov: only repeat-2 is sent
        assert run_job(app, reminder_job, late) == 4
        assert run_job(app, reminder_job, late) == 0
    assert set(db.session.scalars(sa.select(OutboxMessage.period).distinct())) == {"repeat-2"}


@pytest.mark.own_connections
def test_two_schedulers_running_the_same_job_at_once_queue_each_reminder_once(app, org, reminder_job):
    for _ in range(20):
        factories.user()
    db.session.commit()
    now = datetime(2026, 11, 8, 2, tzinfo=UTC)
    barrier = threading.Barrier(2)
    counts: list[int | None] = []

    def run():
        barrier.wait()
        counts.append(run_job(app, reminder_job, now))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert None not in counts
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OutboxMessage)) == 20
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Notice)) == 20


def test_a_failing_job_is_reported_and_the_others_still_run(app, runner, monkeypatch):
    def broken(now):
        raise RuntimeError("boom")

    monkeypatch.setattr(
        scheduler, "JOBS", [Job("broken", broken, every(minutes=1), "Broken"), *scheduler.JOBS]
    )
    result = runner.invoke(args=["reminders", "run"])
    assert "broken: FAILED" in result.output and "deliver_outbox:" in result.output
    assert result.exit_code == 1


def test_reminders_run_refuses_a_bad_time_or_job(app, runner):
    assert runner.invoke(args=["reminders", "run", "--at", "tomorrow"]).exit_code == 2
    assert runner.invoke(args=["reminders", "run", "--job", "nope"]).exit_code == 2


def test_serve_starts_the_background_scheduler_only_once(app, monkeypatch):
    started = []
    monkeypatch.setattr(scheduler, "_started", threading.Event())
    monkeypatch.setattr(scheduler.threading, "Thread", lambda **kw: started.append(kw) or _NoThread())
    assert scheduler.start_in_background(app) is not None
    assert scheduler.start_in_background(app) is None
    assert len(started) == 1


class _NoThread:
    def start(self):
        pass


KILLED_SENDER = """
import os, signal, sys
from ethics_hr import create_app
from ethics_hr.notifications import sender
from ethics_hr.scheduler import SchedulerLock

config = {"SQLALCHEMY_DATABASE_URI": sys.argv[1], "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": int(sys.argv[2])}
app = create_app(config | {"INSTANCE_PATH": sys.argv[3]}, env="testing")
lock = SchedulerLock(app)
assert lock.acquire()
# The mail server has accepted the first message; the process dies before marking it sent.
sender._mark_sent = lambda batch, row: os.kill(os.getpid(), signal.SIGKILL)
with app.app_context():
    sender.deliver_due()
"""


@pytest.mark.own_connections
def test_a_scheduler_killed_mid_send_is_taken_over_and_its_claims_go_at_once(app, smtp_server, tmp_path):
    import subprocess
    import sys

    from ethics_hr.notifications.models import OutboxMessage, OutboxStatus
    from ethics_hr.notifications.sender import deliver_due
    from tests.notifications.test_sender import queue_plain

    queue_plain(4)
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    dead = subprocess.run(
        [sys.executable, "-c", KILLED_SENDER, str(url), str(smtp_server.port), app.config["INSTANCE_PATH"]],
        capture_output=True,
        timeout=120,
    )
    assert dead.returncode == -9, dead.stderr.decode()
    assert len(smtp_server.messages) == 1  # accepted by the server, not marked
    db.session.expire_all()
    assert set(db.session.scalars(sa.select(OutboxMessage.status))) == {OutboxStatus.SENDING}

    # The next scheduler takes the lock at once (the dead one's lock went with its process) and frees the
    # claims at once, not after the 15-minute claim timeout.
    successor = SchedulerLock(app)
    assert successor.acquire()
    try:
        assert deliver_due() == 4
    finally:
        successor.release()
    ids = [m["Message-ID"] for m in smtp_server.messages]
    assert len(ids) == 5 and len(set(ids)) == 4  # one harmless duplicate, with the same Message-ID
    db.session.expire_all()
    assert set(db.session.scalars(sa.select(OutboxMessage.status))) == {OutboxStatus.SENT}
