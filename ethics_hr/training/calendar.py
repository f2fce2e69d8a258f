"""Calendar files: one .ics per session, and a private feed per person behind a revocable token."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app, url_for
from icalendar import Calendar, Event, vCalAddress

from ethics_hr.core.db import transactional
from ethics_hr.core.models import utc_now
from ethics_hr.core.settings import get_settings
from ethics_hr.extensions import db
from ethics_hr.people.models import Person
from ethics_hr.training.models import (
    CalendarFeed,
    Registration,
    RegistrationState,
    SessionStatus,
    TrainingSession,
)

FEED_PAST_DAYS = 400  # a feed carries the last fiscal year and everything ahead
PRODID = "-//Ethics HR//Training//TH"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# The UIDs' domain is the same on every installation: a session keeps its UID when the app moves to another
# address (BASE_URL), so calendars never hold it twice.
UID_DOMAIN = "ethics-hr"


def uid_of(s: TrainingSession) -> str:
    return f"training-session-{s.id}@{UID_DOMAIN}"


def method_for(s: TrainingSession) -> str:
    """The iTIP method of a file about one session: CANCEL removes a cancelled session from calendars."""
    return "CANCEL" if s.status == SessionStatus.CANCELLED else "PUBLISH"


def media_type(s: TrainingSession) -> str:
    """The content type of a mail attachment holding one session's file."""
    return f"text/calendar; method={method_for(s)}; charset=utf-8"


def _organizer(locale: str) -> vCalAddress:
    organizer = vCalAddress(f"mailto:{current_app.config['MAIL_SENDER']}")
    organizer.params["cn"] = get_settings().name(locale)
    return organizer


def event_for(s: TrainingSession, locale: str) -> Event:
    """Describe one session as an iCalendar event; a cancelled session keeps its UID with STATUS:CANCELLED."""
    event = Event()
    event.add("uid", uid_of(s))
    event.add("dtstamp", utc_now())
    event.add("dtstart", s.starts_at)
    event.add("dtend", s.ends_at)
    event.add("summary", s.course.title(locale))
    event.add("organizer", _organizer(locale))
    if s.place:
        event.add("location", s.place)
    lines = [s.course.description(locale)]
    if s.speakers:
        lines.append(s.speakers)
    if s.online_url:
        lines.append(s.online_url)
        event.add("url", s.online_url)
    event.add("description", "\n".join(line for line in lines if line))
    event.add("status", "CANCELLED" if s.status == SessionStatus.CANCELLED else "CONFIRMED")
    # Each change a calendar shows raises the sequence, so calendars replace their copy.
    event.add("sequence", s.sequence or 0)
    event.add("last-modified", s.updated_at or utc_now())
    return event


def calendar_bytes(
    sessions: Iterable[TrainingSession], *, name: str, locale: str, method: str = "PUBLISH"
) -> bytes:
    """Write sessions as an RFC 5545 calendar."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", get_settings().timezone)
    for s in sessions:
        cal.add_component(event_for(s, locale))
    return cal.to_ical()


def session_bytes(s: TrainingSession, locale: str) -> bytes:
    """Write one session's file: PUBLISH while it stands, CANCEL once it is cancelled."""
    return calendar_bytes([s], name=s.course.title(locale), locale=locale, method=method_for(s))


def feed_sessions(person_id: int) -> list[TrainingSession]:
    """Return the sessions a person is invited to, enrolled in or waiting for (cancelled ones included)."""
    since = utc_now() - timedelta(days=FEED_PAST_DAYS)
    return list(
        db.session.scalars(
            sa.select(TrainingSession)
            .join(Registration, Registration.session_id == TrainingSession.id)
            .where(
                Registration.person_id == person_id,
                Registration.state.in_(
                    (RegistrationState.INVITED, RegistrationState.ENROLLED, RegistrationState.WAITLISTED)
                ),
                TrainingSession.starts_at >= since,
            )
            .order_by(TrainingSession.starts_at)
        )
    )


def has_feed(person: Person) -> bool:
    return (
        db.session.scalar(sa.select(CalendarFeed.id).where(CalendarFeed.person_id == person.id)) is not None
    )


@transactional
def issue_feed(person: Person) -> str:
    """Give a person a new private feed address (the old one stops working); return its token once."""
    token = secrets.token_urlsafe(24)
    feed = db.session.scalar(sa.select(CalendarFeed).where(CalendarFeed.person_id == person.id))
    if feed is None:
        feed = CalendarFeed(person_id=person.id)
        db.session.add(feed)
    feed.token_hash = _digest(token)
    feed.created_at = utc_now()
    return token


@transactional
def revoke_feed(person: Person) -> bool:
    """Stop a person's feed address from working; return whether there was one."""
    feed = db.session.scalar(sa.select(CalendarFeed).where(CalendarFeed.person_id == person.id))
    if feed is None:
        return False
    db.session.delete(feed)
    return True


def person_for_token(token: str) -> Person | None:
    """Return the active person whose feed token this is, or None."""
    if not token or len(token) > 100:
        return None
    return db.session.scalar(
        sa.select(Person)
        .join(CalendarFeed, CalendarFeed.person_id == Person.id)
        .where(CalendarFeed.token_hash == _digest(token), Person.active)
    )


def feed_url(token: str) -> str:
    base = current_app.config["BASE_URL"].rstrip("/")
    return base + url_for("training.calendar_feed", token=token)
