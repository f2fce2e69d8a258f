"""Charts drawn by the app itself as inline SVG: horizontal bars and a donut; no script, no internet."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

# Colour-blind-safe (Okabe-Ito), readable on white and in greyscale print.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as the reader sees it ("72%", "4.5 h")


@dataclass(frozen=True)
class Slice:
    label: str
    value: float
    text: str


def _f(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


# Thai marks written above or below the letter before them take no width and never start a line; the
# leading vowels (เ แ โ ใ ไ) never end one.
_THAI_MARKS = {chr(c) for c in (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F))}
_THAI_LEADING = set("เแโใไ")


def _spacing_length(text: str) -> int:
    return sum(1 for ch in text if ch not in _THAI_MARKS)


def _break_word(word: str, room: int) -> list[str]:
    """Cut a word longer than the room (Thai is written without spaces) where a letter may start a line."""
    pieces, current = [], ""
    for ch in word:
        if _spacing_length(current) >= room and ch not in _THAI_MARKS and current[-1] not in _THAI_LEADING:
            pieces.append(current)
            current = ""
        current += ch
    return [*pieces, current] if current else pieces


def wrap_label(text: str, room: int, max_lines: int = 3) -> list[str]:
    """Lines of at most `room` letters, cut at spaces where there are any; the last line ends in … if cut."""
    lines: list[str] = []
    # A year stays with its era ("พ.ศ. 2564", "B.E. 2564"): the space between them is not a place to break.
    text = re.sub(r"(พ\.ศ\.|ค\.ศ\.|B\.E\.|C\.E\.) (?=\d)", "\\1\u00a0", text)
    for word in re.split(r"[ \t\n]+", text.strip()):
        for piece in _break_word(word, room):
            if lines and _spacing_length(lines[-1]) + 1 + _spacing_length(piece) <= room:
                lines[-1] += " " + piece
            else:
                lines.append(piece)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(1, len(lines[-1]) - 1)] + "…"
    return lines or [""]


def bar_chart(
    bars: list[Bar],
    *,
    title: str,
    maximum: float | None = None,
    target: float | None = None,
    target_label: str = "",
    width: int = 400,
) -> Markup:
    """Draw horizontal bars on a common scale, each under its whole label, with an optional target mark.

    The label sits on its own lines above its bar, so long names that begin alike ("ประมวลจริยธรรม...") stay
    told apart, and the drawing is narrow enough to keep its text readable when a phone shrinks it.
    """
    font, line_h, bar_h, gap, value_w, top = 14, 18, 16, 12, 56, 4
    room = int(width / (font * 0.55))
    plot_w = width - value_w
    scale_max = max([maximum or 0, target or 0, *(b.value for b in bars)]) or 1.0
    target_x = None if target is None else min(target, scale_max) / scale_max * plot_w
    body, y = [], top
    for bar in bars:
        lines = wrap_label(bar.label, room)
        text_lines = "".join(
            f'<tspan x="0" dy="{line_h if i else font}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        body.append(
            f"<g><title>{escape(bar.label)}: {escape(bar.text)}</title>"
            f'<text x="0" y="{y}" font-size="{font}" fill="#212529">{text_lines}</text>'
        )
        y += font + line_h * (len(lines) - 1) + 5
        length = max(0.0, min(bar.value, scale_max)) / scale_max * plot_w
        body.append(
            f'<rect x="0" y="{y}" width="{plot_w}" height="{bar_h}" fill="#EEF1F4"/>'
            f'<rect x="0" y="{y}" width="{_f(length)}" height="{bar_h}" fill="{PALETTE[0]}"/>'
            f'<text x="{plot_w + 6}" y="{y + bar_h - 3}" font-size="{font}" fill="#212529">'
            f"{escape(bar.text)}</text>"
        )
        if target_x is not None:
            body.append(
                f'<line x1="{_f(target_x)}" y1="{y - 3}" x2="{_f(target_x)}" y2="{y + bar_h + 3}" '
                f'stroke="{PALETTE[5]}" stroke-width="2" stroke-dasharray="3 2"/>'
            )
        body.append("</g>")
        y += bar_h + gap
    if target_x is not None:
        anchor = "end" if target_x > plot_w / 2 else "start"
        body.append(
            f'<text x="{_f(target_x)}" y="{y + 6}" text-anchor="{anchor}" font-size="{font - 1}" '
            f'fill="{PALETTE[5]}">┆ {escape(target_label)}</text>'
        )
        y += 14
    height = max(y, 24)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart chart-bars" '
        f'role="img" aria-label="{escape(title)}" preserveAspectRatio="xMinYMin meet">',
        f"<title>{escape(title)}</title>",
        *body,
        "</svg>",
    ]
    return Markup("".join(parts))


def donut_chart(slices: list[Slice], *, title: str, centre: str = "", size: int = 180) -> Markup:
    """Draw a donut of the slices' shares with a legend beside it; an empty donut when all are zero."""
    radius, stroke = 60, 28
    circumference = 2 * math.pi * radius
    total = sum(s.value for s in slices)
    legend_w = 230
    height = max(size, 26 * len(slices) + 16)
    cx = cy = size / 2
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size + legend_w} {height}" '
        f'class="chart chart-donut" role="img" aria-label="{escape(title)}" '
        'preserveAspectRatio="xMinYMin meet">',
        f"<title>{escape(title)}</title>",
        f'<circle cx="{_f(cx)}" cy="{_f(cy)}" r="{radius}" fill="none" stroke="#EEF1F4" '
        f'stroke-width="{stroke}"/>',
    ]
    offset = 0.0
    for i, piece in enumerate(slices):
        if total <= 0 or piece.value <= 0:
            continue
        length = piece.value / total * circumference
        parts.append(
            f'<circle cx="{_f(cx)}" cy="{_f(cy)}" r="{radius}" fill="none" '
            f'stroke="{PALETTE[i % len(PALETTE)]}" '
            f'stroke-width="{stroke}" stroke-dasharray="{_f(length)} {_f(circumference - length)}" '
            f'stroke-dashoffset="{_f(-offset)}" transform="rotate(-90 {_f(cx)} {_f(cy)})">'
            f"<title>{escape(piece.label)}: {escape(piece.text)}</title></circle>"
        )
        offset += length
    if centre:
        parts.append(
            f'<text x="{_f(cx)}" y="{_f(cy + 7)}" text-anchor="middle" font-size="20" font-weight="600" '
            f'fill="#212529">{escape(centre)}</text>'
        )
    for i, piece in enumerate(slices):
        y = 18 + i * 26
        parts.append(
            f'<rect x="{size + 8}" y="{y - 12}" width="15" height="15" fill="{PALETTE[i % len(PALETTE)]}"/>'
            f'<text x="{size + 30}" y="{y + 1}" font-size="16" fill="#212529">'
            f"{escape(piece.label)}: {escape(piece.text)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
