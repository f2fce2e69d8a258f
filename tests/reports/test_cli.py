"""flask --app ethics_hr ita-report --fy 2566 --format docx|xlsx --output FILE."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook
from werkzeug.datastructures import FileStorage

from tests import factories


def test_ita_report_writes_a_docx(runner, tmp_path):
    out = tmp_path / "report.docx"
    result = runner.invoke(args=["ita-report", "--fy", "2566", "--format", "docx", "--output", str(out)])
    assert result.exit_code == 0, result.output
    doc = Document(io.BytesIO(out.read_bytes()))
    assert doc.tables[0].rows[3].cells[0].text == "การใช้อำนาจและการบริหารงานบุคคล"


def test_ita_report_writes_an_xlsx(runner, tmp_path):
    out = tmp_path / "report.xlsx"
    result = runner.invoke(args=["ita-report", "--fy", "2566", "--format", "xlsx", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert load_workbook(out).active.max_row == 9


def test_ita_report_refuses_a_year_that_is_not_a_fiscal_year(runner, tmp_path):
    out = tmp_path / "report.docx"
    result = runner.invoke(args=["ita-report", "--fy", "66", "--output", str(out)])
    assert result.exit_code != 0
    assert "fiscal year" in result.output
    assert not out.exists()


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_ita_report_runs_when_an_order_of_the_year_has_a_scanned_pdf(app, runner, tmp_path, kind):
    # The order's public link was built with url_for, which outside a request needs SERVER_NAME: a crash.
    from ethics_hr.committees import orders

    app.config["BASE_URL"] = "https://ethics.example.go.th/hr"
    committee, _order, chair = factories.committee_with_order(signed_on=date(2022, 11, 1))
    draft = orders.OrderDraft(
        number=232,
        title="แต่งตั้งคณะกรรมการจริยธรรม (แก้ไข)",
        signed_on=date(2022, 11, 2),
        signed_by_name="นายประเสริฐ วงศ์ใหญ่",
        signed_by_position="นายกเทศมนตรี",
        effective_on=date(2022, 11, 2),
        members=[orders.MemberEntry(person_ref=chair.employee_number, role="chair", row=0)],
    )
    pdf = FileStorage(io.BytesIO(factories.PDF_BYTES), filename="order.pdf")
    assert orders.save_order(committee, None, draft, document=pdf).document_id is not None
    out = tmp_path / f"report.{kind}"

    result = runner.invoke(args=["ita-report", "--fy", "2566", "--format", kind, "--output", str(out)])

    assert result.exit_code == 0, result.output
    text = _text_of(out, kind)
    assert "ที่ ๒๓๒/๒๕๖๕" in text  # numbered by the B.E. year it was signed in, in Thai numerals


def _text_of(path, kind: str) -> str:
    if kind == "docx":
        doc = Document(io.BytesIO(path.read_bytes()))
        return "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    ws = load_workbook(path).active
    return "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
