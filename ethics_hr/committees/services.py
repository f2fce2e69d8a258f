"""Committees and memberships in force: who sits on which committee on a given day, and what that gives them.

A membership is in force on a local day D when its term has started (start <= D), has not ended (no end, or
D <= end), its order has not been replaced by an order that took effect on or before D, and its committee was
not dissolved on or before D. Rights follow from that by themselves: nobody has to remove a member.
The rules for recording orders live in `orders.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import aliased, contains_eager, selectinload

from ethics_hr.committees.models import (
    RIGHTS_KINDS,
    AppointmentOrder,
    Committee,
    CommitteeKind,
    MemberRole,
    Membership,
    role_rank,
)
from ethics_hr.core.db import transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.people.models import Person

TERMS_ENDING_DAYS = 60

__all__ = [
    "TERMS_ENDING_DAYS",
    "active_committee_ids_for",
    "committee_chair_people",
    "committee_member_people",
    "composition_on",
    "gives_committee_rights",
    "is_committee_member",
    "terms_ending_query",
]


# ---------------------------------------------------------------- memberships in force


def term_start() -> sa.ColumnElement:
    return sa.func.coalesce(Membership.starts_on, AppointmentOrder.effective_on)


def term_end() -> sa.ColumnElement:
    return sa.func.coalesce(Membership.ends_on, AppointmentOrder.ends_on)


def in_force_on(day: date) -> sa.ColumnElement[bool]:
    """Return the SQL condition for a membership in force on a local day (order and committee joined)."""
    return in_force_during(day, day)


def in_force_during(first: date, last: date) -> sa.ColumnElement[bool]:
    """Return the SQL condition for a membership in force on some day from `first` to `last` (inclusive).

    A term with no end date (neither the member's nor the order's) stays in force from its start, however
    far the period lies ahead; only a replacing order, the committee's dissolution or an end date stops it.
    """
    replacing = aliased(AppointmentOrder)
    replaced = (
        sa.select(replacing.id)
        .where(replacing.replaces_id == AppointmentOrder.id, replacing.effective_on <= first)
        .exists()
    )
    end = term_end()
    return sa.and_(
        term_start() <= last,
        sa.or_(end.is_(None), end >= first),
        sa.or_(Committee.dissolved_on.is_(None), Committee.dissolved_on > first),
        ~replaced,
    )


def memberships_in_force_during(first: date, last: date) -> sa.Select:
    """Select the memberships in force on some day of a period, with their order and committee joined."""
    return (
        db.select(Membership)
        .join(Membership.order)
        .join(AppointmentOrder.committee)
        .where(in_force_during(first, last))
        .options(contains_eager(Membership.order).contains_eager(AppointmentOrder.committee))
    )


def memberships_in_force(day: date) -> sa.Select:
    """Select the memberships in force on a local day, with their order and committee joined."""
    return memberships_in_force_during(day, day)


def gives_committee_rights(kind: str) -> bool:
    """Tell whether members of a committee of this kind answer ethics questions (ethics committee or team)."""
    return kind in RIGHTS_KINDS


def _rights_holders(day: date, *, role: MemberRole | None = None) -> sa.Select:
    """Select the ids of the people whose membership in force on a day gives them committee rights.

    The one statement of "who is a committee member for the application": a membership in force on the day,
    of a person of the organisation (not an outsider), on a committee whose kind gives rights.
    """
    query = (
        db.select(Membership.person_id)
        .join(Membership.order)
        .join(AppointmentOrder.committee)
        .where(in_force_on(day), Membership.person_id.is_not(None), Committee.kind.in_(RIGHTS_KINDS))
    )
    if role is not None:
        query = query.where(Membership.role == role.value)
    return query


def is_committee_member(user, on: date | None = None) -> bool:
    """Tell whether a user sits, on a local day (today by default), on an ethics committee or advisory team.

    Usable as it is with `core.access.requires(is_committee_member, "committee_member")`.
    """
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    query = _rights_holders(on or local_today()).where(Membership.person_id == user.person_id).limit(1)
    return db.session.scalar(query) is not None


def committee_member_people(on: date | None = None) -> list[Person]:
    """Return the people who hold committee rights on a local day (today by default), by name."""
    members = _rights_holders(on or local_today())
    return list(
        db.session.scalars(
            db.select(Person)
            .where(Person.id.in_(members), Person.active)
            .order_by(Person.first_name_th, Person.last_name_th)
        )
    )


def committee_chair_people(on: date | None = None) -> list[Person]:
    """Return the people who chair an ethics committee or advisory team on a local day (today by default)."""
    chairs = _rights_holders(on or local_today(), role=MemberRole.CHAIR)
    return list(
        db.session.scalars(db.select(Person).where(Person.id.in_(chairs), Person.active).order_by(Person.id))
    )


def active_committee_ids_for(
    person_id: int, on: date | None = None, *, kinds: tuple[str, ...] | None = None
) -> list[int]:
    """Return the ids of the committees a person sits on, on a local day (today by default)."""
    day = on or local_today()
    query = (
        db.select(Committee.id)
        .join(Committee.orders)
        .join(AppointmentOrder.members)
        .where(in_force_on(day), Membership.person_id == person_id)
        .distinct()
        .order_by(Committee.id)
    )
    if kinds is not None:
        query = query.where(Committee.kind.in_(kinds))
    return list(db.session.scalars(query))


def composition_on(committee: Committee, day: date | None = None) -> list[Membership]:
    """Return the members of a committee in force on a local day, chair first, as an order lists them."""
    day = day or local_today()
    query = (
        memberships_in_force(day)
        .where(AppointmentOrder.committee_id == committee.id)
        .order_by(role_rank(), AppointmentOrder.effective_on, Membership.sort_order, Membership.id)
    )
    return list(db.session.scalars(query).unique())


def memberships_of(person_id: int, day: date | None = None) -> list[Membership]:
    """Return a person's memberships in force on a local day, with their committees."""
    day = day or local_today()
    query = (
        memberships_in_force(day)
        .where(Membership.person_id == person_id)
        .order_by(Committee.name_th, role_rank())
    )
    return list(db.session.scalars(query).unique())


