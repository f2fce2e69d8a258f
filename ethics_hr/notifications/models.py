"""The outbox, in-app notices, and the settings that say who is told what, when and how."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ethics_hr.core.locale import bilingual
from ethics_hr.core.models import TimestampMixin, utc_now
from ethics_hr.extensions import db


class OutboxStatus(enum.StrEnum):
    """Where an outbox message stands (stored by value in outbox_message.status)."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"

    @property
    def label(self) -> str:
        return str(_STATUS_LABELS[self])

    @property
    def badge(self) -> str:
        """The Bootstrap badge class the outbox shows the status with."""
        return _STATUS_BADGES[self]


_STATUS_LABELS = {
    OutboxStatus.PENDING: lazy_pgettext("outbox", "Pending"),
    OutboxStatus.SENDING: _l("Sending"),
    OutboxStatus.SENT: _l("Sent"),
    OutboxStatus.FAILED: _l("Failed"),
}
_STATUS_BADGES = {
    OutboxStatus.PENDING: "text-bg-warning",
    OutboxStatus.SENDING: "text-bg-info",
    OutboxStatus.SENT: "text-bg-success",
    OutboxStatus.FAILED: "text-bg-danger",
}
STATUSES = tuple(OutboxStatus)


class SmtpSecurity(enum.StrEnum):
    """How the connection to the mail server is protected (stored by value)."""

    NONE = "none"
    STARTTLS = "starttls"
    SSL = "ssl"


class OutboxMessage(db.Model):
    """One email, written before it is sent; unique per (kind, target, period, recipient): never queued twice.

    `recipient` is the key of whom it is for ("user:12", or "email:someone@example.org" for a person without
    an account), so a changed email address does not make a second message; `email` is where it goes.
    """

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
    email: Mapped[str] = mapped_column(db.String(254))
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    locale: Mapped[str] = mapped_column(db.String(5), default="th")
    subject: Mapped[str] = mapped_column(db.String(300))
    body_text: Mapped[str] = mapped_column(db.Text)
    body_html: Mapped[str] = mapped_column(db.Text, default="")
    status: Mapped[str] = mapped_column(db.String(10), default=OutboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utc_now)
    claimed_by: Mapped[str | None] = mapped_column(db.String(32))
    claimed_at: Mapped[datetime | None]
    last_error: Mapped[str] = mapped_column(db.Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    sent_at: Mapped[datetime | None]

    attachments: Mapped[list[OutboxAttachment]] = relationship(
        back_populates="message", cascade="all, delete-orphan"
    )

    @property
    def state(self) -> OutboxStatus:
        return OutboxStatus(self.status)

    @property
    def is_sent(self) -> bool:
        return self.status == OutboxStatus.SENT

    @property
    def is_failed(self) -> bool:
        """A failed message waits for an administrator to send it again."""
        return self.status == OutboxStatus.FAILED

    @property
    def waits_for_retry(self) -> bool:
        """Pending after a failed attempt: the sender tries again at next_attempt_at."""
        return self.status == OutboxStatus.PENDING and self.attempts > 0


class OutboxAttachment(db.Model):
    """A file sent with a message, such as the .ics of a training invitation."""

    __tablename__ = "outbox_attachment"
    __audited__ = False

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(
        sa.ForeignKey("outbox_message.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(db.String(200))
    content_type: Mapped[str] = mapped_column(db.String(100))
    content: Mapped[bytes] = mapped_column(sa.LargeBinary)

    message: Mapped[OutboxMessage] = relationship(back_populates="attachments")


class Notice(db.Model):
    """An in-app notice for one person; unique per (kind, target, period, user) like the outbox."""

    __tablename__ = "notice"
    __audited__ = False  # a copy of a message, not a decision; jobs write thousands
    __table_args__ = (
        sa.UniqueConstraint("kind", "target", "period", "user_id"),
        sa.Index("ix_notice_user_unread", "user_id", "read_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(db.String(60))
    target: Mapped[str] = mapped_column(db.String(120))
    period: Mapped[str] = mapped_column(db.String(60), default="")
    # Written in both languages, so the notice reads in the language of the page (title/body: Thai).
    title: Mapped[str] = mapped_column(db.String(300))
    body: Mapped[str] = mapped_column(db.Text, default="")
    title_en: Mapped[str] = mapped_column(db.String(300), default="", server_default="")
    body_en: Mapped[str] = mapped_column(db.Text, default="", server_default="")
    link: Mapped[str | None] = mapped_column(db.String(500))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    read_at: Mapped[datetime | None]

    def title_in(self, locale: str | None = None) -> str:
        return bilingual(self.title, self.title_en, locale)

    def body_in(self, locale: str | None = None) -> str:
        # A notice written before both languages were kept has only title/body, in the language of that day.
        return bilingual(self.body, self.body_en if self.title_en else "", locale)


class NotificationSetting(TimestampMixin, db.Model):
    """The administrator's choice for one kind; a kind without a row uses the defaults of its registration."""

    __tablename__ = "notification_setting"

    kind: Mapped[str] = mapped_column(db.String(60), primary_key=True)
    enabled: Mapped[bool] = mapped_column(default=True)
    mandatory: Mapped[bool] = mapped_column(default=False)
    email: Mapped[bool] = mapped_column(default=True)
    inapp: Mapped[bool] = mapped_column(default=True)
    days_before: Mapped[str | None] = mapped_column(db.String(100))  # "7,1"
    repeat_days: Mapped[int | None]
    hour: Mapped[int | None]


class NotificationOptOut(db.Model):
    """A person does not want an optional kind of notification."""

    __tablename__ = "notification_opt_out"
    __audited__ = False  # a personal preference, written race-free with plain INSERT ... ON CONFLICT
    __table_args__ = (sa.UniqueConstraint("user_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(db.String(60))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class SmtpSettings(TimestampMixin, db.Model):
    """The outgoing mail server, kept in the database so the administrator can change it (one row)."""

    __tablename__ = "smtp_settings"
    __audit_exclude__ = ("password",)

    id: Mapped[int] = mapped_column(primary_key=True)
    host: Mapped[str] = mapped_column(db.String(200), default="")
    port: Mapped[int] = mapped_column(default=25)
    username: Mapped[str] = mapped_column(db.String(200), default="")
    password: Mapped[str] = mapped_column(db.String(200), default="")
    security: Mapped[str] = mapped_column(db.String(10), default=SmtpSecurity.NONE)
    sender: Mapped[str] = mapped_column(db.String(254), default="")
