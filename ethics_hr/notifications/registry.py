"""The kinds of notification the domains register, and the administrator's settings for each."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from ethics_hr.core.db import insert_ignoring_conflict, transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.notifications.models import NotificationOptOut, NotificationSetting

TIMING_KEYS = ("days_before", "repeat_days", "hour")


@dataclass(frozen=True)
class NotificationKind:
    """A kind of message a domain sends: its code, its label, and its defaults.

    `mandatory`: people cannot turn it off for themselves. `email`/`inapp`: the channels it uses.
    `defaults`: the timing the domain's job reads through `kind_settings()`, any of
    {"days_before": [7, 1], "repeat_days": 7, "hour": 8}; only the keys given are shown to the administrator.
    """

    code: str
    label: Any  # a lazy string
    mandatory: bool = False
    email: bool = True
    inapp: bool = True
    defaults: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = set(self.defaults) - set(TIMING_KEYS)
        if unknown:
            raise ValueError(f"unknown timing keys for {self.code}: {sorted(unknown)}")


@dataclass(frozen=True)
class KindSettings:
    """The settings in force for one kind: the registration's defaults overridden by the administrator."""

    kind: NotificationKind
    enabled: bool
    mandatory: bool
    email: bool
    inapp: bool
    days_before: tuple[int, ...]
    repeat_days: int | None
    hour: int | None
    customised: bool = False

    @property
    def code(self) -> str:
        return self.kind.code


KINDS: dict[str, NotificationKind] = {}


def register_kind(kind: NotificationKind) -> NotificationKind:
    """Make a kind of notification known; registering the same definition again is harmless."""
    existing = KINDS.get(kind.code)
    if existing is not None and dataclasses.replace(existing, label="") != dataclasses.replace(
        kind, label=""
    ):
        raise ValueError(f"notification kind {kind.code!r} is registered twice with different settings")
    KINDS[kind.code] = kind
    return kind


def get_kind(code: str) -> NotificationKind:
    try:
        return KINDS[code]
    except KeyError:
        raise LookupError(f"notification kind {code!r} is not registered (register_kind first)") from None


def _effective(kind: NotificationKind, row: NotificationSetting | None) -> KindSettings:
    d = kind.defaults
    days = tuple(int(x) for x in d.get("days_before", ()))
    if row is None:
        return KindSettings(
            kind, True, kind.mandatory, kind.email, kind.inapp, days, d.get("repeat_days"), d.get("hour")
        )
    if row.days_before is not None:
        days = tuple(int(x) for x in row.days_before.split(",") if x.strip())
    # Once the administrator has saved a kind, an empty repeat interval means "do not repeat".
    return KindSettings(
        kind,
        row.enabled,
        row.mandatory,
        row.email,
        row.inapp,
        days,
        row.repeat_days,
        row.hour if row.hour is not None else d.get("hour"),
        customised=True,
    )


def kind_settings(code: str) -> KindSettings:
    """Return the settings in force for one kind (on/off, channels, timing)."""
    kind = get_kind(code)
    return _effective(kind, db.session.get(NotificationSetting, code))


def all_kind_settings() -> list[KindSettings]:
    """Return the settings in force for every registered kind, in one query, sorted by code."""
    rows = {r.kind: r for r in db.session.scalars(sa.select(NotificationSetting))}
    return [_effective(k, rows.get(k.code)) for k in sorted(KINDS.values(), key=lambda k: k.code)]


@transactional
def save_kind_settings(
    code: str,
    *,
    enabled: bool,
    mandatory: bool,
    email: bool,
    inapp: bool,
    days_before: tuple[int, ...] | None = None,
    repeat_days: int | None = None,
    hour: int | None = None,
) -> KindSettings:
    """Store the administrator's settings for one kind."""
    kind = get_kind(code)
    if not (email or inapp):
        raise RuleViolation(_no_channel_message(), "email")
    if days_before is not None and any(d < 0 or d > 365 for d in days_before):
        raise RuleViolation(_days_message(), "days_before")
    row = db.session.get(NotificationSetting, code) or NotificationSetting(kind=code)
    row.enabled, row.mandatory, row.email, row.inapp = enabled, mandatory, email, inapp
    has = kind.defaults
    row.days_before = (
        ",".join(str(d) for d in sorted(set(days_before), reverse=True))
        if "days_before" in has and days_before is not None
        else None
    )
    row.repeat_days = repeat_days if "repeat_days" in has else None
    row.hour = hour if "hour" in has else None
    db.session.add(row)
    return _effective(kind, row)


