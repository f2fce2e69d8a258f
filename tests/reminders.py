"""Helpers for the reminder tests: local times, a job run as the scheduler runs it, the mails that arrived."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import sqlalchemy as sa
import time_machine
from flask import Flask

from ethics_hr.extensions import db
from ethics_hr.notifications.models import Notice, OutboxMessage
from ethics_hr.notifications.sender import deliver_due
from ethics_hr.scheduler import Job, every, run_job

BANGKOK = ZoneInfo("Asia/Bangkok")


def at(text: str) -> datetime:
    """A wall-clock time in Bangkok, e.g. at("2026-12-03 08:00"), as an aware datetime."""
    return datetime.fromisoformat(text).replace(tzinfo=BANGKOK)


def run(app: Flask, func: Callable[[datetime], int], now: datetime) -> int:
    """Run a job function as the scheduler does at `now` (its own contexts, committed); fail if it failed."""
    db.session.commit()
    with time_machine.travel(now, tick=False):
        count = run_job(app, Job("test_job", func, every(minutes=15), "test"), now)
    assert count is not None, "the job failed (see the log)"
    return count


def deliver(now: datetime | None = None) -> int:
    """Send what is due (at `now`, or at the time the test travelled to) to the test's SMTP server."""
    if now is None:
        return deliver_due()
    with time_machine.travel(now, tick=False):
        return deliver_due(now)


def outbox(kind: str | None = None) -> list[OutboxMessage]:
    query = sa.select(OutboxMessage).order_by(OutboxMessage.id)
    if kind:
        query = query.where(OutboxMessage.kind == kind)
    return list(db.session.scalars(query))


def notices(kind: str | None = None) -> list[Notice]:
    query = sa.select(Notice).order_by(Notice.id)
    if kind:
        query = query.where(Notice.kind == kind)
    return list(db.session.scalars(query))


def text_of(mail: EmailMessage) -> str:
    return mail.get_body(preferencelist=("plain",)).get_content()


def html_of(mail: EmailMessage) -> str:
    return mail.get_body(preferencelist=("html",)).get_content()


def attachments_of(mail: EmailMessage) -> dict[str, bytes]:
    return {part.get_filename(): part.get_payload(decode=True) for part in mail.iter_attachments()}


def ics_of(mail: EmailMessage) -> str:
    """The session's calendar file, with its folded lines joined."""
    return attachments_of(mail)["session.ics"].decode().replace("\r\n ", "")


def subjects(server, address: str) -> list[str]:
    return [str(m["Subject"]) for m in server.to(address)]
