"""Training tests read messages in English: the organisation's default language is set to English here."""

from __future__ import annotations

import pytest

from ethics_hr.core.settings import forget_cached_settings, get_settings
from ethics_hr.extensions import db


@pytest.fixture(autouse=True)
def english_by_default(app):
    get_settings().default_locale = "en"
    db.session.commit()
    forget_cached_settings()
    yield
