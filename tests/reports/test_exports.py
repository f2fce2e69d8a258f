"""The report as DOCX and XLSX, read back: a real table, Sarabun, landscape, Thai numerals."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm
from openpyxl import load_workbook

from ethics_hr.core.settings import forget_cached_settings, get_settings
from ethics_hr.extensions import db
from ethics_hr.reports import exports, services

HEADERS_TH = [
    "มาตรการ",
    "วิธีดำเนินการ",
    "ผู้รับผิดชอบ",
    "ระยะเวลา",
    "สรุปผลการดำเนินการตามมาตรการ",
    "ผลลัพธ์หรือความสำเร็จของการดำเนินการ",
]


def _thai_numerals(on: bool) -> None:
    get_settings().thai_numerals_in_documents = on
    db.session.commit()
    forget_cached_settings()


def _docx(fy: int = 2566, locale: str = "th"):
    return Document(io.BytesIO(exports.to_docx(services.build_report(fy, locale))))


def test_docx_is_landscape_a4(app):
    section = _docx().sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert abs(section.page_width - Mm(297)) < Mm(1)
    assert abs(section.page_height - Mm(210)) < Mm(1)


def test_docx_holds_the_report_as_a_word_table_with_a_repeated_header_row(app):
    doc = _docx()
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert len(table.columns) == 6
    assert len(table.rows) == 1 + 5
    _thai_numerals(False)
    header = _docx().tables[0].rows[0]
    assert [cell.text for cell in header.cells] == HEADERS_TH
    tr_pr = header._tr.trPr
    assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
    assert table.rows[3].cells[0].text == "การใช้อำนาจและการบริหารงานบุคคล"


def test_docx_table_grid_holds_the_cells_widths_in_a_fixed_layout(app):
    # LibreOffice follows the grid: six equal gridCols split the Thai words and ran to 21 pages.
    table = _docx().tables[0]
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid == [round(mm * 1440 / 25.4) for mm in exports.COLUMN_MM]
    for row in table.rows:
        assert [cell.width.twips for cell in row.cells] == pytest.approx(grid, abs=2)
    tbl_pr = table._tbl.tblPr
    assert tbl_pr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    width = tbl_pr.find(qn("w:tblW"))
    assert (width.get(qn("w:type")), int(width.get(qn("w:w")))) == ("dxa", sum(grid))
    assert sum(exports.COLUMN_MM) <= 297 - 2 * 15


def test_docx_runs_use_the_shipped_sarabun_for_latin_and_thai_script(app):
    doc = _docx()
    runs = [run for p in doc.paragraphs for run in p.runs] + [
        run for cell in doc.tables[0]._cells for p in cell.paragraphs for run in p.runs
    ]
    assert runs
    for run in runs:
        fonts = run._r.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:ascii")) == "Sarabun"
        assert fonts.get(qn("w:cs")) == "Sarabun"
        assert run.font.size.pt == 14
        assert run._r.rPr.find(qn("w:szCs")).get(qn("w:val")) == "28"
        assert run._r.rPr.find(qn("w:lang")).get(qn("w:bidi")) == "th-TH"
    normal = doc.styles["Normal"]
    assert normal.font.name == "Sarabun" and normal.font.size.pt == 14


def test_docx_writes_thai_numerals_when_the_organisation_asks(app):
    _thai_numerals(True)
    doc = _docx()
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๖" in doc.paragraphs[1].text
    period = doc.tables[0].rows[1].cells[3].text
    assert period == "ต.ค. ๒๕๖๕ – ก.ย. ๒๕๖๖"
    _thai_numerals(False)
    doc = _docx()
    assert doc.tables[0].rows[1].cells[3].text == "ต.ค. 2565 – ก.ย. 2566"
    assert not any(ch in "๐๑๒๓๔๕๖๗๘๙" for ch in doc.tables[0].rows[1].cells[1].text)


def test_docx_keeps_sub_items_as_indented_paragraphs(app):
    cell = _docx().tables[0].rows[3].cells[1]
    subs = [p for p in cell.paragraphs if p.text.startswith("- ")]
    assert subs and all(p.paragraph_format.left_indent for p in subs)


def test_docx_in_english(app):
    doc = _docx(2570, "en")
    assert doc.tables[0].rows[0].cells[0].text == "Measure"
    assert doc.tables[0].rows[3].cells[0].text == "Use of authority and personnel management"


def test_xlsx_has_the_six_columns_wrapped_and_the_header_row_printed_on_every_page(app):
    _thai_numerals(False)
    data = exports.to_xlsx(services.build_report(2566, "th"))
    ws = load_workbook(io.BytesIO(data)).active
    header = [c.value for c in ws[4]]
    assert header == HEADERS_TH
    assert ws["A7"].value == "การใช้อำนาจและการบริหารงานบุคคล"
    assert ws["D5"].value == "ต.ค. 2565 – ก.ย. 2566"
    assert ws["B7"].alignment.wrap_text
    assert ws["A5"].font.name == "Sarabun" and ws["A5"].font.sz == 14
    assert ws.print_title_rows.replace("$", "") == "4:4"
    assert ws.page_setup.orientation == "landscape"


def test_xlsx_rows_are_as_tall_as_their_wrapped_text(app):
    # Without a height the rows printed one line of each cell, the rest clipped.
    ws = load_workbook(io.BytesIO(exports.to_xlsx(services.build_report(2566, "th")))).active
    for row in range(5, ws.max_row + 1):
        lines = max(str(c.value or "").count("\n") + 1 for c in ws[row])
        assert ws.row_dimensions[row].height >= lines * exports.SIZE_PT * 1.2, row


def test_xlsx_keeps_an_officers_text_that_looks_like_a_formula_as_text(app):
    report = services.start_report(2566)
    services.add_measure(report, services.MeasureInput(measure="=HYPERLINK(A)", responsible="@งาน"))
    report.intro = "=HYPERLINK(B)"
    db.session.commit()
    ws = load_workbook(io.BytesIO(exports.to_xlsx(services.build_report(2566, "th")))).active
    values = [c.value for row in ws.iter_rows() for c in row]
    assert "'=HYPERLINK(A)" in values and "'@งาน" in values and "'=HYPERLINK(B)" in values
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_the_report_prints_the_audit_logs_newest_anchor_under_the_table(app):
    from ethics_hr.core.audit import anchor_chain

    assert not any("SHA-256" in p.text for p in _docx().paragraphs)
    anchor = anchor_chain()
    db.session.commit()
    (note,) = [p.text for p in _docx().paragraphs if "SHA-256" in p.text]
    assert note.startswith("บันทึกการตรวจสอบของระบบ ณ วันที่") and anchor.head_hash in note
    sheet = load_workbook(io.BytesIO(exports.to_xlsx(services.build_report(2566, "th")))).active
    assert anchor.head_hash in sheet.cell(row=sheet.max_row, column=1).value
