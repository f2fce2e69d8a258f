"""The HR plan's periodic job: on the first of each month, the officers get the items that are late.

The month is the period of the message's key, so a repeated, late or concurrent run sends it once a month;
a month with nothing late sends nothing.
"""

from __future__ import annotations

from datetime import datetime, time

from ethics_hr.core.timeutil import local_datetime_to_utc, to_local
from ethics_hr.extensions import db
from ethics_hr.notifications.services import kind_settings
from ethics_hr.people.contacts import personnel_officers
from ethics_hr.plans import notices
from ethics_hr.plans.services import late_items_query


def late_items_digest(now: datetime) -> int:
    """Send the month's digest of plan items that should have started, from the kind's hour on the 1st."""
    settings = kind_settings(notices.LATE_ITEMS)
    if not settings.enabled:
        return 0
    today = to_local(now).date()
    first = today.replace(day=1)
    if local_datetime_to_utc(first, time(settings.hour or 0)) > now:
        return 0
    items = [
        notices.LateItem(
            item.name,
            item.fiscal_year,
            item.quarter,
            item.responsible_department.name_th if item.responsible_department else "",
            item.responsible_department.name_en if item.responsible_department else "",
        )
        for item in db.session.scalars(late_items_query(today))
    ]
    if not items:
        return 0
    return notices.late_items(items, personnel_officers(), f"{first:%Y-%m}")
