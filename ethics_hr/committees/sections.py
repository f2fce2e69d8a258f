"""Home-page cards: a member's committees, and for the officer the terms that end soon."""

from __future__ import annotations

from dataclasses import dataclass, field

from ethics_hr.committees import services
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db

HOME_LIST_LENGTH = 5


@dataclass
class HomeSection:
    template: str
    width: str = "col-lg-6"
    items: list = field(default_factory=list)
    count: int = 0


def home_sections(user) -> list[HomeSection]:
    """Offer the home page the user's committees and, to officers, the terms ending within 60 days."""
    today = local_today()
    sections = []
    memberships = services.memberships_of(user.person_id, today)
    if memberships:
        sections.append(HomeSection("committees/_home_member.html", items=memberships))
    if user.is_officer:
        count = services.terms_ending_count(today)
        items = (
            list(db.session.scalars(services.terms_ending_query(today).limit(HOME_LIST_LENGTH)))
            if count
            else []
        )
        sections.append(HomeSection("committees/_home_officer.html", items=items, count=count))
    return sections
