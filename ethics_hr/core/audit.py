"""Hash-chained, append-only audit log written from SQLAlchemy session events."""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_pgettext
from sqlalchemy import event, inspect
from sqlalchemy.orm import Mapped, Session, mapped_column

from ethics_hr.core.append_only import append_only
from ethics_hr.core.models import utc_now
from ethics_hr.core.timeutil import local_bounds_utc, local_today, to_local
from ethics_hr.extensions import db

GENESIS = "0" * 64
PG_LOCK_KEY = 7_274_001  # serialises appends so the chain never forks
REDACTED = "[redacted]"

_actor_override: contextvars.ContextVar[tuple[int | None, str] | None] = contextvars.ContextVar(
    "audit_actor", default=None
)


class AuditEntry(db.Model):
    __tablename__ = "audit_entry"
    __audited__ = False

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    actor_id: Mapped[int | None] = mapped_column(index=True)
    actor_label: Mapped[str] = mapped_column(db.String(200), default="")
    action: Mapped[str] = mapped_column(db.String(10))
    entity_type: Mapped[str] = mapped_column(db.String(64), index=True)
    entity_id: Mapped[str] = mapped_column(db.String(64))
    changes: Mapped[str] = mapped_column(db.Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(db.String(64))
    entry_hash: Mapped[str] = mapped_column(db.String(64))

    @property
    def changes_dict(self) -> dict[str, Any]:
        return json.loads(self.changes or "{}")


append_only(AuditEntry.__table__)


def entry_hash(row: dict[str, Any]) -> str:
    """Return the SHA-256 that seals one entry together with the hash before it."""
    occurred = row["occurred_at"]
    if isinstance(occurred, datetime):
        occurred = occurred.replace(tzinfo=None).isoformat(timespec="microseconds")
    canonical = json.dumps(
        [
            row["prev_hash"],
            occurred,
            row["actor_id"],
            row["actor_label"],
            row["action"],
            row["entity_type"],
            row["entity_id"],
            row["changes"],
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@contextlib.contextmanager
def acting_as(actor_id: int | None, label: str) -> Iterator[None]:
    """Attribute the changes made inside the block to a given actor (a CLI user, the scheduler, nobody)."""
    token = _actor_override.set((actor_id, label))
    try:
        yield
    finally:
        _actor_override.reset(token)


def anonymous() -> contextlib.AbstractContextManager[None]:
    """Record changes in the block with no actor at all: for anonymous questions."""
    return acting_as(None, "anonymous")


def current_actor() -> tuple[int | None, str]:
    override = _actor_override.get()
    if override is not None:
        return override
    from flask import has_request_context

    if has_request_context():
        from flask_login import current_user

        if current_user and current_user.is_authenticated:
            return current_user.id, current_user.audit_label
        return None, "visitor"
    return None, "system"


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bytes):
        return f"sha256:{hashlib.sha256(value).hexdigest()}"
    return value


def _column_values(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    excluded = set(getattr(obj, "__audit_exclude__", ()))
    values = {}
    for attr in mapper.column_attrs:
        key = attr.key
        values[key] = REDACTED if key in excluded else _plain(getattr(obj, key))
    return values


def _changed_values(obj: Any) -> dict[str, list[Any]]:
    state = inspect(obj)
    excluded = set(getattr(obj, "__audit_exclude__", ()))
    changes: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in ("updated_at",):
            continue
        hist = state.attrs[attr.key].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if old == new:
            continue
        if attr.key in excluded:
            changes[attr.key] = [REDACTED, REDACTED]
        else:
            changes[attr.key] = [_plain(old), _plain(new)]
    return changes


def _identity(obj: Any) -> str:
    state = inspect(obj)
    # A row inserted in this flush has its primary key but no identity key until the flush ends.
    ident = state.identity or state.mapper.primary_key_from_instance(obj)
    if ident is None or all(part is None for part in ident):
        return ""
    return ",".join(str(part) for part in ident)


@dataclass
class _Pending:
    action: str
    entity_type: str
    entity_id: str
    changes: dict[str, Any]


def _collect(session: Session) -> list[_Pending]:
    pending: list[_Pending] = []
    for obj in session.new:
        if getattr(obj, "__audited__", False):
            pending.append(_Pending("create", obj.__tablename__, _identity(obj), _column_values(obj)))
    for obj in session.dirty:
        if getattr(obj, "__audited__", False) and session.is_modified(obj, include_collections=False):
            changes = _changed_values(obj)
            if changes:
                pending.append(_Pending("update", obj.__tablename__, _identity(obj), changes))
    for obj in session.deleted:
        if getattr(obj, "__audited__", False):
            pending.append(_Pending("delete", obj.__tablename__, _identity(obj), _column_values(obj)))
    return pending


def write_entries(connection: sa.Connection, pending: list[_Pending]) -> None:
    """Append entries to the chain, sealing each with the hash of the one before."""
    if not pending:
        return
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})
    elif connection.dialect.name == "sqlite":
        # Hold the write lock before reading the last hash: a write that touches no row begins the
        # IMMEDIATE transaction (see core/sqlite.py), so a second writer waits instead of forking the chain.
        connection.exec_driver_sql("UPDATE audit_entry SET id = id WHERE 1 = 0")
    table = AuditEntry.__table__
    prev = connection.execute(
        sa.select(table.c.entry_hash).order_by(table.c.id.desc()).limit(1)
    ).scalar_one_or_none()
    prev = prev or GENESIS
    actor_id, actor_label = current_actor()
    now = utc_now()
    if actor_label == "anonymous":
        # The day, not the minute: an exact time could be matched with someone's login. The organisation's
        # day, so that the page shows the day it happened (midnight UTC is already 07:00 in Bangkok).
        now = local_bounds_utc(local_today(), local_today())[0]
    rows = []
    for item in pending:
        row = {
            "occurred_at": now,
            "actor_id": actor_id,
            "actor_label": actor_label,
            "action": item.action,
            "entity_type": item.entity_type,
            "entity_id": item.entity_id,
            "changes": json.dumps(item.changes, ensure_ascii=False, sort_keys=True, default=str),
            "prev_hash": prev,
        }
        row["entry_hash"] = entry_hash(row)
        prev = row["entry_hash"]
        rows.append(row)
    connection.execute(table.insert(), rows)


def _after_flush(session: Session, flush_context) -> None:
    pending = _collect(session)
    if pending:
        write_entries(session.connection(), pending)


def record(action: str, entity_type: str, entity_id: str, details: dict[str, Any]) -> None:
    """Record an event that is not a row change (a login, an export, a failed verification)."""
    write_entries(db.session.connection(), [_Pending(action, entity_type, entity_id, details)])


def _keep_old_value(target, value, oldvalue, initiator):
    return value


def _track_old_values(mapper: sa.orm.Mapper, class_: type) -> None:
    """Load the old value of a column before it is overwritten, even after a commit expired it.

    Without this, an update made after a commit would be audited as "None -> new value".
    """
    if not getattr(class_, "__audited__", False):
        return
    for attr in mapper.column_attrs:
        instrumented = getattr(class_, attr.key)
        if not event.contains(instrumented, "set", _keep_old_value):
            event.listen(instrumented, "set", _keep_old_value, active_history=True, retval=True)


def install() -> None:
    """Listen to every session of the app; called once from create_app()."""
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)
    if not event.contains(sa.orm.Mapper, "mapper_configured", _track_old_values):
        event.listen(sa.orm.Mapper, "mapper_configured", _track_old_values)
    for mapper in db.Model.registry.mappers:
        _track_old_values(mapper, mapper.class_)


