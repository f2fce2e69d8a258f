"""Questions asked and answered, and the published FAQ, read through the questions domain."""

from __future__ import annotations

from ethics_hr.reports.sources.base import domain
from ethics_hr.reports.sources.evidence import FaqLine, QuestionEvidence


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
