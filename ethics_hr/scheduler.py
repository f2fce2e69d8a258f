"""Periodic jobs as data, and the one scheduler that runs them (a database lock keeps a second one idle)."""

from __future__ import annotations

import fcntl
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from flask import Flask

log = logging.getLogger(__name__)
PG_SCHEDULER_LOCK = 7_274_002


@dataclass(frozen=True)
class Job:
    id: str
    func: Callable[[], object]
    trigger: object
    description: str


def _deliver_outbox() -> object:
    from ethics_hr.notifications.services import deliver_due

    return deliver_due()


def _purge_import_files() -> object:
    import time

    from flask import current_app

    folder = Path(current_app.instance_path) / "imports"
    cutoff = time.time() - 24 * 3600
    removed = 0
    for path in folder.glob("*") if folder.exists() else []:
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def jobs() -> list[Job]:
    """Every periodic job of the application, in one table."""
    return [
        Job(
            "deliver_outbox",
            _deliver_outbox,
            IntervalTrigger(minutes=1),
            "Send the messages waiting in the outbox",
        ),
        Job(
            "purge_import_files",
            _purge_import_files,
            CronTrigger(hour=3, minute=15),
            "Remove day-old import files",
        ),
    ]


class SchedulerLock:
    """Hold the right to run jobs: a PostgreSQL advisory lock, or a file lock next to a SQLite database."""

    def __init__(self, app: Flask):
        self.app = app
        self._conn = None
        self._file = None

    def acquire(self) -> bool:
        from ethics_hr.extensions import db

        with self.app.app_context():
            engine = db.engine
            if engine.dialect.name == "postgresql":
                conn = engine.connect()
                got = conn.execute(
                    sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": PG_SCHEDULER_LOCK}
                ).scalar()
                conn.commit()
                if got:
                    self._conn = conn
                    return True
                conn.close()
                return False
        path = Path(self.app.instance_path) / "scheduler.lock"
        handle = path.open("w")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._file = handle
        return True

    def release(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._file is not None:
            self._file.close()
            self._file = None


def run_job(app: Flask, job: Job) -> object:
    """Run one job inside an app context, logging instead of dying on an error."""
    with app.app_context():
        from ethics_hr.core.audit import acting_as
        from ethics_hr.extensions import db

        try:
            with acting_as(None, "scheduler"):
                return job.func()
        except Exception:
            db.session.rollback()
            log.exception("job %s failed", job.id)
            return None
        finally:
            db.session.remove()


def build_scheduler(app: Flask, *, blocking: bool) -> BackgroundScheduler | BlockingScheduler:
    scheduler = (BlockingScheduler if blocking else BackgroundScheduler)(timezone="UTC")
    for job in jobs():
        scheduler.add_job(
            run_job,
            job.trigger,
            args=(app, job),
            id=job.id,
            name=job.description,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=None,
        )
    return scheduler


def start_in_background(app: Flask) -> threading.Thread:
    """Start the scheduler inside this process (the one-machine default); wait while the lock is taken."""
    lock = SchedulerLock(app)

    def runner():
        import time

        while not lock.acquire():
            log.warning("another scheduler holds the lock; this one stays idle")
            time.sleep(30)
        scheduler = build_scheduler(app, blocking=False)
        scheduler.start()
        log.info("scheduler started with %d jobs", len(scheduler.get_jobs()))

    thread = threading.Thread(target=runner, name="scheduler", daemon=True)
    thread.start()
    return thread


def run_foreground(app: Flask) -> None:
    """Run the scheduler in the foreground (production: one process); idle while another holds the lock."""
    import time

    lock = SchedulerLock(app)
    while not lock.acquire():
        log.warning("another scheduler holds the lock; waiting")
        time.sleep(30)
    try:
        build_scheduler(app, blocking=True).start()
    finally:
        lock.release()
