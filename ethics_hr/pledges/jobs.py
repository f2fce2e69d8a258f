"""The pledge's periodic job: remind those who have not signed an open pledge before signing closes
(7 and 1 days before, by default).

It reconciles from the database: the reminder due now is keyed by (kind, pledge, period with the closing day),
so a closing day moved later is reminded again and a repeated or concurrent run queues nothing twice. Each
pledge is its own unit of work.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from ethics_hr.core.db import unit_of_work
from ethics_hr.core.timeutil import to_local
from ethics_hr.extensions import db
from ethics_hr.notifications.services import kind_settings
from ethics_hr.notifications.timing import due_around
from ethics_hr.people.contacts import recipients_of
from ethics_hr.people.models import Person
from ethics_hr.pledges import notices
from ethics_hr.pledges.compliance import SignedStatus, people_query
from ethics_hr.pledges.models import Pledge, PledgeStatus


def sign_reminders(now: datetime) -> int:
    """Tell each person who has not signed an open pledge that its window closes soon."""
    settings = kind_settings(notices.SIGN_REMINDER)
    if not settings.enabled:
        return 0
    today = to_local(now).date()
    pledges = db.session.scalars(
        sa.select(Pledge)
        .where(Pledge.status == PledgeStatus.OPEN, Pledge.opens_on <= today, Pledge.closes_on >= today)
        .order_by(Pledge.id)
    ).all()
    told = 0
    for pledge in pledges:
        # Before the closing day only: once it has passed there is nothing left to sign.
        period, overdue = due_around(pledge.closes_on, now, settings.days_before, None, settings.hour)
        if period is None or overdue:
            continue
        with unit_of_work():
            unsigned = (
                people_query(pledge, SignedStatus.NOT_SIGNED).with_only_columns(Person.id).order_by(None)
            )
            people = list(recipients_of(unsigned).values())
            if people:
                told += notices.sign_reminder(
                    pledge, people, f"{period}:{pledge.closes_on.isoformat()}", today=today
                )
    return told
