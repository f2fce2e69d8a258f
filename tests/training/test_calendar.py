"""Calendar files, parsed back with vobject (a parser independent of the icalendar writer)."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
import time_machine
import vobject

from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.training import calendar, services
from ethics_hr.training.models import CalendarFeed, RegistrationState
from tests import factories


def _same(s, **changes) -> services.SessionInput:
    """The session as its edit form would send it back, with some changes."""
    local = s.starts_at.astimezone(ZoneInfo("Asia/Bangkok"))
    values = {
        "course_id": s.course_id,
        "day": local.date(),
        "start": local.time(),
        "end": s.ends_at.astimezone(ZoneInfo("Asia/Bangkok")).time(),
        "capacity": s.capacity,
        "place": s.place,
        "online_url": s.online_url,
        "speakers": s.speakers,
        "status": s.status,
        "notes": s.notes,
    }
    return services.SessionInput(**(values | changes))


def _parse(data: bytes):
    return vobject.readOne(data.decode("utf-8"))


def test_a_session_ics_carries_title_times_place_and_a_stable_uid(app):
    s = factories.session(place="ห้องประชุมสภาเทศบาล", speakers="นิติกร")
    with app.test_request_context():
        data = calendar.calendar_bytes([s], name="x", locale="th")
        again = calendar.calendar_bytes([s], name="x", locale="th")
    cal = _parse(data)
    event = cal.vevent
    assert event.summary.value == s.course.title_th
    assert event.location.value == "ห้องประชุมสภาเทศบาล"
    assert event.dtstart.value == s.starts_at
    assert event.dtend.value == s.ends_at
    assert event.status.value == "CONFIRMED"
    assert event.uid.value == _parse(again).vevent.uid.value == f"training-session-{s.id}@ethics-hr"


def test_the_uid_does_not_change_with_the_address_the_app_is_served_at(app):
    s = factories.session()
    with app.test_request_context():
        app.config["BASE_URL"] = "https://hr.bansuan.go.th"
        first = _parse(calendar.session_bytes(s, "th")).vevent.uid.value
        app.config["BASE_URL"] = "https://ethics.example.org:8443"
        second = _parse(calendar.session_bytes(s, "th")).vevent.uid.value
    assert first == second == f"training-session-{s.id}@ethics-hr"
    assert "bansuan" not in first


def test_each_change_a_calendar_shows_raises_the_sequence_even_within_one_minute(app):
    # At 09:00 in Bangkok: the edit form's day, start and end are local, and a session made from "now" in the
    # evening would end after midnight, which the form refuses.
    morning = (utc_now() + timedelta(days=14)).replace(hour=2, minute=0, second=0, microsecond=0)
    s = factories.session(place="ห้อง 1", starts_at=morning)
    sequences = []
    with time_machine.travel(utc_now().replace(second=5), tick=False), app.test_request_context():
        sequences.append(_parse(calendar.session_bytes(s, "th")).vevent.sequence.value)
        for place in ("ห้อง 2", "ห้อง 3", "ห้อง 4"):
            services.update_session(s, _same(s, place=place))
            sequences.append(_parse(calendar.session_bytes(s, "th")).vevent.sequence.value)
        services.update_session(s, _same(s, place="ห้อง 4", notes="only for the officer"))
        sequences.append(_parse(calendar.session_bytes(s, "th")).vevent.sequence.value)
    # The notes are not in the calendar file: saving them leaves the sequence alone.
    assert [int(n) for n in sequences] == [0, 1, 2, 3, 3]


def test_a_cancelled_sessions_file_cancels_it_with_a_higher_sequence(app):
    s = factories.session()
    p = factories.person()
    factories.register(s, p, RegistrationState.ENROLLED)
    services.cancel_session(s, reason="เลื่อน")
    with app.test_request_context():
        data = calendar.session_bytes(s, "th")
    cal = _parse(data)
    assert cal.method.value == "CANCEL"
    assert cal.vevent.status.value == "CANCELLED"
    assert int(cal.vevent.sequence.value) == 1
    assert cal.vevent.organizer.value.startswith("mailto:")


def test_a_cancelled_session_stays_in_the_calendar_as_cancelled(app):
    s = factories.session()
    p = factories.person()
    factories.register(s, p, RegistrationState.ENROLLED)
    services.cancel_session(s, reason="เลื่อน")
    with app.test_request_context():
        cal = _parse(calendar.calendar_bytes(calendar.feed_sessions(p.id), name="x", locale="en"))
    assert cal.vevent.status.value == "CANCELLED"
    assert cal.vevent.summary.value == s.course.title_en


def test_the_feed_lists_invited_enrolled_and_waiting_but_not_withdrawn_sessions(app):
    p = factories.person()
    kept = [factories.session(), factories.session(), factories.session()]
    for s, state in zip(kept, ("invited", RegistrationState.ENROLLED, "waitlisted"), strict=True):
        factories.register(s, p, state)
    factories.register(factories.session(), p, RegistrationState.WITHDRAWN)
    factories.register(
        factories.session(starts_at=utc_now() - timedelta(days=500)), p, RegistrationState.ENROLLED
    )
    factories.session()
    with app.test_request_context():
        cal = _parse(calendar.calendar_bytes(calendar.feed_sessions(p.id), name="x", locale="th"))
    uids = sorted(e.uid.value for e in cal.vevent_list)
    assert uids == sorted(f"training-session-{s.id}@ethics-hr" for s in kept)


def test_a_feed_token_is_stored_hashed_and_can_be_renewed_or_revoked(app):
    p = factories.person()
    first = calendar.issue_feed(p)
    stored = db.session.scalar(sa.select(CalendarFeed.token_hash))
    assert first not in stored and len(stored) == 64
    assert calendar.person_for_token(first).id == p.id
    second = calendar.issue_feed(p)
    assert calendar.person_for_token(first) is None
    assert calendar.person_for_token(second).id == p.id
    assert calendar.revoke_feed(p) is True
    assert calendar.person_for_token(second) is None


def test_a_deactivated_persons_feed_stops(app):
    p = factories.person()
    token = calendar.issue_feed(p)
    p.active = False
    db.session.commit()
    assert calendar.person_for_token(token) is None


def test_calendar_and_csv_downloads_name_their_charset_once(client, login_as):
    s = factories.session()
    login_as(factories.officer())
    for url in (f"/training/sessions/{s.id}.ics", "/training/attendance-template.csv"):
        response = client.get(url)
        assert response.status_code == 200, url
        content_type = response.headers["Content-Type"]
        assert content_type.lower().count("charset") == 1, (url, content_type)
