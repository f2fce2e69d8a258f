"""Writing to the outbox: every message is a row first, in the transaction of the change that caused it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from ethics_hr.core.db import dialect, insert_ignoring_conflict
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.notifications.models import OutboxAttachment, OutboxMessage, OutboxStatus

KEY = ["kind", "target", "period", "recipient"]
CHUNK = 1000
_COLUMNS = (
    "kind",
    "target",
    "period",
    "recipient",
    "email",
    "user_id",
    "locale",
    "subject",
    "body_text",
    "body_html",
)


@dataclass(frozen=True)
class Attachment:
    """A file to send with a message, e.g. Attachment("session.ics", ics_bytes, "text/calendar")."""

    filename: str
    content: bytes
    content_type: str = "application/octet-stream"


def recipient_key(user_id: int | None, email: str | None) -> str:
    """Return whom a message is for: the account when there is one, else the address."""
    if user_id is not None:
        return f"user:{user_id}"
    return f"email:{(email or '').strip().lower()}"


def _row(values: dict[str, Any], now) -> dict[str, Any]:
    row = {name: values.get(name) for name in _COLUMNS}
    row["period"] = row["period"] or ""
    row["body_html"] = row["body_html"] or ""
    row["locale"] = row["locale"] or "th"
    row["subject"] = (row["subject"] or "")[:300]
    row["recipient"] = row["recipient"] or recipient_key(row["user_id"], row["email"])
    row.update(status=OutboxStatus.PENDING, attempts=0, next_attempt_at=now, created_at=now, last_error="")
    return row


def queue(
    *,
    kind: str,
    target: str,
    period: str,
    email: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    locale: str = "th",
    user_id: int | None = None,
    attachments: Sequence[Attachment] = (),
) -> bool:
    """Add one message to the outbox unless the same (kind, target, period, recipient) is there already.

    Runs in the caller's transaction (the caller commits); two writers at once never raise. Returns whether a
    row was added.
    """
    values = {
        "kind": kind,
        "target": target,
        "period": period,
        "email": email,
        "user_id": user_id,
        "locale": locale,
        "subject": subject,
        "body_text": body_text,
        "body_html": body_html,
    }
    row = _row(values, utc_now())
    message_id = inserted_id(insert_ignoring_conflict(OutboxMessage.__table__, row, index_elements=KEY))
    if message_id is None:
        return False
    if attachments:
        db.session.execute(
            sa.insert(OutboxAttachment.__table__),
            [
                {
                    "message_id": message_id,
                    "filename": a.filename,
                    "content_type": a.content_type,
                    "content": a.content,
                }
                for a in attachments
            ],
        )
    return True


def inserted_id(result: sa.CursorResult) -> int | None:
    """Return the id of the row an INSERT ... ON CONFLICT DO NOTHING added, or None when it added none."""
    if result.returns_rows:  # PostgreSQL: SQLAlchemy added RETURNING id, which gives no row on a conflict
        key = result.inserted_primary_key
        return key[0] if key else None
    # SQLite: lastrowid is stale after a skipped insert, so trust it only when a row was written.
    return result.inserted_primary_key[0] if result.rowcount == 1 else None


def queue_many(
    rows: Iterable[dict[str, Any]],
    *,
    attachments: Mapping[tuple[str, str], Sequence[Attachment]] | None = None,
) -> int:
    """Add many messages at once (executemany, ON CONFLICT DO NOTHING); return how many were new.

    Each row is a dict with kind, target, period, email, subject, body_text and optionally user_id, locale,
    body_html, recipient (defaults to the key of user_id or email). `attachments` maps (target, recipient)
    to the files of that message; they are added to the messages that are new.
    """
    table = OutboxMessage.__table__
    insert = postgresql.insert if dialect() == "postgresql" else sqlite.insert
    stmt = (
        insert(table)
        .on_conflict_do_nothing(index_elements=KEY)
        .returning(table.c.id, table.c.target, table.c.recipient)
    )
    now = utc_now()
    added = 0
    chunk: list[dict[str, Any]] = []
    for values in rows:
        chunk.append(_row(values, now))
        if len(chunk) >= CHUNK:
            added += _execute_many(stmt, chunk, attachments)
            chunk = []
    if chunk:
        added += _execute_many(stmt, chunk, attachments)
    return added


def _execute_many(stmt, rows: list[dict[str, Any]], attachments) -> int:
    # RETURNING tells us exactly which rows were new, on both databases (SQLAlchemy batches the VALUES).
    new = db.session.execute(stmt, rows).all()
    if attachments:
        files = [
            {"message_id": id_, "filename": a.filename, "content_type": a.content_type, "content": a.content}
            for id_, target, recipient in new
            for a in attachments.get((target, recipient), ())
        ]
        if files:
            db.session.execute(sa.insert(OutboxAttachment.__table__), files)
    return len(new)


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
    user_id: int | None = None,
) -> bool:
    """Queue a message to an address (kept for the account mails; domains call `notify`)."""
    return queue(
        kind=kind,
        target=target,
        period=period,
        email=recipient,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        locale=locale,
        user_id=user_id,
    )


def mark_already_delivered(before: Any) -> int:
    """Mark the messages queued before a moment as sent at their own time, so no one receives them now.

    For a history brought in rather than lived here (the demo's year): its mail went out when it happened.
    """
    table = OutboxMessage.__table__
    result = db.session.execute(
        sa.update(table)
        .where(table.c.status == OutboxStatus.PENDING, table.c.created_at < before)
        .values(status=OutboxStatus.SENT, sent_at=table.c.created_at, claimed_by=None, claimed_at=None)
    )
    return result.rowcount or 0
