"""What training tells people, through `notifications`, in the transaction of the change that caused it.

Invitations and enrolments carry the session's .ics; so do the notices that a session moved or was
cancelled (a cancelled session keeps its UID with STATUS:CANCELLED, so calendars drop it). Each message is
rendered in its recipient's language from `templates/training/mail/`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload

from ethics_hr.core.formatting import format_datetime, format_time
from ethics_hr.core.locale import current_locale
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.notifications.services import (
    Attachment,
    NotificationKind,
    Recipient,
    notify_many,
    register_kind,
    register_target,
    render_message,
)
from ethics_hr.people.contacts import recipients_of
from ethics_hr.training.calendar import media_type, session_bytes
from ethics_hr.training.models import RegistrationState, TrainingSession

INVITATION = "training.invitation"
SESSION_REMINDER = "training.session_reminder"
SESSION_CANCELLED = "training.session_cancelled"
SESSION_MOVED = "training.session_moved"
SEAT_OFFERED = "training.seat_offered"
AFTER_SESSION = "training.after_session"

register_kind(
    NotificationKind(
        INVITATION, _l("Training: invitation or enrolment, with the calendar file"), mandatory=True
    )
)
register_kind(
    NotificationKind(
        SESSION_REMINDER,
        _l("Training: reminder before a session you are enrolled in"),
        defaults={"days_before": [7, 1], "hour": 8},
    )
)
register_kind(NotificationKind(SESSION_CANCELLED, _l("Training: a session is cancelled"), mandatory=True))
register_kind(
    NotificationKind(SESSION_MOVED, _l("Training: a session changes its time or place"), mandatory=True)
)
register_kind(NotificationKind(SEAT_OFFERED, _l("Training: a seat on the waiting list has become yours")))
register_kind(
    NotificationKind(
        AFTER_SESSION, _l("Training: after a session you attended, the evaluation and post-test")
    )
)


def target_of(s: TrainingSession) -> str:
    return f"training_session:{s.id}"


def _link(s: TrainingSession) -> str:
    return url_for("training.my_session", session_id=s.id)


def _ics(s: TrainingSession):
    """Return a function giving the session's .ics in the recipient's language (built once per language)."""
    built: dict[str, tuple[Attachment, ...]] = {}

    def files(r: Recipient) -> tuple[Attachment, ...]:
        if r.locale not in built:
            built[r.locale] = (Attachment("session.ics", session_bytes(s, r.locale), media_type(s)),)
        return built[r.locale]

    return files


def _facts(s: TrainingSession, locale: str) -> dict:
    return {
        "title": s.course.title(locale),
        "when": format_datetime(s.starts_at, "long", locale=locale),
        "when_full": format_datetime(s.starts_at, "full", locale=locale),
        "until": format_time(s.ends_at),
        "place": s.place,
        "online_url": s.online_url,
        "mandatory": s.mandatory,
    }


def _tell(
    s: TrainingSession,
    person_ids: Iterable[int],
    *,
    kind: str,
    period: str,
    subject: Callable[[dict], str],
    template: str,
    ics: bool = True,
    **context,
) -> int:
    """Tell some people about one session, each in their language; return how many were newly told."""
    people = recipients_of(list(person_ids))
    if not people:
        return 0

    def render(r: Recipient):
        facts = _facts(s, r.locale)
        clock = f"{facts['when_full']} – {facts['until']}" + (" น." if r.locale == "th" else "")
        notice = " · ".join(part for part in (clock, s.place, context.get("reason", "")) if part)
        return render_message(
            subject(facts),
            f"training/mail/{template}",
            link=_link(s),
            notice=notice,
            name=r.name,
            **facts,
            **context,
        )

    return notify_many(
        people.values(),
        kind=kind,
        target=target_of(s),
        period=period,
        render=render,
        link=lambda _r: _link(s),
        attachments=_ics(s) if ics else (),
    )


def invited(s: TrainingSession, states: dict[int, str]) -> int:
    """Send the invitation, with the .ics, to newly invited people (given with their state after seating)."""
    told = 0
    by_state: dict[str, list[int]] = {}
    for person_id, state in states.items():
        by_state.setdefault(state, []).append(person_id)
    for state, ids in by_state.items():
        if state == RegistrationState.ENROLLED:
            told += _tell(
                s, ids, kind=INVITATION, period="enrolled", subject=_enrolled_subject, template="enrolled"
            )
        else:
            waiting = state == RegistrationState.WAITLISTED
            told += _tell(
                s,
                ids,
                kind=INVITATION,
                period="invited",
                subject=(lambda f: _("Waiting list: %(title)s, %(when)s", **f))
                if waiting
                else _invited_subject,
                template="invited",
                waiting=waiting,
            )
    return told


def _invited_subject(f: dict) -> str:
    return _("Invitation: %(title)s, %(when)s", **f)


def _enrolled_subject(f: dict) -> str:
    return _("Your seat: %(title)s, %(when)s", **f)


def enrolled(s: TrainingSession, person_id: int) -> int:
    """Confirm a seat to the person who took it, with the .ics."""
    return _tell(
        s, [person_id], kind=INVITATION, period="enrolled", subject=_enrolled_subject, template="enrolled"
    )


def reminder(s: TrainingSession, person_ids: Iterable[int], period: str) -> int:
    """Remind the people holding a seat that the session is coming."""
    return _tell(
        s,
        person_ids,
        kind=SESSION_REMINDER,
        period=period,
        subject=lambda f: _("Reminder: %(title)s, %(when)s", **f),
        template="reminder",
        ics=False,
    )


def cancelled(s: TrainingSession, person_ids: Iterable[int]) -> int:
    """Tell the people on a session that it is cancelled, with the .ics that removes it from calendars."""
    return _tell(
        s,
        person_ids,
        kind=SESSION_CANCELLED,
        period="",
        subject=lambda f: _("Cancelled: %(title)s, %(when)s", **f),
        template="cancelled",
        reason=s.cancel_reason,
    )


def moved(s: TrainingSession, person_ids: Iterable[int], *, was: datetime) -> int:
    """Tell the people on a session its new time or place, with the updated .ics."""
    return _tell(
        s,
        person_ids,
        kind=SESSION_MOVED,
        period=f"moved:{s.sequence}",
        subject=lambda f: _("Changed: %(title)s, now %(when)s", **f),
        template="moved",
        was=was,
    )


def seat_offered(s: TrainingSession, person_id: int) -> int:
    """Tell the person who moved up from the waiting list that the seat is theirs, with the .ics."""
    return _tell(
        s,
        [person_id],
        kind=SEAT_OFFERED,
        period=f"seat:{utc_now():%Y%m%dT%H%M%S}",
        subject=lambda f: _("You have a seat: %(title)s, %(when)s", **f),
        template="seat_offered",
    )


def after_session(s: TrainingSession, person_ids: Iterable[int]) -> int:
    """Thank the people who attended, with the links to the session's evaluation and post-test."""
    return _tell(
        s,
        person_ids,
        kind=AFTER_SESSION,
        period="after",
        subject=lambda f: _("Thank you for attending: %(title)s", **f),
        template="after_session",
        ics=False,
        evaluate=s.evaluated,
        post_test=s.test("post") is not None,
    )


def _describe_sessions(ids: list[int]) -> dict[int, str]:
    locale = current_locale()
    found = db.session.scalars(
        db.select(TrainingSession)
        .where(TrainingSession.id.in_(ids))
        .options(joinedload(TrainingSession.course))
    )
    return {s.id: f"{s.course.title(locale)} {format_datetime(s.starts_at)}" for s in found}


register_target("training_session", _l("Training session"), _describe_sessions)
