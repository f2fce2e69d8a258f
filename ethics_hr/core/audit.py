"""Hash-chained, append-only audit log written from SQLAlchemy session events."""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import json
import re
import secrets
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
from ethics_hr.core.db import dialect, insert_ignoring_conflict
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


class AuditAnchor(db.Model):
    """The chain's head on a day (how many entries, the last one's id and hash), written once a day.

    A copy leaves the database the same day (mailed to the administrators, shown on the public pages, in the
    anchor file an administrator downloads), so entries removed later, even from the end, are found by
    `audit verify` against it.
    """

    __tablename__ = "audit_anchor"
    __audited__ = False

    id: Mapped[int] = mapped_column(primary_key=True)
    anchored_on: Mapped[date] = mapped_column(unique=True)
    entries: Mapped[int] = mapped_column(default=0)
    head_id: Mapped[int] = mapped_column(default=0)
    head_hash: Mapped[str] = mapped_column(db.String(64))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    @property
    def line(self) -> str:
        """The anchor as one line of the anchor file: day, entries, head id, head hash."""
        return f"{self.anchored_on.isoformat()} {self.entries} {self.head_id} {self.head_hash}"


append_only(AuditAnchor.__table__)


class DeferredAuditEntry(db.Model):
    """An anonymous act waiting for the morning's batch to enter the chain (see `release_deferred`).

    Written at the moment would number it in the one id sequence and stamp it between other people's entries,
    which orders it against their logins and changes. So it waits here with its day only, under a random key,
    and the first batch after its day ends appends it to the chain, stamped with its day.
    """

    __tablename__ = "audit_deferred"
    __audited__ = False

    key: Mapped[str] = mapped_column(db.String(32), primary_key=True, default=lambda: secrets.token_hex(16))
    day: Mapped[date] = mapped_column(index=True)
    action: Mapped[str] = mapped_column(db.String(10))
    entity_type: Mapped[str] = mapped_column(db.String(64))
    entity_id: Mapped[str] = mapped_column(db.String(64))
    step: Mapped[int] = mapped_column(default=1)  # the n-th act on this record that day, for reading order
    changes: Mapped[str] = mapped_column(db.Text, default="{}")


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
    return acting_as(None, ANONYMOUS)


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
    ignored = {"updated_at", *getattr(obj, "__audit_ignore__", ())}  # changes that are no entry at all
    changes: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in ignored:
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


ANONYMOUS = "anonymous"
_ACTIONS_ORDER = {"create": 0, "update": 1, "delete": 2}


def _lock_chain(connection: sa.Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})
    elif connection.dialect.name == "sqlite":
        # Hold the write lock before reading the last hash: a write that touches no row begins the
        # IMMEDIATE transaction (see core/sqlite.py), so a second writer waits instead of forking the chain.
        connection.exec_driver_sql("UPDATE audit_entry SET id = id WHERE 1 = 0")


def _changes_text(changes: dict[str, Any]) -> str:
    return json.dumps(changes, ensure_ascii=False, sort_keys=True, default=str)


def _append(
    connection: sa.Connection,
    items: list[tuple[str, str, str, str]],
    actor_id: int | None,
    actor_label: str,
    now: datetime,
) -> None:
    """Seal (action, entity type, entity id, changes text) items onto the chain; the caller holds the lock."""
    table = AuditEntry.__table__
    prev = connection.execute(
        sa.select(table.c.entry_hash).order_by(table.c.id.desc()).limit(1)
    ).scalar_one_or_none()
    prev = prev or GENESIS
    rows = []
    for action, entity_type, entity_id, changes in items:
        row = {
            "occurred_at": now,
            "actor_id": actor_id,
            "actor_label": actor_label,
            "action": action,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "changes": changes,
            "prev_hash": prev,
        }
        row["entry_hash"] = entry_hash(row)
        prev = row["entry_hash"]
        rows.append(row)
    connection.execute(table.insert(), rows)


def _defer(connection: sa.Connection, pending: list[_Pending]) -> None:
    """Keep anonymous acts for the morning's batch, with their day only and no number that orders them."""
    table = DeferredAuditEntry.__table__
    today = local_today()
    for item in pending:
        earlier = connection.execute(
            sa.select(sa.func.count())
            .select_from(table)
            .where(
                table.c.day == today,
                table.c.entity_type == item.entity_type,
                table.c.entity_id == item.entity_id,
            )
        ).scalar_one()
        connection.execute(
            table.insert().values(
                key=secrets.token_hex(16),
                day=today,
                action=item.action,
                entity_type=item.entity_type,
                entity_id=item.entity_id,
                step=earlier + 1,
                changes=_changes_text(item.changes),
            )
        )


