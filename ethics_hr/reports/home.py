"""The home-page card that leads a person to their own printable record of the fiscal year."""

from __future__ import annotations

from dataclasses import dataclass

from ethics_hr.core.args import current_fiscal_year


@dataclass
class RecordCard:
    fiscal_year: int
    template: str = "reports/_home_card.html"
    width: str = "col-lg-6"


def home_sections(user) -> list[RecordCard]:
    """Offer every user the link to their own record of the current fiscal year (no query)."""
    return [RecordCard(current_fiscal_year())]
