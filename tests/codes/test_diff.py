"""What changed between two versions, line by line and statement by statement."""

from __future__ import annotations

from ethics_hr.codes.diff import dos_donts_diff, text_diff
from ethics_hr.codes.models import DosDont


def test_text_diff_marks_added_removed_and_changed_characters():
    old = "ข้อ 1 ซื่อสัตย์\nข้อ 2 ไม่รับของขวัญ\nข้อ 3 รักษาความลับ"
    new = "ข้อ 1 ซื่อสัตย์\nข้อ 2 ไม่รับของขวัญเกิน 3,000 บาท\nข้อ 3 รักษาความลับ\nข้อ 4 ใช้สื่อออนไลน์อย่างระมัดระวัง"
    lines = text_diff(old, new)
    kinds = [line.kind for line in lines]
    assert kinds == ["equal", "removed", "added", "equal", "added"]
    changed = [s.text for s in lines[2].segments if s.changed]
    assert changed == ["เกิน 3,000 บาท"]
    assert lines[4].text == "ข้อ 4 ใช้สื่อออนไลน์อย่างระมัดระวัง"


def test_text_diff_reads_as_the_text_reads_without_markdown_markers():
    old = "# ประมวลจริยธรรม พ.ศ. 2565\n**ข้อ 1** ซื่อสัตย์\n- ไม่รับ *ของขวัญ*\n> หมายเหตุ"
    new = "# ประมวลจริยธรรม พ.ศ. 2568\n**ข้อ 1** ซื่อสัตย์สุจริต\n- ไม่รับ *ของขวัญ* ใด ๆ\n> หมายเหตุ"
    lines = text_diff(old, new)
    shown = " ".join(line.text for line in lines)
    for marker in ("**", "# ", "*ของ", "> "):
        assert marker not in shown, marker
    assert [line.text for line in lines if line.is_added] == [
        "ประมวลจริยธรรม พ.ศ. 2568",
        "ข้อ 1 ซื่อสัตย์สุจริต",
        "• ไม่รับ ของขวัญ ใด ๆ",
    ]
    assert lines[-1].kind == "equal" and lines[-1].text == "หมายเหตุ"


def test_text_diff_skips_long_unchanged_runs():
    body = [f"บรรทัด {n}" for n in range(30)]
    new = [*body[:15], "บรรทัดใหม่", *body[15:]]
    lines = text_diff("\n".join(body), "\n".join(new), context=2)
    skipped = [line for line in lines if line.kind == "skipped"]
    assert [s.skipped for s in skipped] == [13, 13]
    assert [line.text for line in lines if line.kind == "added"] == ["บรรทัดใหม่"]


def _item(kind, text, **kw):
    return DosDont(kind=kind, text_th=text, text_en=kw.get("en", ""), example_th=kw.get("example", ""),
                   example_en="", clause=kw.get("clause", ""))  # fmt: skip


def test_statement_diff_finds_added_removed_changed_and_unchanged():
    old = [
        _item("dont", "ไม่รับของขวัญจากผู้มาติดต่อราชการหรือผู้รับเหมา", clause="ข้อ 12"),
        _item("do", "ให้บริการประชาชนตามลำดับคิวอย่างเท่าเทียม"),
        _item("do", "ลงเวลาปฏิบัติราชการด้วยตนเองตามเวลาจริง"),
    ]
    new = [
        _item("dont", "ไม่รับของขวัญจากผู้มีส่วนได้เสียกับงานของตนทุกกรณี หรือผู้รับเหมา", clause="ข้อ 12"),
        _item("do", "ให้บริการประชาชนตามลำดับคิวอย่างเท่าเทียม", example="ญาติมาขอให้ทำให้ก่อน"),
        _item("dont", "ไม่โพสต์ภาพผู้มาติดต่อราชการลงสื่อสังคมออนไลน์", clause="ข้อ 14/1"),
    ]
    changes = dos_donts_diff(old, new)
    kinds = [(c.kind, (c.new or c.old).text_th[:10]) for c in changes]
    assert [k for k, _ in kinds] == ["changed", "changed", "added", "removed"]
    assert changes[0].changed_fields == ["text_th"]
    assert changes[1].changed_fields == ["example_th"]
    assert changes[3].old.text_th.startswith("ลงเวลา")
    assert not dos_donts_diff(old, old) or all(c.kind == "unchanged" for c in dos_donts_diff(old, old))
