"""Who has made the annual declaration of a fiscal year, per department (one grouped query), who has not
(a page of them), and the year's counts for the annual report and the ITA pages (never names).

The audience: every active person except the local council members (สมาชิกสภาท้องถิ่น), who declare to the
council and the NACC under their own rules rather than to the municipality's departments.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from ethics_hr.conflicts.models import Decision, DecisionOutcome, Declaration, DeclarationKind
from ethics_hr.core.settings import get_settings
from ethics_hr.core.timeutil import fiscal_year_range
from ethics_hr.extensions import db
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


def summary(fy: int, departments: list[Department] | None = None) -> Summary:
    """Count the audience and those who made the annual declaration of a fiscal year, per department."""
    declared = has_declared(fy)
    rows = db.session.execute(
        sa.select(
            Person.department_id,
            sa.func.count(),
            sa.func.sum(sa.case((declared, 1), else_=0)),
        )
        .where(in_audience())
        .group_by(Person.department_id)
    ).all()
    if departments is None:
        departments = list(db.session.scalars(sa.select(Department)))
    by_id = {d.id: d for d in departments}
    overall = Share()
    per_department = []
    for department_id, total, done in rows:
        share = Share(int(total), int(done or 0))
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
    people: int  # people who made at least one declaration
    audience: int  # people asked for the annual declaration (today's audience)
    annual_people: int  # of them, those who made it

    @property
    def total(self) -> int:
        return self.annual + self.situational


def year_counts(fy: int) -> YearCounts:
    """Count a fiscal year's current declarations (a corrected one counts once), by kind, by whether they
    declare interests, by the latest decision on them; and the people they cover. Three grouped queries."""
    newer = aliased(Declaration)
    current = (
        sa.select(Declaration.id, Declaration.kind, Declaration.has_interests, Declaration.person_id)
        .where(Declaration.fiscal_year == fy, ~sa.exists().where(newer.supersedes_id == Declaration.id))
        .subquery()
    )
    latest = (
        sa.select(Decision.declaration_id, sa.func.max(Decision.id).label("decision_id"))
        .group_by(Decision.declaration_id)
        .subquery()
    )
    rows = db.session.execute(
        sa.select(current.c.kind, current.c.has_interests, Decision.outcome, sa.func.count())
        .select_from(current)
        .outerjoin(latest, latest.c.declaration_id == current.c.id)
        .outerjoin(Decision, Decision.id == latest.c.decision_id)
        .group_by(current.c.kind, current.c.has_interests, Decision.outcome)
    ).all()
    by_kind = dict.fromkeys(DeclarationKind, 0)
    interests = {True: 0, False: 0}
    decisions = dict.fromkeys(DecisionOutcome, 0)
    waiting = 0
    for kind, has_interests, outcome, count in rows:
        by_kind[DeclarationKind(kind)] += count
        interests[bool(has_interests)] += count
        if outcome is not None:
            decisions[DecisionOutcome(outcome)] += count
        elif has_interests:
            waiting += count
    people = db.session.scalar(sa.select(sa.func.count(sa.distinct(current.c.person_id)))) or 0
    share = summary_overall(fy)
    return YearCounts(
        fy,
        by_kind[DeclarationKind.ANNUAL],
        by_kind[DeclarationKind.SITUATIONAL],
        interests[True],
        interests[False],
        waiting,
        decisions,
        people,
        share.total,
        share.declared,
    )


def summary_overall(fy: int) -> Share:
    """The audience and those of it who made the annual declaration of a year, in one query."""
    total, done = db.session.execute(
        sa.select(sa.func.count(), sa.func.sum(sa.case((has_declared(fy), 1), else_=0))).where(in_audience())
    ).one()
    return Share(int(total or 0), int(done or 0))
