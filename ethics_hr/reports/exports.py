"""The fiscal-year report as files a personnel office uses: Word (DOCX) and Excel (XLSX)."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from flask_babel import force_locale
from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from ethics_hr.core.exports import lines_needed, neutralise
from ethics_hr.core.formatting import format_date
from ethics_hr.reports.services import ReportDocument
from ethics_hr.reports.summary import Line

# Sarabun (SIL Open Font License) is shipped with the application (static/fonts) and free to install anywhere;
# TH SarabunPSK is neither shipped nor licensed for shipping. Sarabun's letters are drawn larger than the TH
# fonts', so its 14 pt reads like TH Sarabun's 16 pt of official letters.
FONT = "Sarabun"
SIZE_PT = 14
# Landscape A4 less 15 mm margins leaves 267 mm: the columns of the seed's table share it; the first is wide
# enough for its longest word, "การใช้งบประมาณ", in Sarabun 14 pt.
COLUMN_MM = (42, 58, 30, 25, 72, 40)
TWIPS_PER_MM = 1440 / 25.4
WIDTH_PER_MM = 0.55  # a spreadsheet column's width is counted in characters
LINE_PT = SIZE_PT * 1.45  # Sarabun's line, with its marks above and below


def file_name(document: ReportDocument, extension: str) -> str:
    return f"ita-report-{document.fiscal_year}.{extension}"


# ---------------------------------------------------------------- DOCX


def _set_fonts(rpr, *, lang_th: bool = True) -> None:
    """Name the font for Latin and complex-script (Thai) text; mark Thai as the complex-script language."""
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
    if lang_th:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:bidi"), "th-TH")


def _run(paragraph, text: str, *, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(SIZE_PT)
    if bold:
        run.bold = True
        run._r.get_or_add_rPr().append(OxmlElement("w:bCs"))
    _set_fonts(run._r.get_or_add_rPr())


def _paragraph(container, text: str, *, bold: bool = False, center: bool = False, indent: bool = False):
    paragraph = container.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.space_before = Pt(0)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent:
        paragraph.paragraph_format.left_indent = Mm(4)
    _run(paragraph, text, bold=bold)
    return paragraph


def _fill_cell(
    cell, lines: list[Line], document: ReportDocument, *, bold: bool = False, center: bool = False
):
    # A new cell holds one empty paragraph: write the first line into it, add the rest.
    first = cell.paragraphs[0]
    first.paragraph_format.space_after = Pt(0)
    if center:
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if not lines:
        return
    if lines[0].sub:
        first.paragraph_format.left_indent = Mm(4)
    _run(first, document.text(lines[0].text), bold=bold)
    for line in lines[1:]:
        _paragraph(cell, document.text(line.text), bold=bold, center=center, indent=line.sub)


def _repeat_as_header(row) -> None:
    """Mark a table row to repeat at the top of every page, and never to split across pages."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(qn("w:val"), "true")
    tr_pr.append(cant_split)


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def _fix_widths(table, widths_mm: tuple[float, ...]) -> None:
    """Give the table one set of widths that Word and LibreOffice both follow.

    LibreOffice lays a table out by its grid (w:tblGrid), Word by the cells' widths: both are written the
    same, with a fixed layout and the table's total width, so neither shares the page into equal columns.
    """
    tbl = table._tbl
    tbl_pr = tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout"):
        old = tbl_pr.find(qn(tag))
        if old is not None:
            tbl_pr.remove(old)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(sum(_twips(mm) for mm in widths_mm)))
    width.set(qn("w:type"), "dxa")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    # The schema orders tblPr's children: tblStyle ... tblW, jc ... tblLayout.
    style = tbl_pr.find(qn("w:tblStyle"))
    (style.addnext if style is not None else lambda e: tbl_pr.insert(0, e))(width)
    jc = tbl_pr.find(qn("w:jc"))
    (jc if jc is not None else width).addnext(layout)
    grid = tbl.tblGrid
    for col in list(grid):
        grid.remove(col)
    for mm in widths_mm:
        col = OxmlElement("w:gridCol")
        col.set(qn("w:w"), str(_twips(mm)))
        grid.append(col)
    for row in table.rows:
        for cell, mm in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(mm)


