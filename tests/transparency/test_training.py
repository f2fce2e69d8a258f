"""Ethics training on the public page, in the report, the dashboard and a person's record."""

from __future__ import annotations

from datetime import date

import time_machine

from ethics_hr.reports import services
from tests import factories
from tests.factories import held_session

DAY = "2026-03-12 10:30 +0700"  # during the session of 12 March 2026 (FY 2569)
TODAY = "2026-11-25 10:00 +0700"


def _sessions(people):
    with time_machine.travel(DAY, tick=False):
        held_session(
            code="ETH1",
            title="ประมวลจริยธรรมสำหรับพนักงาน",
            ethics=True,
            day=date(2026, 3, 12),
            attendees=people,
        )
        held_session(
            code="DIG1", title="ทักษะดิจิทัลเบื้องต้น", ethics=False, day=date(2026, 3, 12), attendees=people
        )
        held_session(
            code="ETH2",
            title="อบรมที่ถูกยกเลิก",
            ethics=True,
            day=date(2026, 3, 12),
            attendees=people[:1],
            cancel=True,
        )
        held_session(code="ETH3", title="อบรมที่ขาดทั้งหมด", ethics=True, day=date(2026, 3, 12),
                     attendees=people[:2], status_code="absent", hours=1.5)  # fmt: skip


def test_public_page_lists_the_ethics_sessions_held_with_participants_and_hours(client, app):
    people = [factories.person() for _ in range(3)]
    _sessions(people)
    with time_machine.travel(TODAY, tick=False):
        html = client.get("/public/training/2569").get_data(as_text=True)
    assert "ประมวลจริยธรรมสำหรับพนักงาน" in html
    assert "ทักษะดิจิทัลเบื้องต้น" not in html  # no ethics content
    assert "อบรมที่ถูกยกเลิก" not in html  # cancelled: not held
    assert "อบรมที่ขาดทั้งหมด" in html  # held, nobody credited
    for person in people:
        assert person.first_name_th not in html  # no personal data on the public page


def test_report_counts_the_sessions_the_people_and_the_person_hours(app):
    people = [factories.person() for _ in range(3)]
    _sessions(people)
    with time_machine.travel(TODAY, tick=False):
        hr = next(row for row in services.build_report(2569, "th").rows if row.is_hr)
    texts = [line.text for line in hr.summary]
    assert texts[1].startswith("2. มีกิจกรรมเสริมสร้างความรู้ ความเข้าใจด้านมาตรฐานทางจริยธรรม")
    assert "จำนวน 2 ครั้ง ผู้เข้าร่วม 3 คน รวม 9 ชั่วโมง-คน" in texts[1]
    assert "- ประมวลจริยธรรมสำหรับพนักงาน (12 มี.ค. 2569) ผู้เข้าร่วม 3 คน" in texts


def test_a_year_without_ethics_training_says_so_everywhere(client, login_as, app):
    people = [factories.person() for _ in range(2)]
    _sessions(people)
    with time_machine.travel(TODAY, tick=False):
        login_as(factories.officer())
        public = client.get("/public/training/2570").get_data(as_text=True)
        dashboard = client.get("/reports/dashboard?fy=2570").get_data(as_text=True)
        ita = client.get("/reports/ita/2570").get_data(as_text=True)
    assert "ยังไม่มีการฝึกอบรมในปีงบประมาณ พ.ศ. 2570" in public
    assert "ยังไม่มีการฝึกอบรมในปีงบประมาณ พ.ศ. 2570" in dashboard
    # No ITA catalogue for 2570 unless the administrator adds one: the page says so (not a 404).
    assert "ยังไม่มีรายการข้อการประเมิน ITA ของปีที่ประเมิน 2570" in ita


def test_dashboard_draws_hours_per_department_against_the_requirement(client, login_as, app):
    division = factories.department(name_th="กองคลังทดสอบ")
    people = [factories.person(dept=division) for _ in range(2)]
    _sessions(people)
    with time_machine.travel(TODAY, tick=False):
        login_as(factories.officer())
        html = client.get("/reports/dashboard?fy=2569").get_data(as_text=True)
    assert "chart-bars" in html and "กองคลังทดสอบ" in html
    assert "เกณฑ์:" in html  # the requirement line


def test_a_persons_record_lists_their_sessions_and_hours_against_the_requirement(client, login_as, app):
    with time_machine.travel(DAY, tick=False):
        user = factories.user()
    _sessions([user.person])
    with time_machine.travel(TODAY, tick=False):
        login_as(user)
        html = client.get("/reports/my-record?fy=2569").get_data(as_text=True)
    assert "ประมวลจริยธรรมสำหรับพนักงาน" in html and "ทักษะดิจิทัลเบื้องต้น" in html
    assert "อบรมด้านจริยธรรมแล้ว 3 ชั่วโมง จากเกณฑ์" in html


def test_ita_training_item_is_complete_once_ethics_training_is_held(client, login_as, app):
    people = [factories.person()]
    _sessions(people)
    with time_machine.travel(TODAY, tick=False):
        from ethics_hr.reports import ita

        assert ita.items_of(2569)  # shipped
        login_as(factories.officer())
        html = client.get("/reports/ita/2569").get_data(as_text=True)
    assert "จัดอบรมด้านจริยธรรมแล้ว 2 ครั้ง" in html


def test_ita_page_and_public_page_count_the_same_participants(client, login_as, app):
    from ethics_hr.reports import ita

    # Two ethics sessions attended by the same three people and one more: four people, five attendances.
    people = [factories.person() for _ in range(4)]
    with time_machine.travel(DAY, tick=False):
        held_session(code="ETH1", title="จริยธรรม 1", ethics=True, day=date(2026, 3, 12), attendees=people[:3])
        held_session(code="ETH2", title="จริยธรรม 2", ethics=True, day=date(2026, 3, 12), attendees=people[1:])
    assert ita.items_of(2569)  # shipped
    db_commit()
    with time_machine.travel(TODAY, tick=False):
        public = client.get("/public/training/2569").get_data(as_text=True)
        login_as(factories.officer(locale="en"))
        html = client.get("/reports/ita/2569").get_data(as_text=True)
    assert '<div class="display-6">4</div><div class="text-body-secondary">บุคลากรที่ได้รับการอบรม' in public
    assert "2 ethics sessions held, 4 people trained." in html
    assert "5 people" not in html


def db_commit() -> None:
    from ethics_hr.extensions import db

    db.session.commit()
