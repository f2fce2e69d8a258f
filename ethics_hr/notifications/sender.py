"""Deliver the outbox by SMTP: claim rows, send them outside any transaction, record each outcome at once.

A row is claimed (status 'sending', a claim token and time) by one conditional UPDATE, so two senders
never take the same row; the claim is committed before any network I/O, and each sent row is marked right
after the server accepted it. A sender that dies leaves its claims behind; they go back to 'pending' as
soon as a scheduler takes the lock, or after CLAIM_TIMEOUT. Delivery is at-least-once: a message the mail
server accepted just before its sender died goes again, with the same Message-ID. Failures are retried
after growing delays; after MAX_ATTEMPTS the row is 'failed' and waits for the administrator.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email import encoders, policy
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr
from urllib.parse import urlparse

import sqlalchemy as sa
from flask import current_app

from ethics_hr.core.db import dialect, transactional, unit_of_work
from ethics_hr.core.models import utc_now
from ethics_hr.core.settings import get_settings
from ethics_hr.extensions import db
from ethics_hr.notifications.models import (
    OutboxAttachment,
    OutboxMessage,
    OutboxStatus,
    SmtpSecurity,
    SmtpSettings,
)

log = logging.getLogger(__name__)

# After the n-th failed attempt the row waits BACKOFF[n-1]; the last attempt marks it failed (about 22 hours).
BACKOFF = tuple(timedelta(minutes=m) for m in (1, 5, 15, 60, 180, 360, 720))
MAX_ATTEMPTS = len(BACKOFF) + 1
CLAIM_TIMEOUT = timedelta(minutes=15)
BATCH_SIZE = 200
SMTP_TIMEOUT = 20
SMTP_SETTINGS_ID = 1

SMTP_POLICY = policy.compat32.clone(linesep="\r\n")  # SMTP wants CRLF; sendmail() sends bytes as they are
T = OutboxMessage.__table__
A = OutboxAttachment.__table__


@dataclass(frozen=True)
class MailConfig:
    """Where mail goes: the stored SMTP settings, or the ETHICS_HR_MAIL_* environment when none are stored."""

    host: str
    port: int
    username: str = ""
    password: str = field(default="", repr=False)
    security: str = "none"
    sender: str = "ethics-hr@localhost"
    helo: str = "localhost"

    @property
    def configured(self) -> bool:
        return bool(self.host)


def mail_config() -> MailConfig:
    """Return the SMTP settings in force."""
    cfg = current_app.config
    helo = urlparse(cfg.get("BASE_URL") or "").hostname or "localhost"
    row = db.session.get(SmtpSettings, SMTP_SETTINGS_ID)
    if row is not None and row.host:
        return MailConfig(
            row.host,
            row.port,
            row.username,
            row.password,
            row.security,
            row.sender or cfg["MAIL_SENDER"],
            helo,
        )
    return MailConfig(
        cfg.get("MAIL_SERVER") or "", int(cfg.get("MAIL_PORT") or 25), sender=cfg["MAIL_SENDER"], helo=helo
    )


@dataclass
class Outgoing:
    """A claimed row, as plain data: nothing here touches the database while the network is used."""

    id: int
    email: str
    locale: str
    subject: str
    body_text: str
    body_html: str
    attempts: int
    created_at: datetime
    attachments: list[tuple[str, str, bytes]] = field(default_factory=list)


class _Batch:
    def __init__(self, token: str, rows: list[Outgoing]):
        self.token = token
        self.rows = rows


def deliver_due(
    now: datetime | None = None, *, batch_size: int = BATCH_SIZE, only_ids=None, limit: int | None = None
) -> int:
    """Send the messages that are due (at most `limit`), in batches over one SMTP connection each.

    Returns how many were sent.
    """
    now = now or utc_now()
    with unit_of_work():  # no transaction stays open while we talk to the mail server
        config = mail_config()
        org = get_settings()
        names = {"th": org.name("th"), "en": org.name("en")}
    if not config.configured:
        log.info("no mail server configured: messages wait in the outbox")
        return 0
    recover_stale_claims(now)
    sent = claimed = 0
    while limit is None or claimed < limit:
        size = batch_size if limit is None else min(batch_size, limit - claimed)
        batch = _claim(now, size, only_ids)
        if not batch.rows:
            break
        claimed += len(batch.rows)
        sent += _send_batch(batch, config, names)
    return sent


@transactional
def recover_stale_claims(now: datetime | None = None, *, older_than: timedelta = CLAIM_TIMEOUT) -> int:
    """Put back the rows a stopped sender claimed more than `older_than` ago and did not finish."""
    now = now or utc_now()
    result = db.session.execute(
        sa.update(T)
        .where(T.c.status == OutboxStatus.SENDING, T.c.claimed_at <= now - older_than)
        .values(
            status=OutboxStatus.PENDING,
            claimed_by=None,
            claimed_at=None,
            last_error="claim expired: the sender stopped",
        )
    )
    if result.rowcount:
        log.warning("recovered %d outbox rows from a stopped sender", result.rowcount)
    return result.rowcount


def release_claims_of_the_last_scheduler() -> int:
    """The scheduler lock was just taken, so no other scheduler sends: its claims go back at once.

    A message its sender had handed to the mail server but not yet marked goes out again with the same
    Message-ID (delivery is at-least-once; mail clients collapse the duplicate).
    """
    return recover_stale_claims(older_than=timedelta(0))


def _claim(now: datetime, limit: int, only_ids) -> _Batch:
    token = uuid.uuid4().hex
    candidates = (
        sa.select(T.c.id)
        .where(T.c.status == OutboxStatus.PENDING, T.c.next_attempt_at <= now)
        .order_by(T.c.id)
        .limit(limit)
    )
    if only_ids is not None:
        candidates = candidates.where(T.c.id.in_(list(only_ids)))
    if dialect() == "postgresql":
        candidates = candidates.with_for_update(skip_locked=True)
    with unit_of_work():  # the claim is visible to other senders before anything is read
        db.session.execute(
            sa.update(T)
            .where(T.c.id.in_(candidates), T.c.status == OutboxStatus.PENDING)
            .values(status=OutboxStatus.SENDING, claimed_by=token, claimed_at=utc_now())
        )
    with unit_of_work():
        return _Batch(token, _claimed_rows(token))


def _claimed_rows(token: str) -> list[Outgoing]:
    rows = [
        Outgoing(r.id, r.email, r.locale, r.subject, r.body_text, r.body_html, r.attempts, r.created_at)
        for r in db.session.execute(
            sa.select(
                T.c.id,
                T.c.email,
                T.c.locale,
                T.c.subject,
                T.c.body_text,
                T.c.body_html,
                T.c.attempts,
                T.c.created_at,
            )
            .where(T.c.claimed_by == token)
            .order_by(T.c.id)
        )
    ]
    if rows:
        by_id = {r.id: r for r in rows}
        for a in db.session.execute(
            sa.select(A.c.message_id, A.c.filename, A.c.content_type, A.c.content)
            .where(A.c.message_id.in_(by_id))
            .order_by(A.c.id)
        ):
            by_id[a.message_id].attachments.append((a.filename, a.content_type, a.content))
    return rows


def _send_batch(batch: _Batch, config: MailConfig, names: dict[str, str]) -> int:
    started = utc_now()
    smtp: smtplib.SMTP | None = None
    sent = 0
    broken_connections = 0
    try:
        for index, row in enumerate(batch.rows):
            if utc_now() - started > CLAIM_TIMEOUT / 2:  # do not let our claims go stale under us
                _release(batch, batch.rows[index:])
                break
            try:
                data = build_email(row, config, names)
                if smtp is None:
                    smtp = connect(config)
                smtp.sendmail(config.sender, [row.email], data)
            except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as error:
                _record_failure(batch, row, error, permanent=_is_permanent(error))
            except (smtplib.SMTPException, OSError) as error:
                _close(smtp)
                smtp = None
                broken_connections += 1
                if broken_connections >= 2:  # the server is down: every row of the batch waits for later
                    for rest in batch.rows[index:]:
                        _record_failure(batch, rest, error)
                    break
                _record_failure(batch, row, error)
            except Exception as error:  # a message that cannot be built is recorded, never lost
                log.exception("outbox message %s could not be sent", row.id)
                _record_failure(batch, row, error)
            else:
                _mark_sent(batch, row)
                sent += 1
    finally:
        _close(smtp)
    return sent


def connect(config: MailConfig) -> smtplib.SMTP:
    """Open an SMTP connection with the configured security and login."""
    context = ssl.create_default_context()
    if config.security == SmtpSecurity.SSL:
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(
            config.host, config.port, local_hostname=config.helo, timeout=SMTP_TIMEOUT, context=context
        )
    else:
        smtp = smtplib.SMTP(config.host, config.port, local_hostname=config.helo, timeout=SMTP_TIMEOUT)
        if config.security == SmtpSecurity.STARTTLS:
            smtp.starttls(context=context)
    if config.username:
        smtp.login(config.username, config.password)
    return smtp


def _close(smtp: smtplib.SMTP | None) -> None:
    if smtp is None:
        return
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


def build_email(row: Outgoing, config: MailConfig, names: dict[str, str]) -> bytes:
    """Build the MIME message: plain text with an HTML alternative, then the attachments.

    The classic `email.mime` classes fold headers several times faster than `EmailMessage`, which matters
    when a batch of thousands goes out.
    """
    body: MIMEBase = MIMEText(row.body_text, "plain", "utf-8")
    if row.body_html:
        body = MIMEMultipart("alternative", _subparts=[body, MIMEText(row.body_html, "html", "utf-8")])
    if row.attachments:
        body = MIMEMultipart("mixed", _subparts=[body, *(_attachment(*a) for a in row.attachments)])
    body["Subject"] = Header(row.subject, "utf-8")
    body["From"] = formataddr((names.get(row.locale) or names["th"], config.sender), charset="utf-8")
    body["To"] = row.email
    body["Date"] = format_datetime(utc_now())
    # A stable id per row lets mail clients drop a copy should a crash make us send a row again.
    domain = config.sender.rpartition("@")[2] or "localhost"
    body["Message-ID"] = f"<outbox.{row.id}.{int(row.created_at.timestamp())}@{domain}>"
    body["Auto-Submitted"] = "auto-generated"
    return body.as_bytes(policy=SMTP_POLICY)


def _attachment(filename: str, content_type: str, content: bytes) -> MIMEBase:
    main, _, rest = content_type.partition("/")
    subtype, *params = (p.strip() for p in rest.split(";"))
    extra = dict(p.split("=", 1) for p in params if "=" in p)
    part = MIMEBase(main or "application", subtype or "octet-stream", **extra)
    part.set_payload(content)
    encoders.encode_base64(part)
    part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", filename))
    return part


def _is_permanent(error: smtplib.SMTPException) -> bool:
    """A 5xx answer will not change on a retry (unknown address, refused sender)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _msg in error.recipients.values())
    return getattr(error, "smtp_code", 0) >= 500


