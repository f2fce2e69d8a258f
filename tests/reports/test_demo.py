"""The demo municipality's FY 2569 report reads like the seed's HR row, filled from the demo's data."""

from __future__ import annotations

import time_machine

from ethics_hr.demo.loader import load_demo
from ethics_hr.reports import ita, services

TODAY = "2026-11-25 10:00 +0700"  # the demo's today: FY 2570 began on 1 October 2026


def _hr_lines(fy: int) -> list[str]:
    hr = next(row for row in services.build_report(fy, "th").rows if row.is_hr)
    return [line.text for line in hr.summary]


def test_demo_starts_the_fy_2569_report_and_prepares_the_ita_years(app):
    with time_machine.travel(TODAY, tick=False):
        assert load_demo()
        report = services.stored_report(2569)
        assert report is not None and len(report.measures) == 5
        assert {2568, 2569, 2570} <= set(ita.catalogue_years())
        document = services.build_report(2569, "th")
    hr = next(row for row in document.rows if row.is_hr)
    assert hr.responsible == "งานการเจ้าหน้าที่ สำนักปลัดเทศบาล"
    assert hr.period == "ต.ค. 2568 – ก.ย. 2569"
    assert "เทศบาลเมืองบ้านสวน" in document.subtitle


def test_demo_report_names_the_committee_orders_and_the_questions_answered(app):
    with time_machine.travel(TODAY, tick=False):
        load_demo()
        lines = _hr_lines(2569)
    assert lines[0].startswith("1. ") and any(t.startswith("5. ") for t in lines)
    assert any(t.startswith("3. มีคณะทำงาน คณะกรรมการฯ ที่สามารถให้คำปรึกษา") for t in lines)
    assert any("ที่ 231/2568" in t and "แต่งตั้งคณะกรรมการจริยธรรมเทศบาลเมืองบ้านสวน" in t for t in lines)
    assert any("ที่ 248/2568" in t for t in lines)
    assert not any("ที่ 76/2568" in t for t in lines)  # the drafting committee's term ended in FY 2568
    assert any(t.startswith("- ตอบข้อซักถามด้านจริยธรรมแล้ว") for t in lines)


def test_demo_report_names_the_plan_in_force_and_its_items_done(app):
    with time_machine.travel(TODAY, tick=False):
        load_demo()
        lines = _hr_lines(2569)
    assert lines[0].startswith("1. มีแผนการบริหารและพัฒนาทรัพยากรบุคคล ได้แก่ แผนการบริหารและพัฒนาทรัพยากรบุคคล")
    assert any(t.startswith("- ดำเนินการแล้วเสร็จ") for t in lines)


def test_demo_report_gives_the_ethics_trainings_held_with_participants(app):
    with time_machine.travel(TODAY, tick=False):
        load_demo()
        lines = _hr_lines(2569)
    assert any(t.startswith("2. มีกิจกรรมเสริมสร้างความรู้ ความเข้าใจด้านมาตรฐานทางจริยธรรม") for t in lines)
    assert any(t.startswith("- ปลูกฝังวัฒนธรรมสุจริตและต่อต้านการทุจริต (20 ส.ค. 2569)") for t in lines)


def test_demo_report_gives_the_codes_in_force_their_dos_and_donts_and_the_share_acknowledged(app):
    with time_machine.travel(TODAY, tick=False):
        load_demo()
        lines = _hr_lines(2569)
    assert any(t.startswith("4. มีแนวปฏิบัติ Dos & Don'ts") for t in lines)
    assert any(t.startswith("5. มีการบังคับใช้ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ ได้แก่") for t in lines)
    assert any("ประมวลจริยธรรมพนักงานส่วนท้องถิ่น" in t and "บุคลากรลงนามรับทราบแล้ว" in t for t in lines)


def test_demo_report_cites_the_outcome_measured_before_and_after_training(app):
    with time_machine.travel(TODAY, tick=False):
        load_demo()
        hr = next(row for row in services.build_report(2569, "th").rows if row.is_hr)
    first = hr.measured[0].text
    assert first.startswith("บุคลากรตอบคำถามสถานการณ์ผลประโยชน์ทับซ้อนได้ถูกต้อง: ")
    before, after = (int(part.split("%")[0]) for part in first.split(": ", 1)[1].split(" → "))
    assert before < after  # the demo's staff learnt something
    assert hr.outcome and hr.outcome_lines[0].text == first  # the seed's own outcome text follows it
