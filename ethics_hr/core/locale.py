"""The language to write in now, and the pick between a Thai and an English text.

Which language a request gets is decided once, by `core.language.select_locale` (Flask-Babel's selector);
`current_locale()` reads that decision back (or the one forced by `flask_babel.force_locale`). This module
imports nothing of the app, so the model base can use it.
"""

from __future__ import annotations

LOCALES = ("th", "en")
FALLBACK = "th"


def current_locale() -> str:
    """The language to write in now: the reader's in a request, the organisation's in a CLI command or job.

    Inside `flask_babel.force_locale(...)` (mail in the recipient's language) it is the forced one.
    """
    from flask import has_app_context
    from flask_babel import get_locale

    if has_app_context():
        loc = get_locale()
        if loc:
            return loc.language if loc.language in LOCALES else FALLBACK
    return FALLBACK


def bilingual(th: str | None, en: str | None, locale: str | None = None) -> str:
    """Pick the English text in English when there is one, the Thai text otherwise (Thai is always there)."""
    if (locale or current_locale()) == "en" and en:
        return en
    return th or en or ""
