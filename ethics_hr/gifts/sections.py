"""Home-page card: for the head and the officers, the reported gifts waiting for a decision."""

from __future__ import annotations

from dataclasses import dataclass, field

from ethics_hr.core.timeutil import local_today
from ethics_hr.gifts.services import waiting_overview

HOME_LIST_LENGTH = 5


@dataclass
class HomeSection:
    template: str
    width: str = "col-lg-6"
    items: list = field(default_factory=list)
    count: int = 0
    overdue: int = 0


def home_sections(user) -> list[HomeSection]:
    """Offer officers the gifts waiting for the head's decision (overdue first), when there are any."""
    if not user.is_officer:
        return []
    waiting = waiting_overview(local_today(), HOME_LIST_LENGTH)
    if not waiting.count:
        return []
    return [
        HomeSection(
            "gifts/_home_officer.html", items=waiting.first, count=waiting.count, overdue=waiting.overdue
        )
    ]
