"""Appointment orders: the rules for recording, correcting and deleting an order and the members it lists."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError
from werkzeug.datastructures import FileStorage

from ethics_hr.committees.labels import order_number
from ethics_hr.committees.models import AppointmentOrder, Committee, MemberRole, Membership
from ethics_hr.committees.services import in_force_on
from ethics_hr.core.db import transactional, unit_of_work
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.formatting import format_date
from ethics_hr.core.timeutil import be_year
from ethics_hr.core.uploads import DOCUMENTS, save_upload
from ethics_hr.extensions import db
from ethics_hr.people.models import Person, User


class NoChairInForce(RuleViolation):
    """A warning rather than an error: the officer may save anyway."""


@dataclass
class MemberEntry:
    """One row of an order's member list as typed: an employee number (or "number · name"), or an outsider."""

    person_ref: str = ""
    outside_name: str = ""
    outside_organisation: str = ""
    position: str = ""
    role: str = MemberRole.MEMBER.value
    starts_on: date | None = None
    ends_on: date | None = None
    row: int = 0

    @property
    def is_blank(self) -> bool:
        texts = (self.person_ref, self.outside_name, self.outside_organisation, self.position)
        return not any(t.strip() for t in texts) and self.starts_on is None and self.ends_on is None

    @property
    def employee_number(self) -> str:
        ref = self.person_ref.split("·", 1)[0].strip()
        return ref.split()[0] if ref else ""

    def field(self, name: str) -> str:
        return f"members-{self.row}-{name}"


@dataclass
class OrderDraft:
    number: int
    title: str
    signed_on: date
    signed_by_name: str
    signed_by_position: str
    effective_on: date
    ends_on: date | None = None
    replaces_id: int | None = None
    members: list[MemberEntry] = field(default_factory=list)

    @property
    def year_be(self) -> int:
        return be_year(self.signed_on.year)


def next_order_number(year_be: int) -> int:
    """Return the next free running number for orders signed in a B.E. calendar year."""
    highest = db.session.scalar(
        db.select(sa.func.max(AppointmentOrder.number)).where(AppointmentOrder.year_be == year_be)
    )
    return (highest or 0) + 1


def replaceable_orders(committee: Committee, order: AppointmentOrder | None = None) -> list[AppointmentOrder]:
    """Return the orders of a committee that an order may replace: those no other order replaces yet."""
    query = db.select(AppointmentOrder).where(AppointmentOrder.committee_id == committee.id)
    if order is not None and order.id is not None:
        query = query.where(AppointmentOrder.id != order.id)
        taken = AppointmentOrder.replaced_by.has(AppointmentOrder.id != order.id)
    else:
        taken = AppointmentOrder.replaced_by.has()
    query = query.where(~taken).order_by(AppointmentOrder.effective_on.desc(), AppointmentOrder.id.desc())
    return list(db.session.scalars(query))


# ---------------------------------------------------------------- checks


def _check_header(committee: Committee, order: AppointmentOrder | None, draft: OrderDraft) -> None:
    if draft.number < 1:
        raise RuleViolation(str(_l("An order number is a whole number from 1.")), "number")
    if draft.ends_on is not None and draft.ends_on < draft.effective_on:
        raise RuleViolation(str(_l("The end date is before the date the order takes effect.")), "ends_on")
    if committee.dissolved_on is not None and draft.effective_on >= committee.dissolved_on:
        raise RuleViolation(
            str(
                _l(
                    "This committee was dissolved on %(date)s: an order cannot take effect from then on.",
                    date=format_date(committee.dissolved_on, "long"),
                )
            ),
            "effective_on",
        )
    _check_number_free(order, draft)
    if draft.replaces_id is not None:
        _check_replaces(committee, order, draft)


def _check_number_free(order: AppointmentOrder | None, draft: OrderDraft) -> None:
    clash = db.session.scalar(
        db.select(AppointmentOrder).where(
            AppointmentOrder.year_be == draft.year_be, AppointmentOrder.number == draft.number
        )
    )
    if clash is not None and (order is None or clash.id != order.id):
        raise RuleViolation(
            str(
                _l(
                    "Order No. %(number)s is already recorded: %(title)s.",
                    number=order_number(clash),
                    title=clash.title,
                )
            ),
            "number",
        )


