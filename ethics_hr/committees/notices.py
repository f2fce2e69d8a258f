"""What the committee register tells the personnel officers: a term or an appointment order is ending."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload

from ethics_hr.committees.labels import order_number, role_label
from ethics_hr.committees.models import AppointmentOrder, Membership
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

TERM_ENDING = "committees.term_ending"

register_kind(
    NotificationKind(
        TERM_ENDING,
        _l("Committees: a term or an appointment order ends soon (to the personnel officers)"),
        mandatory=True,
        defaults={"days_before": [60, 30, 7], "hour": 8},
    )
)


def order_ending(
    order: AppointmentOrder, members: int, officers: Iterable[Recipient], period: str, *, today: date
) -> int:
    """Tell the officers that an order ends soon, and with it the terms of the members it lists."""
    committee = order.committee
    days = (order.ends_on - today).days

    def render(r: Recipient):
        facts = {
            "committee": committee.name(r.locale),
            "number": order_number(order),
            "end": format_date(order.ends_on, "long", locale=r.locale),
            "days": days,
            "members": members,
        }
        return render_message(
            _("Order No. %(number)s of %(committee)s ends on %(end)s", **facts),
            "committees/mail/term_ending",
            link=url_for("committees.detail", committee_id=committee.id),
            notice=_(
                "The terms of its members (%(members)d) end with it; days left: %(days)d. Prepare the next "
                "order.",
                **facts,
            ),
            name=r.name,
            title=order.title,
            whole_order=True,
            **facts,
        )

    return notify_many(
        officers,
        kind=TERM_ENDING,
        target=f"appointment_order:{order.id}",
        period=period,
        render=render,
        link=lambda _r: url_for("committees.detail", committee_id=committee.id),
    )


def term_ending(membership: Membership, officers: Iterable[Recipient], period: str, *, today: date) -> int:
    """Tell the officers that one member's own term ends soon."""
    order = membership.order
    committee = order.committee
    days = (membership.ends_on - today).days

    def render(r: Recipient):
        facts = {
            "committee": committee.name(r.locale),
            "number": order_number(order),
            "end": format_date(membership.ends_on, "long", locale=r.locale),
            "days": days,
            "member": membership.display_name(r.locale),
            "role": role_label(membership.role, committee.kind),
        }
        return render_message(
            _("The term of %(member)s on %(committee)s ends on %(end)s", **facts),
            "committees/mail/term_ending",
            link=url_for("committees.detail", committee_id=committee.id),
            notice=_(
                "%(role)s, order No. %(number)s: the term ends on %(end)s; days left: %(days)d.", **facts
            ),
            name=r.name,
            title=order.title,
            whole_order=False,
            **facts,
        )

    return notify_many(
        officers,
        kind=TERM_ENDING,
        target=f"committee_membership:{membership.id}",
        period=period,
        render=render,
        link=lambda _r: url_for("committees.detail", committee_id=committee.id),
    )


def _describe_orders(ids: list[int]) -> dict[int, str]:
    locale = current_locale()
    found = db.session.scalars(
        db.select(AppointmentOrder)
        .where(AppointmentOrder.id.in_(ids))
        .options(joinedload(AppointmentOrder.committee))
    )
    return {o.id: f"{order_number(o)} {o.committee.name(locale)}" for o in found}


def _describe_memberships(ids: list[int]) -> dict[int, str]:
    locale = current_locale()
    found = db.session.scalars(
        db.select(Membership)
        .where(Membership.id.in_(ids))
        .options(joinedload(Membership.order).joinedload(AppointmentOrder.committee))
    )
    return {m.id: f"{m.display_name(locale)}, {m.order.committee.name(locale)}" for m in found}


register_target("appointment_order", _l("Appointment order"), _describe_orders)
register_target("committee_membership", _l("Committee membership"), _describe_memberships)
