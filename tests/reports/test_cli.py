"""flask --app ethics_hr ita-report --fy 2566 --format docx|xlsx --output FILE."""

from __future__ import annotations

import io

from docx import Document
from openpyxl import load_workbook


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
