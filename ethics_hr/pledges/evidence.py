"""What the ITA evidence (O15, signing of the integrity pledge) reads of a fiscal year's pledge."""

from __future__ import annotations

from ethics_hr.pledges.compliance import summary
from ethics_hr.pledges.models import Pledge
from ethics_hr.pledges.services import pledge_of_year


def pledge_evidence(fy: int) -> tuple[Pledge | None, int, int]:
    """Return the opened pledge of a fiscal year (or None), how many of its audience signed, and the audience.

    The ITA check (O15, signing of the integrity pledge) reads this; a draft is no evidence.
    """
    pledge = pledge_of_year(fy)
    if pledge is None or not pledge.was_opened:
        return None, 0, 0
    overall = summary(pledge, departments=[]).overall
    return pledge, overall.signed, overall.total