def describe(error: BaseException) -> str:
    """Say what went wrong in a line the administrator can read ("SMTPDataError: 451 mailbox busy")."""
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        return f"{type(error).__name__}: {error.smtp_code} {text}"
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        parts = [
            f"{addr}: {code} {msg.decode('utf-8', 'replace')}"
            for addr, (code, msg) in error.recipients.items()
        ]
        return f"{type(error).__name__}: " + "; ".join(parts)
    return f"{type(error).__name__}: {error}"


@transactional  # each mark is its own unit: a crashed sender resends nothing it finished
def _mark_sent(batch: _Batch, row: Outgoing) -> None:
    if dialect() == "postgresql":
        # Each sent row is committed on its own, so a crashed sender resends nothing it finished; not waiting
        # for the WAL flush keeps that affordable. Only a crash of the database server itself could lose the
        # last fraction of a second of marks (those rows would then go out again, with the same Message-ID).
        db.session.execute(sa.text("SET LOCAL synchronous_commit TO OFF"))
    result = db.session.execute(
        sa.update(T)
        .where(T.c.id == row.id, T.c.claimed_by == batch.token)
        .values(
            status=OutboxStatus.SENT,
            sent_at=utc_now(),
            attempts=row.attempts + 1,
            claimed_by=None,
            last_error="",
        )
    )
    if result.rowcount != 1:
        log.warning("outbox message %s was sent but its claim had been taken back", row.id)


