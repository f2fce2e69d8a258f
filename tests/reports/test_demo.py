"""The demo municipality comes with its FY 2569 report started and the ITA items of 2569 and 2570."""

from __future__ import annotations

from ethics_hr.demo.loader import load_demo
from ethics_hr.reports import ita, services


def test_demo_starts_the_fy_2569_report_and_prepares_the_ita_years(app):
    assert load_demo()
    report = services.stored_report(2569)
    assert report is not None and len(report.measures) == 5
    assert {2568, 2569, 2570} <= set(ita.catalogue_years())
    document = services.build_report(2569, "th")
    hr = next(row for row in document.rows if row.is_hr)
    assert hr.responsible == "งานการเจ้าหน้าที่ สำนักปลัดเทศบาล"
    assert "เทศบาลเมืองบ้านสวน" in document.subtitle
