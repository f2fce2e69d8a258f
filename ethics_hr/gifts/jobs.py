"""The gift register's periodic job: remind the head and the personnel officers before a reported gift's
decision is due (7 and 1 days before, by default), then every week while it is overdue.

It reconciles from the database: the reminder due now for each gift waiting for a decision is keyed by (kind,
gift, period with the due date), so a due date moved by a changed setting is reminded again and a repeated or
concurrent run queues nothing twice. Each gift is its own unit of work.
"""

from __future__ import annotations

from datetime import datetime

from ethics_hr.core.db import unit_of_work
from ethics_hr.core.timeutil import to_local
from ethics_hr.gifts import notices
from ethics_hr.gifts.services import waiting_for_decision
from ethics_hr.notifications.services import due_around, kind_settings
from ethics_hr.people.contacts import administrators, personnel_officers


def decision_reminders(now: datetime) -> int:
    """Tell the head and the officers of each reported gift whose decision is due soon or overdue."""
    settings = kind_settings(notices.DECISION_DUE)
    if not settings.enabled:
        return 0
    today = to_local(now).date()
    rows = [r for r in waiting_for_decision(today) if r.due_on is not None]
    if not rows:
        return 0
    heads = {r.id or r.email: r for r in [*administrators(), *personnel_officers()]}
    if not heads:
        return 0
    told = 0
    for row in rows:
        period, overdue = due_around(
            row.due_on, now, settings.days_before, settings.repeat_days, settings.hour
        )
        if period is None:
            continue
        with unit_of_work():
            told += notices.decision_due(
                row.gift,
                row.group_total,
                row.due_on,
                heads.values(),
                f"{period}:{row.due_on.isoformat()}",
                today=today,
                overdue=overdue,
            )
    return told
