"""The declarations' periodic job: remind everyone asked for the annual declaration who has not made it,
before its due day (14 and 3 days before, by default) and then every two weeks while it is overdue.

It reconciles from the database: who is still missing is read at each run, and each reminder is keyed by
(kind, year, period with the due day), so a repeated or concurrent run queues nothing twice and a changed due
day is reminded again.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from ethics_hr.conflicts import notices
from ethics_hr.conflicts.compliance import annual_due_on, has_declared, in_audience
from ethics_hr.core.db import unit_of_work
from ethics_hr.core.timeutil import fiscal_year_of, to_local
from ethics_hr.notifications.services import due_around, kind_settings
from ethics_hr.people.contacts import recipients_of
from ethics_hr.people.models import Person


def annual_reminders(now: datetime) -> int:
    """Tell each person who owes this fiscal year's annual declaration that it is due soon, or overdue."""
    settings = kind_settings(notices.ANNUAL_DUE)
    if not settings.enabled:
        return 0
    today = to_local(now).date()
    fy = fiscal_year_of(today)
    due = annual_due_on(fy)
    period, overdue = due_around(due, now, settings.days_before, settings.repeat_days, settings.hour)
    if period is None:
        return 0
    missing = sa.select(Person.id).where(in_audience(), ~has_declared(fy))
    with unit_of_work():
        return notices.annual_due(
            recipients_of(missing).values(), fy, due, f"{period}:{due.isoformat()}", overdue=overdue
        )
