"""Periodic jobs as data, and the one scheduler that runs them (a database lock keeps a second one idle).

Every job is `func(now) -> int`: it works out from the database what is due at `now` and not yet done,
does it, and returns how many messages it queued (the sender: how many it sent). So a run that is late,
repeated, or from two processes at once gives the same result, and `flask --app ethics_hr reminders run
--at ...` can replay time.
Domains add their jobs to JOBS below (import their `jobs.py` here: this module is floor 4).
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
import sqlalchemy as sa
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from flask import Flask, current_app
from flask.cli import AppGroup

from ethics_hr.codes import jobs as codes_jobs
from ethics_hr.codes import tally as codes_tally
from ethics_hr.committees import jobs as committees_jobs
from ethics_hr.conflicts import jobs as conflicts_jobs
from ethics_hr.core.audit import acting_as
from ethics_hr.core.db import unit_of_work
from ethics_hr.core.models import utc_now
from ethics_hr.core.settings import get_settings
from ethics_hr.extensions import db
from ethics_hr.gifts import jobs as gifts_jobs
from ethics_hr.notifications.sender import deliver_due, release_claims_of_the_last_scheduler
from ethics_hr.people.anchors import anchor_the_audit_chain
from ethics_hr.plans import jobs as plans_jobs
from ethics_hr.pledges import jobs as pledges_jobs
from ethics_hr.questions import jobs as questions_jobs
from ethics_hr.training import jobs as training_jobs

log = logging.getLogger(__name__)
PG_SCHEDULER_LOCK = 7_274_002
LOCK_POLL_SECONDS = 30


@dataclass(frozen=True)
class Trigger:
    """When a job runs: an APScheduler trigger name and its fields, in the organisation's time zone."""

    kind: str
    fields: dict[str, Any] = field(default_factory=dict)


def every(**interval: int) -> Trigger:
    """Run every so often, e.g. every(minutes=1)."""
    return Trigger("interval", interval)


def cron(**fields: Any) -> Trigger:
    """Run at wall-clock times, e.g. cron(hour=3, minute=15) or cron(minute="*/15")."""
    return Trigger("cron", fields)


@dataclass(frozen=True)
class Job:
    """A periodic job. Its work is one unit of work, unless it commits in steps itself (`own_units`)."""

    id: str
    func: Callable[[datetime], int]
    trigger: Trigger
    description: str
    own_units: bool = False


def deliver_outbox(now: datetime) -> int:
    """Send the messages that are due."""
    return deliver_due(now)


def purge_import_files(now: datetime) -> int:
    """Remove import files older than a day."""
    folder = Path(current_app.instance_path) / "imports"
    cutoff = now.timestamp() - 24 * 3600
    removed = 0
    for path in folder.glob("*") if folder.exists() else []:
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


SENDER_JOB_ID = "deliver_outbox"

