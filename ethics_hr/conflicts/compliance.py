"""Who has made the annual declaration of a fiscal year, per department (from the kept counts), who has not
(a page of them), and the year's counts for the annual report and the ITA pages (never names).

The audience: every active person except the local council members (สมาชิกสภาท้องถิ่น), who declare to the
council and the NACC under their own rules rather than to the municipality's departments.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa

from ethics_hr.conflicts import kept
from ethics_hr.conflicts.models import (
    ANNUAL_DECLARATION,
    DecisionOutcome,
    Declaration,
    DeclarationKind,
)
from ethics_hr.core.settings import get_settings
from ethics_hr.core.timeutil import fiscal_year_range
from ethics_hr.extensions import db
from ethics_hr.people import headcount
from ethics_hr.people.models import Department, Person, StaffCategory

NOT_DECLARING = ("council_member",)  # staff categories outside the annual declaration
NO_DEPARTMENT = "none"


def annual_due_on(fy: int) -> date:
    """The day a year's annual declaration is due: so many days (a setting) after the year begins."""
    return fiscal_year_range(fy)[0] + timedelta(days=int(get_settings().conflict_declaration_days))


def in_audience() -> sa.ColumnElement[bool]:
    """The condition on Person "is asked for the annual declaration"."""
    outside = sa.select(StaffCategory.id).where(StaffCategory.code.in_(NOT_DECLARING))
    return sa.and_(Person.active, Person.staff_category_id.not_in(outside))


def has_declared(fy: int) -> sa.ColumnElement[bool]:
    """The condition on Person "has made the annual declaration of this fiscal year" (an index probe each)."""
    return (
        sa.exists()
        .where(
            Declaration.person_id == Person.id,
            Declaration.fiscal_year == fy,
            Declaration.kind == DeclarationKind.ANNUAL,
        )
        .correlate(Person)
    )


@dataclass
class Share:
    total: int = 0
    declared: int = 0

    @property
    def missing(self) -> int:
        return self.total - self.declared

    @property
    def percent(self) -> float:
        return 100.0 * self.declared / self.total if self.total else 0.0


@dataclass
class Summary:
    overall: Share
    by_department: list[tuple[Department | None, Share]] = field(default_factory=list)

    def missing_in(self, department: str) -> int:
        """How many have not declared under a department filter ("" all, NO_DEPARTMENT, an id)."""
        if not department:
            return self.overall.missing
        for d, share in self.by_department:
            if (d is None and department == NO_DEPARTMENT) or (d is not None and str(d.id) == department):
                return share.missing
        return 0


def _audience_categories() -> sa.Select:
    return sa.select(StaffCategory.id).where(StaffCategory.code.not_in(NOT_DECLARING))


def summary(fy: int, departments: list[Department] | None = None) -> Summary:
    """Count the audience and those who made the annual declaration of a fiscal year, per department: two
    queries of the counts kept per department and staff category (see people.headcount)."""
    categories = _audience_categories()
    totals = headcount.people_in(categories)
    declared = headcount.counted_in(ANNUAL_DECLARATION, fy, categories)
    if departments is None:
        departments = list(db.session.scalars(sa.select(Department)))
    by_id = {d.id: d for d in departments}
    overall = Share()
    per_department = []
    for department_id, total in totals.items():
        share = Share(total, declared.get(department_id, 0))
        overall.total += share.total
        overall.declared += share.declared
        per_department.append((by_id.get(department_id) if department_id else None, share))
    per_department.sort(key=lambda pair: (pair[0] is None, pair[0].code if pair[0] else ""))
    return Summary(overall, per_department)


def not_declared_query(fy: int, department: str = "") -> sa.Select:
    """The people of the audience without the annual declaration of a year, by name; `department` filters."""
    query = sa.select(Person).where(in_audience(), ~has_declared(fy))
    if department == NO_DEPARTMENT:
        query = query.where(Person.department_id.is_(None))
    elif department.isdigit():
        query = query.where(Person.department_id == int(department))
    return query.order_by(Person.first_name_th, Person.last_name_th, Person.id)


# ---------------------------------------------------------------- the year's counts, for reports


@dataclass(frozen=True)
class YearCounts:
    """A fiscal year's declarations as counts only: what the annual ethics report and the ITA page show."""

    fiscal_year: int
    annual: int
    situational: int
    with_interests: int
    without_interests: int
    waiting: int  # with interests and no decision yet
    decisions: dict[DecisionOutcome, int]
    people: int | None  # people who made at least one declaration (None: not counted)
    audience: int  # people asked for the annual declaration (today's audience)
    annual_people: int  # of them, those who made it

    @property
    def total(self) -> int:
        return self.annual + self.situational


def year_counts(fy: int, *, people: bool = True) -> YearCounts:
    """Count a fiscal year's current declarations (a corrected one counts once), by kind, by whether they
    declare interests, by the latest decision on them: from the counts kept with them (conflicts.kept).

    `people` (those who made at least one declaration) adds up the year's declarations: the annual report
    asks for it, the pages do not (None without it).
    """
    by_kind = dict.fromkeys(DeclarationKind, 0)
    interests = {True: 0, False: 0}
    decisions = dict.fromkeys(DecisionOutcome, 0)
    waiting = 0
    for kind, has_interests, outcome, count in kept.year_tally(fy):
        by_kind[DeclarationKind(kind)] += count
        interests[has_interests] += count
        if outcome != kept.UNDECIDED:
            decisions[DecisionOutcome(outcome)] += count
        elif has_interests:
            waiting += count
    share = summary_overall(fy)
    return YearCounts(
        fy,
        by_kind[DeclarationKind.ANNUAL],
        by_kind[DeclarationKind.SITUATIONAL],
        interests[True],
        interests[False],
        waiting,
        decisions,
        _people_declared(fy) if people else None,
        share.total,
        share.declared,
    )


def _people_declared(fy: int) -> int:
    """How many people made at least one declaration in a fiscal year (whether still active or not)."""
    declared = sa.select(sa.func.count(sa.distinct(Declaration.person_id))).where(
        Declaration.fiscal_year == fy
    )
    return db.session.scalar(declared) or 0


def summary_overall(fy: int) -> Share:
    """The audience and those of it who made the annual declaration of a year (see `summary`)."""
    return summary(fy, departments=[]).overall
