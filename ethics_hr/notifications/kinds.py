"""The kinds of notification that belong to no domain.

The administrator's test mail is no kind: it is queued straight into the outbox and nobody can turn it off.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ethics_hr.notifications.registry import NotificationKind, register_kind

WELCOME = register_kind(NotificationKind("welcome", _l("Welcome to the ethics programme"), email=False))
