"""Charts drawn by the app itself as inline SVG: horizontal bars and a donut; no script, no internet."""

from __future__ import annotations

import math
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


def bar_chart(
    bars: list[Bar],
    *,
    title: str,
    maximum: float | None = None,
    target: float | None = None,
    target_label: str = "",
    width: int = 640,
) -> Markup:
    """Draw labelled horizontal bars on a common scale, with an optional target line."""
    row, label_w, value_w, top = 26, 210, 70, 8
    height = top + row * max(len(bars), 1) + (22 if target is not None else 8)
    scale_max = max([maximum or 0, target or 0, *(b.value for b in bars)]) or 1.0
    plot_w = width - label_w - value_w
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart chart-bars" '
        f'role="img" aria-label="{escape(title)}" preserveAspectRatio="xMinYMin meet">',
        f"<title>{escape(title)}</title>",
    ]
    for i, bar in enumerate(bars):
        y = top + i * row
        length = max(0.0, min(bar.value, scale_max)) / scale_max * plot_w
        label = bar.label if len(bar.label) <= 34 else bar.label[:33] + "…"
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end" font-size="13" fill="#212529">'
            f"<title>{escape(bar.label)}</title>{escape(label)}</text>"
            f'<rect x="{label_w}" y="{y + 4}" width="{plot_w}" height="18" fill="#EEF1F4"/>'
            f'<rect x="{label_w}" y="{y + 4}" width="{_f(length)}" height="18" fill="{PALETTE[0]}"/>'
            f'<text x="{label_w + plot_w + 6}" y="{y + 17}" font-size="13" fill="#212529">'
            f"{escape(bar.text)}</text>"
        )
    if target is not None:
        x = label_w + min(target, scale_max) / scale_max * plot_w
        bottom = top + row * max(len(bars), 1)
        parts.append(
            f'<line x1="{_f(x)}" y1="{top}" x2="{_f(x)}" y2="{bottom + 2}" stroke="{PALETTE[5]}" '
            f'stroke-width="2" stroke-dasharray="4 3"/>'
            f'<text x="{_f(x)}" y="{bottom + 16}" text-anchor="middle" font-size="12" fill="{PALETTE[5]}">'
            f"{escape(target_label)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def donut_chart(slices: list[Slice], *, title: str, centre: str = "", size: int = 180) -> Markup:
    """Draw a donut of the slices' shares with a legend beside it; an empty donut when all are zero."""
    radius, stroke = 60, 28
    circumference = 2 * math.pi * radius
    total = sum(s.value for s in slices)
    legend_w = 230
    height = max(size, 24 * len(slices) + 16)
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
        y = 16 + i * 24
        parts.append(
            f'<rect x="{size + 8}" y="{y - 11}" width="14" height="14" fill="{PALETTE[i % len(PALETTE)]}"/>'
            f'<text x="{size + 28}" y="{y + 1}" font-size="13" fill="#212529">'
            f"{escape(piece.label)}: {escape(piece.text)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
