"""Check-in codes cannot be guessed: unknown codes, typed or linked, are throttled per person and address."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.training.checkin import CODE_ALPHABET
from ethics_hr.training.models import Attendance, RegistrationState
from tests import factories

pytestmark = pytest.mark.usefixtures("in_english")

UNKNOWN = "No session has this code."
THROTTLED = "Too many wrong codes."


@pytest.fixture
def proxied(behind_proxies):
    return behind_proxies(1)


@pytest.fixture
def room():
    """A session under way, its check-in open."""
    return factories.session(starts_at=utc_now() - timedelta(minutes=5), capacity=40)


def enrolled(app, s, *, at: str):
    """A signed-in browser of a person with a seat in the session, at a forwarded address."""
    user = factories.user()
    factories.register(s, user.person, RegistrationState.ENROLLED)
    browser = app.test_client()
    browser.environ_base["HTTP_X_FORWARDED_FOR"] = at
    with browser.session_transaction() as session:
        session["_user_id"] = user.get_id()
    return browser


def wrong_codes(s, count: int) -> list[str]:
    codes = (f"ZZZ{a}{b}{c}" for a in CODE_ALPHABET for b in CODE_ALPHABET for c in CODE_ALPHABET)
    return [code for code in codes if code != s.checkin_code][:count]


def checkins() -> int:
    return db.session.scalar(sa.select(sa.func.count(Attendance.id)))


def test_unknown_codes_are_throttled_per_person(proxied, room):
    guesser = enrolled(proxied, room, at="198.51.100.1")
    for code in wrong_codes(room, 10):
        response = guesser.post("/training/checkin", data={"code": code})
        assert response.status_code == 200
        assert UNKNOWN in response.get_data(as_text=True)
    response = guesser.post("/training/checkin", data={"code": room.checkin_code})
    assert response.status_code == 429
    assert THROTTLED in response.get_data(as_text=True)
    assert checkins() == 0
    neighbour = enrolled(proxied, room, at="198.51.100.1")  # same Wi-Fi, own account
    assert neighbour.post("/training/checkin", data={"code": room.checkin_code}).status_code == 302
    assert checkins() == 1


def test_the_check_in_link_does_not_confirm_codes_without_limit(proxied, room):
    browser = enrolled(proxied, room, at="198.51.100.2")
    assert 'class="lead"' in browser.get(f"/training/checkin/{room.checkin_code}").get_data(as_text=True)
    for code in wrong_codes(room, 10):
        page = browser.get(f"/training/checkin/{code}")
        assert page.status_code == 200
        assert 'class="lead"' not in page.get_data(as_text=True)
    response = browser.get(f"/training/checkin/{room.checkin_code}")
    assert response.status_code == 429
    html = response.get_data(as_text=True)
    assert THROTTLED in html
    assert 'class="lead"' not in html  # the session of a valid code is not shown


def test_unknown_codes_from_one_address_stop_that_address_only(proxied, room):
    guesses = iter(wrong_codes(room, 100))
    for _ in range(10):  # ten accounts, each within its own limit, together at the address's limit
        browser = enrolled(proxied, room, at="203.0.113.9")
        for _ in range(10):
            assert browser.post("/training/checkin", data={"code": next(guesses)}).status_code == 200
    late = enrolled(proxied, room, at="203.0.113.9")
    assert late.post("/training/checkin", data={"code": room.checkin_code}).status_code == 429
    elsewhere = enrolled(proxied, room, at="198.51.100.3")
    assert elsewhere.post("/training/checkin", data={"code": room.checkin_code}).status_code == 302
    assert checkins() == 1