# Every periodic job of the application. Domains append theirs, e.g.
#   Job("codes_ack_reminders", codes_jobs.ack_reminders, cron(minute="*/15"), "Remind to acknowledge codes"),
# Reminder jobs run every quarter of an hour: each sends what is due by its kind's hour and nothing twice.
REMINDERS = cron(minute="*/15")
JOBS: list[Job] = [
    # These commit in steps (the sender each message, the reminder jobs each session, version, order or
    # question), so a run that dies half way keeps what it finished and the next run queues only the rest.
    Job(
        SENDER_JOB_ID,
        deliver_outbox,
        every(minutes=1),
        "Send the messages waiting in the outbox",
        own_units=True,
    ),
    Job("purge_import_files", purge_import_files, cron(hour=3, minute=15), "Remove day-old import files"),
    Job(
        "training_session_reminders",
        training_jobs.session_reminders,
        REMINDERS,
        "Remind before sessions",
        own_units=True,
    ),
    Job(
        "training_after_session",
        training_jobs.after_session_notices,
        REMINDERS,
        "Thank attendees, with the evaluation and post-test",
        own_units=True,
    ),
    Job(
        "codes_ack_reminders",
        codes_jobs.ack_reminders,
        REMINDERS,
        "Remind to acknowledge codes",
        own_units=True,
    ),
    Job(
        "codes_compliance_counts",
        codes_tally.roll_job,
        cron(minute=5),  # hourly: a new day's count early in the day, and the versions not yet counted
        "Count compliance again: versions asked again, versions not yet counted",
    ),
    Job(
        "codes_overdue_digests",
        codes_jobs.overdue_digests,
        REMINDERS,
        "Digest of late acknowledgments",
        own_units=True,
    ),
    Job(
        "questions_new",
        questions_jobs.announce_new_questions,
        REMINDERS,
        "Announce new questions",
        own_units=True,
    ),
    Job(
        "questions_assignee",
        questions_jobs.assignee_reminders,
        REMINDERS,
        "Remind the assigned member",
        own_units=True,
    ),
    Job(
        "questions_overdue_chair",
        questions_jobs.overdue_to_chair,
        REMINDERS,
        "Overdue questions to the chair",
        own_units=True,
    ),
    Job(
        "committees_terms_ending",
        committees_jobs.terms_ending,
        REMINDERS,
        "Terms and orders ending",
        own_units=True,
    ),
    Job(
        "gifts_decision_due",
        gifts_jobs.decision_reminders,
        REMINDERS,
        "Gifts waiting for the head's decision",
        own_units=True,
    ),
    Job(
        "conflicts_annual_due",
        conflicts_jobs.annual_reminders,
        REMINDERS,
        "Annual declarations of interests not yet made",
        own_units=True,
    ),
    Job(
        "pledges_sign_reminders",
        pledges_jobs.sign_reminders,
        REMINDERS,
        "Remind those who have not signed the integrity pledge",
        own_units=True,
    ),
    Job("plans_late_items", plans_jobs.late_items_digest, REMINDERS, "Monthly digest of late plan items"),
    # Before the anchor, so that the morning's anchor already holds the anonymous acts of the day before.
    Job(
        "questions_anonymous_audit",
        questions_jobs.audit_anonymous_acts,
        REMINDERS,
        "Enter the anonymous askers' acts of past days in the audit log",
    ),
    # The first run of each day anchors the audit chain and mails the anchor (a missed night is made up).
    Job("audit_anchor", anchor_the_audit_chain, REMINDERS, "Anchor the audit log and mail the anchor"),
]


def run_job(app: Flask, job: Job, now: datetime | None = None) -> int | None:
    """Run one job as of `now` in its own contexts, as one unit of work; log instead of dying on an error."""
    # Its own app context (its own session), and a request context for url_for and Flask-Babel's locale.
    with app.app_context(), app.test_request_context(base_url=app.config["BASE_URL"]):
        unit = contextlib.nullcontext() if job.own_units else unit_of_work()
        try:
            with acting_as(None, "scheduler"), unit:
                count = job.func(now or utc_now())
            return int(count or 0)
        except Exception:
            log.exception("job %s failed", job.id)
            return None
        finally:
            db.session.remove()


