"""What the reports and the public evidence pages read of codes: the versions in force, their reach."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from ethics_hr.codes import audience
from ethics_hr.codes.models import CodeOfEthics, CodeVersion, DosDont, StatementKind, VersionStatus
from ethics_hr.core.timeutil import fiscal_year_range, local_bounds_utc, local_today
from ethics_hr.extensions import db
from ethics_hr.people.models import Person


def versions_in_force(fy: int | None = None) -> list[CodeVersion]:
    """Each code's version in force: today's published one, or the one in force at a fiscal year's end.

    Only published versions count (and, for a past year, those since superseded); never a draft or a
    withdrawn one. A version in force at the year's end is one published by then and not superseded then.
    Their Dos & Don'ts come loaded.
    """
    version = CodeVersion
    today = local_today()
    if fy is None or fiscal_year_range(fy)[1] >= today:
        query = db.select(version).where(version.status == VersionStatus.PUBLISHED)
    else:
        last = fiscal_year_range(fy)[1]
        _, end = local_bounds_utc(last, last)
        query = db.select(version).where(
            version.status.in_((VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED)),
            version.published_at < end,
            version.effective_date <= last,
            db.or_(version.ended_at.is_(None), version.ended_at >= end),
        )
    query = query.join(CodeOfEthics, CodeOfEthics.id == version.code_id).order_by(
        CodeOfEthics.sort_order, CodeOfEthics.id, version.number.desc()
    )
    latest: dict[int, CodeVersion] = {}
    for row in db.session.scalars(query.options(selectinload(version.dos_donts))).unique():
        latest.setdefault(row.code_id, row)
    return list(latest.values())


def acknowledged_share(version: CodeVersion) -> tuple[int, int]:
    """Count the people a version applies to and those who acknowledged it, in one statement."""
    acknowledged = Person.id.in_(audience.acknowledged_people(version))
    total, done = db.session.execute(
        sa.select(sa.func.count(Person.id), sa.func.sum(sa.case((acknowledged, 1), else_=0))).where(
            audience.people_in_audience(version)
        )
    ).one()
    return int(total or 0), int(done or 0)


def is_do(item: DosDont) -> bool:
    """Whether a statement says what to do (else what not to do)."""
    return item.kind == StatementKind.DO