@transactional
def reset_kind_settings(code: str) -> None:
    """Go back to the defaults of the kind's registration."""
    row = db.session.get(NotificationSetting, code)
    if row is not None:
        db.session.delete(row)


def opted_out_kinds(user_id: int) -> set[str]:
    """Return the kinds a person has turned off."""
    return set(
        db.session.scalars(sa.select(NotificationOptOut.kind).where(NotificationOptOut.user_id == user_id))
    )


@transactional
def set_opt_outs(user_id: int, wanted: set[str]) -> None:
    """Turn on exactly the given optional kinds for a person and turn the other optional ones off."""
    optional = {s.code for s in all_kind_settings() if s.enabled and not s.mandatory}
    current = opted_out_kinds(user_id)
    off = optional - wanted
    table = NotificationOptOut.__table__
    added = [{"user_id": user_id, "kind": code, "created_at": utc_now()} for code in sorted(off - current)]
    if added:
        insert_ignoring_conflict(table, added, index_elements=["user_id", "kind"])
    back_on = (current & optional) - off
    if back_on:
        db.session.execute(sa.delete(table).where(table.c.user_id == user_id, table.c.kind.in_(back_on)))


def _no_channel_message() -> str:
    from flask_babel import gettext as _

    return _("Choose email, in-app notice, or both.")


def _days_message() -> str:
    from flask_babel import gettext as _

    return _("Enter days from 0 to 365.")


# ---------------------------------------------------------------- what a message is about (the outbox)

# A target is "<record type>:<id>[:...]"; each domain names its record types and, if it wants, describes
# records by id (a session's course and date, a question's reference) in one query for a whole page of
# messages. notifications knows no domain: the domains register here.
TargetDescriber = Callable[[list[int]], dict[int, str]]


@dataclass(frozen=True)
class TargetType:
    prefix: str
    label: Any  # a lazy string
    describe: TargetDescriber | None = None


TARGET_TYPES: dict[str, TargetType] = {}


def register_target(prefix: str, label: Any, describe: TargetDescriber | None = None) -> None:
    """Name a record type that messages are about, with a function that describes records by their ids."""
    TARGET_TYPES[prefix] = TargetType(prefix, label, describe)


def kind_label(code: str) -> str:
    """The label of a kind of message, as the administrator's pages show it (its code if unregistered)."""
    kind = KINDS.get(code)
    return str(kind.label) if kind is not None else code


def _split(target: str) -> tuple[str, str]:
    prefix, _, rest = target.partition(":")
    return prefix, rest.split(":", 1)[0]


def target_labels(targets: list[str]) -> dict[str, str]:
    """Say what each message is about ("Training session: <course> <date>", not "training_session:17").

    One query per record type, however many messages there are.
    """
    ids: dict[str, set[int]] = {}
    for target in targets:
        prefix, record_id = _split(target)
        if prefix in TARGET_TYPES and record_id.isdigit():
            ids.setdefault(prefix, set()).add(int(record_id))
    texts = {
        prefix: TARGET_TYPES[prefix].describe(sorted(found))
        for prefix, found in ids.items()
        if TARGET_TYPES[prefix].describe is not None
    }
    labels = {}
    for target in targets:
        prefix, record_id = _split(target)
        known = TARGET_TYPES.get(prefix)
        if known is None:
            labels[target] = target
            continue
        text = texts.get(prefix, {}).get(int(record_id)) if record_id.isdigit() else None
        if text:
            labels[target] = f"{known.label}: {text}"
        else:
            labels[target] = f"{known.label} {record_id}" if record_id.isdigit() else str(known.label)
    return labels
