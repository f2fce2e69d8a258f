"""What the evidence pages show of each domain: plain data, no database object."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from ethics_hr.core.formatting import bilingual


@dataclass
class PlanItemLine:
    name: str
    area: str
    status: str
    target: int
    participants: int
    person_hours: float
    sessions_held: int
    planned_budget: Decimal
    spent: Decimal


@dataclass
class PlanEvidence:
    fiscal_year: int
    title: str
    first_fiscal_year: int
    last_fiscal_year: int
    approved_on: date | None
    approved_by: str
    items: list[PlanItemLine] = field(default_factory=list)

    @property
    def by_status(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for item in self.items:
            counts[item.status] = counts.get(item.status, 0) + 1
        return counts

    @property
    def done(self) -> int:
        return self.by_status.get("done", 0)

    @property
    def totals(self) -> dict[str, float | int | Decimal]:
        return {
            "target": sum(i.target for i in self.items),
            "participants": sum(i.participants for i in self.items),
            "person_hours": sum(i.person_hours for i in self.items),
            "sessions_held": sum(i.sessions_held for i in self.items),
            "planned_budget": sum((i.planned_budget for i in self.items), Decimal("0")),
            "spent": sum((i.spent for i in self.items), Decimal("0")),
        }


@dataclass
class HeldSession:
    course_title_th: str
    course_title_en: str
    starts_at: datetime
    hours: float
    participants: int

    def course_title(self, locale: str) -> str:
        return bilingual(self.course_title_th, self.course_title_en, locale)

    @property
    def person_hours(self) -> float:
        return self.hours * self.participants


@dataclass
class TrainingEvidence:
    fiscal_year: int
    sessions: list[HeldSession] = field(default_factory=list)
    # Distinct people credited with ethics hours in the year: the one count of "participants" every page
    # shows (a person at two sessions is one participant), as training.evidence counts them.
    people_trained: int = 0

    @property
    def person_hours(self) -> float:
        return sum(s.person_hours for s in self.sessions)


@dataclass
class DepartmentHours:
    name_th: str
    name_en: str
    people: int
    met: int
    ethics_hours: float

    def name(self, locale: str) -> str:
        return bilingual(self.name_th, self.name_en, locale)

    @property
    def average(self) -> float:
        return self.ethics_hours / self.people if self.people else 0.0

    @property
    def share_met(self) -> float:
        return self.met / self.people if self.people else 0.0


@dataclass
class PersonTraining:
    title_th: str
    title_en: str
    starts_at: datetime
    is_ethics: bool
    status: str
    hours: float

    def title(self, locale: str) -> str:
        return bilingual(self.title_th, self.title_en, locale)


@dataclass
class DoDont:
    DO: ClassVar[str] = "do"
    DONT: ClassVar[str] = "dont"

    kind: str  # DO or DONT
    text: str
    clause: str = ""
    example: str = ""

    @property
    def is_do(self) -> bool:
        return self.kind == self.DO


@dataclass
class CodeEvidence:
    code_title: str
    version_title: str
    effective_date: date | None
    body_html: str = ""
    dos_donts: list[DoDont] = field(default_factory=list)
    applies_to: int = 0
    acknowledged: int = 0
    audience: str = ""

    @property
    def share(self) -> float:
        return self.acknowledged / self.applies_to if self.applies_to else 0.0


@dataclass
class PersonAcknowledgment:
    code_title: str
    version_title: str
    acknowledged_at: datetime | None  # None: not yet acknowledged


@dataclass
class OrderEvidence:
    label: str  # "ที่ 231/2568"
    title: str
    signed_on: date | None
    signed_by: str = ""
    effective_on: date | None = None
    ends_on: date | None = None
    document_url: str = ""


@dataclass
class MemberEvidence:
    name: str
    position: str
    role: str


@dataclass
class CommitteeEvidence:
    name: str
    kind: str
    mandate: str = ""
    members: list[MemberEvidence] = field(default_factory=list)
    orders: list[OrderEvidence] = field(default_factory=list)


@dataclass
class QuestionEvidence:
    fiscal_year: int
    asked: int = 0
    answered: int = 0
    median_days: float | None = None
    by_status: dict[str, int] = field(default_factory=dict)
    faq_published: int = 0


@dataclass
class FaqLine:
    category: str
    title: str
    answer: str
    published_on: date | None
