"""What the evidence pages read from each domain, through that domain's own services and queries only.

Each domain lands on its own; until one is installed, its function returns None and the page says
honestly that nothing is recorded. Nothing here writes to another domain's tables.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from types import ModuleType


def domain(module: str) -> ModuleType | None:
    """Import a domain module, or return None when that domain is not part of this installation."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        missing = error.name or ""
        if module == missing or module.startswith(missing + "."):
            return None
        raise


# ---------------------------------------------------------------- what the pages show


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
        return self.course_title_en if locale == "en" and self.course_title_en else self.course_title_th

    @property
    def person_hours(self) -> float:
        return self.hours * self.participants


@dataclass
class TrainingEvidence:
    fiscal_year: int
    sessions: list[HeldSession] = field(default_factory=list)
    people_trained: int = 0  # distinct people credited with ethics hours in the year

    @property
    def participants(self) -> int:
        return sum(s.participants for s in self.sessions)

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
        return self.name_en if locale == "en" and self.name_en else self.name_th

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
        return self.title_en if locale == "en" and self.title_en else self.title_th


@dataclass
class DoDont:
    kind: str  # "do" or "dont"
    text: str
    clause: str = ""
    example: str = ""


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


# ---------------------------------------------------------------- HR plan


def plan(fy: int, locale: str) -> PlanEvidence | None:
    """The plan in force in a fiscal year with each item's plan against actual, or None."""
    services = domain("ethics_hr.plans.services")
    actuals = domain("ethics_hr.plans.actuals")
    if services is None or actuals is None:
        return None
    in_force = services.plan_in_force(fy)
    if in_force is None:
        return None
    report = actuals.plan_against_actual(in_force, fy)
    evidence = PlanEvidence(
        fiscal_year=fy,
        title=in_force.title(locale),
        first_fiscal_year=in_force.first_fiscal_year,
        last_fiscal_year=in_force.last_fiscal_year,
        approved_on=in_force.approved_on,
        approved_by=in_force.approved_by,
    )
    for row in report.rows:
        item = row.item
        evidence.items.append(
            PlanItemLine(
                name=item.name,
                area=item.area.name(locale),
                status=item.status,
                target=item.target_participants,
                participants=row.participants,
                person_hours=row.person_hours,
                sessions_held=row.sessions_held,
                planned_budget=row.planned_budget,
                spent=item.spent,
            )
        )
    return evidence


# ---------------------------------------------------------------- training


def ethics_training(fy: int) -> TrainingEvidence | None:
    """The sessions with ethics content held in a fiscal year, with their participants and hours, or None.

    Held: not cancelled and already started. Participants: people whose current attendance earns hours.
    Two grouped queries, however many sessions there are.
    """
    services = domain("ethics_hr.training.services")
    attendance = domain("ethics_hr.training.attendance")
    models = domain("ethics_hr.training.models")
    if services is None or attendance is None or models is None:
        return None
    import sqlalchemy as sa

    from ethics_hr.core.models import utc_now
    from ethics_hr.extensions import db

    session, course = models.TrainingSession, models.Course
    held = (
        services.sessions_query(fy=fy)
        .join(course, course.id == session.course_id)
        .where(course.is_ethics, session.status != models.CANCELLED, session.starts_at <= utc_now())
        .order_by(None)
        .order_by(session.starts_at, session.id)
    )
    sessions = list(db.session.scalars(held).unique())
    evidence = TrainingEvidence(fiscal_year=fy)
    if not sessions:
        return evidence
    ids = [s.id for s in sessions]
    current = attendance.current_ids(ids)
    present = (
        sa.select(models.Attendance.session_id, models.Attendance.person_id)
        .join(current, current.c.id == models.Attendance.id)
        .join(models.AttendanceStatus, models.AttendanceStatus.id == models.Attendance.status_id)
        .where(models.AttendanceStatus.hours_factor > 0)
        .subquery("present")
    )
    counts = dict(
        db.session.execute(
            sa.select(present.c.session_id, sa.func.count()).group_by(present.c.session_id)
        ).all()
    )
    evidence.people_trained = int(
        db.session.scalar(sa.select(sa.func.count(sa.distinct(present.c.person_id)))) or 0
    )
    for s in sessions:
        hours = s.hours if s.hours is not None else s.course.default_hours
        evidence.sessions.append(
            HeldSession(
                s.course.title_th, s.course.title_en, s.starts_at, float(hours or 0), counts.get(s.id, 0)
            )
        )
    return evidence


