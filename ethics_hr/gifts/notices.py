"""What the gift register tells the head and the personnel officers: a gift's decision is due, or overdue."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ethics_hr.core.formatting import format_date, format_number
from ethics_hr.core.locale import current_locale
from ethics_hr.extensions import db
from ethics_hr.gifts.models import Gift
from ethics_hr.notifications.services import (
    NotificationKind,
    Recipient,
    notify_many,
    register_kind,
    register_target,
    render_message,
)

DECISION_DUE = "gifts.decision_due"

register_kind(
    NotificationKind(
        DECISION_DUE,
        _l("Gifts: a reported gift waits for the head's decision (to administrators and personnel officers)"),
        mandatory=True,
        defaults={"days_before": [7, 1], "repeat_days": 7, "hour": 8},
    )
)


def decision_due(
    gift: Gift, total, due_on: date, heads: Iterable[Recipient], period: str, *, today: date, overdue: bool
) -> int:
    """Tell the head and the officers that a gift waits for a decision by a day (or is past it)."""
    link = url_for("gifts.decide", gift_id=gift.id)

    def render(r: Recipient):
        facts = {
            "person": gift.person.display_name(r.locale),
            "what": gift.description,
            "giver": gift.giver(),
            "value": format_number(gift.value_baht, locale=r.locale),
            "total": format_number(total, locale=r.locale),
            "due": format_date(due_on, "long", locale=r.locale),
            "days": abs((due_on - today).days),
        }
        if overdue:
            subject = _("A gift to %(person)s waits for a decision since %(due)s", **facts)
            notice = _("%(what)s from %(giver)s: the decision was due on %(due)s.", **facts)
        else:
            subject = _("Decide on a gift to %(person)s by %(due)s", **facts)
            notice = _("%(what)s from %(giver)s: days left: %(days)d.", **facts)
        return render_message(
            subject, "gifts/mail/decision_due", link=link, notice=notice, overdue=overdue, **facts
        )

    return notify_many(
        [h for h in heads if h.id != _account_of(gift)],
        kind=DECISION_DUE,
        target=f"gift:{gift.id}",
        period=period,
        render=render,
        link=link,
    )


def _account_of(gift: Gift) -> int | None:
    from ethics_hr.people.models import User

    return db.session.scalar(db.select(User.id).where(User.person_id == gift.person_id))


def _describe_gifts(ids: list[int]) -> dict[int, str]:
    locale = current_locale()
    found = db.session.scalars(db.select(Gift).where(Gift.id.in_(ids)))
    return {g.id: f"{g.description}, {g.person.display_name(locale)}" for g in found}


register_target("gift", _l("Gift"), _describe_gifts)