# ---------------------------------------------------------------- committees


@dataclass
class CompositionSummary:
    members: int = 0
    chairs: list[Membership] = field(default_factory=list)
    latest_order: AppointmentOrder | None = None


class Listing(StrEnum):
    """Which committees a list shows: those in office, the dissolved ones, or all of them."""

    ACTIVE = "active"
    DISSOLVED = "dissolved"
    ALL = "all"


def committees_query(status: str = Listing.ACTIVE) -> sa.Select:
    """Build the ordered list of committees: active ones, dissolved ones, or all (active first)."""
    query = db.select(Committee)
    if status == Listing.ACTIVE:
        query = query.where(Committee.dissolved_on.is_(None))
    elif status == Listing.DISSOLVED:
        query = query.where(Committee.dissolved_on.is_not(None))
    return query.order_by(Committee.dissolved_on.is_not(None), Committee.name_th, Committee.id)


def summaries(committee_ids: list[int], day: date | None = None) -> dict[int, CompositionSummary]:
    """Count each committee's members in force, name its chairs and latest order: three queries a page."""
    day = day or local_today()
    result = {cid: CompositionSummary() for cid in committee_ids}
    if not committee_ids:
        return result
    counts = db.session.execute(
        db.select(AppointmentOrder.committee_id, sa.func.count(Membership.id))
        .select_from(Membership)
        .join(Membership.order)
        .join(AppointmentOrder.committee)
        .where(in_force_on(day), AppointmentOrder.committee_id.in_(committee_ids))
        .group_by(AppointmentOrder.committee_id)
    )
    for cid, count in counts:
        result[cid].members = count
    chairs = db.session.scalars(
        memberships_in_force(day)
        .where(AppointmentOrder.committee_id.in_(committee_ids), Membership.role == MemberRole.CHAIR)
        .order_by(Membership.id)
    ).unique()
    for membership in chairs:
        result[membership.order.committee_id].chairs.append(membership)
    rank = (
        sa.func.row_number()
        .over(
            partition_by=AppointmentOrder.committee_id,
            order_by=(AppointmentOrder.effective_on.desc(), AppointmentOrder.id.desc()),
        )
        .label("rank")
    )
    ranked = (
        db.select(AppointmentOrder.id, rank)
        .where(AppointmentOrder.committee_id.in_(committee_ids))
        .subquery()
    )
    latest = db.session.scalars(
        db.select(AppointmentOrder).join(ranked, ranked.c.id == AppointmentOrder.id).where(ranked.c.rank == 1)
    )
    for order in latest:
        result[order.committee_id].latest_order = order
    return result


