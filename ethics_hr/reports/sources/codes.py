"""The codes in force, their Dos & Don'ts and the share acknowledged, read through the codes domain."""

from __future__ import annotations

from ethics_hr.reports.sources.base import domain
from ethics_hr.reports.sources.evidence import CodeEvidence, DoDont, PersonAcknowledgment


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
