"""What the reports and the public evidence pages read of committees: compositions and orders in force."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy.orm import joinedload

from ethics_hr.committees.models import AppointmentOrder, Membership, role_rank
from ethics_hr.committees.services import memberships_in_force
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db


def memberships_today() -> list[Membership]:
    """Today's memberships in force, in the order a public list shows them (order, role, position)."""
    query = memberships_in_force(local_today()).order_by(
        AppointmentOrder.effective_on, role_rank(), Membership.sort_order, Membership.id
    )
    return list(db.session.scalars(query).unique())


def orders_in_force_on(days: Iterable[date]) -> list[AppointmentOrder]:
    """The orders with a membership in force on any of the days, oldest first, with their committee."""
    order_ids: set[int] = set()
    for day in days:
        in_force = memberships_in_force(day).subquery()
        order_ids.update(db.session.scalars(db.select(in_force.c.order_id).distinct()))
    if not order_ids:
        return []
    return list(
        db.session.scalars(
            db.select(AppointmentOrder)
            .where(AppointmentOrder.id.in_(order_ids))
            .options(joinedload(AppointmentOrder.committee))
            .order_by(AppointmentOrder.effective_on, AppointmentOrder.id)
        )
    )


def order(order_id: int) -> AppointmentOrder | None:
    """An appointment order by id, or None."""
    return db.session.get(AppointmentOrder, order_id)
