"""Committees, their members and appointment orders, read through the committees domain."""

from __future__ import annotations

from datetime import date

from ethics_hr.reports.sources.base import domain
from ethics_hr.reports.sources.evidence import CommitteeEvidence, MemberEvidence, OrderEvidence


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
