"""The codes in force, their Dos & Don'ts and the share acknowledged, read through the codes domain."""

from __future__ import annotations

from ethics_hr.codes import evidence
from ethics_hr.codes.acknowledgments import versions_for
from ethics_hr.codes.content import render_markdown
from ethics_hr.reports.sources.evidence import CodeEvidence, DoDont, PersonAcknowledgment


def codes_in_force(
    fy: int | None = None, *, with_body: bool = False, with_share: bool = True, locale: str = "th"
) -> list[CodeEvidence]:
    """The published code versions in force (at the end of a fiscal year, or today).

    Each with its Dos & Don'ts, its audience and (unless told not to) how many of the people it applies to
    acknowledged it: the public page needs no count, which is the one part that grows with the organisation.
    """
    result = []
    for version in evidence.versions_in_force(fy):
        total, done = evidence.acknowledged_share(version) if with_share else (0, 0)
        audience = ", ".join(c.name(locale) for c in version.categories)
        if version.departments:
            audience += " (" + ", ".join(d.name(locale) for d in version.departments) + ")"
        result.append(
            CodeEvidence(
                code_title=version.code.name(locale),
                version_title=version.title,
                effective_date=version.effective_date,
                body_html=render_markdown(version.body_md) if with_body else "",
                dos_donts=[
                    DoDont(
                        DoDont.DO if evidence.is_do(item) else DoDont.DONT,
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


def person_acknowledgments(person, fy: int, locale: str = "th") -> list[PersonAcknowledgment]:
    """The published versions that apply to a person and when they acknowledged each."""
    return [
        PersonAcknowledgment(
            code_title=item.version.code.name(locale),
            version_title=item.version.title,
            acknowledged_at=item.acknowledgment.acknowledged_at if item.acknowledgment else None,
        )
        for item in versions_for(person)
    ]
