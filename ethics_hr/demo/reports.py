"""Demo data of the evidence pages: the FY 2569 report started, the ITA catalogue rolled on to 2570."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from ethics_hr.core.timeutil import as_of
from ethics_hr.people.models import Person
from ethics_hr.reports import ita
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