@dataclass
class VerifyResult:
    ok: bool
    checked: int
    first_bad_id: int | None = None
    reason: str = ""


def verify_chain(batch: int = 5000) -> VerifyResult:
    """Walk the chain from the start; name the first entry that was altered or whose predecessor is gone."""
    table = AuditEntry.__table__
    prev = GENESIS
    checked = 0
    last_id = 0
    conn = db.session.connection()
    while True:
        rows = conn.execute(
            sa.select(table).where(table.c.id > last_id).order_by(table.c.id).limit(batch)
        ).mappings()
        rows = list(rows)
        if not rows:
            break
        for row in rows:
            if row["prev_hash"] != prev:
                return VerifyResult(False, checked, row["id"], "the entry before it was removed or altered")
            if entry_hash(dict(row)) != row["entry_hash"]:
                return VerifyResult(False, checked, row["id"], "its content was altered")
            prev = row["entry_hash"]
            checked += 1
            last_id = row["id"]
    return VerifyResult(True, checked)


def entries_query(
    *, who: str = "", entity_type: str = "", entity_id: str = "", start=None, end=None
) -> sa.Select:
    """Select audit entries, newest first: by actor (part of the label), record type and id, local days."""
    query = sa.select(AuditEntry).order_by(AuditEntry.id.desc())
    if who:
        query = query.where(AuditEntry.actor_label.ilike(f"%{who}%"))
    if entity_type:
        query = query.where(AuditEntry.entity_type == entity_type)
    if entity_id:
        query = query.where(AuditEntry.entity_id == entity_id)
    if start or end:
        lo, hi = local_bounds_utc(start or date(2000, 1, 1), end or date(2999, 12, 31))
        query = query.where(AuditEntry.occurred_at >= lo, AuditEntry.occurred_at < hi)
    return query


def entity_types() -> list[str]:
    """The record types that have audit entries."""
    return list(
        db.session.scalars(sa.select(AuditEntry.entity_type).distinct().order_by(AuditEntry.entity_type))
    )


# ---------------------------------------------------------------- what the audit page shows a person

