"""Queue messages in the outbox and deliver them by SMTP with retries; knows no domain."""

from __future__ import annotations

import smtplib
from datetime import timedelta
from email.message import EmailMessage

import sqlalchemy as sa
from flask import current_app

from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.notifications.models import FAILED, PENDING, SENT, OutboxMessage

MAX_ATTEMPTS = 6
BACKOFF_MINUTES = (1, 5, 15, 60, 240)


def queue_email(
    *,
    kind: str,
    target: str,
    period: str,
    recipient: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    locale: str = "th",
) -> bool:
    """Add a message to the outbox unless the same (kind, target, period, recipient) is already there.

    Runs inside the caller's transaction; returns whether a row was added.
    """
    exists = db.session.scalar(
        sa.select(OutboxMessage.id).where(
            OutboxMessage.kind == kind,
            OutboxMessage.target == target,
            OutboxMessage.period == period,
            OutboxMessage.recipient == recipient,
        )
    )
    if exists is not None:
        return False
    db.session.add(
        OutboxMessage(
            kind=kind,
            target=target,
            period=period,
            recipient=recipient,
            subject=subject,
            body_text=body_text,
            body_html=body_html,
            locale=locale,
        )
    )
    return True


def _send(message: OutboxMessage) -> None:
    cfg = current_app.config
    if not cfg.get("MAIL_SERVER"):
        raise RuntimeError("no mail server is configured (ETHICS_HR_MAIL_SERVER)")
    email = EmailMessage()
    email["From"] = cfg["MAIL_SENDER"]
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email.set_content(message.body_text)
    if message.body_html:
        email.add_alternative(message.body_html, subtype="html")
    with smtplib.SMTP(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=10) as smtp:
        smtp.send_message(email)


def deliver_due(limit: int = 200) -> int:
    """Send the pending messages whose time has come; retry failures later; return how many went."""
    now = utc_now()
    due = list(
        db.session.scalars(
            sa.select(OutboxMessage)
            .where(OutboxMessage.status == PENDING, OutboxMessage.next_attempt_at <= now)
            .order_by(OutboxMessage.id)
            .limit(limit)
        )
    )
    sent = 0
    for message in due:
        try:
            _send(message)
        except Exception as error:  # any failure of the mail path is recorded and retried, never lost
            message.attempts += 1
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            if message.attempts >= MAX_ATTEMPTS:
                message.status = FAILED
            else:
                delay = BACKOFF_MINUTES[min(message.attempts - 1, len(BACKOFF_MINUTES) - 1)]
                message.next_attempt_at = now + timedelta(minutes=delay)
        else:
            message.status = SENT
            message.sent_at = utc_now()
            message.attempts += 1
            sent += 1
        db.session.commit()
    return sent