def write_entries(connection: sa.Connection, pending: list[_Pending]) -> None:
    """Append entries to the chain, sealing each with the hash of the one before; anonymous acts wait."""
    if not pending:
        return
    actor_id, actor_label = current_actor()
    if actor_label == ANONYMOUS:
        _defer(connection, pending)
        return
    _lock_chain(connection)
    items = [(i.action, i.entity_type, i.entity_id, _changes_text(i.changes)) for i in pending]
    _append(connection, items, actor_id, actor_label, utc_now())


def release_deferred(now: datetime | None = None) -> int:
    """Append the anonymous acts of the days that have ended to the chain; return how many.

    One entry per act, attributed to no one, stamped with the start of its (local) day as before, so the
    audit page still shows the day it happened and the day only, in an order that tells nothing of the
    moment: by day, then by record (their ids are drawn at random), create before update, and each record's
    acts in their order. Run twice, late, or from two schedulers at once, each act enters the chain exactly
    once: the batch holds the chain's lock, then reads, appends and removes what it found.
    """
    today = to_local(now or utc_now()).date()
    connection = db.session.connection()
    _lock_chain(connection)
    table = DeferredAuditEntry.__table__
    rows = connection.execute(sa.select(table).where(table.c.day < today)).mappings().all()
    if not rows:
        return 0
    ordered = sorted(
        rows,
        key=lambda r: (
            r["day"],
            r["entity_type"],
            r["entity_id"],
            _ACTIONS_ORDER.get(r["action"], 3),
            r["step"],
        ),
    )
    for day in sorted({r["day"] for r in ordered}):
        items = [
            (r["action"], r["entity_type"], r["entity_id"], r["changes"]) for r in ordered if r["day"] == day
        ]
        _append(connection, items, None, ANONYMOUS, local_bounds_utc(day, day)[0])
    connection.execute(table.delete().where(table.c.key.in_([r["key"] for r in rows])))
    return len(rows)


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
    anchored: int = 0  # how many anchors the chain was held against


def verify_chain(batch: int = 5000, anchors: list[AuditAnchor] | None = None) -> VerifyResult:
    """Walk the chain from the start; name the first entry that was altered or whose predecessor is gone.

    Then hold it against the anchors (those stored, or those of an anchor file): each anchored head must still
    be in the chain, with its hash and the number of entries up to it. Entries removed from the end are found
    this way, as far as the newest anchor reaches.
    """
    table = AuditEntry.__table__
    prev = GENESIS
    checked = 0
    last_id = 0
    heads: dict[int, tuple[str, int]] = {}  # id -> (hash, entries up to it), only for the anchored ids
    anchors = stored_anchors() if anchors is None else anchors
    wanted = {a.head_id for a in anchors}
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
            if last_id in wanted:
                heads[last_id] = (prev, checked)
    for anchor in sorted(anchors, key=lambda a: a.head_id):
        if anchor.entries == 0:
            continue
        day = anchor.anchored_on.isoformat()
        found = heads.get(anchor.head_id)
        if found is None:
            return VerifyResult(
                False,
                checked,
                anchor.head_id,
                f"entry {anchor.head_id}, the head anchored on {day}, is missing: entries after entry "
                f"{last_id} were removed from the end",
            )
        if found != (anchor.head_hash, anchor.entries):
            return VerifyResult(
                False,
                checked,
                anchor.head_id,
                f"the chain up to it does not match the anchor of {day} ({found[1]} entries, "
                f"{anchor.entries} anchored)",
            )
    return VerifyResult(True, checked, anchored=len(anchors))


def chain_head() -> tuple[int, int, str]:
    """How many entries the chain holds, the last one's id and its hash (0, 0, GENESIS when empty)."""
    table = AuditEntry.__table__
    count = db.session.scalar(sa.select(sa.func.count()).select_from(table)) or 0
    last = db.session.execute(
        sa.select(table.c.id, table.c.entry_hash).order_by(table.c.id.desc()).limit(1)
    ).first()
    return (count, last[0], last[1]) if last else (0, 0, GENESIS)


def anchor_chain(day: date | None = None) -> AuditAnchor | None:
    """Write today's anchor of the chain (once a day); None when the day already has one."""
    day = day or local_today()
    if db.session.scalar(sa.select(AuditAnchor.id).where(AuditAnchor.anchored_on == day)) is not None:
        return None
    if dialect() == "postgresql":  # the head must not move while it is read
        db.session.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})
    entries, head_id, head_hash = chain_head()
    values = {
        "anchored_on": day,
        "entries": entries,
        "head_id": head_id,
        "head_hash": head_hash,
        "created_at": utc_now(),
    }
    # Two schedulers at once (or a job and the command): the first anchor of the day stays, the other is none.
    added = insert_ignoring_conflict(AuditAnchor.__table__, values, index_elements=["anchored_on"])
    if not added.rowcount:
        return None
    return db.session.scalar(sa.select(AuditAnchor).where(AuditAnchor.anchored_on == day))


