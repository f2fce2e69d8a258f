"""One rule for the language: Flask-Babel's selector and current_locale() agree, in requests and outside."""

from __future__ import annotations

from flask_babel import force_locale

from ethics_hr.core.formatting import current_locale
from ethics_hr.core.language import locale_of, select_locale
from ethics_hr.core.settings import forget_cached_settings, get_settings
from ethics_hr.extensions import db


def _organisation_writes_in(locale: str) -> None:
    get_settings().default_locale = locale
    db.session.commit()
    forget_cached_settings()


def test_outside_a_request_both_give_the_organisations_language(app):
    _organisation_writes_in("en")
    assert select_locale() == "en"
    assert current_locale() == "en"


def test_in_a_request_the_session_choice_wins_over_the_organisation(app):
    _organisation_writes_in("en")
    with app.test_request_context("/"):
        from flask import session

        session["locale"] = "th"
        assert select_locale() == "th"
        assert current_locale() == "th"


def test_force_locale_is_what_current_locale_reads(app):
    with app.test_request_context("/"), force_locale("en"):
        assert current_locale() == "en"


def test_a_readers_language_is_their_own_else_the_organisations(app):
    _organisation_writes_in("en")
    assert locale_of("th") == "th"
    assert locale_of(None) == "en"
    assert locale_of("fr") == "en"
    assert locale_of(None, "th") == "th"
