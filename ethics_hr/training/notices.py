"""Messages training leaves in the outbox, each in its recipient's language (the reminders job sends them)."""

from __future__ import annotations

from flask_babel import force_locale
from flask_babel import gettext as _

from ethics_hr.core.formatting import format_datetime
from ethics_hr.core.settings import get_settings
from ethics_hr.notifications.services import queue_email
from ethics_hr.people.models import Person
from ethics_hr.training.models import TrainingSession

SESSION_CANCELLED = "training.session_cancelled"
SEAT_OFFERED = "training.seat_offered"


def _locale_of(person: Person) -> str:
    account = person.account
    if account is not None and account.preferred_locale in ("th", "en"):
        return account.preferred_locale
    return get_settings().default_locale or "th"


def _describe(s: TrainingSession, locale: str) -> tuple[str, str]:
    return s.course.title(locale), format_datetime(s.starts_at, "long", locale=locale)


def session_cancelled(s: TrainingSession, person: Person) -> bool:
    """Queue the notice that a session a person was on has been cancelled; False when they have no email."""
    if not person.email:
        return False
    locale = _locale_of(person)
    title, when = _describe(s, locale)
    with force_locale(locale):
        subject = _("Cancelled: %(title)s, %(when)s", title=title, when=when)
        body = _(
            "The training session %(title)s on %(when)s has been cancelled.\n%(reason)s\n"
            "You do not need to do anything; we will let you know of a new date.",
            title=title,
            when=when,
            reason=s.cancel_reason,
        )
    return queue_email(
        kind=SESSION_CANCELLED,
        target=f"training_session:{s.id}",
        period="",
        recipient=person.email,
        subject=subject,
        body_text=body,
        locale=locale,
    )


def seat_offered(s: TrainingSession, person: Person) -> bool:
    """Queue the notice that a seat freed up and a person on the waiting list now has it."""
    if not person.email:
        return False
    locale = _locale_of(person)
    title, when = _describe(s, locale)
    with force_locale(locale):
        subject = _("You have a seat: %(title)s, %(when)s", title=title, when=when)
        body = _(
            "A seat has become free in %(title)s on %(when)s and it is now yours.\n"
            "If you cannot come, please withdraw so the next person can have it.",
            title=title,
            when=when,
        )
    return queue_email(
        kind=SEAT_OFFERED,
        target=f"training_session:{s.id}:person:{person.id}",
        period=s.starts_at.date().isoformat(),
        recipient=person.email,
        subject=subject,
        body_text=body,
        locale=locale,
    )
