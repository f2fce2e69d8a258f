"""What the domains call to tell someone something: `notify`, `notify_many`, and the kinds they register.

A domain registers its kinds at import time and calls `notify` in the transaction of the change that
caused the message (it commits, not us). Each message is written as an in-app notice and/or an outbox row
according to the kind's settings and the person's own choice, at most once per (kind, target, period,
recipient).
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

import sqlalchemy as sa
from flask import current_app, has_request_context
from flask_babel import force_locale
from jinja2 import TemplateNotFound
from markupsafe import escape
from sqlalchemy.dialects import postgresql, sqlite

from ethics_hr.core.db import dialect, insert_ignoring_conflict
from ethics_hr.core.language import locale_of
from ethics_hr.core.locale import LOCALES, current_locale
from ethics_hr.core.models import utc_now
from ethics_hr.core.settings import get_settings
from ethics_hr.extensions import db
from ethics_hr.notifications import kinds as _builtin_kinds  # noqa: F401  (registers the welcome notice)
from ethics_hr.notifications.models import Notice, NotificationOptOut, OutboxMessage
from ethics_hr.notifications.outbox import (
    Attachment,
    inserted_id,
    queue,
    queue_email,
    queue_many,
    recipient_key,
)
from ethics_hr.notifications.registry import (
    KINDS,
    KindSettings,
    NotificationKind,
    all_kind_settings,
    get_kind,
    kind_label,
    kind_settings,
    register_kind,
    register_target,
    target_labels,
)
from ethics_hr.notifications.timing import due_after, due_around, due_before, due_repeat

__all__ = [
    "KINDS",
    "Attachment",
    "KindSettings",
    "Message",
    "NotificationKind",
    "Recipient",
    "absolute_url",
    "addressed_by_name",
    "all_kind_settings",
    "already_told",
    "due_after",
    "due_around",
    "due_before",
    "due_repeat",
    "get_kind",
    "kind_label",
    "kind_settings",
    "notify",
    "notify_many",
    "queue",
    "queue_email",
    "queue_many",
    "register_kind",
    "register_target",
    "render_message",
    "target_labels",
]

CHUNK = 1000


class HasContact(Protocol):
    id: int | None
    email: str | None
    locale: str | None


@dataclass(frozen=True)
class Recipient:
    """Who gets a message: an account id (None for a person without one), an address, a language."""

    id: int | None
    email: str | None
    locale: str | None = None
    name: str = ""


class Message(NamedTuple):
    """What `render` returns: subject, plain text, HTML, and optionally a shorter text for the notice."""

    subject: str
    text: str
    html: str = ""
    notice: str | None = None


Render = Callable[[Recipient], Message | tuple]


def _recipient(who: HasContact | str) -> Recipient:
    if isinstance(who, Recipient):
        return who
    if isinstance(who, str):
        return Recipient(None, who.strip(), None)
    return Recipient(who.id, who.email, getattr(who, "locale", None), getattr(who, "name", ""))


def _locale(recipient: Recipient, default: str) -> str:
    return locale_of(recipient.locale, default)


@contextlib.contextmanager
def _rendering() -> Iterator[None]:
    """Give render functions a request context (url_for, the locale, date formatting) when there is none."""
    if has_request_context():
        yield
        return
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        yield


def _as_message(value: Message | tuple) -> Message:
    return value if isinstance(value, Message) else Message(*value)


# Stands for the recipient's name in a message rendered once for many (letters only: escaping leaves it be).
_NAME = "Zq7RecipientNameXk2"


def addressed_by_name(render: Render) -> Render:
    """The same render function, for one that reads only the recipient's language and name: the message is
    rendered once per language (and once more for people without a name) and each copy gets its reader's
    name, escaped in the HTML. Telling 10,000 people then takes a few renderings instead of 20,000."""
    rendered: dict[tuple[str, bool], Message] = {}

    def render_for(r: Recipient) -> Message:
        key = (r.locale, bool(r.name))
        message = rendered.get(key)
        if message is None:
            message = rendered[key] = _as_message(render(dataclasses.replace(r, name=_NAME) if r.name else r))
        if not r.name:
            return message
        return Message(
            message.subject.replace(_NAME, r.name),
            message.text.replace(_NAME, r.name),
            message.html.replace(_NAME, str(escape(r.name))),
            message.notice.replace(_NAME, r.name) if message.notice is not None else None,
        )

    return render_for


def notify(
    recipient: HasContact | str,
    *,
    kind: str,
    target: str,
    period: str = "",
    render: Render,
    link: str | None = None,
    attachments: Sequence[Attachment] = (),
) -> bool:
    """Tell one person (or an address) something, once per (kind, target, period); return if anything was new.

    `render(recipient)` is called in the recipient's language (recipient.locale is then always set) and only
    when something is to be written.
    Runs in the caller's transaction: the caller commits.
    """
    settings = kind_settings(kind)
    if not settings.enabled:
        return False
    r = _recipient(recipient)
    if r.id is not None and not settings.mandatory and _opted_out(r.id, kind):
        return False
    want_notice = settings.inapp and r.id is not None
    want_email = settings.email and bool(r.email)
    key = recipient_key(r.id, r.email)
    if want_notice:
        want_notice = not _exists(Notice, kind, target, period, Notice.user_id == r.id)
    if want_email:
        want_email = not _exists(OutboxMessage, kind, target, period, OutboxMessage.recipient == key)
    if not (want_notice or want_email):
        return False
    locale = _locale(r, get_settings().default_locale)
    with _rendering(), force_locale(locale):
        message = _as_message(render(dataclasses.replace(r, locale=locale)))
    wrote = False
    if want_notice:
        texts = _in_every_language(r, render, locale, message)
        row = _notice_row(r.id, kind, target, period, texts, link, utc_now())
        result = insert_ignoring_conflict(Notice.__table__, row, index_elements=NOTICE_KEY)
        wrote |= inserted_id(result) is not None
    if want_email:
        wrote |= queue(
            kind=kind,
            target=target,
            period=period,
            email=r.email,
            subject=message.subject,
            body_text=message.text,
            body_html=message.html,
            locale=locale,
            user_id=r.id,
            attachments=attachments,
        )
    return wrote


def notify_many(
    recipients: Iterable[HasContact | str],
    *,
    kind: str,
    target: str | Callable[[Recipient], str],
    period: str = "",
    render: Render,
    link: str | Callable[[Recipient], str | None] | None = None,
    attachments: Sequence[Attachment] | Callable[[Recipient], Sequence[Attachment]] = (),
) -> int:
    """Tell many people at once, in bulk; return how many were newly told.

    What is already queued is found with one set-based query per 1,000 targets, so a second run with nothing
    new costs a few queries. `target`, `link` and `attachments` may be functions of the recipient (called
    in the recipient's language); attachments go only with the messages that are new.
    """
    settings = kind_settings(kind)
    if not settings.enabled:
        return 0
    people = [_recipient(r) for r in recipients]
    if not settings.mandatory:
        out = set(
            db.session.scalars(sa.select(NotificationOptOut.user_id).where(NotificationOptOut.kind == kind))
        )
        people = [r for r in people if r.id is None or r.id not in out]
    target_of = target if callable(target) else (lambda _r: target)
    link_of = link if callable(link) else (lambda _r: link)
    files_of = attachments if callable(attachments) else (lambda _r: attachments)
    files: dict[tuple[str, str], Sequence[Attachment]] = {}
    targets = {target_of(r) for r in people}
    have_notice = _existing(Notice.__table__, Notice.__table__.c.user_id, kind, period, targets)
    have_mail = _existing(OutboxMessage.__table__, OutboxMessage.__table__.c.recipient, kind, period, targets)
    default_locale = get_settings().default_locale
    now = utc_now()
    notices: list[dict[str, Any]] = []
    mails: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    reached = 0
    with _rendering():
        for r in people:
            t = target_of(r)
            key = recipient_key(r.id, r.email)
            if (t, key) in seen:
                continue
            seen.add((t, key))
            need_notice = settings.inapp and r.id is not None and (t, r.id) not in have_notice
            need_mail = settings.email and bool(r.email) and (t, key) not in have_mail
            if not (need_notice or need_mail):
                continue
            locale = _locale(r, default_locale)
            with force_locale(locale):
                resolved = dataclasses.replace(r, locale=locale)
                message = _as_message(render(resolved))
                if need_mail and attachments:
                    files[(t, key)] = files_of(resolved)
            if need_notice:
                texts = _in_every_language(r, render, locale, message)
                notices.append(_notice_row(r.id, kind, t, period, texts, link_of(r), now))
            if need_mail:
                mails.append(
                    {
                        "kind": kind,
                        "target": t,
                        "period": period,
                        "recipient": key,
                        "email": r.email,
                        "user_id": r.id,
                        "locale": locale,
                        "subject": message.subject,
                        "body_text": message.text,
                        "body_html": message.html,
                    }
                )
            reached += 1
    _insert_notices(notices)
    queue_many(mails, attachments=files)
    return reached


NOTICE_KEY = ["kind", "target", "period", "user_id"]


def already_told(
    kind: str, target: str, periods: Iterable[str]
) -> Callable[[int | None, str | None, str], bool]:
    """Whether someone has been told (kind, target, period) in every way notify_many would tell them, as a
    test of (account id, address, period): a job that runs again leaves them out before it builds any
    recipient. Two queries, for all the periods at once."""
    settings = kind_settings(kind)
    periods = sorted(set(periods))

    def written(table: sa.Table, who: sa.Column) -> set[tuple]:
        query = sa.select(who, table.c.period).where(
            table.c.kind == kind, table.c.target == target, table.c.period.in_(periods)
        )
        return {(key, period) for key, period in db.session.execute(query)}

    notices = written(Notice.__table__, Notice.__table__.c.user_id) if settings.inapp else set()
    mails = written(OutboxMessage.__table__, OutboxMessage.__table__.c.recipient) if settings.email else set()

    def told(user_id: int | None, email: str | None, period: str) -> bool:
        by_notice = not settings.inapp or user_id is None or (user_id, period) in notices
        by_mail = not settings.email or not email or (recipient_key(user_id, email), period) in mails
        return by_notice and by_mail

    return told


def _in_every_language(r: Recipient, render: Render, locale: str, message: Message) -> dict[str, Message]:
    """A notice is read in the language of the page, which its reader may change: write it in each one."""
    texts = {locale: message}
    for other in LOCALES:
        if other not in texts:
            with force_locale(other):
                texts[other] = _as_message(render(dataclasses.replace(r, locale=other)))
    return texts


def _notice_body(message: Message) -> str:
    return message.notice if message.notice is not None else message.text


def _notice_row(user_id, kind, target, period, texts: dict[str, Message], link, now) -> dict[str, Any]:
    return {
        "user_id": user_id,
        "kind": kind,
        "target": target,
        "period": period,
        "title": texts["th"].subject[:300],
        "body": _notice_body(texts["th"]),
        "title_en": texts["en"].subject[:300],
        "body_en": _notice_body(texts["en"]),
        "link": link,
        "created_at": now,
        "read_at": None,
    }


def _insert_notices(rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    insert = postgresql.insert if dialect() == "postgresql" else sqlite.insert
    stmt = insert(Notice.__table__).on_conflict_do_nothing(index_elements=NOTICE_KEY)
    for start in range(0, len(rows), CHUNK):
        db.session.execute(stmt, rows[start : start + CHUNK])


def _exists(model, kind: str, target: str, period: str, who) -> bool:
    return (
        db.session.scalar(
            sa.select(model.id).where(model.kind == kind, model.target == target, model.period == period, who)
        )
        is not None
    )


def _existing(table: sa.Table, who: sa.Column, kind: str, period: str, targets: set[str]) -> set[tuple]:
    """Return the (target, who) pairs already written for a kind and period."""
    found: set[tuple] = set()
    ordered = sorted(targets)
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        found.update(
            (row[0], row[1])
            for row in db.session.execute(
                sa.select(table.c.target, who).where(
                    table.c.kind == kind, table.c.period == period, table.c.target.in_(chunk)
                )
            )
        )
    return found


def _opted_out(user_id: int, kind: str) -> bool:
    return (
        db.session.scalar(
            sa.select(NotificationOptOut.id).where(
                NotificationOptOut.user_id == user_id, NotificationOptOut.kind == kind
            )
        )
        is not None
    )


def absolute_url(link: str | None) -> str | None:
    """Turn a path inside the site into the address a mail reader can open."""
    if not link or "://" in link:
        return link
    return current_app.config["BASE_URL"].rstrip("/") + "/" + link.lstrip("/")


def render_message(
    subject: str, template: str, *, link: str | None = None, notice: str | None = None, **context
) -> Message:
    """Render `templates/<template>.txt` (and `.html` when it exists) into a Message, in the current language.

    The templates usually extend `notifications/email/layout.txt` / `.html`, which add the greeting, the link,
    and the organisation's name; they receive `subject`, `link` (absolute), `org_name` and the given context.
    """
    env = current_app.jinja_env
    locale = current_locale()
    values = {"subject": subject, "link": absolute_url(link), "org_name": get_settings().name(locale)}
    values["locale"] = locale
    values.update(context)
    text = env.get_template(f"{template}.txt").render(values)
    try:
        html = env.get_template(f"{template}.html").render(values)
    except TemplateNotFound:
        html = ""
    return Message(subject, text, html, notice)