def hours_by_department(fy: int, locale: str = "th") -> list[DepartmentHours] | None:
    """Ethics training hours of active people per department in a fiscal year, or None."""
    reports = domain("ethics_hr.training.reports")
    if reports is None:
        return None
    from flask_babel import gettext as _

    rows = []
    for row in reports.summary(fy, by="department"):
        if row.group is None:
            name = _("No department (executives and council members)")
            rows.append(DepartmentHours(name, name, row.people, row.met, row.ethics_hours))
        else:
            rows.append(
                DepartmentHours(row.group.name_th, row.group.name_en, row.people, row.met, row.ethics_hours)
            )
    return rows


def required_hours() -> float | None:
    """The organisation's yearly requirement of ethics training hours per person, or None."""
    reports = domain("ethics_hr.training.reports")
    return reports.required_hours() if reports is not None else None


def person_training(person_id: int, fy: int, locale: str = "th") -> list[PersonTraining] | None:
    """A person's sessions of a fiscal year with their attendance and the hours credited, or None."""
    reports = domain("ethics_hr.training.reports")
    if reports is None:
        return None
    from flask_babel import gettext as _

    lines = []
    for line in reports.person_record(person_id, fy):
        course = line.session.course
        if line.status is not None:
            status = line.status.name(locale)
        elif line.session.status == "cancelled":
            status = _("Session cancelled")
        else:
            status = _("No attendance recorded")
        lines.append(
            PersonTraining(
                course.title_th, course.title_en, line.session.starts_at, course.is_ethics, status, line.hours
            )
        )
    return lines


# ---------------------------------------------------------------- codes of ethics


def _versions_in_force(fy: int | None, models) -> list:
    """Each code's version in force: today's published one, or the one in force at a fiscal year's end.

    Only published versions count (and, for a past year, those since superseded); never a draft or a
    withdrawn one. A version in force at the year's end is one published by then and not superseded then.
    """
    from sqlalchemy.orm import selectinload

    from ethics_hr.core.timeutil import fiscal_year_range, local_bounds_utc, local_today
    from ethics_hr.extensions import db

    version = models.CodeVersion
    today = local_today()
    if fy is None or fiscal_year_range(fy)[1] >= today:
        query = db.select(version).where(version.status == models.PUBLISHED)
    else:
        last = fiscal_year_range(fy)[1]
        _, end = local_bounds_utc(last, last)
        query = db.select(version).where(
            version.status.in_((models.PUBLISHED, models.SUPERSEDED)),
            version.published_at < end,
            version.effective_date <= last,
            db.or_(version.ended_at.is_(None), version.ended_at >= end),
        )
    query = query.join(models.CodeOfEthics, models.CodeOfEthics.id == version.code_id).order_by(
        models.CodeOfEthics.sort_order, models.CodeOfEthics.id, version.number.desc()
    )
    latest: dict[int, object] = {}
    for row in db.session.scalars(query.options(selectinload(version.dos_donts))).unique():
        latest.setdefault(row.code_id, row)
    return list(latest.values())


def _acknowledged_share(version, audience) -> tuple[int, int]:
    """Count the people a version applies to and those who acknowledged it, in one statement."""
    import sqlalchemy as sa

    from ethics_hr.extensions import db
    from ethics_hr.people.models import Person

    acknowledged = Person.id.in_(audience.acknowledged_people(version))
    total, done = db.session.execute(
        sa.select(sa.func.count(Person.id), sa.func.sum(sa.case((acknowledged, 1), else_=0))).where(
            audience.people_in_audience(version)
        )
    ).one()
    return int(total or 0), int(done or 0)


