"""Whose language a page or a message is written in: the one rule, used as Flask-Babel's locale selector.

In a request: the account's preferred language, else the one chosen before logging in (session), else the
organisation's. Outside a request (CLI commands, jobs): the organisation's. For a message to a person: their
preferred language, else the organisation's.
"""

from __future__ import annotations

from flask import g, has_request_context, session
from flask_login import current_user

from ethics_hr.core.locale import FALLBACK, LOCALES
from ethics_hr.core.settings import get_settings


def organisation_locale() -> str:
    """The organisation's default language ("th" until the settings exist)."""
    try:
        locale = get_settings().default_locale
    except Exception:  # the database may not exist yet (first request before migrations)
        return FALLBACK
    return locale if locale in LOCALES else FALLBACK


def locale_of(preferred: str | None, default: str | None = None) -> str:
    """A reader's language: their preferred one if we write in it, else the default (the organisation's)."""
    if preferred in LOCALES:
        return preferred
    return default if default in LOCALES else organisation_locale()


def session_locale() -> str:
    """The language chosen in this browser session, else the fallback: for error pages without a database."""
    chosen = session.get("locale")
    return chosen if chosen in LOCALES else FALLBACK


def select_locale() -> str:
    """Flask-Babel's locale selector (see the module's docstring)."""
    if not has_request_context():
        return organisation_locale()
    if g.get("database_unusable"):  # the account and the settings are out of reach
        return session_locale()
    if current_user and current_user.is_authenticated and current_user.preferred_locale in LOCALES:
        return current_user.preferred_locale
    return locale_of(session.get("locale"))
