"""The committee register's periodic job: tell the personnel officers 60, 30 and 7 days before a term or an
appointment order ends (terms that a recorded successor order already continues need no reminder).

It reconciles from the database: the reminder due now for each ending order or term is keyed by (kind,
order or membership, period with the end date), so a changed end date is reminded again and a repeated or
concurrent run queues nothing twice. Each order or term is its own unit of work.
"""

from __future__ import annotations

from datetime import datetime

from ethics_hr.committees import notices
from ethics_hr.committees.services import terms_ending_query
from ethics_hr.core.db import unit_of_work
from ethics_hr.core.timeutil import to_local
from ethics_hr.extensions import db
from ethics_hr.notifications.services import due_before, kind_settings
from ethics_hr.people.contacts import personnel_officers


def terms_ending(now: datetime) -> int:
    """Tell the personnel officers of each order and each member's own term that ends within the windows."""
    settings = kind_settings(notices.TERM_ENDING)
    if not settings.enabled or not settings.days_before:
        return 0
    today = to_local(now).date()
    memberships = db.session.scalars(terms_ending_query(today, days=max(settings.days_before))).unique().all()
    if not memberships:
        return 0
    officers = personnel_officers()
    if not officers:
        return 0
    orders: dict[int, list] = {}
    own_terms = []
    for m in memberships:
        if m.ends_on is None:  # the member's term is the order's
            orders.setdefault(m.order_id, []).append(m)
        else:
            own_terms.append(m)
    told = 0
    for members in orders.values():
        order = members[0].order
        period = due_before(order.ends_on, now, settings.days_before, settings.hour)
        if period is not None:
            with unit_of_work():
                told += notices.order_ending(
                    order, len(members), officers, f"{period}:{order.ends_on.isoformat()}", today=today
                )
    for m in own_terms:
        period = due_before(m.ends_on, now, settings.days_before, settings.hour)
        if period is not None:
            with unit_of_work():
                told += notices.term_ending(m, officers, f"{period}:{m.ends_on.isoformat()}", today=today)
    return told
