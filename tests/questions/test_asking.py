"""Asking by name and anonymously, following up with the receipt, and the asker's own view."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
import time_machine

from ethics_hr.core.errors import RuleViolation
from ethics_hr.extensions import db
from ethics_hr.questions import services
from ethics_hr.questions.models import Question, QuestionCategory, QuestionStatus
from tests import factories


def _category_id(code: str = "gifts") -> int:
    return db.session.scalar(sa.select(QuestionCategory.id).where(QuestionCategory.code == code))


def test_named_question_is_numbered_per_fiscal_year_and_due_in_15_days(app):
    asker = factories.person()
    with time_machine.travel("2026-09-30 10:00 +07:00"):
        first = services.ask(category_id=_category_id(), subject="ก", body="ข", asker=asker).question
    with time_machine.travel("2026-10-01 10:00 +07:00"):
        second = services.ask(category_id=_category_id(), subject="ก", body="ข", asker=asker).question
        third = services.ask(category_id=_category_id(), subject="ก", body="ข", asker=asker).question
    assert (first.fiscal_year, first.number, first.reference) == (2569, 1, "Q2569-0001")
    assert (second.reference, third.reference) == ("Q2570-0001", "Q2570-0002")
    assert str(second.due_on) == "2026-10-16"
    assert first.receipt_hash is None


def test_receipt_opens_only_its_own_question_and_mismatches_look_alike(app):
    asked = services.ask(category_id=_category_id(), subject="ก", body="ข", asker=None)
    other = services.ask(category_id=_category_id(), subject="ค", body="ง", asker=None)
    assert len(asked.receipt) >= 22  # 128 bits and more
    assert services.find_by_receipt(asked.question.reference, asked.receipt).id == asked.question.id
    assert services.find_by_receipt(other.question.reference, asked.receipt) is None
    assert services.find_by_receipt("Q2999-0001", asked.receipt) is None
    assert services.find_by_receipt("nonsense", "") is None


def test_empty_too_long_or_unknown_category_keeps_the_text_and_writes_nothing(app, client, login_as):
    login_as(factories.user())
    cases = [
        ({"category_id": str(_category_id()), "subject": "", "body": "ข้อความยาว"}, "subject"),
        ({"category_id": str(_category_id()), "subject": "เรื่อง", "body": ""}, "body"),
        ({"category_id": str(_category_id()), "subject": "เรื่อง", "body": "ก" * 5001}, "body"),
        ({"category_id": "9999", "subject": "เรื่องที่พิมพ์ไว้", "body": "ข้อความที่พิมพ์ไว้"}, "category_id"),
    ]
    for form, bad_field in cases:
        response = client.post("/questions/new", data=form)
        html = response.get_data(as_text=True)
        assert response.status_code == 200
        assert f'data-field="{bad_field}"' in html
        for value in (form["subject"], form["body"][:50]):
            if value:
                assert value in html
    assert db.session.scalar(sa.select(sa.func.count(Question.id))) == 0


def test_named_asker_sees_only_their_own_questions(app, client, login_as):
    asker, stranger = factories.user(), factories.user()
    question = services.ask(
        category_id=_category_id(), subject="ของฉัน", body="ข", asker=asker.person
    ).question
    anonymous = services.ask(category_id=_category_id(), subject="นิรนาม", body="ข", asker=None).question
    login_as(stranger)
    assert client.get(f"/questions/{question.id}").status_code == 404
    assert client.get(f"/questions/{anonymous.id}").status_code == 404
    assert client.post(f"/questions/{question.id}/close").status_code == 404
    login_as(asker)
    response = client.get("/questions/")
    assert "ของฉัน" in response.get_data(as_text=True)
    assert client.get(f"/questions/{question.id}").status_code == 200


def test_anonymous_asker_follows_up_clarifies_and_closes_with_the_receipt(app, client):
    member = factories.person()
    asked = services.ask(category_id=_category_id(), subject="ลับ", body="คำถาม", asker=None)
    services.ask_clarification(asked.question, member, "ช่วยบอกมูลค่าของขวัญ")
    internal = "บันทึกภายในห้ามรั่ว"
    services.add_note(asked.question, member, internal)

    page = client.post("/ask/follow-up", data={"reference": asked.question.reference, "code": asked.receipt})
    html = page.get_data(as_text=True)
    assert "ช่วยบอกมูลค่าของขวัญ" in html and internal not in html

    reply = client.post(
        "/ask/follow-up/reply",
        data={"reference": asked.question.reference, "code": asked.receipt, "body": "ประมาณ 500 บาท"},
    )
    assert reply.status_code == 200
    db.session.refresh(asked.question)
    assert (
        asked.question.status == QuestionStatus.ASSIGNED
    )  # back to the member who asked for the clarification
    services.answer(asked.question, member, "รับไม่ได้")
    client.post("/ask/follow-up/close", data={"reference": asked.question.reference, "code": asked.receipt})
    db.session.refresh(asked.question)
    assert asked.question.status == QuestionStatus.CLOSED


def test_wrong_receipt_and_unknown_reference_get_the_same_answer_and_are_throttled(app, client):
    asked = services.ask(category_id=_category_id(), subject="ลับ", body="คำถาม", asker=None)
    wrong = client.post("/ask/follow-up", data={"reference": asked.question.reference, "code": "guess"})
    unknown = client.post("/ask/follow-up", data={"reference": "Q2999-0042", "code": "guess"})
    strip = re.compile(r'name="csrf_token"[^>]*>|value="[^"]*"')
    assert wrong.status_code == unknown.status_code == 200
    assert strip.sub("", wrong.get_data(as_text=True)) == strip.sub("", unknown.get_data(as_text=True))
    for _ in range(8):
        client.post("/ask/follow-up", data={"reference": "Q2999-0042", "code": "guess"})
    blocked = client.post(
        "/ask/follow-up", data={"reference": asked.question.reference, "code": asked.receipt}
    )
    assert blocked.status_code == 429


def test_clarification_reply_without_a_request_is_refused(app):
    asked = services.ask(category_id=_category_id(), subject="ก", body="ข", asker=None)
    with pytest.raises(RuleViolation) as refused:
        services.reply_as_asker(asked.question, "เพิ่มเติม")
    assert refused.value.field == "body"
    assert asked.question.status == QuestionStatus.NEW
    assert len(asked.question.messages) == 1


def test_statistics_median_and_p90_days_to_answer(app):
    member = factories.person()
    durations = [1, 2, 3, 4, 10]
    for days in durations:
        with time_machine.travel("2026-10-05 09:00 +07:00"):
            question = services.ask(category_id=_category_id(), subject="ก", body="ข", asker=None).question
        with time_machine.travel(f"2026-10-{5 + days:02d} 09:00 +07:00"):
            services.answer(question, member, "ตอบ")
    with time_machine.travel("2026-10-05 09:00 +07:00"):
        services.ask(category_id=_category_id("conduct"), subject="ก", body="ข", asker=None)
    result = services.stats(2570)
    assert result.total == 6 and result.answered == 5
    assert result.median_days == 3
    assert abs(result.p90_days - 7.6) < 1e-9
    assert result.by_status[QuestionStatus.ANSWERED] == 5 and result.by_status[QuestionStatus.NEW] == 1
    assert {c.code: n for c, n in result.by_category}["gifts"] == 5
    assert services.stats(2569).total == 0
    assert QuestionStatus.WAITING in result.by_status


def test_a_refused_question_leaves_nothing_written(app):
    with pytest.raises(RuleViolation) as refused:
        services.ask(category_id=_category_id(), subject="ก", body="", asker=factories.person())
    assert refused.value.field == "body"
    # The service rolled its unit of work back itself: the session holds nothing half-done.
    assert not db.session.new and not db.session.dirty
    assert db.session.scalar(sa.select(sa.func.count(Question.id))) == 0


def test_query_numbers_that_are_no_number_are_not_found(client, login_as):
    login_as(factories.officer())
    assert client.get("/questions/statistics?fy=2570").status_code == 200
    assert client.get("/questions/statistics?fy=abc").status_code == 404
    assert client.get("/questions/statistics?fy=99999").status_code == 404
    assert client.get("/questions/faq?category=abc").status_code == 404
    assert client.get("/questions/faq?category=1").status_code == 200


def test_every_status_has_a_label_and_a_colour():
    for status in QuestionStatus:
        assert status.label and status.colour
    assert [s for s in QuestionStatus if s.is_open] == [
        QuestionStatus.NEW,
        QuestionStatus.ASSIGNED,
        QuestionStatus.WAITING,
    ]


def test_the_receipt_code_is_shown_in_blocks_with_a_warning_a_copy_button_a_file_and_print(app, client):
    from ethics_hr.questions.asking import RECEIPT_ALPHABET

    category = services.categories()[0]
    response = client.post(
        "/ask/", data={"category_id": category.id, "subject": "ของขวัญ", "body": "ได้รับกระเช้าจากผู้รับเหมา"}
    )
    html = response.get_data(as_text=True)
    blocks = re.findall(r'class="receipt-block">([^<]+)<', html)
    code = "".join(blocks)
    assert len(blocks) == 7 and all(len(b) == 4 for b in blocks)
    assert set(code) <= set(RECEIPT_ALPHABET) and not set(code) & set("0O1IL")
    assert "shown only once and cannot be recovered" in html or "แสดงเพียงครั้งเดียว" in html
    # The copy button is driven by a script the app serves (no inline handler), and needs a nonce-free src.
    assert "data-copy=" in html and "js/receipt.js" in html and "onclick" not in html
    assert "data-print" in html
    reference = re.search(r'data-testid="reference">([^<]+)<', html).group(1)
    # The text file holds the reference, the code in blocks and the follow-up address; nothing is looked up.
    saved = client.post("/ask/receipt.txt", data={"reference": reference, "code": code})
    assert saved.status_code == 200 and saved.mimetype == "text/plain"
    assert (
        "attachment" in saved.headers["Content-Disposition"]
        and reference in saved.headers["Content-Disposition"]
    )
    text = saved.get_data(as_text=True)
    assert reference in text and " ".join(blocks) in text and "/ask/follow-up" in text
    assert client.post("/ask/receipt.txt", data={"reference": "nonsense", "code": code}).status_code == 400
    # The code opens the question however it is typed: in blocks, lower case, or as one string.
    question = services.find_by_receipt(reference, " ".join(blocks).lower())
    assert question is not None and services.find_by_receipt(reference.lower(), code).id == question.id


def test_a_receipt_of_the_old_mixed_case_form_still_opens_its_question(app):
    from ethics_hr.questions import asking

    category = services.categories()[0]
    asked = services.ask(category_id=category.id, subject="เก่า", body="ข", asker=None)
    old_code = "aB3-x_Yz9Qr2Lm8Np4Ks7Tw5"
    asked.question.receipt_hash = asking._digest(old_code)
    db.session.commit()
    assert services.find_by_receipt(asked.question.reference, old_code).id == asked.question.id
    assert services.find_by_receipt(asked.question.reference, old_code.upper()) is None
