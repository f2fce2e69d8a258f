"""The public FAQ shows published answers only, never an asker; the report counts the year's questions."""

from __future__ import annotations

import time_machine

from ethics_hr.questions import services as questions
from ethics_hr.reports import services
from tests import factories
from tests.factories import answered_question

TODAY = "2026-11-25 10:00 +0700"


def test_public_faq_shows_published_entries_only_and_never_the_asker(client, app):
    asker = factories.person(first_name_th="ผู้ถามชื่อจริง")
    with time_machine.travel(TODAY, tick=False):
        answered_question("คำถามที่ยังไม่เผยแพร่", asker=asker)
        answered_question("คำถามต้นฉบับ", asker=asker, publish="รับกระเช้าปีใหม่ได้หรือไม่")
        _, withdrawn = answered_question("อีกคำถาม", publish="คำตอบที่ถอนแล้ว")
        questions.withdraw_faq(withdrawn)
        html = client.get("/public/faq").get_data(as_text=True)
    assert "รับกระเช้าปีใหม่ได้หรือไม่" in html and "ตอบโดยไม่ระบุตัวบุคคล" in html
    assert "คำตอบที่ถอนแล้ว" not in html
    assert "คำถามที่ยังไม่เผยแพร่" not in html and "คำถามต้นฉบับ" not in html
    assert "ผู้ถามชื่อจริง" not in html
    assert "ใจดี" not in html  # the factories' surname: neither the asker nor the member who answered


def test_report_counts_the_questions_asked_and_answered_in_the_year(app):
    with time_machine.travel(TODAY, tick=False):
        answered_question("คำถามหนึ่ง", publish="คำถามที่พบบ่อยหนึ่ง")
        category = questions.categories()[0]
        questions.ask(category_id=category.id, subject="ยังไม่ตอบ", body="รายละเอียด", asker=None)
        hr = next(row for row in services.build_report(2570, "th").rows if row.is_hr)
    texts = [line.text for line in hr.summary]
    line = next(t for t in texts if "ข้อซักถามด้านจริยธรรม" in t and t.startswith("- "))
    assert "ตอบข้อซักถามด้านจริยธรรมแล้ว 1 เรื่อง จากที่ได้รับทั้งหมด 2 เรื่อง" in line
    assert "คำถามที่พบบ่อย (FAQ) 1 เรื่อง" in line


def test_dashboard_draws_the_questions_by_status(client, login_as, app):
    with time_machine.travel(TODAY, tick=False):
        login_as(factories.officer())
        answered_question("คำถามหนึ่ง")
        html = client.get("/reports/dashboard?fy=2570").get_data(as_text=True)
    assert "chart-donut" in html and "ตอบแล้ว" in html


def test_ita_faq_page_links_to_asking_anonymously(client):
    html = client.get("/public/faq").get_data(as_text=True)
    assert 'href="/ask/"' in html