def to_docx(document: ReportDocument) -> bytes:
    """Write the report as landscape A4 Word in Sarabun, its table a Word table with fixed column widths."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(15))
    section.top_margin = section.bottom_margin = Mm(15)

    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE_PT)
    _set_fonts(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_after = Pt(0)
    doc.core_properties.title = f"{document.title} {document.fiscal_year}"
    doc.core_properties.language = "th-TH" if document.locale == "th" else "en-GB"

    body = doc.paragraphs[0] if doc.paragraphs else None
    if body is not None:  # the template's empty first paragraph becomes the title
        body.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(body, document.text(document.title), bold=True)
    else:
        _paragraph(doc, document.text(document.title), bold=True, center=True)
    _paragraph(doc, document.text(document.subtitle), bold=True, center=True)
    if document.as_of:
        with force_locale(document.locale):
            note = _(
                "Figures as of %(date)s", date=format_date(document.as_of, "long", locale=document.locale)
            )
        _paragraph(doc, document.text(note), center=True)
    _paragraph(doc, "")
    for line in document.intro:
        paragraph = _paragraph(doc, document.text(line.text), indent=line.sub)
        paragraph.paragraph_format.first_line_indent = Mm(12)
    _paragraph(doc, "")

    table = doc.add_table(rows=1, cols=len(COLUMN_MM))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    header = table.rows[0]
    _repeat_as_header(header)
    for cell, title in zip(header.cells, document.headers, strict=True):
        _shade(cell, "D9D9D9")
        _fill_cell(cell, [Line(title)], document, bold=True, center=True)
    for row in document.rows:
        cells = table.add_row().cells
        values = (
            [Line(row.measure)],
            row.methods,
            [Line(row.responsible)] if row.responsible else [],
            [Line(row.period)],
            row.summary,
            row.outcome_lines,
        )
        for cell, lines in zip(cells, values, strict=True):
            _fill_cell(cell, lines, document)
    _fix_widths(table, COLUMN_MM)
    if document.anchor:
        _paragraph(doc, "")
        # In Arabic digits even where the document uses Thai ones: the anchor is compared with `audit verify`.
        note = _paragraph(doc, document.anchor)
        for run in note.runs:
            run.font.size = Pt(SIZE_PT - 4)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- XLSX


def to_xlsx(document: ReportDocument) -> bytes:
    """Write the report as one worksheet: the same six columns, wrapped text, the header row on every page."""
    wb = Workbook()
    ws = wb.active
    ws.title = f"FY{document.fiscal_year}"
    font = Font(name=FONT, size=SIZE_PT)
    bold = Font(name=FONT, size=SIZE_PT, bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)

    # The organisation's name and the officer's introduction are typed texts too: no formula either.
    ws.append([neutralise(document.text(document.title))])
    ws.append([neutralise(document.text(document.subtitle))])
    ws.append([neutralise(document.text("\n".join(line.text for line in document.intro)))])
    for row_number in (1, 2, 3):
        ws.merge_cells(start_row=row_number, start_column=1, end_row=row_number, end_column=len(COLUMN_MM))
        cell = ws.cell(row=row_number, column=1)
        cell.font = bold if row_number < 3 else font
        cell.alignment = Alignment(
            wrap_text=True, vertical="top", horizontal="center" if row_number < 3 else "left"
        )
    ws.row_dimensions[3].height = 70
    ws.append(document.headers)
    header_row = ws.max_row
    for cell in ws[header_row]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.border = border
    ws.row_dimensions[header_row].height = 2 * LINE_PT  # the longest header takes two lines
    for row in document.rows:
        # An officer's text that starts like a formula stays text (core.exports.neutralise).
        ws.append(
            [
                neutralise(document.text(row.measure)),
                neutralise(document.text(_joined(row.methods))),
                neutralise(document.text(row.responsible)),
                neutralise(document.text(row.period)),
                neutralise(document.text(_joined(row.summary))),
                neutralise(document.text(_joined(row.outcome_lines))),
            ]
        )
        lines = 1
        for cell, mm in zip(ws[ws.max_row], COLUMN_MM, strict=True):
            cell.font = font
            cell.alignment = wrap
            cell.border = border
            lines = max(lines, lines_needed(cell.value, mm * WIDTH_PER_MM, font_pt=SIZE_PT))
        # Without a height, a spreadsheet prints a wrapped text clipped to the row's default height.
        ws.row_dimensions[ws.max_row].height = lines * LINE_PT
    for index, width in enumerate(COLUMN_MM, start=1):
        ws.column_dimensions[chr(ord("A") + index - 1)].width = width * WIDTH_PER_MM
    if document.anchor:
        ws.append([document.anchor])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=len(COLUMN_MM))
        ws.cell(row=ws.max_row, column=1).font = Font(name=FONT, size=SIZE_PT - 4)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _joined(lines: list[Line]) -> str:
    return "\n".join(("    " if line.sub else "") + line.text for line in lines)