def codes_in_force(
    fy: int | None = None, *, with_body: bool = False, with_share: bool = True, locale: str = "th"
) -> list[CodeEvidence] | None:
    """The published code versions in force (at the end of a fiscal year, or today), or None.

    Each with its Dos & Don'ts, its audience and (unless told not to) how many of the people it applies to
    acknowledged it: the public page needs no count, which is the one part that grows with the organisation.
    """
    models = domain("ethics_hr.codes.models")
    audiences = domain("ethics_hr.codes.audience")
    content = domain("ethics_hr.codes.content")
    if models is None or audiences is None or content is None:
        return None
    versions = _versions_in_force(fy, models)
    if not versions:
        return []
    result = []
    for version in versions:
        total, done = _acknowledged_share(version, audiences) if with_share else (0, 0)
        audience = ", ".join(c.name(locale) for c in version.categories)
        if version.departments:
            audience += " (" + ", ".join(d.name(locale) for d in version.departments) + ")"
        result.append(
            CodeEvidence(
                code_title=version.code.name(locale),
                version_title=version.title,
                effective_date=version.effective_date,
                body_html=content.render_markdown(version.body_md) if with_body else "",
                dos_donts=[
                    DoDont(
                        "do" if item.kind == models.DO else "dont",
                        item.text(locale),
                        item.clause,
                        item.example(locale),
                    )
                    for item in version.dos_donts
                ],
                applies_to=total,
                acknowledged=done,
                audience=audience,
            )
        )
    return result


def person_acknowledgments(person, fy: int, locale: str = "th") -> list[PersonAcknowledgment] | None:
    """The published versions that apply to a person and when they acknowledged each, or None."""
    acknowledgments = domain("ethics_hr.codes.acknowledgments")
    if acknowledgments is None:
        return None
    return [
        PersonAcknowledgment(
            code_title=item.version.code.name(locale),
            version_title=item.version.title,
            acknowledged_at=item.acknowledgment.acknowledged_at if item.acknowledgment else None,
        )
        for item in acknowledgments.versions_for(person)
    ]


# ---------------------------------------------------------------- committees


def _evidence_days(fy: int | None) -> tuple[date, ...]:
    """The days whose composition stands for a fiscal year: its first day and its last (or today)."""
    from ethics_hr.core.timeutil import fiscal_year_range, local_today

    today = local_today()
    if fy is None:
        return (today,)
    first, last = fiscal_year_range(fy)
    if first > today:
        return ()
    return (first, min(last, today))


def committees(fy: int | None = None, *, locale: str = "th") -> list[CommitteeEvidence] | None:
    """The committees with their members and the appointment orders behind them, or None.

    Without a fiscal year: today's composition of each active committee, as the public page shows it.
    With one: the orders in force on the year's first day or its last (today while it runs), for the report;
    members are not listed. A constant number of queries, however many committees and orders there are.
    """
    services = domain("ethics_hr.committees.services")
    labels = domain("ethics_hr.committees.labels")
    models = domain("ethics_hr.committees.models")
    if services is None or labels is None or models is None:
        return None
    if fy is not None:
        return _committee_orders(fy, services, labels, models, locale)
    from flask import url_for

    from ethics_hr.core.timeutil import local_today
    from ethics_hr.extensions import db

    active = list(db.session.scalars(services.committees_query("active")))
    by_id = {c.id: CommitteeEvidence(c.name(locale), c.kind, c.mandate) for c in active}
    seen: set[int] = set()
    role_names: dict[tuple[str, str], str] = {}
    query = services.memberships_in_force(local_today()).order_by(
        models.AppointmentOrder.effective_on,
        models.role_rank(),
        models.Membership.sort_order,
        models.Membership.id,
    )
    for membership in db.session.scalars(query).unique():
        order = membership.order
        evidence = by_id.get(order.committee_id)
        if evidence is None:
            continue
        if order.id not in seen:
            seen.add(order.id)
            evidence.orders.append(_order_evidence(order, labels, url_for))
        key = (membership.role, order.committee.kind)
        if key not in role_names:
            role_names[key] = labels.role_label(*key)
        evidence.members.append(
            MemberEvidence(membership.display_name(locale), membership.position_label, role_names[key])
        )
    # A committee whose last order has ended still shows that order.
    for committee_id, summary in services.summaries(list(by_id)).items():
        if not by_id[committee_id].orders and summary.latest_order is not None:
            by_id[committee_id].orders.append(_order_evidence(summary.latest_order, labels, url_for))
    return list(by_id.values())


