"""Home-page cards: the pledge a person has still to sign; for officers, this year's pledge and its count."""

from __future__ import annotations

from dataclasses import dataclass, field

from ethics_hr.core.args import current_fiscal_year
from ethics_hr.core.timeutil import local_today
from ethics_hr.pledges import compliance
from ethics_hr.pledges.services import pledge_of_year, to_sign


@dataclass
class HomeSection:
    template: str
    width: str = "col-lg-6"
    items: list = field(default_factory=list)
    pledge: object | None = None
    share: compliance.Share | None = None
    fy: int = 0


def home_sections(user) -> list[HomeSection]:
    """Offer the pledges the user has still to sign, and officers the current year's pledge."""
    sections = []
    pending = to_sign(user.person, today=local_today())
    if pending:
        sections.append(HomeSection("pledges/_home_sign.html", "col-lg-12", items=pending))
    if user.is_officer:
        fy = current_fiscal_year()
        pledge = pledge_of_year(fy)
        share = compliance.summary(pledge, departments=[]).overall if pledge and pledge.was_opened else None
        sections.append(HomeSection("pledges/_home_officer.html", pledge=pledge, share=share, fy=fy))
    return sections
