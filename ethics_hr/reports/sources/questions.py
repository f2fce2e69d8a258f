"""Questions asked and answered, and the published FAQ, read through the questions domain."""

from __future__ import annotations

from ethics_hr.questions import services
from ethics_hr.reports.sources.evidence import FaqLine, QuestionEvidence


def questions(fy: int) -> QuestionEvidence:
    """How many ethics questions were asked and answered in a fiscal year."""
    stats = services.stats(fy)
    return QuestionEvidence(
        fiscal_year=fy,
        asked=stats.total,
        answered=stats.answered,
        median_days=stats.median_days,
        by_status=dict(stats.by_status),
        faq_published=services.faq_count(),
    )


def faq_count() -> int:
    """How many FAQ entries are published."""
    return services.faq_count()


def faq(locale: str) -> list[FaqLine]:
    """The published FAQ entries (never an unpublished one, never an asker)."""
    return [
        FaqLine(e.category.name(locale), e.title, e.answer, e.published_on) for e in services.published_faq()
    ]
