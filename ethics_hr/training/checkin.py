"""Self check-in: a short code per session, shown with a QR code on the room's screen, valid in a window."""

from __future__ import annotations

import secrets

import segno
from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from ethics_hr.core import throttle
from ethics_hr.core.db import begin_write, transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.formatting import format_datetime
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.people.models import Person
from ethics_hr.training import assessments, attendance, enrolment, hours
from ethics_hr.training.models import (
    LATE_AFTER,
    Attendance,
    AttendanceMethod,
    Registration,
    RegistrationState,
    SessionStatus,
    TrainingSession,
)
from ethics_hr.training.reference import LATE, PRESENT

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read from a screen across a room
CODE_LENGTH = 6
SEAT_OFFERED = _l("You were invited to this session but have not enrolled. Enrol and check in below.")
SESSION_FULL = _l(
    "You were invited, but every seat of this session is taken. Please ask the organiser at the desk."
)


def new_checkin_code() -> str:
    """Return a fresh random check-in code."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """Accept a code typed in lower case, with spaces or dashes."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())[: CODE_LENGTH * 2]


def checkin_url(code: str | None = None) -> str:
    """Return the check-in address on the site's public address (with the code: where the QR code points)."""
    base = current_app.config["BASE_URL"].rstrip("/")
    if code is None:
        return base + url_for("training.checkin_form")
    return base + url_for("training.checkin_code", code=code)


def qr_svg(data: str) -> Markup:
    """Return an inline SVG QR code (no image route, no script: fits the Content-Security-Policy)."""
    qr = segno.make(data, error="m")
    return Markup(qr.svg_inline(scale=8, border=2, omitsize=True))


# Unknown codes typed or scanned, counted per person and per address. The address allows many: a whole room
# checks in through the office's one Wi-Fi address, and a few typos each must not close the door on the rest.
# With 31^6 codes, these keep guessing a session's code hopeless.
CODE_LIMIT_PER_PERSON = "10 per 10 minutes"
CODE_LIMIT_PER_ADDRESS = "100 per 10 minutes"


class CheckInThrottled(Exception):
    """Too many unknown check-in codes from this person or this address."""


def find_session(code: str) -> TrainingSession | None:
    code = normalise_code(code)
    if len(code) != CODE_LENGTH:
        return None
    return db.session.scalar(db.select(TrainingSession).where(TrainingSession.checkin_code == code))


def look_up(code: str, *, person_id: int, address: str) -> TrainingSession | None:
    """Find the session of a code a person typed or scanned; count unknown codes; raise when throttled."""
    counters = [("checkin-person", f"person:{person_id}", CODE_LIMIT_PER_PERSON)]
    counters.append(("checkin-address", address, CODE_LIMIT_PER_ADDRESS))
    if any(throttle.is_blocked(*counter) for counter in counters):
        raise CheckInThrottled()
    s = find_session(code)
    if s is None:
        for counter in counters:
            throttle.hit(*counter)
    return s


class NotEnrolled(RuleViolation):
    """An invited person without a seat checks in; `can_enrol`: a seat is free to take at the door."""

    def __init__(self, message: str, *, can_enrol: bool):
        super().__init__(message, "code")
        self.can_enrol = can_enrol


def _full() -> NotEnrolled:
    return NotEnrolled(
        str(SESSION_FULL),
        can_enrol=False,
    )


@transactional
def check_in(
    code: str,
    person: Person,
    *,
    by_user_id: int | None,
    enrol: bool = False,
    address: str | None = None,
) -> tuple[TrainingSession, Attendance]:
    """Record that a person on the roster is here, from the code shown in the room; say why not otherwise.

    An invited person who never took a seat may take a free one at the door (`enrol`) and check in at once.
    A code typed in a request comes with its `address`, and unknown ones are throttled (CheckInThrottled).
    """
    s = find_session(code) if address is None else look_up(code, person_id=person.id, address=address)
    if s is None:
        raise RuleViolation(
            str(_l("No session has this code. Check the code on the screen and try again.")), "code"
        )
    now = utc_now()
    if s.status == SessionStatus.CANCELLED:
        raise RuleViolation(str(_l("This session has been cancelled.")), "code")
    window = s.checkin_window
    if now < window.opens:
        raise RuleViolation(
            str(_l("Check-in for this session opens at %(when)s.", when=format_datetime(window.opens))),
            "code",
        )
    if now > window.closes:
        raise RuleViolation(
            str(_l("Check-in for this session closed at %(when)s.", when=format_datetime(window.closes))),
            "code",
        )
    begin_write(TrainingSession.__table__, s.id)  # two taps at once record one check-in
    state = db.session.scalar(
        db.select(Registration.state).where(
            Registration.session_id == s.id, Registration.person_id == person.id
        )
    )
    if state in (RegistrationState.INVITED, RegistrationState.WAITLISTED, RegistrationState.WITHDRAWN):
        if not enrol:
            if s.seats_left > 0:
                raise NotEnrolled(
                    str(SEAT_OFFERED),
                    can_enrol=True,
                )
            raise _full()
        try:
            enrolment.seat_walk_in(s, person)  # the seat is taken by one conditional UPDATE, as at the desk
        except enrolment.SessionFull:
            raise _full() from None
    elif state != RegistrationState.ENROLLED:
        raise RuleViolation(
            str(_l("You are not on the roster of this session. Please ask the organiser at the desk.")),
            "code",
        )
    current = attendance.current_for(s.id, [person.id]).get(person.id)
    if current is not None and current.status.hours_factor > 0:
        raise RuleViolation(
            str(_l("You checked in already, at %(when)s.", when=format_datetime(current.recorded_at))), "code"
        )
    status = PRESENT if now <= s.starts_at + LATE_AFTER else LATE
    row = attendance.append(
        s.id,
        person.id,
        attendance.statuses_by_code()[status],
        method=AttendanceMethod.BY_SELF,
        by_user_id=by_user_id,
        current=current,
    )
    hours.refresh([person.id], [s.fiscal_year])
    assessments.certify(s, [person.id], by_user_id=by_user_id)
    return s, row
