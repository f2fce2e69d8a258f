"""Demo data of the evidence pages: the FY 2569 report started, ITA items prepared for 2569 and 2570."""

from __future__ import annotations

from ethics_hr.extensions import db
from ethics_hr.people.models import Person
from ethics_hr.reports import ita
from ethics_hr.reports.models import HR
from ethics_hr.reports.services import seeded_report

DEMO_FY = 2569  # the fiscal year that ended on 30 September 2026: the year-end report the office is writing


def load_demo(people: list[Person]) -> None:
    """Start the FY 2569 report from the seed's text and copy the ITA 2568 items to 2569 and 2570."""
    report = seeded_report(DEMO_FY)
    for measure in report.measures:
        if measure.kind == HR:
            measure.responsible = "งานการเจ้าหน้าที่ สำนักปลัดเทศบาล"
    db.session.add(report)
    for year in (2569, 2570):
        if not ita.items_of(year):
            ita.copy_items(year, 2568)
    db.session.flush()