def _committee_orders(fy: int, services, labels, models, locale: str) -> list[CommitteeEvidence]:
    """The committees with the orders in force on the fiscal year's first or last day (or today)."""
    from flask import url_for
    from sqlalchemy.orm import joinedload

    from ethics_hr.extensions import db

    order_ids: set[int] = set()
    for day in _evidence_days(fy):
        in_force = services.memberships_in_force(day).subquery()
        order_ids.update(db.session.scalars(db.select(in_force.c.order_id).distinct()))
    if not order_ids:
        return []
    orders = db.session.scalars(
        db.select(models.AppointmentOrder)
        .where(models.AppointmentOrder.id.in_(order_ids))
        .options(joinedload(models.AppointmentOrder.committee))
        .order_by(models.AppointmentOrder.effective_on, models.AppointmentOrder.id)
    ).all()
    by_id: dict[int, CommitteeEvidence] = {}
    for order in orders:
        committee = order.committee
        evidence = by_id.setdefault(
            committee.id, CommitteeEvidence(committee.name(locale), committee.kind, committee.mandate)
        )
        evidence.orders.append(_order_evidence(order, labels, url_for))
    return list(by_id.values())


def _order_evidence(order, labels, url_for) -> OrderEvidence:
    from flask_babel import gettext as _

    return OrderEvidence(
        label=_("No. %(number)s", number=labels.order_number(order)),
        title=order.title,
        signed_on=order.signed_on,
        signed_by=" ".join(p for p in (order.signed_by_name, order.signed_by_position) if p),
        effective_on=order.effective_on,
        ends_on=order.ends_on,
        document_url=(url_for("transparency.order_document", order_id=order.id) if order.document_id else ""),
    )


def order_document(order_id: int):
    """The scanned appointment order (a public document), or None."""
    models = domain("ethics_hr.committees.models")
    if models is None:
        return None
    from ethics_hr.extensions import db

    order = db.session.get(models.AppointmentOrder, order_id)
    return order.document if order is not None else None


# ---------------------------------------------------------------- questions


def questions(fy: int) -> QuestionEvidence | None:
    """How many ethics questions were asked and answered in a fiscal year, or None."""
    services = domain("ethics_hr.questions.services")
    if services is None:
        return None
    stats = services.stats(fy)
    return QuestionEvidence(
        fiscal_year=fy,
        asked=stats.total,
        answered=stats.answered,
        median_days=stats.median_days,
        by_status=dict(stats.by_status),
        faq_published=faq_count(),
    )


def faq_count() -> int:
    from ethics_hr.extensions import db

    services = domain("ethics_hr.questions.services")
    if services is None:
        return 0
    query = services.faq_query()
    return int(db.session.scalar(query.with_only_columns(db.func.count()).order_by(None)) or 0)


def faq(locale: str) -> list[FaqLine] | None:
    """The published FAQ entries (never an unpublished one, never an asker), or None."""
    from ethics_hr.extensions import db

    services = domain("ethics_hr.questions.services")
    if services is None:
        return None
    return [
        FaqLine(e.category.name(locale), e.title, e.answer, e.published_on)
        for e in db.session.scalars(services.faq_query())
    ]
