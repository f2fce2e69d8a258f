"""Cards other pages show: the versions a user must acknowledge (home), a person's history (people page)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ethics_hr.codes import acknowledgments as acks


@dataclass
class Section:
    template: str
    width: str = "col-lg-6"
    obligations: list[acks.Obligation] = field(default_factory=list)
    history: list = field(default_factory=list)


def home_sections(user) -> list[Section]:
    """Offer the home page a card listing the versions the user has still to acknowledge."""
    obligations = acks.pending_for(user.person)
    if not obligations:
        return []
    return [Section("codes/_home_section.html", "col-lg-12", obligations=obligations)]


def person_sections(person) -> list[Section]:
    """Offer the officer's person page the person's acknowledgments and what they still have to do."""
    return [
        Section(
            "codes/_person_section.html",
            obligations=acks.pending_for(person) if person.active else [],
            history=acks.history_of(person),
        )
    ]
