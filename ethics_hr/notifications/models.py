"""The outbox: every message is a row first, written in the transaction of the change that caused it."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db

PENDING = "pending"
SENT = "sent"
FAILED = "failed"


class OutboxMessage(db.Model):
    __tablename__ = "outbox_message"
    __audited__ = False  # the outbox is its own record; auditing it would copy every message body
    __table_args__ = (
        sa.UniqueConstraint("kind", "target", "period", "recipient"),
        sa.Index("ix_outbox_message_due", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(db.String(60))
    target: Mapped[str] = mapped_column(db.String(120))
    period: Mapped[str] = mapped_column(db.String(60), default="")
    recipient: Mapped[str] = mapped_column(db.String(254))
    locale: Mapped[str] = mapped_column(db.String(5), default="th")
    subject: Mapped[str] = mapped_column(db.String(300))
    body_text: Mapped[str] = mapped_column(db.Text)
    body_html: Mapped[str] = mapped_column(db.Text, default="")
    status: Mapped[str] = mapped_column(db.String(10), default=PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utc_now)
    last_error: Mapped[str] = mapped_column(db.Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    sent_at: Mapped[datetime | None]