def _check_replaces(committee: Committee, order: AppointmentOrder | None, draft: OrderDraft) -> None:
    replaced = db.session.get(AppointmentOrder, draft.replaces_id)
    if (
        replaced is None
        or replaced.committee_id != committee.id
        or (order is not None and replaced.id == order.id)
    ):
        raise RuleViolation(str(_l("Choose an earlier order of this committee.")), "replaces_id")
    if replaced.replaced_by is not None and (order is None or replaced.replaced_by.id != order.id):
        raise RuleViolation(
            str(
                _l(
                    "Order No. %(number)s is already replaced by order No. %(other)s.",
                    number=order_number(replaced),
                    other=order_number(replaced.replaced_by),
                )
            ),
            "replaces_id",
        )
    if replaced.effective_on > draft.effective_on:
        raise RuleViolation(
            str(_l("An order can only replace an order that took effect before it.")), "replaces_id"
        )
    # Equal dates could make a loop: walk back from the replaced order and refuse to meet this one.
    step, seen = replaced, 0
    while step is not None and seen < 1000:
        if order is not None and step.id == order.id:
            raise RuleViolation(str(_l("Choose an earlier order of this committee.")), "replaces_id")
        step, seen = step.replaces, seen + 1


def _check_members(draft: OrderDraft) -> tuple[list[MemberEntry], dict[str, Person]]:
    entries = [entry for entry in draft.members if not entry.is_blank]
    if not entries:
        raise RuleViolation(str(_l("List at least one member of the order.")))
    numbers = {entry.employee_number for entry in entries if entry.employee_number}
    people = {
        p.employee_number: p
        for p in db.session.scalars(db.select(Person).where(Person.employee_number.in_(numbers)))
    }
    seen_people: set[int] = set()
    seen_outsiders: set[str] = set()
    for entry in entries:
        if entry.role not in {role.value for role in MemberRole}:
            raise RuleViolation(str(_l("Choose a role from the list.")), entry.field("role"))
        if entry.employee_number and entry.outside_name.strip():
            raise RuleViolation(
                str(_l("Give either an employee or an outside member's name, not both.")),
                entry.field("person"),
            )
        if entry.employee_number:
            person = people.get(entry.employee_number)
            if person is None:
                raise RuleViolation(
                    str(_l("No one has the employee number %(number)s.", number=entry.employee_number)),
                    entry.field("person"),
                )
            if person.id in seen_people:
                raise RuleViolation(
                    str(_l("%(name)s is listed twice in this order.", name=person.full_name_th)),
                    entry.field("person"),
                )
            seen_people.add(person.id)
        elif entry.outside_name.strip():
            key = " ".join(entry.outside_name.split()).casefold()
            if key in seen_outsiders:
                raise RuleViolation(
                    str(_l("%(name)s is listed twice in this order.", name=entry.outside_name.strip())),
                    entry.field("outside_name"),
                )
            seen_outsiders.add(key)
        else:
            raise RuleViolation(
                str(_l("Give the member: an employee number, or an outside member's name.")),
                entry.field("person"),
            )
        _check_term(draft, entry)
    return entries, people


def _check_term(draft: OrderDraft, entry: MemberEntry) -> None:
    start = entry.starts_on or draft.effective_on
    end = entry.ends_on or draft.ends_on
    if entry.starts_on is not None and entry.starts_on < draft.effective_on:
        raise RuleViolation(
            str(_l("A term cannot start before the order takes effect.")), entry.field("starts_on")
        )
    if entry.ends_on is not None and draft.ends_on is not None and entry.ends_on > draft.ends_on:
        raise RuleViolation(str(_l("A term cannot end after the order ends.")), entry.field("ends_on"))
    if end is not None and end < start:
        raise RuleViolation(str(_l("The term ends before it starts.")), entry.field("ends_on"))


