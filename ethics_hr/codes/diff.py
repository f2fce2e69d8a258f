"""What changed between two versions: the text line by line, and the Dos & Don'ts statement by statement."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from enum import StrEnum

from ethics_hr.codes.content import normalise_text
from ethics_hr.codes.models import CodeVersion, DosDont

CONTEXT = 2  # unchanged lines kept around each change
SIMILAR = 0.5  # two statements this alike are one statement changed, not one removed and one added


class Change(StrEnum):
    """What happened to a line of text or to a statement between two versions."""

    EQUAL = "equal"  # a line of text kept as it was
    UNCHANGED = "unchanged"  # a statement kept as it was
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"  # a statement matched with an earlier one, with something changed
    SKIPPED = "skipped"  # unchanged lines left out, away from any change


class _Kinds:
    kind: str

    @property
    def is_added(self) -> bool:
        return self.kind == Change.ADDED

    @property
    def is_removed(self) -> bool:
        return self.kind == Change.REMOVED

    @property
    def is_skipped(self) -> bool:
        return self.kind == Change.SKIPPED


@dataclass
class Segment:
    """A piece of a line: unchanged, or changed (removed on the old side, added on the new side)."""

    text: str
    changed: bool


@dataclass
class DiffLine(_Kinds):
    kind: Change  # EQUAL, REMOVED, ADDED or SKIPPED
    old_number: int | None = None
    new_number: int | None = None
    segments: list[Segment] = field(default_factory=list)
    skipped: int = 0

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


def _inline(old: str, new: str) -> tuple[list[Segment], list[Segment]]:
    # Character level, because Thai has no spaces between words.
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    old_parts: list[Segment] = []
    new_parts: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            old_parts.append(Segment(old[i1:i2], False))
            new_parts.append(Segment(new[j1:j2], False))
        else:
            if i2 > i1:
                old_parts.append(Segment(old[i1:i2], True))
            if j2 > j1:
                new_parts.append(Segment(new[j1:j2], True))
    return old_parts, new_parts


# The Markdown a code's text is written in, taken off each line so the comparison reads as the text reads.
MARKS = (
    (re.compile(r"^\s{0,3}#{1,6}\s+"), ""),  # heading
    (re.compile(r"^\s{0,3}>\s?"), ""),  # quotation
    (re.compile(r"^(\s*)[-*+]\s+"), r"\1• "),  # list item
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # link or image: its text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"`([^`]*)`"), r"\1"),  # code
)


def plain_line(line: str) -> str:
    """A line of Markdown as a reader sees it: its words without the markers around them."""
    for pattern, replacement in MARKS:
        line = pattern.sub(replacement, line)
    return line


def text_diff(old: str, new: str, *, context: int = CONTEXT) -> list[DiffLine]:
    """Compare two texts line by line, as read (no Markdown markers); changed lines show what changed."""
    old_lines = [plain_line(line) for line in normalise_text(old).split("\n")]
    new_lines = [plain_line(line) for line in normalise_text(new).split("\n")]
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    lines: list[DiffLine] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            block = [
                DiffLine(Change.EQUAL, i + 1, j + 1, [Segment(old_lines[i], False)])
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            ]
            if len(block) > 2 * context + 1:
                head = block[:context] if lines else []
                tail = block[-context:] if j2 < len(new_lines) or i2 < len(old_lines) else []
                skipped = len(block) - len(head) - len(tail)
                block = [*head, DiffLine(Change.SKIPPED, skipped=skipped), *tail]
            lines.extend(block)
            continue
        removed = list(range(i1, i2))
        added = list(range(j1, j2))
        if tag == "replace":
            for k in range(max(len(removed), len(added))):
                i = removed[k] if k < len(removed) else None
                j = added[k] if k < len(added) else None
                if i is not None and j is not None:
                    old_parts, new_parts = _inline(old_lines[i], new_lines[j])
                    lines.append(DiffLine(Change.REMOVED, i + 1, None, old_parts))
                    lines.append(DiffLine(Change.ADDED, None, j + 1, new_parts))
                elif i is not None:
                    lines.append(DiffLine(Change.REMOVED, i + 1, None, [Segment(old_lines[i], True)]))
                else:
                    lines.append(DiffLine(Change.ADDED, None, j + 1, [Segment(new_lines[j], True)]))
        else:
            lines.extend(
                DiffLine(Change.REMOVED, i + 1, None, [Segment(old_lines[i], True)]) for i in removed
            )
            lines.extend(DiffLine(Change.ADDED, None, j + 1, [Segment(new_lines[j], True)]) for j in added)
    return lines


@dataclass
class StatementChange(_Kinds):
    kind: Change  # ADDED, REMOVED, CHANGED or UNCHANGED
    old: DosDont | None
    new: DosDont | None
    changed_fields: list[str] = field(default_factory=list)
    old_segments: list[Segment] = field(default_factory=list)
    new_segments: list[Segment] = field(default_factory=list)


COMPARED_FIELDS = ("kind", "text_th", "text_en", "example_th", "example_en", "clause")


def _changed_fields(old: DosDont, new: DosDont) -> list[str]:
    return [name for name in COMPARED_FIELDS if (getattr(old, name) or "") != (getattr(new, name) or "")]


def dos_donts_diff(old_items: list[DosDont], new_items: list[DosDont]) -> list[StatementChange]:
    """Match the statements of two versions: unchanged, changed (same or similar text), added, removed."""
    remaining_old = list(old_items)
    matched: dict[int, DosDont] = {}
    for position, new in enumerate(new_items):
        same = next((o for o in remaining_old if o.text_th == new.text_th), None)
        if same is not None:
            matched[position] = same
            remaining_old.remove(same)
    for position, new in enumerate(new_items):
        if position in matched or not remaining_old:
            continue
        scored = [
            (difflib.SequenceMatcher(None, o.text_th, new.text_th, autojunk=False).ratio(), o)
            for o in remaining_old
        ]
        score, best = max(scored, key=lambda pair: pair[0])
        if score >= SIMILAR:
            matched[position] = best
            remaining_old.remove(best)
    changes: list[StatementChange] = []
    for position, new in enumerate(new_items):
        old = matched.get(position)
        if old is None:
            changes.append(StatementChange(Change.ADDED, None, new))
            continue
        fields = _changed_fields(old, new)
        if not fields:
            changes.append(StatementChange(Change.UNCHANGED, old, new))
            continue
        old_segments, new_segments = _inline(old.text_th, new.text_th)
        changes.append(StatementChange(Change.CHANGED, old, new, fields, old_segments, new_segments))
    changes.extend(StatementChange(Change.REMOVED, old, None) for old in remaining_old)
    return changes


@dataclass
class VersionDiff:
    old: CodeVersion
    new: CodeVersion
    title_changed: bool
    effective_date_changed: bool
    text: list[DiffLine]
    statements: list[StatementChange]

    @property
    def text_changed(self) -> bool:
        return any(line.kind in (Change.ADDED, Change.REMOVED) for line in self.text)

    @property
    def statements_changed(self) -> list[StatementChange]:
        return [c for c in self.statements if c.kind != Change.UNCHANGED]

    @property
    def unchanged_statements(self) -> int:
        return sum(1 for c in self.statements if c.kind == Change.UNCHANGED)


def version_diff(old: CodeVersion, new: CodeVersion) -> VersionDiff:
    """Compare two versions of a code for a reader: title, effective date, text, Dos & Don'ts."""
    return VersionDiff(
        old=old,
        new=new,
        title_changed=old.title != new.title,
        effective_date_changed=old.effective_date != new.effective_date,
        text=text_diff(old.body_md, new.body_md),
        statements=dos_donts_diff(list(old.dos_donts), list(new.dos_donts)),
    )
