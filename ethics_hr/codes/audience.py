"""Who a version applies to, and whether a person has acknowledged it: SQL conditions the other modules share.

A version applies to an active person whose staff category is in its audience and, when the version names
departments, whose department is one of them. A person has acknowledged a version when they acknowledged it,
or an earlier version of the same chain of minor changes (same `ack_basis_id`, number up to this one's).
A version that asks to be acknowledged again every N months (`reacknowledge_months`) counts an acknowledgment
only until it is due again: one made on day D is due again on D + N months (`renewal_cutoff`).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from ethics_hr.codes.models import Acknowledgment, CodeVersion, version_category, version_department
from ethics_hr.core.timeutil import add_months, local_bounds_utc, local_today, to_local
from ethics_hr.extensions import db
from ethics_hr.people.audience import members
from ethics_hr.people.models import Person


def renewal_cutoff(months: int, today: date) -> date:
    """Return the last day whose acknowledgments are due again today, for a version renewed every N months.

    An acknowledgment of day D is due again on add_months(D, N). On the last day of a month, every later day
    of the cutoff's month lands there too (31 January + 1 month is 28 February), so the cutoff is its end.
    """
    cutoff = add_months(today, -months)
    if (today + timedelta(days=1)).day == 1:
        cutoff = add_months(cutoff.replace(day=1), 1) - timedelta(days=1)
    return cutoff


def current_since(version: CodeVersion, today: date | None = None) -> datetime | None:
    """Return the moment from which an acknowledgment still counts for a version today; None: all count."""
    if not version.reacknowledge_months:
        return None
    day = renewal_cutoff(version.reacknowledge_months, today or local_today()) + timedelta(days=1)
    return local_bounds_utc(day, day)[0]


def due_again_on(version: CodeVersion, acknowledgment: Acknowledgment) -> date | None:
    """Return the day an acknowledgment is due to be renewed for a version, or None when it never is."""
    if not version.reacknowledge_months:
        return None
    return add_months(to_local(acknowledgment.acknowledged_at).date(), version.reacknowledge_months)


def applies_to_person(version_id: ColumnElement | int, person: Person) -> ColumnElement[bool]:
    """Return the condition "this version's audience includes this person" (version as a column or an id)."""
    category = sa.exists().where(
        version_category.c.version_id == version_id,
        version_category.c.staff_category_id == person.staff_category_id,
    )
    any_department = sa.exists().where(version_department.c.version_id == version_id)
    own_department = sa.exists().where(
        version_department.c.version_id == version_id,
        version_department.c.department_id == person.department_id,
    )
    return sa.and_(category, sa.or_(~any_department, own_department))


def people_in_audience(version: CodeVersion) -> ColumnElement[bool]:
    """Return the condition on Person "active and in the audience of this (loaded) version"."""
    return members(
        category_ids=[c.id for c in version.categories],
        department_ids=[d.id for d in version.departments] or None,  # no department named: every one
    )


def counted_version_ids(version) -> sa.Select:
    """Select the ids of the versions whose acknowledgment counts for a version: its chain, up to it.

    This is the acknowledgment chain, written once: a version counts for V when it has V's `ack_basis_id`
    and a number up to V's. `version` is a loaded CodeVersion, or the CodeVersion class (or an alias of it)
    for a query over versions, which this subquery then correlates with.
    """
    chain = aliased(CodeVersion)  # an alias, so a correlated query can compare with the outer version
    return (
        sa.select(chain.id)
        .where(chain.ack_basis_id == version.ack_basis_id, chain.number <= version.number)
        .correlate_except(chain)
    )


def _counted_ids(version):
    """The chain as ids already read (see `chain_ids`) when there are some, else as a subquery."""
    cached = getattr(version, "_chain_ids", None) if isinstance(version, CodeVersion) else None
    return cached if cached is not None else counted_version_ids(version)


def acknowledged_by(person_id, version, *, since: datetime | None = None) -> ColumnElement[bool]:
    """Return the condition "this person has acknowledged this version or an earlier one of its chain".

    `person_id` is an id or a column (Person.id for a query over people); `version` as in
    `counted_version_ids`. A loaded version whose chain was already read (`chain_ids`) uses those ids.
    With `since` (see `current_since`), only an acknowledgment made from then on counts.
    """
    ids = _counted_ids(version)
    condition = sa.and_(Acknowledgment.person_id == person_id, Acknowledgment.version_id.in_(ids))
    if since is not None:
        condition = sa.and_(condition, Acknowledgment.acknowledged_at >= since)
    return sa.exists().where(condition).correlate_except(Acknowledgment)


def counted_acknowledgments(version) -> sa.Select:
    """Select the acknowledgments of a version or earlier in its chain, newest first (current or not)."""
    ids = _counted_ids(version)
    return (
        sa.select(Acknowledgment).where(Acknowledgment.version_id.in_(ids)).order_by(Acknowledgment.id.desc())
    )


def chain_ids(version: CodeVersion) -> list[int]:
    """Read (once, kept on the version) the ids of the versions whose acknowledgment counts for it.

    The compliance page probes the (person_id, version_id) index with these ids for each person, which is
    cheaper than a correlated subquery per person.
    """
    cached = getattr(version, "_chain_ids", None)
    if cached is None:
        cached = list(db.session.scalars(counted_version_ids(version)))
        version._chain_ids = cached
    return cached


def acknowledged_people(version: CodeVersion, *, today: date | None = None) -> sa.Select:
    """Select the ids of the people whose acknowledgment of a (loaded) version is current, directly or carried
    over (one not yet due again)."""
    query = counted_acknowledgments(version).with_only_columns(Acknowledgment.person_id).order_by(None)
    since = current_since(version, today)
    return query.where(Acknowledgment.acknowledged_at >= since) if since is not None else query
