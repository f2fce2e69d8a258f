"""The one reader of uploaded tables: CSV with or without a BOM and XLSX give the same numbered rows."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from ethics_hr.core.imports import column_index, read_table

ROWS = [["รหัส", "ชื่อ"], ["E1", "สมศรี"], ["", ""], ["E2", "สมชาย"]]
EXPECTED = (["รหัส", "ชื่อ"], [(2, ["E1", "สมศรี"]), (4, ["E2", "สมชาย"])])


def _csv(encoding: str) -> bytes:
    return "\r\n".join(",".join(r) for r in ROWS).encode(encoding)


def _xlsx() -> bytes:
    wb = Workbook()
    for row in ROWS:
        wb.active.append([c or None for c in row])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "name"), [(_csv("utf-8"), "a.csv"), (_csv("utf-8-sig"), "a.csv"), (_xlsx(), "a.xlsx")]
)
def test_csv_with_or_without_bom_and_xlsx_read_alike(data, name):
    assert read_table(data, name) == EXPECTED


def test_a_csv_that_is_not_utf8_says_so():
    with pytest.raises(UnicodeDecodeError):
        read_table("รหัส".encode("cp874"), "a.csv")


def test_columns_are_found_by_any_of_their_names_in_any_case():
    assert column_index(["Email", "ชื่อ"], {"name": ("ชื่อ",), "email": ("email",), "x": ("x",)}) == {
        "name": 1,
        "email": 0,
    }
