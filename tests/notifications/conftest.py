"""Kinds, recipients and messages for the notification tests."""

from __future__ import annotations

from datetime import date

import pytest
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ethics_hr.core.formatting import format_date
from ethics_hr.core.settings import get_settings
from ethics_hr.extensions import db
from ethics_hr.notifications.services import Message, NotificationKind, Recipient, register_kind
from tests import factories

REMINDER = register_kind(
    NotificationKind(
        "test_reminder",
        _l("Test reminder"),
        defaults={"days_before": [7, 1], "repeat_days": 7, "hour": 8},
    )
)
MANDATORY = register_kind(NotificationKind("test_mandatory", _l("Test mandatory notice"), mandatory=True))
EMAIL_ONLY = register_kind(NotificationKind("test_email_only", _l("Test email"), inapp=False))


def recipient(user) -> Recipient:
    """What a domain builds from its User."""
    return Recipient(user.id, user.person.email, user.preferred_locale, user.person.display_name())


def hello(r: Recipient) -> Message:
    """A message in the current language with the organisation's name and a formatted date."""
    from flask_babel import get_locale

    org = get_settings().name(str(get_locale()))
    day = format_date(date(2026, 11, 25), "long")
    subject = f"{_('Welcome to the ethics programme')} · {org}"
    return Message(subject, f"{subject}\n{day}", f"<p>{subject}</p><p>{day}</p>")


@pytest.fixture
def org():
    settings = get_settings()
    settings.name_th, settings.name_en = "เทศบาลเมืองบ้านสวน", "Ban Suan Town Municipality"
    db.session.commit()
    return settings


@pytest.fixture
def people():
    """Ten people with accounts and addresses, half in Thai and half in English."""
    return [factories.user(locale="th" if i % 2 == 0 else "en") for i in range(10)]
