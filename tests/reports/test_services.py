"""The fiscal-year report: the seed's rows, the HR summary from the data, and the rules to edit them."""

from __future__ import annotations

import threading

import pytest
import time_machine

from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.settings import get_settings
from ethics_hr.extensions import db
from ethics_hr.reports import services
from ethics_hr.reports.models import FiscalYearReport, MeasureKind, ReportMeasure

SEED_MEASURES = [
    "การปฏิบัติหน้าที่",
    "การใช้งบประมาณ",
    "การใช้อำนาจและการบริหารงานบุคคล",
    "การใช้ทรัพย์สินของราชการ",
    "การแก้ไขและป้องกันการทุจริตภายในหน่วยงาน",
]


def test_new_report_shows_the_seed_measures_in_the_seed_order(app):
    document = services.build_report(2566, "th")
    assert [row.measure for row in document.rows] == SEED_MEASURES
    assert [row.kind for row in document.rows] == [
        MeasureKind.FREE,
        MeasureKind.FREE,
        MeasureKind.HR,
        MeasureKind.FREE,
        MeasureKind.ANTI_CORRUPTION,
    ]
    assert document.stored is None
    assert db.session.scalar(db.select(db.func.count()).select_from(FiscalYearReport)) == 0


def test_period_is_the_fiscal_year_written_the_thai_way(app):
    assert services.period_text(2566, "th") == "ต.ค. 2565 – ก.ย. 2566"
    document = services.build_report(2566, "th")
    assert {row.period for row in document.rows} == {"ต.ค. 2565 – ก.ย. 2566"}
    assert "1 ตุลาคม 2565" in document.subtitle and "30 กันยายน 2566" in document.subtitle


def test_hr_methods_name_the_fiscal_year_and_the_organisation(app):
    settings = get_settings()
    settings.name_th = "เทศบาลเมืองวังสะพุง"
    db.session.commit()
    hr = next(row for row in services.build_report(2566, "th").rows if row.is_hr)
    texts = [line.text for line in hr.methods]
    assert texts[0] == "1. จัดทำแผนการบริหารและพัฒนาทรัพยากรบุคคลที่มีผลบังคับใช้ในปีงบประมาณ พ.ศ. 2566"
    assert texts[-1] == "6. จัดทำคำสั่งแต่งตั้งคณะกรรมการจริยธรรมเทศบาลเมืองวังสะพุง"
    assert any(line.sub and "ประมวลจริยธรรมผู้บริหารท้องถิ่น" in line.text for line in hr.methods)


def test_hr_summary_is_numbered_and_honest_when_no_domain_data_exists(app):
    hr = next(row for row in services.build_report(2570, "th").rows if row.is_hr)
    numbered = [line.text for line in hr.summary if not line.sub]
    assert [text.split(".")[0] for text in numbered] == ["1", "2", "3", "4", "5"]
    assert "ยังไม่มีการจัดฝึกอบรมหรือกิจกรรมที่มีสาระด้านจริยธรรมในปีงบประมาณ พ.ศ. 2570" in numbered[1]


def test_hr_summary_in_english(app):
    hr = next(row for row in services.build_report(2570, "en").rows if row.is_hr)
    assert hr.measure == "Use of authority and personnel management"
    assert "No training with ethics content was held in FY 2027 (B.E. 2570)" in hr.summary[1].text


def test_the_year_in_progress_says_as_of_when(app):
    with time_machine.travel("2026-11-25 10:00 +0700", tick=False):
        assert services.build_report(2570, "th").as_of is not None
        assert services.build_report(2569, "th").as_of is None


def test_start_report_stores_the_seed_rows_once(app):
    first = services.start_report(2569)
    again = services.start_report(2569)
    assert first.id == again.id
    assert [m.measure for m in first.measures] == SEED_MEASURES
    assert [m.position for m in first.measures] == [1, 2, 3, 4, 5]
    assert services.build_report(2569, "th").stored is not None


@pytest.mark.own_connections
def test_two_officers_starting_the_same_report_at_once_give_one_report(app):
    results: list[int] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def start() -> None:
        try:
            with app.app_context():
                barrier.wait()
                results.append(services.start_report(2568).id)
                db.session.remove()
        except BaseException as error:  # the test reports it below
            errors.append(error)

    threads = [threading.Thread(target=start) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(set(results)) == 1
    reports = db.session.scalar(
        db.select(db.func.count()).select_from(FiscalYearReport).where(FiscalYearReport.fiscal_year == 2568)
    )
    measures = db.session.scalar(db.select(db.func.count()).select_from(ReportMeasure))
    assert reports == 1 and measures == 5


def test_edited_rows_replace_the_seed_text_but_the_hr_summary_stays_from_data(app):
    report = services.start_report(2569)
    hr = next(m for m in report.measures if m.kind == MeasureKind.HR)
    services.save_measure(
        hr,
        services.MeasureInput(
            measure="การใช้อำนาจและการบริหารงานบุคคล",
            methods="1. วิธีใหม่",
            responsible="กองการเจ้าหน้าที่",
            summary="- หมายเหตุเพิ่มเติม",
            outcome="บุคลากรมีความรู้",
        ),
    )
    row = next(r for r in services.build_report(2569, "th").rows if r.is_hr)
    assert [line.text for line in row.methods] == ["1. วิธีใหม่"]
    assert row.responsible == "กองการเจ้าหน้าที่"
    assert row.summary[0].text.startswith("1. ")  # the data's lines come first
    assert row.summary[-1].text == "- หมายเหตุเพิ่มเติม" and row.summary[-1].sub
    assert [line.text for line in row.outcome] == ["บุคลากรมีความรู้"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"measure": "   "}, "measure"),
        ({"measure": "ก" * 301}, "measure"),
        ({"responsible": "ข" * 301}, "responsible"),
        ({"period": "ค" * 101}, "period"),
        ({"methods": "ง" * 20_001}, "methods"),
    ],
)
def test_bad_measure_input_names_its_field_and_writes_nothing(app, changes, field):
    report = services.start_report(2569)
    measure = report.measures[0]
    before = measure.measure
    values = {"measure": "การปฏิบัติหน้าที่"} | changes
    with pytest.raises(RuleViolation) as error:
        services.save_measure(measure, services.MeasureInput(**values))
    assert error.value.field == field
    db.session.rollback()
    assert db.session.get(ReportMeasure, measure.id).measure == before


def test_free_rows_can_be_added_moved_and_removed_but_not_the_hr_row(app):
    report = services.start_report(2569)
    added = services.add_measure(report, services.MeasureInput(measure="มาตรการเพิ่มเติม", methods="1. ทำ"))
    assert added.position == 6 and added.kind == MeasureKind.FREE
    services.move_measure(added, -1)
    assert [m.measure for m in report.measures][-2:] == ["มาตรการเพิ่มเติม", SEED_MEASURES[-1]]
    services.delete_measure(added)
    assert len(report.measures) == 5
    hr = next(m for m in report.measures if m.kind == MeasureKind.HR)
    with pytest.raises(RuleViolation):
        services.delete_measure(hr)


def test_officer_edits_are_audited(app):
    from ethics_hr.core.audit import AuditEntry

    report = services.start_report(2569)
    services.save_intro(report, "ย่อหน้าใหม่")
    entries = db.session.execute(db.select(AuditEntry.action, AuditEntry.entity_type)).all()
    assert ("create", "report_measure") in entries
    assert ("update", "fiscal_year_report") in entries
