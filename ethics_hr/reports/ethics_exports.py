"""The annual ethics report as a Word document: portrait A4, Sarabun 16 pt, numbered section headings."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ethics_hr.reports import ethics_defaults
from ethics_hr.reports.ethics_report import EthicsReportDocument
from ethics_hr.reports.summary import Line

FONT = "Sarabun"  # shipped with the application (static/fonts), see exports.FONT
SIZE_PT = 16
FIRST_LINE_MM = 25  # the indent of an official Thai letter's paragraph (2.5 cm)
SUB_MM = 10


def file_name(document: EthicsReportDocument) -> str:
    return f"ethics-report-{document.fiscal_year}.docx"


def _fonts(rpr) -> None:
    """Name Sarabun for Latin and Thai (complex-script) text, at 16 pt for both; mark Thai as the language."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    size_cs = rpr.find(qn("w:szCs"))
    if size_cs is None:
        size_cs = OxmlElement("w:szCs")
        rpr.append(size_cs)
    size_cs.set(qn("w:val"), str(SIZE_PT * 2))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:bidi"), "th-TH")


def _paragraph(doc, text: str, *, bold: bool = False, center: bool = False, first_line: float = 0, left=0):
    paragraph = doc.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.space_after = fmt.space_before = Pt(0)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if first_line:
        fmt.first_line_indent = Mm(first_line)
    if left:
        fmt.left_indent = Mm(left)
    run = paragraph.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(SIZE_PT)
    if bold:
        run.bold = True
        run._r.get_or_add_rPr().append(OxmlElement("w:bCs"))
    _fonts(run._r.get_or_add_rPr())
    return paragraph


def _run_after(paragraph, text: str) -> None:
    run = paragraph.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(SIZE_PT)
    run.bold = True
    run._r.get_or_add_rPr().append(OxmlElement("w:bCs"))
    _fonts(run._r.get_or_add_rPr())


def _lines(doc, lines: list[Line], document: EthicsReportDocument) -> None:
    for line in lines:
        if line.sub:
            _paragraph(doc, document.text(line.text), left=FIRST_LINE_MM + SUB_MM, first_line=-SUB_MM / 2)
        else:
            _paragraph(doc, document.text(line.text), first_line=FIRST_LINE_MM)


def to_docx(document: EthicsReportDocument) -> bytes:
    """Write the annual ethics report as portrait A4 Word: title, organisation, addressee, sections."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    # The margins of an official Thai letter: 3 cm left, 2 cm right, 2.5 cm top, 2 cm bottom.
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    section.top_margin, section.bottom_margin = Mm(25), Mm(20)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE_PT)
    _fonts(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_after = Pt(0)
    doc.core_properties.title = " ".join(document.title.splitlines())
    doc.core_properties.language = "th-TH" if document.locale == "th" else "en-GB"

    head, *rest = document.title.splitlines()
    title = _paragraph(doc, document.text(head), bold=True, center=True)
    for line in rest:  # the year on a line of its own, in the one title paragraph
        title.runs[-1].add_break()
        _run_after(title, document.text(line))
    _paragraph(doc, document.text(document.organisation), bold=True, center=True)
    _paragraph(doc, "")
    for index, line in enumerate(document.intro):
        # The first line is the addressee ("เรียน ..."), flush left; the rest open the report.
        _paragraph(doc, document.text(line.text), first_line=0 if index == 0 else FIRST_LINE_MM)
    for built in document.sections:
        space = _paragraph(doc, "")
        space.paragraph_format.space_after = Pt(0)
        heading = _paragraph(doc, document.text(f"{built.number}. {built.heading}"), bold=True)
        heading.paragraph_format.keep_with_next = True
        _lines(doc, built.body, document)
        _lines(doc, built.lines, document)
        if not built.body and not built.lines:
            _paragraph(doc, "-", first_line=FIRST_LINE_MM)
    _paragraph(doc, "")
    _paragraph(doc, "")
    for line in ethics_defaults.SIGNATURE["en" if document.locale == "en" else "th"].splitlines():
        signature = _paragraph(doc, line, center=True)
        signature.paragraph_format.left_indent = Mm(60)
        signature.paragraph_format.keep_with_next = True
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