def _chair_in_force(
    committee: Committee, order: AppointmentOrder | None, draft: OrderDraft, entries: list[MemberEntry]
) -> bool:
    """Tell whether the committee has a chair in force on the day the order takes effect."""
    day = draft.effective_on
    for entry in entries:
        end = entry.ends_on or draft.ends_on
        if (
            entry.role == MemberRole.CHAIR.value
            and (entry.starts_on or day) <= day
            and (end is None or end >= day)
        ):
            return True
    others = [oid for oid in (order.id if order is not None else None, draft.replaces_id) if oid is not None]
    query = (
        db.select(Membership.id)
        .join(Membership.order)
        .join(AppointmentOrder.committee)
        .where(
            in_force_on(day),
            AppointmentOrder.committee_id == committee.id,
            Membership.role == MemberRole.CHAIR.value,
            AppointmentOrder.id.not_in(others) if others else sa.true(),
        )
        .limit(1)
    )
    return db.session.scalar(query) is not None


# ---------------------------------------------------------------- writing


def save_order(
    committee: Committee,
    order: AppointmentOrder | None,
    draft: OrderDraft,
    *,
    document: FileStorage | None = None,
    accept_without_chair: bool = False,
    by: User | None = None,
) -> AppointmentOrder:
    """Record a new appointment order of a committee, or correct one, with the members it lists.

    Raises NoChairInForce, a warning the officer may accept, when the committee would have no chair.
    """
    _check_header(committee, order, draft)
    entries, people = _check_members(draft)
    if not accept_without_chair and not _chair_in_force(committee, order, draft, entries):
        raise NoChairInForce(
            str(
                _l(
                    "The committee has no chair in force on %(date)s. Check the roles, "
                    "or tick “Save without a chair” and save again.",
                    date=format_date(draft.effective_on, "long"),
                )
            )
        )
    try:
        with unit_of_work():
            stored = None
            if document is not None:
                stored = save_upload(
                    document, allowed=DOCUMENTS, field="document", by_id=by.id if by else None
                )
            if order is None:
                order = AppointmentOrder(committee=committee)
                db.session.add(order)
            order.number = draft.number
            order.year_be = draft.year_be
            order.title = " ".join(draft.title.split())
            order.signed_on = draft.signed_on
            order.signed_by_name = " ".join(draft.signed_by_name.split())
            order.signed_by_position = " ".join(draft.signed_by_position.split())
            order.effective_on = draft.effective_on
            order.ends_on = draft.ends_on
            order.replaces = (
                db.session.get(AppointmentOrder, draft.replaces_id) if draft.replaces_id else None
            )
            if stored is not None:
                order.document = stored
            _sync_members(order, entries, people)
            db.session.flush()  # a clash with an order recorded a moment ago shows here, in this unit
    except IntegrityError as error:
        # Someone recorded the same number, or replaced the same order, a moment before: say which.
        _check_number_free(None, draft)
        if draft.replaces_id is not None:
            _check_replaces(committee, None, draft)
        raise RuleViolation(
            str(_l("The order changed while you were editing it. Check it and save again."))
        ) from error
    return order


def _member_key(person: Person | None, outside_name: str) -> str:
    return f"p:{person.id}" if person is not None else "o:" + " ".join(outside_name.split()).casefold()


def _sync_members(order: AppointmentOrder, entries: list[MemberEntry], people: dict[str, Person]) -> None:
    """Rewrite the member list, keeping each person's (or outsider's) existing row so its history stays."""
    existing = {_member_key(m.person, m.outside_name): m for m in order.members}
    for index, entry in enumerate(entries):
        person = people.get(entry.employee_number) if entry.employee_number else None
        membership = existing.pop(_member_key(person, entry.outside_name), None)
        if membership is None:
            membership = Membership(person=person)
            order.members.append(membership)
        membership.outside_name = "" if person else " ".join(entry.outside_name.split())
        membership.outside_organisation = "" if person else " ".join(entry.outside_organisation.split())
        position = " ".join(entry.position.split())
        membership.position = position or (person.position if person else "")
        membership.role = entry.role
        membership.starts_on = entry.starts_on
        membership.ends_on = entry.ends_on
        membership.sort_order = index
    for gone in existing.values():
        order.members.remove(gone)


@transactional
def delete_order(order: AppointmentOrder) -> None:
    """Delete an order recorded by mistake, with its members; one that another order replaces stays."""
    if order.replaced_by is not None:
        raise RuleViolation(
            str(
                _l(
                    "Order No. %(number)s replaces this one: delete or change that order first.",
                    number=order_number(order.replaced_by),
                )
            )
        )
    db.session.delete(order)
