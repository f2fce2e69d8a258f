"""The kinds of notification that belong to no domain: the welcome notice and the SMTP test mail."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ethics_hr.notifications.registry import NotificationKind, register_kind

WELCOME = register_kind(NotificationKind("welcome", _l("Welcome to the ethics programme"), email=False))
SMTP_TEST = register_kind(
    NotificationKind("smtp_test", _l("Test email from the administrator"), mandatory=True, inapp=False)
)
