"""What the pledge tells people: sign the integrity pledge before its window closes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ethics_hr.core.formatting import format_date
from ethics_hr.core.locale import current_locale
from ethics_hr.extensions import db
from ethics_hr.notifications.services import (
    NotificationKind,
    Recipient,
    notify_many,
    register_kind,
    register_target,
    render_message,
)
from ethics_hr.pledges.models import Pledge

SIGN_REMINDER = "pledges.sign_reminder"

register_kind(
    NotificationKind(
        SIGN_REMINDER,
        _l("Integrity pledge: a reminder to sign before signing closes (to those who have not signed)"),
        defaults={"days_before": [7, 1], "hour": 8},
    )
)


def sign_reminder(pledge: Pledge, recipients: Iterable[Recipient], period: str, *, today: date) -> int:
    """Remind people who have not signed an open pledge that signing closes on a day."""
    link = url_for("pledges.sign", pledge_id=pledge.id)

    def render(r: Recipient):
        facts = {
            "title": pledge.title(r.locale),
            "closes": format_date(pledge.closes_on, "long", locale=r.locale),
            "days": max((pledge.closes_on - today).days, 0),
        }
        return render_message(
            _("Please sign the integrity pledge by %(closes)s", **facts),
            "pledges/mail/sign_reminder",
            link=link,
            notice=_("%(title)s: signing closes on %(closes)s.", **facts),
            name=r.name,
            **facts,
        )

    return notify_many(
        recipients, kind=SIGN_REMINDER, target=f"pledge:{pledge.id}", period=period, render=render, link=link
    )


def _describe_pledges(ids: list[int]) -> dict[int, str]:
    locale = current_locale()
    return {p.id: p.title(locale) for p in db.session.scalars(db.select(Pledge).where(Pledge.id.in_(ids)))}


register_target("pledge", _l("Integrity pledge"), _describe_pledges)