@transactional  # each mark is its own unit: a crashed sender resends nothing it finished
def _record_failure(batch: _Batch, row: Outgoing, error: BaseException, *, permanent: bool = False) -> None:
    attempts = row.attempts + 1
    message = describe(error)[:2000]
    values: dict = {"attempts": attempts, "last_error": message, "claimed_by": None, "claimed_at": None}
    if permanent or attempts >= MAX_ATTEMPTS:
        values["status"] = OutboxStatus.FAILED
    else:
        values["status"] = OutboxStatus.PENDING
        values["next_attempt_at"] = utc_now() + BACKOFF[attempts - 1]
    db.session.execute(sa.update(T).where(T.c.id == row.id, T.c.claimed_by == batch.token).values(**values))
    log.warning("outbox message %s not sent (attempt %d): %s", row.id, attempts, message)


@transactional  # each mark is its own unit: a crashed sender resends nothing it finished
def _release(batch: _Batch, rows: list[Outgoing]) -> None:
    db.session.execute(
        sa.update(T)
        .where(T.c.id.in_([r.id for r in rows]), T.c.claimed_by == batch.token)
        .values(status=OutboxStatus.PENDING, claimed_by=None, claimed_at=None)
    )


def resend(message_id: int) -> bool:
    """Put a failed message back in the queue for a fresh round of attempts."""
    result = db.session.execute(
        sa.update(T)
        .where(T.c.id == message_id, T.c.status == OutboxStatus.FAILED)
        .values(status=OutboxStatus.PENDING, attempts=0, next_attempt_at=utc_now())
    )
    return result.rowcount == 1
