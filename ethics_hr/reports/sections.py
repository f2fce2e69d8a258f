"""What reports add to an officer's person page: the links to that person's printable records.

The factory hands `person_sections` to the people blueprint; people never imports reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from ethics_hr.core.args import current_fiscal_year


@dataclass
class PersonRecordLink:
    person_id: int
    fiscal_year: int
    template: str = "reports/_person_section.html"


def person_sections(person) -> list[PersonRecordLink]:
    """Offer the officer's person page the links to that person's printable records (no query)."""
    return [PersonRecordLink(person.id, current_fiscal_year())]
