"""Home-page cards: the annual declaration for who still owes it; the reviewers' waiting queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from ethics_hr.conflicts import rights, services
from ethics_hr.conflicts.compliance import annual_due_on, in_audience
from ethics_hr.conflicts.models import Declaration, DeclarationKind
from ethics_hr.core.timeutil import fiscal_year_of, local_today
from ethics_hr.extensions import db
from ethics_hr.people.models import Person


@dataclass
class HomeSection:
    template: str
    width: str = "col-lg-6"
    fiscal_year: int = 0
    count: int = 0
    due_on: date | None = None


def home_sections(user) -> list[HomeSection]:
    """Offer the annual declaration to who owes it, and the queue to reviewers with some waiting."""
    fy = fiscal_year_of(local_today())
    sections = []
    # One statement whoever asks: "asked for this year's annual declaration and has not made it".
    declared = sa.exists().where(
        Declaration.person_id == Person.id,
        Declaration.fiscal_year == fy,
        Declaration.kind == DeclarationKind.ANNUAL,
    )
    owes = db.session.scalar(
        sa.select(Person.id).where(Person.id == user.person_id, in_audience(), ~declared)
    )
    if owes is not None:
        sections.append(HomeSection("conflicts/_home_declare.html", fiscal_year=fy, due_on=annual_due_on(fy)))
    if rights.may_review(user):
        waiting = services.waiting_count(user)
        if waiting:
            sections.append(HomeSection("conflicts/_home_review.html", fiscal_year=fy, count=waiting))
    return sections
