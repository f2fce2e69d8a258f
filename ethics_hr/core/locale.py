"""The language of the moment, and the choice between a Thai and an English text."""

from __future__ import annotations


def current_locale() -> str:
    """The language to write in now: the reader's in a request, the organisation's in a CLI command or job.

    Inside `flask_babel.force_locale(...)` (mail in the recipient's language) it is the forced one.
    """
    from flask import has_app_context
    from flask_babel import get_locale

    if has_app_context():
        loc = get_locale()
        if loc:
            return "en" if loc.language == "en" else "th"
    return "th"


def bilingual(th: str | None, en: str | None, locale: str | None = None) -> str:
    """Pick the English text in English when there is one, the Thai text otherwise (Thai is always there)."""
    if (locale or current_locale()) == "en" and en:
        return en
    return th or en or ""