class SchedulerLock:
    """The right to run jobs: a PostgreSQL advisory lock on a held connection, or a file lock by SQLite.

    One holder at a time, across processes and hosts sharing the database.
    """

    def __init__(self, app: Flask):
        self.app = app
        self._conn: sa.Connection | None = None
        self._file = None

    def acquire(self) -> bool:
        """Take the lock if nobody holds it; never wait. Whoever held it before has stopped: its outbox
        claims are freed at once rather than after the claim timeout."""
        if not self._take():
            return False
        with self.app.app_context():
            release_claims_of_the_last_scheduler()
        return True

    def _take(self) -> bool:
        with self.app.app_context():
            engine = db.engine
            if engine.dialect.name == "postgresql":
                conn = engine.connect()
                got = conn.execute(
                    sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": PG_SCHEDULER_LOCK}
                ).scalar()
                conn.commit()  # the lock is the session's: it outlives the transaction
                if got:
                    self._conn = conn
                    return True
                conn.close()
                return False
            path = self._lock_path(engine.url)
        handle = path.open("a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._file = handle
        return True

    def _lock_path(self, url: sa.URL) -> Path:
        if url.database and url.database != ":memory:":
            db_file = Path(url.database)
            return db_file.with_name(db_file.name + ".scheduler-lock")
        return Path(self.app.instance_path) / "scheduler.lock"

    @property
    def held(self) -> bool:
        return self._conn is not None or self._file is not None

    def release(self) -> None:
        if self._conn is not None:
            # Unlock explicitly: a pooled connection would otherwise keep the lock after close().
            try:
                self._conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": PG_SCHEDULER_LOCK})
                self._conn.commit()
            finally:
                self._conn.close()
                self._conn = None
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None


def wait_for_lock(lock: SchedulerLock, stop: threading.Event, poll: float = LOCK_POLL_SECONDS) -> bool:
    """Stay idle while another scheduler holds the lock; return True once we hold it, False when stopped."""
    warned = False
    while not stop.is_set():
        if lock.acquire():
            return True
        if not warned:
            log.warning("another scheduler holds the lock; this one stays idle")
            warned = True
        stop.wait(poll)
    return False


def build_scheduler(app: Flask, *, blocking: bool) -> BackgroundScheduler | BlockingScheduler:
    """Make an APScheduler with every job of JOBS, in the organisation's time zone, each due at once."""

    with app.app_context():
        tz = get_settings().timezone
    scheduler = (BlockingScheduler if blocking else BackgroundScheduler)(timezone=tz)
    for job in JOBS:
        scheduler.add_job(
            run_job,
            job.trigger.kind,
            args=(app, job),
            id=job.id,
            name=job.description,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=None,
            next_run_time=datetime.now(UTC),  # catch up at start: jobs reconcile from the database
            **job.trigger.fields,
        )
    return scheduler


_started = threading.Event()


def start_in_background(app: Flask) -> threading.Thread | None:
    """Start the scheduler in this process (the one-machine default), once; idle while the lock is taken."""
    if _started.is_set():
        return None
    _started.set()
    lock = SchedulerLock(app)
    stop = threading.Event()

    def runner() -> None:
        if wait_for_lock(lock, stop):
            scheduler = build_scheduler(app, blocking=False)
            scheduler.start()
            log.info("scheduler started with %d jobs", len(scheduler.get_jobs()))

    thread = threading.Thread(target=runner, name="scheduler", daemon=True)
    thread.start()
    return thread


def run_foreground(app: Flask) -> None:
    """Run the scheduler in the foreground (production: one process); idle while another holds the lock."""
    lock = SchedulerLock(app)
    if not lock.acquire():
        click.echo("another scheduler holds the lock; this one stays idle until it stops", err=True)
        if not wait_for_lock(lock, threading.Event()):
            return
    try:
        click.echo(f"scheduler running {len(JOBS)} jobs; Ctrl-C to stop")
        build_scheduler(app, blocking=True).start()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        lock.release()


def parse_at(text: str | None) -> datetime:
    """Read an ISO time; a naive one is in the organisation's time zone."""
    if not text:
        return utc_now()

    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(f"not an ISO date or time: {text!r}", param_hint="--at") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=get_settings().tz)
    return moment.astimezone(UTC)


reminders_cli = AppGroup("reminders", help="Run the reminder jobs by hand.")


@reminders_cli.command("run")
@click.option(
    "--at", "at", default=None, help="Run as of this ISO time (naive: the organisation's time zone)."
)
@click.option("--job", "only", multiple=True, help="Run only these job ids (repeatable).")
def reminders_run(at: str | None, only: tuple[str, ...]) -> None:
    """Run every job once as of a given time, print how many messages each queued, then deliver the outbox."""
    app = current_app._get_current_object()
    now = parse_at(at)
    unknown = set(only) - {j.id for j in JOBS}
    if unknown:
        raise click.BadParameter(f"unknown job(s): {', '.join(sorted(unknown))}", param_hint="--job")
    failed = False
    started = time.monotonic()
    for job in JOBS:
        if job.id == SENDER_JOB_ID or (only and job.id not in only):
            continue
        count = run_job(app, job, now)
        failed |= count is None
        click.echo(f"{job.id}: {'FAILED (see the log)' if count is None else f'{count} queued'}")
    sender = next(j for j in JOBS if j.id == SENDER_JOB_ID)
    sent = run_job(app, sender)
    failed |= sent is None
    click.echo(f"{sender.id}: {'FAILED (see the log)' if sent is None else f'{sent} sent'}")
    click.echo(f"done as of {now.isoformat()} in {time.monotonic() - started:.1f} s")
    if failed:
        raise SystemExit(1)