def stored_anchors() -> list[AuditAnchor]:
    return list(db.session.scalars(sa.select(AuditAnchor).order_by(AuditAnchor.anchored_on)))


def latest_anchor() -> AuditAnchor | None:
    return db.session.scalar(sa.select(AuditAnchor).order_by(AuditAnchor.anchored_on.desc()).limit(1))


ANCHOR_FILE_HEADER = "# Ethics HR audit anchors: day entries head-id head-sha256"


def anchor_file_text(anchors: list[AuditAnchor]) -> str:
    """The anchor file: one line per day, kept outside the database (see `audit verify --anchors`)."""
    return "\n".join([ANCHOR_FILE_HEADER, *(a.line for a in anchors)]) + "\n"


def read_anchor_file(text: str) -> list[AuditAnchor]:
    """Read an anchor file back (transient objects, never added to the session); ValueError when malformed."""
    anchors = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 4 or not re.fullmatch(r"[0-9a-f]{64}", parts[3]):
            raise ValueError(f"line {number} is not 'day entries head-id head-sha256'")
        try:
            day, entries, head_id = date.fromisoformat(parts[0]), int(parts[1]), int(parts[2])
        except ValueError as error:
            raise ValueError(f"line {number}: {error}") from error
        anchors.append(AuditAnchor(anchored_on=day, entries=entries, head_id=head_id, head_hash=parts[3]))
    return anchors


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
    "gift": lazy_pgettext("audit record", "Gift"),
    "gift_decision": lazy_pgettext("audit record", "Decision on a gift"),
    "gift_occasion": lazy_pgettext("audit record", "Gift occasion"),
    "gift_announcement": lazy_pgettext("audit record", "No Gift announcement"),
    "conflict_declaration": lazy_pgettext("audit record", "Declaration of interests"),
    "conflict_interest": lazy_pgettext("audit record", "Declared interest"),
    "conflict_decision": lazy_pgettext("audit record", "Decision on a declaration of interests"),
    "conflict_interest_category": lazy_pgettext("audit record", "Category of interest"),
    "pledge": lazy_pgettext("audit record", "Integrity pledge"),
    "pledge_signature": lazy_pgettext("audit record", "Signature of the integrity pledge"),
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
    "ethics_report": lazy_pgettext("audit record", "Annual ethics report"),
    "ethics_report_section": lazy_pgettext("audit record", "Section of the annual ethics report"),
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
    "training_session_test": lazy_pgettext("audit record", "Test of a session"),
    "training_session_test_question": lazy_pgettext("audit record", "Question of a session's test"),
    "training_evaluation_mark": lazy_pgettext("audit record", "Evaluation given (who, not what)"),
    "learning_question": lazy_pgettext("audit record", "Question of the bank"),
    "learning_choice": lazy_pgettext("audit record", "Choice of a bank question"),
    "learning_certificate": lazy_pgettext("audit record", "Certificate"),
    "learning_certificate_revocation": lazy_pgettext("audit record", "Certificate revoked"),
    "code_quiz": lazy_pgettext("audit record", "Quiz of a code version"),
    "code_quiz_question": lazy_pgettext("audit record", "Question of a code's quiz"),
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

