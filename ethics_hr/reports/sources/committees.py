"""Committees, their members and appointment orders, read through the committees domain."""

from __future__ import annotations

from datetime import date

from flask_babel import gettext as _

from ethics_hr.committees import evidence, labels
from ethics_hr.committees.services import committees_query, summaries
from ethics_hr.core.timeutil import fiscal_year_range, local_today
from ethics_hr.core.urls import absolute_url
from ethics_hr.extensions import db
from ethics_hr.reports.sources.evidence import CommitteeEvidence, MemberEvidence, OrderEvidence


def _evidence_period(fy: int) -> tuple[date, date]:
    """The days whose orders stand for a fiscal year: the year so far (all of it once it has ended).

    A year still to come is judged on its first day: an order recorded with no end date carries into it.
    """
    first, last = fiscal_year_range(fy)
    return first, min(last, max(local_today(), first))


def committees(fy: int | None = None, *, locale: str = "th") -> list[CommitteeEvidence]:
    """The committees with their members and the appointment orders behind them.

    Without a fiscal year: today's composition of each active committee, as the public page shows it.
    With one: the orders in force on some day of the year (up to today while it runs), for the report;
    members are not listed. A constant number of queries, however many committees and orders there are.
    """
    if fy is not None:
        return _committee_orders(fy, locale)
    active = list(db.session.scalars(committees_query("active")))
    by_id = {c.id: CommitteeEvidence(c.name(locale), c.kind, c.mandate) for c in active}
    seen: set[int] = set()
    role_names: dict[tuple[str, str], str] = {}
    for membership in evidence.memberships_today():
        order = membership.order
        found = by_id.get(order.committee_id)
        if found is None:
            continue
        if order.id not in seen:
            seen.add(order.id)
            found.orders.append(_order_evidence(order))
        key = (membership.role, order.committee.kind)
        if key not in role_names:
            role_names[key] = labels.role_label(*key)
        found.members.append(
            MemberEvidence(membership.display_name(locale), membership.position_label, role_names[key])
        )
    # A committee whose last order has ended still shows that order.
    for committee_id, summary in summaries(list(by_id)).items():
        if not by_id[committee_id].orders and summary.latest_order is not None:
            by_id[committee_id].orders.append(_order_evidence(summary.latest_order))
    return list(by_id.values())


def committees_with_orders(fy: int) -> int:
    """How many ethics committees or advisory teams have an appointment order in force in a fiscal year."""
    return evidence.committees_with_rights_in_force_during(*_evidence_period(fy))


def _committee_orders(fy: int, locale: str) -> list[CommitteeEvidence]:
    """The committees with the orders in force on some day of the fiscal year (up to today)."""
    by_id: dict[int, CommitteeEvidence] = {}
    for order in evidence.orders_in_force_during(*_evidence_period(fy)):
        committee = order.committee
        found = by_id.setdefault(
            committee.id, CommitteeEvidence(committee.name(locale), committee.kind, committee.mandate)
        )
        found.orders.append(_order_evidence(order))
    return list(by_id.values())


def _order_evidence(order) -> OrderEvidence:
    return OrderEvidence(
        label=_("No. %(number)s", number=labels.order_number(order)),
        title=order.title,
        signed_on=order.signed_on,
        signed_by=" ".join(p for p in (order.signed_by_name, order.signed_by_position) if p),
        effective_on=order.effective_on,
        ends_on=order.ends_on,
        document_url=(
            absolute_url("transparency.order_document", order_id=order.id) if order.document_id else ""
        ),
    )


def order_document(order_id: int):
    """The scanned appointment order (a public document), or None."""
    order = evidence.order(order_id)
    return order.document if order is not None else None
