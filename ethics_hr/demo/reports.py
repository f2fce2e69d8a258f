"""Demo data of the evidence pages: the FY 2569 reports started, the ITA catalogue rolled on to 2570."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from ethics_hr.core.timeutil import as_of
from ethics_hr.people.models import Person
from ethics_hr.reports import ethics_report, ita
from ethics_hr.reports.models import MeasureKind
from ethics_hr.reports.services import MeasureInput, save_measure, start_report

BANGKOK = ZoneInfo("Asia/Bangkok")
DEMO_FY = 2569  # the fiscal year that ended on 30 September 2026: the year-end report the office is writing
HR_RESPONSIBLE = "งานการเจ้าหน้าที่ สำนักปลัดเทศบาล"


def load_demo(people: list[Person]) -> None:
    """Start the FY 2569 report as the officer would, and roll the ITA catalogue on from 2569 to 2570."""
    with as_of(datetime(2025, 10, 15, 10, tzinfo=BANGKOK)):
        if not ita.items_of(2570):
            ita.roll_forward(2569)
    with as_of(datetime(2026, 10, 20, 10, tzinfo=BANGKOK)):
        report = start_report(DEMO_FY)
        for m in report.measures:
            if m.kind == MeasureKind.HR:
                save_measure(
                    m,
                    MeasureInput(
                        measure=m.measure or "",
                        methods=m.methods or "",
                        responsible=HR_RESPONSIBLE,
                        period=m.period or "",
                        summary=m.summary or "",
                        outcome=m.outcome or "",
                    ),
                )

        ethics = ethics_report.start_ethics_report(DEMO_FY)
        *_, breaches, problems = ethics.sections
        for section, body in ((breaches, BREACHES), (problems, PROBLEMS)):
            ethics_report.save_section(
                section, ethics_report.SectionInput(heading=section.heading, body=body, fill=section.fill)
            )


# The officer's text of the annual ethics report's last two sections, as a municipality would write it.
BREACHES = (
    "ในปีงบประมาณ พ.ศ. 2569 มีเรื่องร้องเรียนว่าเจ้าหน้าที่ของรัฐฝ่าฝืนประมวลจริยธรรม จำนวน 1 เรื่อง ดังนี้\n"
    "- กรณีพนักงานจ้างใช้รถยนต์ส่วนกลางไปทำธุระส่วนตัว ผู้บังคับบัญชาได้แต่งตั้งคณะกรรมการสอบข้อเท็จจริง "
    "ผลการสอบพบว่าเป็นการฝ่าฝืนประมวลจริยธรรมที่ไม่ร้ายแรง จึงได้ว่ากล่าวตักเตือนเป็นหนังสือ "
    "และบันทึกไว้ในทะเบียนประวัติ\n"
    "ไม่มีกรณีการฝ่าฝืนประมวลจริยธรรมที่เป็นความผิดทางวินัยหรือต้องส่งเรื่องให้หน่วยงานอื่นดำเนินการ"
)
PROBLEMS = (
    "ปัญหาและอุปสรรค\n"
    "- บุคลากรบางส่วนปฏิบัติงานภาคสนามและไม่สะดวกเข้ารับการอบรมในวันและเวลาราชการ\n"
    "- พนักงานจ้างที่บรรจุใหม่ระหว่างปียังลงนามรับทราบประมวลจริยธรรมไม่ครบทุกคน\n"
    "ข้อเสนอแนะ\n"
    "- ขอให้สำนักงาน ก.ถ. จัดทำสื่อการเรียนรู้ออนไลน์เรื่องมาตรฐานทางจริยธรรมสำหรับองค์กรปกครองส่วนท้องถิ่น\n"
    "- ควรกำหนดแบบรายงานผลการดำเนินการตามประมวลจริยธรรมในรูปแบบอิเล็กทรอนิกส์ เพื่อลดภาระการจัดทำเอกสาร"
)
