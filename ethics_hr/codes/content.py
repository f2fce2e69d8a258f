"""A version's content: its canonical form and SHA-256 seal, and its Markdown body rendered safely."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import TYPE_CHECKING

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

if TYPE_CHECKING:
    from ethics_hr.codes.models import CodeVersion

ALLOWED_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del", "ins",
    "blockquote", "ul", "ol", "li", "a", "code", "pre", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}


def normalise_text(text: str | None) -> str:
    """Use one kind of line ending and no trailing blanks, so the same text always seals the same."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def canonical_content(version: CodeVersion) -> dict:
    """Return the content a version's seal covers: title, effective date, body, Dos & Don'ts, audience, and
    how often it must be acknowledged again (only when it must, so older versions keep their seals)."""
    content = {
        "title": version.title,
        "effective_date": version.effective_date.isoformat(),
        "body": normalise_text(version.body_md),
        "dos_donts": [
            {
                "kind": item.kind,
                "text_th": item.text_th,
                "text_en": item.text_en,
                "example_th": item.example_th,
                "example_en": item.example_en,
                "clause": item.clause,
            }
            for item in sorted(version.dos_donts, key=lambda d: (d.position, d.id or 0))
        ],
        "audience": {
            "staff_categories": sorted(c.code for c in version.categories),
            "departments": sorted(d.code for d in version.departments),
        },
    }
    if version.reacknowledge_months:
        content["reacknowledge_months"] = version.reacknowledge_months
    if version.quiz is not None:  # only when there is one, so versions without a quiz keep their seals
        content["quiz"] = {
            "pass_percent": version.quiz.pass_percent,
            "required": version.quiz.required,
            "questions": [
                {
                    "kind": q.kind,
                    "prompt_th": q.prompt_th,
                    "prompt_en": q.prompt_en,
                    "explanation_th": q.explanation_th,
                    "explanation_en": q.explanation_en,
                    "clause": q.clause,
                    "choices": [
                        {"text_th": c.text_th, "text_en": c.text_en, "correct": c.correct} for c in q.choices
                    ],
                }
                for q in version.quiz.questions
            ],
        }
    return content


def canonical_json(version: CodeVersion) -> bytes:
    """Serialise the canonical content deterministically: sorted keys, no spaces, UTF-8."""
    return json.dumps(
        canonical_content(version), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


def content_sha256(version: CodeVersion) -> str:
    """Return the SHA-256 of a version's canonical content."""
    return hashlib.sha256(canonical_json(version)).hexdigest()


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # CommonMark with raw HTML off (it is shown as text) plus tables and strikethrough.
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(["table", "strikethrough"])


@lru_cache(maxsize=128)
def _render(text: str) -> str:
    html = _parser().render(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def render_markdown(text: str | None) -> Markup:
    """Render Markdown to HTML that is safe to show: no script, no raw HTML, only plain links."""
    return Markup(_render(normalise_text(text)))
