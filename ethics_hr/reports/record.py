"""A person's record of a fiscal year for the personnel file: codes acknowledged, trainings and hours."""

from __future__ import annotations

from dataclasses import dataclass, field

from ethics_hr.people.models import Person
from ethics_hr.reports import sources


@dataclass
class PersonRecord:
    person: Person
    fiscal_year: int
    acknowledgments: list[sources.PersonAcknowledgment]
    trainings: list[sources.PersonTraining]
    required_hours: float
    notes: list[str] = field(default_factory=list)

    @property
    def ethics_hours(self) -> float:
        return sum(t.hours for t in self.trainings if t.is_ethics)

    @property
    def all_hours(self) -> float:
        return sum(t.hours for t in self.trainings)

    @property
    def requirement_met(self) -> bool:
        return self.ethics_hours >= self.required_hours

    @property
    def acknowledged(self) -> int:
        return sum(1 for a in self.acknowledgments if a.acknowledged_at)


def person_record(person: Person, fy: int, locale: str = "th") -> PersonRecord:
    """Gather the codes a person acknowledged and the trainings of a year, against the requirement."""
    return PersonRecord(
        person=person,
        fiscal_year=fy,
        acknowledgments=sources.person_acknowledgments(person, fy, locale),
        trainings=sources.person_training(person.id, fy, locale),
        required_hours=sources.required_hours(),
    )
