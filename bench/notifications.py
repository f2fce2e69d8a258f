"""Notifications at scale: queue a message to everyone in bulk, run it again, deliver 2,000 over SMTP.

Targets (issue 8): 10,000 messages queued in under 10 s at profile L, a second run with nothing new in under
1 s, the sender at no less than 100 messages per second to a local SMTP server.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import insert

from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.notifications.models import Notice, OutboxMessage, OutboxStatus
from ethics_hr.notifications.sender import deliver_due
from ethics_hr.notifications.services import (
    NotificationKind,
    Recipient,
    notify_many,
    register_kind,
    render_message,
)
from ethics_hr.people.models import Person, User, UserRole

BENCH_KIND = register_kind(
    NotificationKind("bench_reminder", _l("Reminder"), defaults={"repeat_days": 7, "hour": 8})
)
DELIVER = 2_000


def generate(ctx) -> None:
    """Give the employee a page of notices and the outbox some history; let the officer see the outbox."""
    now = utc_now()
    if not ctx.officer.has_role("admin"):  # the outbox is an administrator's page
        db.session.add(UserRole(user_id=ctx.officer.id, role="admin"))
    db.session.execute(
        insert(Notice),
        [
            {
                "user_id": ctx.employee.id,
                "kind": "bench_history",
                "target": f"item:{i}",
                "period": "",
                "title": f"แจ้งเตือนรายการที่ {i}",
                "body": "โปรดตรวจสอบรายละเอียดในระบบ",
                "link": "/home",
                "created_at": now - timedelta(hours=i),
                "read_at": now if i % 3 else None,
            }
            for i in range(120)
        ],
    )
    statuses = (
        OutboxStatus.SENT,
        OutboxStatus.SENT,
        OutboxStatus.SENT,
        OutboxStatus.FAILED,
        OutboxStatus.PENDING,
    )
    history = 5_000 if ctx.profile in {"L", "XL"} else 500
    db.session.execute(
        insert(OutboxMessage),
        [
            {
                "kind": "bench_history",
                "target": f"item:{i}",
                "period": "",
                "recipient": f"email:history{i}@example.org",
                "email": f"history{i}@example.org",
                "subject": f"ข้อความที่ {i}",
                "body_text": "ข้อความทดสอบ",
                "status": statuses[i % len(statuses)],
                "attempts": 1,
                "last_error": "SMTPDataError: 451 mailbox busy" if i % len(statuses) == 3 else "",
                "next_attempt_at": now + timedelta(days=1),
                "created_at": now - timedelta(minutes=i),
            }
            for i in range(history)
        ],
    )
    db.session.commit()


def pages(ctx) -> list[tuple[str, str, str]]:
    return [
        ("notifications: outbox", "/admin/notifications/outbox", "officer"),
        ("notifications: failed messages", "/admin/notifications/outbox?status=failed", "officer"),
        ("notifications: my notices", "/notifications/", "employee"),
    ]


def _recipients(ctx) -> list[Recipient]:
    rows = db.session.execute(
        sa.select(User.id, Person.email, User.preferred_locale, Person.first_name_th, Person.last_name_th)
        .join(Person, User.person_id == Person.id)
        .where(Person.id.in_(ctx.people))
    ).all()
    return [Recipient(r.id, r.email, r.preferred_locale, f"{r.first_name_th} {r.last_name_th}") for r in rows]


def _render(r: Recipient):
    return render_message(
        _("Welcome to the ethics programme"), "notifications/email/welcome", name=r.name, link="/home"
    )


def tasks(ctx) -> list[tuple[str, Callable[[], object]]]:
    """Each task runs once and is timed by the framework; each returns what it did."""
    size = 10_000 if ctx.profile in {"L", "XL"} else 1_000

    def queue_everyone() -> dict:
        people = _recipients(ctx)[:size]
        n = notify_many(people, kind="bench_reminder", target="bench:1", period="repeat-1", render=_render)
        db.session.commit()
        return {"recipients": len(people), "queued": n}

    def queue_again() -> dict:
        people = _recipients(ctx)[:size]
        n = notify_many(people, kind="bench_reminder", target="bench:1", period="repeat-1", render=_render)
        db.session.commit()
        return {"recipients": len(people), "queued": n}

    def deliver() -> dict:
        server = SinkServer()
        server.start()
        saved = {k: current_app.config.get(k) for k in ("MAIL_SERVER", "MAIL_PORT")}
        current_app.config.update(MAIL_SERVER=server.host, MAIL_PORT=server.port)
        try:
            started = time.perf_counter()
            sent = deliver_due(limit=DELIVER)
            seconds = time.perf_counter() - started
        finally:
            current_app.config.update(saved)
            server.stop()
        rate = sent / seconds if seconds else 0.0
        print(f"notifications: delivered {sent} messages in {seconds:.2f} s = {rate:.0f} messages/s")
        return {"sent": sent, "seconds": round(seconds, 2), "messages_per_second": round(rate)}

    return [
        (f"notifications: notify_many to {size:,} people", queue_everyone),
        (f"notifications: notify_many again, nothing new ({size:,})", queue_again),
        (f"notifications: deliver {DELIVER:,} by SMTP", deliver),
    ]


class SinkServer:
    """A local SMTP server (aiosmtpd's Sink) in its own process, as a real mail server would be."""

    def __init__(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.host, self.port = "127.0.0.1", s.getsockname()[1]
        self._process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [sys.executable, "-m", "aiosmtpd", "-n", "-c", "aiosmtpd.handlers.Sink"]
        self._process = subprocess.Popen([*command, "-l", f"{self.host}:{self.port}"])
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # wait until it listens
            with socket.socket() as s:
                if s.connect_ex((self.host, self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("the local SMTP server did not start")

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=10)