def committee_history(committee: Committee) -> list[AppointmentOrder]:
    """Return every order of a committee, newest first, with its members and the order that replaced it.

    The order an order replaces is of the same committee, so it comes from the identity map without a query.
    """
    return list(
        db.session.scalars(
            db.select(AppointmentOrder)
            .where(AppointmentOrder.committee_id == committee.id)
            .options(selectinload(AppointmentOrder.members), selectinload(AppointmentOrder.replaced_by))
            .order_by(AppointmentOrder.effective_on.desc(), AppointmentOrder.id.desc())
        )
    )


@transactional
def save_committee(
    committee: Committee | None, *, name_th: str, name_en: str, kind: str, mandate: str
) -> Committee:
    """Create or change a committee's name, kind and mandate."""
    if kind not in set(CommitteeKind):
        raise RuleViolation(str(_l("Choose a kind from the list.")), "kind")
    name_th = " ".join(name_th.split())
    clash = db.session.scalar(
        db.select(Committee.id).where(Committee.name_th == name_th, Committee.dissolved_on.is_(None))
    )
    if clash is not None and (committee is None or clash != committee.id):
        raise RuleViolation(str(_l("An active committee already has this name.")), "name_th")
    if committee is None:
        committee = Committee()
        db.session.add(committee)
    committee.name_th = name_th
    committee.name_en = " ".join(name_en.split())
    committee.kind = kind
    committee.mandate = mandate.strip()
    return committee


@transactional
def dissolve_committee(committee: Committee, *, on: date, note: str = "") -> None:
    """Dissolve a committee from a date: its memberships end the day before, its history stays."""
    if committee.dissolved_on is not None:
        raise RuleViolation(str(_l("This committee is already dissolved.")), "dissolved_on")
    first = db.session.scalar(
        db.select(sa.func.min(AppointmentOrder.effective_on)).where(
            AppointmentOrder.committee_id == committee.id
        )
    )
    if first is not None and on <= first:
        raise RuleViolation(
            str(_l("A committee can only be dissolved after its first order took effect.")), "dissolved_on"
        )
    committee.dissolved_on = on
    committee.dissolution_note = note.strip()


@transactional
def reinstate_committee(committee: Committee) -> None:
    """Undo a dissolution recorded by mistake: the memberships count again."""
    committee.dissolved_on = None
    committee.dissolution_note = ""


# ---------------------------------------------------------------- terms ending


def _ending_soon(today: date, days: int) -> sa.ColumnElement[bool]:
    successor = aliased(AppointmentOrder)
    has_successor = sa.select(successor.id).where(successor.replaces_id == AppointmentOrder.id).exists()
    end = term_end()
    return sa.and_(
        in_force_on(today),
        end.is_not(None),
        end <= today + timedelta(days=days),
        Committee.dissolved_on.is_(None),
        ~has_successor,
    )


def terms_ending_query(today: date | None = None, days: int = TERMS_ENDING_DAYS) -> sa.Select:
    """Select memberships in force today whose term ends within the coming days and that nothing replaces yet.

    A term whose order already has a recorded successor, or whose committee is dissolved, needs no reminder.
    """
    today = today or local_today()
    return (
        db.select(Membership)
        .join(Membership.order)
        .join(AppointmentOrder.committee)
        .where(_ending_soon(today, days))
        .options(contains_eager(Membership.order).contains_eager(AppointmentOrder.committee))
        .order_by(term_end(), Committee.name_th, role_rank(), Membership.id)
    )


def terms_ending_count(today: date | None = None, days: int = TERMS_ENDING_DAYS) -> int:
    today = today or local_today()
    query = (
        db.select(sa.func.count(Membership.id))
        .join(Membership.order)
        .join(AppointmentOrder.committee)
        .where(_ending_soon(today, days))
    )
    return db.session.scalar(query) or 0


# ---------------------------------------------------------------- people to choose from


def suggest_people(text: str, limit: int = 15) -> list[Person]:
    """Return active people whose employee number or name starts with the text, for the member picker."""
    text = text.strip().lower()
    if not text:
        return []
    like = f"{text}%"
    return list(
        db.session.scalars(
            db.select(Person)
            .where(
                Person.active,
                sa.or_(
                    sa.func.lower(Person.employee_number).like(like),
                    sa.func.lower(Person.first_name_th).like(like),
                    sa.func.lower(Person.last_name_th).like(like),
                    sa.func.lower(Person.first_name_en).like(like),
                    sa.func.lower(Person.last_name_en).like(like),
                ),
            )
            .order_by(Person.employee_number)
            .limit(limit)
        )
    )


def person_label(person: Person) -> str:
    """Write a person as the member picker shows them: "EMP0003 · นางสาวปวีณา ธรรมรักษ์"."""
    return f"{person.employee_number} · {person.full_name_th}"