# What each recorded column is called: the changes column reads as the forms do (the column's own name
# stays as a tooltip).
# Columns written in Thai and in English (`name_th`, `name_en`) share one label and say which language.
FIELDS: dict[str, Any] = {
    "achieved_on": lazy_pgettext("audit field", "Achieved on"),
    "ack_basis_id": lazy_pgettext("audit field", "Version acknowledged as the basis"),
    "acknowledged_at": lazy_pgettext("audit field", "Acknowledged at"),
    "acknowledgment_requires_password": lazy_pgettext("audit field", "Password needed to acknowledge"),
    "active": lazy_pgettext("audit field", "Active"),
    "amount": lazy_pgettext("audit field", "Amount"),
    "announced_on": lazy_pgettext("audit field", "Announced on"),
    "announcement_id": lazy_pgettext("audit field", "Announcement file"),
    "anonymous": lazy_pgettext("audit field", "Anonymous"),
    "answer": lazy_pgettext("audit field", "Answer"),
    "answered_on": lazy_pgettext("audit field", "Answered on"),
    "approved_by": lazy_pgettext("audit field", "Approved by"),
    "approved_on": lazy_pgettext("audit field", "Approved on"),
    "area_id": lazy_pgettext("audit field", "Plan area"),
    "asked_on": lazy_pgettext("audit field", "Asked on"),
    "asker_person_id": lazy_pgettext("audit field", "Asker"),
    "assessment_year": lazy_pgettext("audit field", "Assessment year"),
    "assigned_person_id": lazy_pgettext("audit field", "Assigned to"),
    "attachment_id": lazy_pgettext("audit field", "Attachment"),
    "attempts": lazy_pgettext("audit field", "Attempts"),
    "author_person_id": lazy_pgettext("audit field", "Written by"),
    "automatic": lazy_pgettext("audit field", "Revoked by the system itself"),
    "body": lazy_pgettext("audit field", "Text"),
    "body_html": lazy_pgettext("audit field", "Text (HTML)"),
    "body_md": lazy_pgettext("audit field", "Text (Markdown)"),
    "body_text": lazy_pgettext("audit field", "Plain text"),
    "cancel_reason": lazy_pgettext("audit field", "Reason for cancelling"),
    "cancelled_at": lazy_pgettext("audit field", "Cancelled at"),
    "capacity": lazy_pgettext("audit field", "Capacity"),
    "category_id": lazy_pgettext("audit field", "Category"),
    "certificate_id": lazy_pgettext("audit field", "Certificate"),
    "certificate_signatory": lazy_pgettext("audit field", "Who signs the certificates"),
    "certificate_signatory_title_en": lazy_pgettext("audit field", "Signatory's title (English)"),
    "certificate_signatory_title_th": lazy_pgettext("audit field", "Signatory's title (Thai)"),
    "change_kind": lazy_pgettext("audit field", "Kind of change"),
    "check": lazy_pgettext("audit field", "Check"),
    "checkin_code": lazy_pgettext("audit field", "Check-in code"),
    "claimed_at": lazy_pgettext("audit field", "Claimed for sending at"),
    "claimed_by": lazy_pgettext("audit field", "Claimed for sending by"),
    "clause": lazy_pgettext("audit field", "Clause"),
    "closed_at": lazy_pgettext("audit field", "Closed at"),
    "closed_by_id": lazy_pgettext("audit field", "Closed by"),
    "closed_on": lazy_pgettext("audit field", "Closed on"),
    "closes_on": lazy_pgettext("audit field", "Signing closes on"),
    "code": lazy_pgettext("audit field", "Short code"),
    "code_hash": lazy_pgettext("audit field", "Code (hashed)"),
    "code_id": lazy_pgettext("audit field", "Code of ethics"),
    "committee_id": lazy_pgettext("audit field", "Committee"),
    "confirmed": lazy_pgettext("audit field", "Confirmed as true"),
    "conflict_declaration_days": lazy_pgettext(
        "audit field", "Days to make the annual declaration of interests"
    ),
    "content_sha256": lazy_pgettext("audit field", "SHA-256 of the content"),
    "content_type": lazy_pgettext("audit field", "File type"),
    "copied_from_id": lazy_pgettext("audit field", "Copied from"),
    "correct": lazy_pgettext("audit field", "Right answer"),
    "correction_reason": lazy_pgettext("audit field", "What the correction changes"),
    "corrects_id": lazy_pgettext("audit field", "Corrects"),
    "course_id": lazy_pgettext("audit field", "Course"),
    "created_at": lazy_pgettext("audit field", "Created at"),
    "created_by_id": lazy_pgettext("audit field", "Created by"),
    "days_before": lazy_pgettext("audit field", "Days before"),
    "decided_as": lazy_pgettext("audit field", "Decided as"),
    "decided_at": lazy_pgettext("audit field", "Decided at"),
    "decided_by_id": lazy_pgettext("audit field", "Decided by"),
    "declaration_id": lazy_pgettext("audit field", "Declaration"),
    "declared_at": lazy_pgettext("audit field", "Declared at"),
    "declared_by_id": lazy_pgettext("audit field", "Declared by"),
    "default_hours": lazy_pgettext("audit field", "Default hours"),
    "default_locale": lazy_pgettext("audit field", "Default language"),
    "department_id": lazy_pgettext("audit field", "Department"),
    "description": lazy_pgettext("audit field", "Description"),
    "dissolution_note": lazy_pgettext("audit field", "Note on dissolution"),
    "dissolved_on": lazy_pgettext("audit field", "Dissolved on"),
    "document_id": lazy_pgettext("audit field", "Document"),
    "dos_dont_id": lazy_pgettext("audit field", "Do or don't tested"),
    "due_date": lazy_pgettext("audit field", "Due date"),
    "due_on": lazy_pgettext("audit field", "Due on"),
    "edition": lazy_pgettext("audit field", "Edition"),
    "effective_date": lazy_pgettext("audit field", "Effective date"),
    "effective_on": lazy_pgettext("audit field", "Effective on"),
    "email": lazy_pgettext("audit field", "Email"),
    "employee_number": lazy_pgettext("audit field", "Employee number"),
    "enabled": lazy_pgettext("audit field", "Turned on"),
    "ended_at": lazy_pgettext("audit field", "Ended at"),
    "ended_by_id": lazy_pgettext("audit field", "Ended by"),
    "ends_at": lazy_pgettext("audit field", "Ends at"),
    "ends_on": lazy_pgettext("audit field", "Ends on"),
    "enrolled_at": lazy_pgettext("audit field", "Enrolled at"),
    "ethics_hours_required": lazy_pgettext("audit field", "Ethics hours required"),
    "evaluated_at": lazy_pgettext("audit field", "Evaluated at"),
    "evaluation": lazy_pgettext("audit field", "Evaluation by the participants"),
    "example": lazy_pgettext("audit field", "Example"),
    "expires_at": lazy_pgettext("audit field", "Expires at"),
    "explanation": lazy_pgettext("audit field", "Explanation"),
    "fill": lazy_pgettext("audit field", "Data written in"),
    "first_fiscal_year": lazy_pgettext("audit field", "First fiscal year"),
    "first_name": lazy_pgettext("audit field", "First name"),
    "fiscal_year": lazy_pgettext("audit field", "Fiscal year"),
    "fiscal_year_offset": lazy_pgettext("audit field", "Fiscal year asked about"),
    "fiscal_year_start_month": lazy_pgettext("audit field", "First month of the fiscal year"),
    "frozen_at": lazy_pgettext("audit field", "Frozen at"),
    "gift_id": lazy_pgettext("audit field", "Gift"),
    "gift_report_days": lazy_pgettext("audit field", "Days to report a gift"),
    "gift_report_threshold": lazy_pgettext("audit field", "Gift value to report (baht)"),
    "giver_key": lazy_pgettext("audit field", "Giver (as compared)"),
    "giver_name": lazy_pgettext("audit field", "Giver"),
    "giver_organisation": lazy_pgettext("audit field", "Giver's organisation"),
    "has_interests": lazy_pgettext("audit field", "Has interests"),
    "head_person_id": lazy_pgettext("audit field", "Head"),
    "heading": lazy_pgettext("audit field", "Heading"),
    "holder": lazy_pgettext("audit field", "Holder"),
    "host": lazy_pgettext("audit field", "Server"),
    "hour": lazy_pgettext("audit field", "Hour"),
    "hours": lazy_pgettext("audit field", "Hours"),
    "hours_factor": lazy_pgettext("audit field", "Share of hours counted"),
    "id": lazy_pgettext("audit field", "Id"),
    "inapp": lazy_pgettext("audit field", "In the app"),
    "indicator": lazy_pgettext("audit field", "Indicator"),
    "indicator_target": lazy_pgettext("audit field", "Target"),
    "intro": lazy_pgettext("audit field", "Introduction"),
    "invited_at": lazy_pgettext("audit field", "Invited at"),
    "is_ethics": lazy_pgettext("audit field", "Counts as ethics training"),
    "issued_at": lazy_pgettext("audit field", "Issued at"),
    "issued_by_id": lazy_pgettext("audit field", "Issued by"),
    "item_id": lazy_pgettext("audit field", "Item"),
    "key": lazy_pgettext("audit field", "Key"),
    "kind": lazy_pgettext("audit field", "Kind"),
    "last_error": lazy_pgettext("audit field", "Last error"),
    "last_fiscal_year": lazy_pgettext("audit field", "Last fiscal year"),
    "last_login_at": lazy_pgettext("audit field", "Last login"),
    "last_name": lazy_pgettext("audit field", "Last name"),
    "locale": lazy_pgettext("audit field", "Language"),
    "logo_file_id": lazy_pgettext("audit field", "Logo"),
    "mandate": lazy_pgettext("audit field", "Mandate"),
    "mandatory": lazy_pgettext("audit field", "Mandatory"),
    "measure": lazy_pgettext("audit field", "Measure"),
    "method": lazy_pgettext("audit field", "Method"),
    "methods": lazy_pgettext("audit field", "Methods"),
    "name": lazy_pgettext("audit field", "Name"),
    "next_attempt_at": lazy_pgettext("audit field", "Next attempt at"),
    "note": lazy_pgettext("audit field", "Note"),
    "notes": lazy_pgettext("audit field", "Notes"),
    "number": lazy_pgettext("audit field", "Number"),
    "objective": lazy_pgettext("audit field", "Objective"),
    "occasion_id": lazy_pgettext("audit field", "Occasion"),
    "online_url": lazy_pgettext("audit field", "Online link"),
    "opened_at": lazy_pgettext("audit field", "Opened at"),
    "opened_by_id": lazy_pgettext("audit field", "Opened by"),
    "opens_on": lazy_pgettext("audit field", "Signing opens on"),
    "order_id": lazy_pgettext("audit field", "Appointment order"),
    "original_name": lazy_pgettext("audit field", "File name"),
    "other_party": lazy_pgettext("audit field", "Other party"),
    "outcome": lazy_pgettext("audit field", "Outcome"),
    "outside_name": lazy_pgettext("audit field", "Name (outside the organisation)"),
    "outside_organisation": lazy_pgettext("audit field", "Organisation (outside)"),
    "page": lazy_pgettext("audit field", "Page"),
    "parent_key": lazy_pgettext("audit field", "Parent"),
    "pass_percent": lazy_pgettext("audit field", "Pass mark (%)"),
    "password": lazy_pgettext("audit field", "Password"),
    "password_changed_at": lazy_pgettext("audit field", "Password changed at"),
    "password_hash": lazy_pgettext("audit field", "Password (hashed)"),
    "period": lazy_pgettext("audit field", "Period"),
    "person_id": lazy_pgettext("audit field", "Person"),
    "phase": lazy_pgettext("audit field", "Before or after"),
    "place": lazy_pgettext("audit field", "Place"),
    "plan_id": lazy_pgettext("audit field", "Plan"),
    "pledge_id": lazy_pgettext("audit field", "Integrity pledge"),
    "port": lazy_pgettext("audit field", "Port"),
    "position": lazy_pgettext("audit field", "Position"),
    "preferred_locale": lazy_pgettext("audit field", "Preferred language"),
    "prefix": lazy_pgettext("audit field", "Title (prefix)"),
    "progress_note": lazy_pgettext("audit field", "Progress note"),
    "prompt": lazy_pgettext("audit field", "Question"),
    "published": lazy_pgettext("audit field", "Published"),
    "published_at": lazy_pgettext("audit field", "Published at"),
    "published_by_id": lazy_pgettext("audit field", "Published by"),
    "published_on": lazy_pgettext("audit field", "Published on"),
    "purpose": lazy_pgettext("audit field", "Purpose"),
    "quarter": lazy_pgettext("audit field", "Quarter"),
    "question_answer_days": lazy_pgettext("audit field", "Days to answer a question"),
    "question_id": lazy_pgettext("audit field", "Question"),
    "reacknowledge_months": lazy_pgettext("audit field", "Acknowledge again every (months)"),
    "reason": lazy_pgettext("audit field", "Reason"),
    "receipt_hash": lazy_pgettext("audit field", "Receipt code (hashed)"),
    "received_on": lazy_pgettext("audit field", "Received on"),
    "recipient": lazy_pgettext("audit field", "Recipient"),
    "reconstructed": lazy_pgettext("audit field", "Rebuilt from agencies' published evidence"),
    "recorded_at": lazy_pgettext("audit field", "Recorded at"),
    "recorded_by_id": lazy_pgettext("audit field", "Recorded by"),
    "recovery_codes_issued_at": lazy_pgettext("audit field", "Recovery codes issued at"),
    "referred_to": lazy_pgettext("audit field", "Referred to"),
    "registration_deadline": lazy_pgettext("audit field", "Registration deadline"),
    "reissue_of_id": lazy_pgettext("audit field", "Reissue of"),
    "relation": lazy_pgettext("audit field", "Relation"),
    "renewal": lazy_pgettext("audit field", "Renewal"),
    "repeat_days": lazy_pgettext("audit field", "Repeat every (days)"),
    "replaces_id": lazy_pgettext("audit field", "Replaces"),
    "report_id": lazy_pgettext("audit field", "Report"),
    "required": lazy_pgettext("audit field", "Required before acknowledging"),
    "required_for_certificate": lazy_pgettext("audit field", "Needed for the certificate"),
    "responsible": lazy_pgettext("audit field", "Responsible"),
    "responsible_department_id": lazy_pgettext("audit field", "Responsible department"),
    "retired_at": lazy_pgettext("audit field", "Retired at"),
    "revoked_at": lazy_pgettext("audit field", "Revoked at"),
    "revoked_by_id": lazy_pgettext("audit field", "Revoked by"),
    "role": lazy_pgettext("audit field", "Role"),
    "scenario": lazy_pgettext("audit field", "Scenario question"),
    "seats_taken": lazy_pgettext("audit field", "Seats taken"),
    "security": lazy_pgettext("audit field", "Connection security"),
    "sender": lazy_pgettext("audit field", "Sender"),
    "sent_at": lazy_pgettext("audit field", "Sent at"),
    "sequence": lazy_pgettext("audit field", "Revision number"),
    "series_key": lazy_pgettext("audit field", "Series"),
    "session_id": lazy_pgettext("audit field", "Session"),
    "session_version": lazy_pgettext("audit field", "Session revision"),
    "setup_confirmed": lazy_pgettext("audit field", "Setup confirmed"),
    "sha256": lazy_pgettext("audit field", "SHA-256"),
    "signatory": lazy_pgettext("audit field", "Signatory"),
    "signatory_title": lazy_pgettext("audit field", "Signatory's title"),
    "signed_at": lazy_pgettext("audit field", "Signed at"),
    "signed_by_name": lazy_pgettext("audit field", "Signed by"),
    "signed_by_position": lazy_pgettext("audit field", "Signatory's position"),
    "signed_on": lazy_pgettext("audit field", "Signed on"),
    "situation": lazy_pgettext("audit field", "Situation"),
    "situation_on": lazy_pgettext("audit field", "Day the situation arose"),
    "size": lazy_pgettext("audit field", "Size"),
    "sort_order": lazy_pgettext("audit field", "Order"),
    "source": lazy_pgettext("audit field", "Source"),
    "speakers": lazy_pgettext("audit field", "Speakers"),
    "spent": lazy_pgettext("audit field", "Spent"),
    "staff_category_id": lazy_pgettext("audit field", "Staff category"),
    "start_date": lazy_pgettext("audit field", "Start date"),
    "starts_at": lazy_pgettext("audit field", "Starts at"),
    "starts_on": lazy_pgettext("audit field", "Starts on"),
    "state": lazy_pgettext("audit field", "State"),
    "statement": lazy_pgettext("audit field", "Statement"),
    "status": lazy_pgettext("audit field", "Status"),
    "status_id": lazy_pgettext("audit field", "Status"),
    "storage_key": lazy_pgettext("audit field", "Storage key"),
    "subject": lazy_pgettext("audit field", "Subject"),
    "subject_id": lazy_pgettext("audit field", "Of what"),
    "summary": lazy_pgettext("audit field", "Summary"),
    "supersedes_id": lazy_pgettext("audit field", "Corrects declaration"),
    "target": lazy_pgettext("audit field", "Target"),
    "target_participants": lazy_pgettext("audit field", "Target participants"),
    "test_id": lazy_pgettext("audit field", "Test"),
    "text": lazy_pgettext("audit field", "Text"),
    "thai_numerals_in_documents": lazy_pgettext("audit field", "Thai numerals in documents"),
    "timezone": lazy_pgettext("audit field", "Time zone"),
    "title": lazy_pgettext("audit field", "Title"),
    "token_hash": lazy_pgettext("audit field", "Token (hashed)"),
    "topic": lazy_pgettext("audit field", "Topic"),
    "topic_id": lazy_pgettext("audit field", "Topic"),
    "topics": lazy_pgettext("audit field", "Topics"),
    "totp_enabled_at": lazy_pgettext("audit field", "Two-step login turned on at"),
    "totp_last_step": lazy_pgettext("audit field", "Last two-step code used"),
    "totp_secret": lazy_pgettext("audit field", "Two-step login key"),
    "updated_at": lazy_pgettext("audit field", "Updated at"),
    "used_at": lazy_pgettext("audit field", "Used at"),
    "user_id": lazy_pgettext("audit field", "User account"),
    "username": lazy_pgettext("audit field", "Username"),
    "value_baht": lazy_pgettext("audit field", "Value (baht)"),
    "version_id": lazy_pgettext("audit field", "Version"),
    "waitlisted_at": lazy_pgettext("audit field", "Waitlisted at"),
    "withdrawal_reason": lazy_pgettext("audit field", "Reason for withdrawing"),
    "withdrawn_at": lazy_pgettext("audit field", "Withdrawn at"),
    "written_at": lazy_pgettext("audit field", "Written at"),
    "written_on": lazy_pgettext("audit field", "Written on"),
    "year_be": lazy_pgettext("audit field", "Year (B.E.)"),
}

