"""The administrator's side of notifications: the outbox, the SMTP settings, the test mail, sending again."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ethics_hr.core import audit
from ethics_hr.core.db import transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.notifications import registry, sender
from ethics_hr.notifications.models import STATUSES, OutboxMessage, SmtpSecurity, SmtpSettings
from ethics_hr.notifications.outbox import queue

TEST_KIND = "smtp_test"


def outbox_kind_label(code: str) -> str:
    """The label of a kind as the outbox shows it, the test mail included (it is no registered kind)."""
    return str(_l("Test mail to check the mail server")) if code == TEST_KIND else registry.kind_label(code)


def outbox_target_labels(targets: list[str]) -> dict[str, str]:
    """What each outbox message is about, in words, by target."""
    return registry.target_labels(targets)


# The administrator's pages, listed on the admin index as (endpoint, label).
ADMIN_LINKS = [
    ("notifications.kind_list", _l("Notifications and reminders")),
    ("notifications.smtp", _l("Mail server")),
    ("notifications.outbox", _l("Outbox")),
]


def outbox_query(*, status: str | None = None, kind: str | None = None) -> sa.Select:
    """Select outbox messages, newest first, optionally by status and kind."""
    query = sa.select(OutboxMessage).order_by(OutboxMessage.id.desc())
    if status in STATUSES:
        query = query.where(OutboxMessage.status == status)
    if kind:
        query = query.where(OutboxMessage.kind == kind)
    return query


def outbox_counts() -> dict[str, int]:
    """Count the outbox messages per status, in one grouped query."""
    rows = db.session.execute(
        sa.select(OutboxMessage.status, sa.func.count()).group_by(OutboxMessage.status)
    ).all()
    return dict.fromkeys(STATUSES, 0) | dict(rows)


def outbox_kinds() -> list[str]:
    """Return the kinds that have messages in the outbox."""
    return list(db.session.scalars(sa.select(OutboxMessage.kind).distinct().order_by(OutboxMessage.kind)))


def smtp_settings() -> SmtpSettings:
    """Return the stored SMTP settings, or an unsaved row with the environment's values as a start."""
    row = db.session.get(SmtpSettings, sender.SMTP_SETTINGS_ID)
    if row is not None:
        return row
    config = sender.mail_config()
    return SmtpSettings(
        id=sender.SMTP_SETTINGS_ID,
        host=config.host,
        port=config.port,
        username="",
        password="",
        security=SmtpSecurity.NONE,
        sender=config.sender,
    )


@transactional
def save_smtp_settings(
    *,
    host: str,
    port: int,
    username: str,
    password: str | None,
    clear_password: bool,
    security: str,
    sender_address: str,
) -> SmtpSettings:
    """Store the SMTP settings; an empty password keeps the stored one unless it is cleared."""
    row = db.session.get(SmtpSettings, sender.SMTP_SETTINGS_ID) or SmtpSettings(id=sender.SMTP_SETTINGS_ID)
    row.host, row.port, row.username = host.strip(), port, username.strip()
    row.security, row.sender = security, sender_address.strip()
    if clear_password:
        row.password = ""
    elif password:
        row.password = password
    elif row.password is None:
        row.password = ""
    db.session.add(row)
    return row


def send_test_email(*, user_id: int, email: str | None, locale: str) -> OutboxMessage:
    """Queue a test mail to the administrator and send it at once; return its outbox row with the outcome."""
    if not email:
        raise RuleViolation(_("Your account has no email address; add one to your person record first."))
    if not sender.mail_config().configured:
        raise RuleViolation(_("No mail server is set: enter the server's address first."), "host")
    message_id = _queue_test_email(user_id=user_id, email=email, locale=locale)
    sender.deliver_due(only_ids=[message_id])
    db.session.expire_all()
    return db.session.get(OutboxMessage, message_id)


@transactional
def _queue_test_email(*, user_id: int, email: str, locale: str) -> int:
    """Queue the test mail in its own unit of work (the sender then claims it); return its outbox id."""
    now = utc_now()
    queue(
        kind=TEST_KIND,
        target=f"user:{user_id}",
        period=now.isoformat(),
        email=email,
        user_id=user_id,
        locale=locale,
        subject=_("Test email from Ethics HR"),
        body_text=_("This is a test. If you can read it, the mail settings work."),
    )
    return db.session.scalar(
        sa.select(OutboxMessage.id).where(
            OutboxMessage.kind == TEST_KIND, OutboxMessage.period == now.isoformat()
        )
    )


@transactional
def resend(message_id: int) -> bool:
    """Put a failed message back in the queue and record who did it."""
    done = sender.resend(message_id)
    if done:
        audit.record("resend", "outbox_message", str(message_id), {})
    return done
