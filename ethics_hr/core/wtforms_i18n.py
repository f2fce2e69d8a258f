"""Thai for WTForms' own messages ("Not a valid date value."): WTForms ships no Thai catalogue, so we do."""

from __future__ import annotations

from pathlib import Path

import flask_wtf.i18n

FOLDER = Path(__file__).resolve().parent / "wtforms_translations"


def install() -> None:
    """Point Flask-WTF's translation lookup at our folder (Thai; English falls back to the source)."""
    flask_wtf.i18n.messages_path = lambda: str(FOLDER)
