"""What the reports and the public evidence pages read of committees: compositions and orders in force."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from ethics_hr.committees.models import AppointmentOrder, Committee, Membership, role_rank
from ethics_hr.committees.services import RIGHTS_KINDS, memberships_in_force, memberships_in_force_during
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db


def memberships_today() -> list[Membership]:
    """Today's memberships in force, in the order a public list shows them (order, role, position)."""
    query = memberships_in_force(local_today()).order_by(
        AppointmentOrder.effective_on, role_rank(), Membership.sort_order, Membership.id
    )
    return list(db.session.scalars(query).unique())


def orders_in_force_during(first: date, last: date) -> list[AppointmentOrder]:
    """The orders with a membership in force on some day of a period, oldest first, with their committee."""
    in_force = memberships_in_force_during(first, last).subquery()
    return list(
        db.session.scalars(
            db.select(AppointmentOrder)
            .where(AppointmentOrder.id.in_(db.select(in_force.c.order_id)))
            .options(joinedload(AppointmentOrder.committee))
            .order_by(AppointmentOrder.effective_on, AppointmentOrder.id)
        )
    )


def committees_with_rights_in_force_during(first: date, last: date) -> int:
    """How many ethics committees or advisory teams have an appointment order with a membership in force on
    some day of a period: one count, however many committees and members there are."""
    in_force = memberships_in_force_during(first, last).with_only_columns(Membership.order_id).subquery()
    return (
        db.session.scalar(
            sa.select(sa.func.count(sa.distinct(AppointmentOrder.committee_id)))
            .join(Committee, Committee.id == AppointmentOrder.committee_id)
            .where(AppointmentOrder.id.in_(sa.select(in_force.c.order_id)), Committee.kind.in_(RIGHTS_KINDS))
        )
        or 0
    )


def order(order_id: int) -> AppointmentOrder | None:
    """An appointment order by id, or None."""
    return db.session.get(AppointmentOrder, order_id)
