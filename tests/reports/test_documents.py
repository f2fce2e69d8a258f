"""The demo year's report in LibreOffice: at most 12 landscape A4 pages, every HR result, no split words."""

from __future__ import annotations

import itertools
import re

import time_machine

from ethics_hr.demo.loader import load_demo
from ethics_hr.reports import exports, services
from tests import office

TODAY = "2026-11-25 10:00 +0700"  # the demo's today (tests/reports/test_demo.py)

# The table's own labels, cut into their words: a line may end only between two of them.
LABEL_WORDS = [
    ["มาตรการ"],
    ["วิธี", "ดำเนินการ"],
    ["ผู้", "รับผิดชอบ"],
    ["ระยะเวลา"],
    ["สรุป", "ผล", "การ", "ดำเนินการ", "ตาม", "มาตรการ"],
    ["ผลลัพธ์", "หรือ", "ความ", "สำเร็จ", "ของ", "การ", "ดำเนินการ"],
    ["การ", "ปฏิบัติ", "หน้าที่"],
    ["การ", "ใช้", "งบประมาณ"],
    ["การ", "ใช้", "อำนาจ", "และ", "การ", "บริหาร", "งาน", "บุคคล"],
    ["การ", "ใช้", "ทรัพย์สิน", "ของ", "ราชการ"],
    ["การ", "แก้ไข", "และ", "ป้องกัน", "การ", "ทุจริต", "ภายใน", "หน่วยงาน"],
]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _word_ends(words: list[str]) -> set[int]:
    ends, at = set(), 0
    for word in words:
        at += len(word)
        ends.add(at)
    return ends


def _label_breaks(lines: list[str], label: str) -> list[int] | None:
    """Where the consecutive PDF lines that spell a label break it (offsets into the label), or None."""
    for start in range(len(lines)):
        text, breaks = "", []
        for line in lines[start:]:
            text += line
            if not label.startswith(text):
                break
            if text == label:
                return breaks
            breaks.append(len(text))
    return None


def test_the_demo_years_report_opens_right_in_libreoffice(app, tmp_path):
    """FY 2569 of the demo as DOCX, converted to PDF by LibreOffice with the shipped Sarabun."""
    office.office()
    with time_machine.travel(TODAY, tick=False):
        load_demo()
        document = services.build_report(2569, "th")
    source = tmp_path / "report.docx"
    source.write_bytes(exports.to_docx(document))
    pdf = office.convert(source)

    width, height = office.pdf_page_size_mm(pdf)
    assert abs(width - 297) < 2 and abs(height - 210) < 2, "not A4 landscape"
    assert office.pdf_pages(pdf) <= 12
    assert "Sarabun" in office.pdf_fonts(pdf)
    _holds_every_hr_result(document, pdf)
    _splits_no_label_mid_word(pdf)


def _holds_every_hr_result(document, pdf) -> None:
    pages = [_squeeze(page) for page in office.pdf_text(pdf).split("\f")]
    hr = next(row for row in document.rows if row.is_hr)
    assert len(hr.summary) >= 5
    for line in hr.summary + hr.outcome:
        assert _on_a_page(_squeeze(document.text(line.text)), pages), line.text


def _on_a_page(text: str, pages: list[str]) -> bool:
    """Whether a text is on one page, or begins on one page and ends on the next (a row split by the page)."""
    if any(text in page for page in pages):
        return True
    return any(
        text[:cut] in page and text[cut:] in following
        for page, following in itertools.pairwise(pages)
        for cut in range(1, len(text))
    )


def _splits_no_label_mid_word(pdf) -> None:
    edges = [(297 - sum(exports.COLUMN_MM)) / 2]  # the table is centred on the page
    for width in exports.COLUMN_MM:
        edges.append(edges[-1] + width)
    cells = office.pdf_cell_lines(pdf, edges)
    for words in LABEL_WORDS:
        bare_words = [office.bare(w) for w in words]
        label = "".join(bare_words)
        found = [b for b in (_label_breaks(lines, label) for lines in cells) if b is not None]
        assert found, f"{''.join(words)} is not in the PDF as one cell's lines"
        for breaks in found:
            assert set(breaks) <= _word_ends(bare_words), f"{''.join(words)} is broken inside a word"


def test_the_demo_years_annual_ethics_report_opens_right_in_libreoffice(app, tmp_path):
    """The demo's FY 2569 annual ethics report as DOCX, converted by LibreOffice: portrait A4, a few pages."""
    from ethics_hr.reports import ethics_exports, ethics_report

    office.office()
    with time_machine.travel(TODAY, tick=False):
        load_demo()
        document = ethics_report.build_ethics_report(2569, "th")
    source = tmp_path / "ethics-report.docx"
    source.write_bytes(ethics_exports.to_docx(document))
    pdf = office.convert(source)

    width, height = office.pdf_page_size_mm(pdf)
    assert abs(width - 210) < 2 and abs(height - 297) < 2, "not A4 portrait"
    assert 2 <= office.pdf_pages(pdf) <= 8
    assert "Sarabun" in office.pdf_fonts(pdf)
    # Compared bare (no spaces, no Thai marks): the PDF's text layer places some marks out of order.
    pages = [office.bare(page) for page in office.pdf_text(pdf).split("\f")]
    assert office.bare(document.text(document.title)) in pages[0]
    for section in document.sections:
        heading = office.bare(document.text(f"{section.number}. {section.heading}"))
        assert _on_a_page(heading, pages), section.heading
        for line in section.body + section.lines:
            assert _on_a_page(office.bare(document.text(line.text)), pages), line.text
    assert document.sections[5].body and document.sections[6].body  # the demo officer's text