# Stored words of the enum-like columns (status, kind, method...), named as the pages name them.
ENUM_COLUMNS = frozenset(
    {
        "status",
        "state",
        "kind",
        "method",
        "source",
        "role",
        "period",
        "change_kind",
        "security",
        "purpose",
        "locale",
        "default_locale",
        "preferred_locale",
    }
)
VALUES: dict[str, Any] = {
    "draft": lazy_pgettext("audit value", "Draft"),
    "approved": lazy_pgettext("audit value", "Approved"),
    "superseded": lazy_pgettext("audit value", "Superseded"),
    "not_started": lazy_pgettext("audit value", "Not started"),
    "in_progress": lazy_pgettext("audit value", "In progress"),
    "done": lazy_pgettext("audit value", "Done"),
    "cancelled": lazy_pgettext("audit value", "Cancelled"),
    "h1": lazy_pgettext("audit value", "First half of the year"),
    "year": lazy_pgettext("audit value", "Whole year"),
    "planned": lazy_pgettext("audit value", "Planned"),
    "open": lazy_pgettext("audit value", "Open for enrolment"),
    "completed": lazy_pgettext("audit value", "Completed"),
    "invited": lazy_pgettext("audit value", "Invited"),
    "enrolled": lazy_pgettext("audit value", "Enrolled"),
    "waitlisted": lazy_pgettext("audit value", "On the waiting list"),
    "withdrawn": lazy_pgettext("audit value", "Withdrawn"),
    "department": lazy_pgettext("audit value", "By department"),
    "category": lazy_pgettext("audit value", "By staff category"),
    "person": lazy_pgettext("audit value", "By name"),
    "walk_in": lazy_pgettext("audit value", "Walk-in"),
    "officer": lazy_pgettext("audit value", "By the officer"),
    "self": lazy_pgettext("audit value", "By the person"),
    "import": lazy_pgettext("audit value", "By import"),
    "pending": lazy_pgettext("audit value", "Waiting to be sent"),
    "sending": lazy_pgettext("audit value", "Sending"),
    "sent": lazy_pgettext("audit value", "Sent"),
    "failed": lazy_pgettext("audit value", "Failed"),
    "none": lazy_pgettext("audit value", "None"),
    "starttls": lazy_pgettext("audit value", "STARTTLS"),
    "ssl": lazy_pgettext("audit value", "SSL/TLS"),
    "ethics_committee": lazy_pgettext("audit value", "Ethics committee"),
    "code_drafting": lazy_pgettext("audit value", "Code-drafting committee"),
    "advisory_team": lazy_pgettext("audit value", "Advisory team"),
    "other": lazy_pgettext("audit value", "Other"),
    "chair": lazy_pgettext("audit value", "Chair"),
    "vice_chair": lazy_pgettext("audit value", "Vice-chair"),
    "member": lazy_pgettext("audit value", "Member"),
    "secretary": lazy_pgettext("audit value", "Secretary"),
    "assistant_secretary": lazy_pgettext("audit value", "Assistant secretary"),
    "new": lazy_pgettext("audit value", "New"),
    "assigned": lazy_pgettext("audit value", "Assigned"),
    "waiting": lazy_pgettext("audit value", "Waiting for the asker"),
    "answered": lazy_pgettext("audit value", "Answered"),
    "closed": lazy_pgettext("audit value", "Closed"),
    "asker": lazy_pgettext("audit value", "From the asker"),
    "clarify": lazy_pgettext("audit value", "Request for more detail"),
    "answer": lazy_pgettext("audit value", "Answer"),
    "note": lazy_pgettext("audit value", "Internal note"),
    "hr": lazy_pgettext("audit value", "HR measure"),
    "free": lazy_pgettext("audit value", "Other measure"),
    "published": lazy_pgettext("audit value", "Published"),
    "major": lazy_pgettext("audit value", "Major"),
    "minor": lazy_pgettext("audit value", "Minor correction"),
    "do": lazy_pgettext("audit value", "Do"),
    "dont": lazy_pgettext("audit value", "Don't"),
    "on_behalf": lazy_pgettext("audit value", "Recorded on behalf"),
    "admin": lazy_pgettext("audit value", "Administrator"),
    "personnel_officer": lazy_pgettext("audit value", "Personnel officer"),
    "activate": lazy_pgettext("audit value", "Activation"),
    "reset": lazy_pgettext("audit value", "Password reset"),
    "th": lazy_pgettext("audit value", "Thai language"),
    "en": lazy_pgettext("audit value", "English language"),
}


