"""Codes on the public page and in the report: only published versions, with Dos & Don'ts and the share."""

from __future__ import annotations

from datetime import date

import time_machine

from ethics_hr.codes import services as codes
from ethics_hr.reports import services
from tests import factories
from tests.factories import acknowledge, published_code

TODAY = "2026-11-25 10:00 +0700"


def test_public_page_shows_the_published_version_with_its_text_and_dos_and_donts(client, app):
    with time_machine.travel(TODAY, tick=False):
        published_code()
        html = client.get("/public/codes").get_data(as_text=True)
    assert "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น พ.ศ. 2568" in html
    assert "<strong>ข้อ 1</strong>" in html  # the Markdown text, rendered
    assert "แจ้งส่วนได้เสียก่อนพิจารณาเรื่อง" in html and "ไม่รับของขวัญจากผู้รับเหมา" in html
    assert 'id="dos-donts"' in html


def test_public_page_never_shows_a_draft_or_a_withdrawn_version(client, app):
    with time_machine.travel(TODAY, tick=False):
        published_code(name="ประมวลฉบับร่าง", title="ร่างที่ยังไม่ประกาศ", dos=("ข้อปฏิบัติในร่าง",), publish=False)
        withdrawn, officer = published_code(name="ประมวลที่ถอน", title="ฉบับที่ถอนแล้ว", dos=("ข้อที่ถอนแล้ว",))
        codes.withdraw_version(withdrawn, reason="ประกาศผิดฉบับ", by=officer)
        html = client.get("/public/codes").get_data(as_text=True)
        hr = next(row for row in services.build_report(2570, "th").rows if row.is_hr)
    for hidden in ("ร่างที่ยังไม่ประกาศ", "ข้อปฏิบัติในร่าง", "ฉบับที่ถอนแล้ว", "ข้อที่ถอนแล้ว"):
        assert hidden not in html
        assert not any(hidden in line.text for line in hr.summary)
    assert "ยังไม่มีประมวลจริยธรรมที่เผยแพร่" in html


def test_report_gives_the_share_of_people_who_acknowledged_each_code(app):
    with time_machine.travel(TODAY, tick=False):
        version, officer = published_code()
        people = [factories.person(category_code="local_official") for _ in range(3)]
        acknowledge(version, people[0], officer)
        hr = next(row for row in services.build_report(2570, "th").rows if row.is_hr)
    texts = [line.text for line in hr.summary]
    # The officer is an official too: 1 of 4 people in the audience acknowledged.
    assert "- ประมวลจริยธรรมพนักงานส่วนท้องถิ่น พ.ศ. 2568 บุคลากรลงนามรับทราบแล้ว 1 จาก 4 คน (ร้อยละ 25)" in texts
    assert any(t.startswith("4. มีแนวปฏิบัติ Dos & Don'ts") and "จำนวน 2 ข้อ" in t for t in texts)
    assert any(t.startswith("5. มีการบังคับใช้ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ") for t in texts)


def test_a_past_year_reads_the_version_in_force_at_its_end(app):
    with time_machine.travel("2025-11-25 10:00 +0700", tick=False):
        first, officer = published_code(title="ฉบับเดิม พ.ศ. 2564", effective=date(2021, 6, 1))
    with time_machine.travel(TODAY, tick=False):
        draft = codes.start_draft(first.code, title="ฉบับใหม่ พ.ศ. 2569")
        codes.publish_version(draft, major=True, due_date=date(2099, 1, 1), by=officer)
        past = [
            line.text for row in services.build_report(2569, "th").rows if row.is_hr for line in row.summary
        ]
        now = [
            line.text for row in services.build_report(2570, "th").rows if row.is_hr for line in row.summary
        ]
    assert any("ฉบับเดิม พ.ศ. 2564" in t for t in past) and not any("ฉบับใหม่" in t for t in past)
    assert any("ฉบับใหม่ พ.ศ. 2569" in t for t in now) and not any("ฉบับเดิม" in t for t in now)


def test_a_persons_record_lists_the_codes_and_when_they_were_acknowledged(client, login_as, app):
    with time_machine.travel(TODAY, tick=False):
        version, officer = published_code()
        user = login_as(factories.user())
        acknowledge(version, user.person, officer)
        html = client.get(f"/reports/people/{user.person_id}/record?fy=2570").get_data(as_text=True)
    assert "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น พ.ศ. 2568" in html
    assert "25 พฤศจิกายน 2569" in html  # recorded today, shown in B.E.


def test_dashboard_draws_the_share_per_code(client, login_as, app):
    with time_machine.travel(TODAY, tick=False):
        published_code()
        login_as(factories.officer())
        html = client.get("/reports/dashboard?fy=2570").get_data(as_text=True)
    assert "chart-bars" in html and "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น พ.ศ. 2568" in html