# The record types, by table, as the administrator calls them; a type not listed shows its table name.
RECORD_TYPES: dict[str, Any] = {
    "account_token": lazy_pgettext("audit record", "Activation or reset link"),
    "appointment_order": lazy_pgettext("audit record", "Appointment order"),
    "attendance_status": lazy_pgettext("audit record", "Attendance status"),
    "code_acknowledgment": lazy_pgettext("audit record", "Acknowledgment of a code"),
    "code_dos_dont": lazy_pgettext("audit record", "Do or Don't"),
    "code_of_ethics": lazy_pgettext("audit record", "Code of ethics"),
    "code_version": lazy_pgettext("audit record", "Version of a code"),
    "committee": lazy_pgettext("audit record", "Committee"),
    "committee_membership": lazy_pgettext("audit record", "Committee membership"),
    "course": lazy_pgettext("audit record", "Course"),
    "course_topic": lazy_pgettext("audit record", "Course topic"),
    "department": lazy_pgettext("audit record", "Department"),
    "ethics_question": lazy_pgettext("audit record", "Ethics question"),
    "ethics_question_message": lazy_pgettext("audit record", "Message on a question"),
    "ethics_question_recusal": lazy_pgettext("audit record", "Stepping aside from a question"),
    "faq_entry": lazy_pgettext("audit record", "FAQ entry"),
    "fiscal_year_report": lazy_pgettext("audit record", "Fiscal-year report"),
    "hr_plan": lazy_pgettext("audit record", "HR plan"),
    "ita_item": lazy_pgettext("audit record", "ITA item"),
    "notification_opt_out": lazy_pgettext("audit record", "Notification turned off"),
    "notification_setting": lazy_pgettext("audit record", "Notification setting"),
    "organisation_settings": lazy_pgettext("audit record", "Organisation settings"),
    "outbox_message": lazy_pgettext("audit record", "Outgoing email"),
    "person": lazy_pgettext("audit record", "Person"),
    "plan_area": lazy_pgettext("audit record", "Plan area"),
    "plan_item": lazy_pgettext("audit record", "Plan item"),
    "plan_item_budget": lazy_pgettext("audit record", "Budget of a plan item"),
    "plan_item_session": lazy_pgettext("audit record", "Session linked to a plan item"),
    "question_category": lazy_pgettext("audit record", "Question category"),
    "report_measure": lazy_pgettext("audit record", "Measure in a report"),
    "smtp_settings": lazy_pgettext("audit record", "Mail server settings"),
    "staff_category": lazy_pgettext("audit record", "Staff category"),
    "stored_file": lazy_pgettext("audit record", "Uploaded file"),
    "training_attendance": lazy_pgettext("audit record", "Attendance"),
    "training_calendar_feed": lazy_pgettext("audit record", "Calendar feed"),
    "training_registration": lazy_pgettext("audit record", "Enrolment"),
    "training_session": lazy_pgettext("audit record", "Training session"),
    "user_account": lazy_pgettext("audit record", "User account"),
    "user_role": lazy_pgettext("audit record", "Role of a user"),
}

ACTIONS: dict[str, Any] = {
    "create": lazy_pgettext("audit action", "Created"),
    "update": lazy_pgettext("audit action", "Changed"),
    "delete": lazy_pgettext("audit action", "Deleted"),
    "resend": lazy_pgettext("audit action", "Sent again"),
}

# Who acted when nobody was logged in: the labels `acting_as` and `current_actor` write.
ACTORS: dict[str, Any] = {
    "system": lazy_pgettext("audit actor", "The system"),
    "scheduler": lazy_pgettext("audit actor", "Scheduled jobs"),
    "visitor": lazy_pgettext("audit actor", "A visitor who was not logged in"),
    "anonymous": lazy_pgettext("audit actor", "An anonymous asker"),
    "demo": lazy_pgettext("audit actor", "The demo data"),
    "init-data": lazy_pgettext("audit actor", "Command: load the reference data"),
    "create-admin": lazy_pgettext("audit actor", "Command: create an administrator"),
    "import-people": lazy_pgettext("audit actor", "Command: import people"),
}

_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def record_type_label(entity_type: str) -> str:
    """Name a record type as the administrator calls it (the table name when it has no label)."""
    label = RECORD_TYPES.get(entity_type)
    return str(label) if label is not None else entity_type


def action_label(action: str) -> str:
    label = ACTIONS.get(action)
    return str(label) if label is not None else action


def actor_name(entry: AuditEntry) -> str:
    """Say who acted: the person's label, or what acted when no one was logged in."""
    label = ACTORS.get(entry.actor_label)
    return str(label) if label is not None else entry.actor_label


def when_text(entry: AuditEntry) -> str:
    """When it happened, local; for an anonymous asker the day only, as it was recorded."""
    from ethics_hr.core.formatting import format_date, format_datetime

    if entry.actor_label == "anonymous":
        return format_date(to_local(entry.occurred_at).date())
    return format_datetime(entry.occurred_at)


def value_text(value: Any) -> str:
    """Write a recorded value for a person: dates and times in the local, localised form; "—" for none."""
    from ethics_hr.core.formatting import format_date, format_datetime

    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "✔" if value else "✘"
    if isinstance(value, str) and _ISO_DATETIME.match(value):
        with contextlib.suppress(ValueError):
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            if moment.tzinfo is None:  # stored times are UTC
                moment = moment.replace(tzinfo=UTC)
            return format_datetime(moment)
    if isinstance(value, str) and _ISO_DATE.match(value):
        with contextlib.suppress(ValueError):
            return format_date(date.fromisoformat(value))
    return str(value)