_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def record_type_label(entity_type: str) -> str:
    """Name a record type as the administrator calls it (the table name when it has no label)."""
    label = RECORD_TYPES.get(entity_type)
    return str(label) if label is not None else entity_type


_LANGUAGE_SUFFIXES = {
    "_th": lazy_pgettext("audit field", "%(field)s (Thai)"),
    "_en": lazy_pgettext("audit field", "%(field)s (English)"),
}


# Columns of one name that mean something else in some tables: there `position` is a place in a list.
FIELDS_OF_TABLE: dict[tuple[str, str], str] = {
    ("code_dos_dont", "position"): "sort_order",
    ("report_measure", "position"): "sort_order",
    ("ethics_report_section", "position"): "sort_order",
    ("ita_item", "position"): "sort_order",
}


def field_label(column: str, table: str = "") -> str:
    """Name a recorded column as the forms do; a column with no label keeps its own name."""
    column = FIELDS_OF_TABLE.get((table, column), column)
    label = FIELDS.get(column)
    if label is not None:
        return str(label)
    suffix = _LANGUAGE_SUFFIXES.get(column[-3:])
    if suffix is not None and column[:-3] in FIELDS:
        return str(suffix) % {"field": FIELDS[column[:-3]]}
    return column


def change_value_text(column: str, value: Any) -> str:
    """A recorded value of a column: the stored word of a status or kind as the pages name it."""
    if column in ENUM_COLUMNS and isinstance(value, str) and value in VALUES:
        return str(VALUES[value])
    return value_text(value)


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
