"""The dashboard's bar charts: whole labels told apart, text readable when a phone shrinks them."""

from __future__ import annotations

import re

from ethics_hr.reports.charts import Bar, bar_chart, wrap_label

CODES = [
    "ประมวลจริยธรรมผู้บริหารท้องถิ่นของเทศบาลเมืองบ้านสวน พ.ศ. 2564",
    "ประมวลจริยธรรมสมาชิกสภาท้องถิ่นของเทศบาลเมืองบ้านสวน พ.ศ. 2564",
    "ประมวลจริยธรรมพนักงานส่วนท้องถิ่นของเทศบาลเมืองบ้านสวน (ฉบับปรับปรุง) พ.ศ. 2568",
]


def _label_lines(svg: str) -> list[str]:
    return re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)


def test_bar_labels_are_whole_so_codes_that_begin_alike_are_told_apart():
    svg = str(bar_chart([Bar(name, 50, "50%") for name in CODES], title="share", maximum=100))
    shown = "".join(_label_lines(svg)).replace("\u00a0", " ")
    for name in CODES:
        assert name.replace(" ", "") in shown.replace(" ", "")
    assert "…" not in shown


def test_bar_chart_text_stays_readable_on_a_phone():
    svg = str(bar_chart([Bar(CODES[0], 60, "60%")], title="share", maximum=100))
    width = int(re.search(r'viewBox="0 0 (\d+) ', svg).group(1))
    font = min(int(size) for size in re.findall(r'font-size="(\d+)"', svg))
    phone_card = 334  # 390 px less the page's and the card's padding
    assert font * phone_card / width >= 11


def test_long_thai_labels_wrap_where_a_line_may_start_and_keep_the_year_with_its_era():
    lines = wrap_label(CODES[2], 30)
    assert len(lines) > 1
    thai_marks = (
        "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
    )
    assert not any(line[0] in thai_marks for line in lines)
    assert any(line.endswith("พ.ศ.\u00a02568") for line in lines)
    assert wrap_label("x" * 200, 20, max_lines=3)[-1].endswith("…")
