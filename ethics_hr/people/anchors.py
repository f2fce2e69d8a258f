"""The audit chain's daily anchor, and the mail that takes a copy of it out of the database.

Every night the head of the chain (entries, last id, last hash) is written as the day's anchor and mailed
to the administrators; the public pages show the newest one. A database administrator who removes entries,
even the newest ones, cannot also recall the mail or the copies others keep: `audit verify --anchors FILE`
finds it.
"""

from __future__ import annotations

from datetime import datetime

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ethics_hr.core.audit import anchor_chain
from ethics_hr.core.formatting import format_date, format_number
from ethics_hr.core.timeutil import to_local
from ethics_hr.notifications.services import (
    NotificationKind,
    Recipient,
    notify_many,
    register_kind,
    render_message,
)
from ethics_hr.people.contacts import administrators

AUDIT_ANCHOR = "audit.anchor"

register_kind(
    NotificationKind(
        AUDIT_ANCHOR,
        _l("Audit log: the day's anchor of the chain (to the administrators)"),
        mandatory=True,
        defaults={},
    )
)


def anchor_the_audit_chain(now: datetime) -> int:
    """Write the day's anchor (once) and mail it to the administrators; return how many were told."""
    anchor = anchor_chain(to_local(now).date())
    if anchor is None:
        return 0
    admins = administrators()

    def render(r: Recipient):
        facts = {"day": format_date(anchor.anchored_on, "long", locale=r.locale)}
        return render_message(
            _("Audit log anchor of %(day)s", **facts),
            "people/mail/audit_anchor",
            link=url_for("admin.audit"),
            notice=_("The audit log's anchor of %(day)s: keep this mail.", **facts),
            name=r.name,
            entries=format_number(anchor.entries),
            head_id=anchor.head_id,
            head_hash=anchor.head_hash,
            line=anchor.line,
            **facts,
        )

    notify_many(
        admins,
        kind=AUDIT_ANCHOR,
        target=f"audit_anchor:{anchor.anchored_on.isoformat()}",
        period=anchor.anchored_on.isoformat(),
        render=render,
        link=lambda _r: url_for("admin.audit"),
    )
    return len(admins)
