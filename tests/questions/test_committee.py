"""The committee's side: who may see the queue, taking, clarifying, answering, stepping aside, the FAQ."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
import time_machine

from ethics_hr.extensions import db
from ethics_hr.questions import services
from ethics_hr.questions.models import FaqEntry, QuestionCategory, QuestionStatus
from tests import factories


def _category_id(code: str = "gifts") -> int:
    return db.session.scalar(sa.select(QuestionCategory.id).where(QuestionCategory.code == code))


def _member(**kw):
    user = factories.user(**kw)
    committee = factories.committee()
    factories.order(committee, [(user.person, "chair")], effective_on=date(2026, 1, 5))
    return user


def test_only_members_with_an_appointment_in_force_see_the_queue(app, client, login_as):
    employee, officer, member = factories.user(), factories.officer(), _member()
    login_as(employee)
    assert client.get("/questions/committee").status_code == 403
    login_as(officer)
    assert client.get("/questions/committee").status_code == 403
    assert client.get("/questions/statistics").status_code == 200
    login_as(member)
    assert client.get("/questions/committee").status_code == 200
    anonymous = app.test_client()
    assert anonymous.get("/questions/committee").status_code == 302


def test_rights_end_by_themselves_when_the_term_ends(app, client, login_as):
    user = factories.user()
    committee = factories.committee()
    factories.order(
        committee, [(user.person, "member")], effective_on=date(2026, 1, 5), ends_on=date(2026, 6, 30)
    )
    with time_machine.travel("2026-06-30 12:00 +07:00"):
        login_as(user)
        assert client.get("/questions/committee").status_code == 200
    with time_machine.travel("2026-07-01 08:00 +07:00"):
        login_as(user)
        assert client.get("/questions/committee").status_code == 403


def test_queue_lists_overdue_first_and_shows_the_day_not_the_minute(app, client, login_as):
    member = _member()
    with time_machine.travel("2026-10-01 09:13 +07:00"):
        old = services.ask(
            category_id=_category_id(), subject="เรื่องเก่า OLD-ONE", body="ข", asker=None
        ).question
    with time_machine.travel("2026-11-20 10:00 +07:00"):
        new = services.ask(
            category_id=_category_id(), subject="เรื่องใหม่ NEW-ONE", body="ข", asker=None
        ).question
    with time_machine.travel("2026-11-25 10:00 +07:00"):
        login_as(member)
        html = client.get("/questions/committee").get_data(as_text=True)
        assert html.index("OLD-ONE") < html.index("NEW-ONE")
        page = client.get(f"/questions/committee/{old.id}").get_data(as_text=True)
    assert "09:13" not in page and "9:13" not in page
    assert new.id


def test_member_takes_asks_for_clarification_notes_and_answers(app, client, login_as):
    member = _member()
    asker = factories.user()
    question = services.ask(
        category_id=_category_id(), subject="ขอคำปรึกษา", body="ข", asker=asker.person
    ).question
    login_as(member)
    assert client.post(f"/questions/committee/{question.id}/take").status_code == 302
    db.session.refresh(question)
    assert (question.status, question.assigned_person_id) == (QuestionStatus.ASSIGNED, member.person_id)

    client.post(f"/questions/committee/{question.id}/message/clarify", data={"body": "ขอรายละเอียดเพิ่ม"})
    client.post(f"/questions/committee/{question.id}/message/note", data={"body": "บันทึกลับของกรรมการ"})
    db.session.refresh(question)
    assert question.status == QuestionStatus.WAITING

    login_as(asker)
    mine = client.get(f"/questions/{question.id}").get_data(as_text=True)
    assert "ขอรายละเอียดเพิ่ม" in mine and "บันทึกลับของกรรมการ" not in mine
    client.post(f"/questions/{question.id}/reply", data={"body": "มูลค่า 500 บาท"})

    login_as(member)
    client.post(f"/questions/committee/{question.id}/message/answer", data={"body": "ไม่ควรรับ"})
    db.session.refresh(question)
    assert question.status == QuestionStatus.ANSWERED and question.answered_on is not None


def test_empty_answer_is_refused_next_to_the_field(app, client, login_as):
    member = _member()
    question = services.ask(category_id=_category_id(), subject="ก", body="ข", asker=None).question
    login_as(member)
    response = client.post(f"/questions/committee/{question.id}/message/answer", data={"body": "  "})
    assert response.status_code == 400
    assert 'data-field="body"' in response.get_data(as_text=True)
    db.session.refresh(question)
    assert question.status != QuestionStatus.ANSWERED


def test_member_who_steps_aside_gets_404_and_no_longer_sees_it(app, client, login_as):
    member, other = _member(), _member()
    question = services.ask(category_id=_category_id(), subject="เรื่องญาติ", body="ข", asker=None).question
    login_as(member)
    client.post(f"/questions/committee/{question.id}/take")
    client.post(f"/questions/committee/{question.id}/step-aside", data={"reason": "เป็นญาติ"})
    assert client.get(f"/questions/committee/{question.id}").status_code == 404
    assert (
        client.post(f"/questions/committee/{question.id}/message/answer", data={"body": "x"}).status_code
        == 404
    )
    assert "เรื่องญาติ" not in client.get("/questions/committee").get_data(as_text=True)
    db.session.refresh(question)
    assert question.assigned_person_id is None
    login_as(other)
    assert client.get(f"/questions/committee/{question.id}").status_code == 200
    # the member who stepped aside cannot be given it either
    response = client.post(
        f"/questions/committee/{question.id}/assign", data={"member_id": str(member.person_id)}
    )
    assert response.status_code == 400


def test_answered_question_published_as_faq_is_found_by_employees(app, client, login_as):
    member = _member()
    question = services.ask(category_id=_category_id(), subject="ของขวัญปีใหม่", body="ข", asker=None).question
    services.answer(question, member.person, "ไม่ควรรับ")
    login_as(member)
    response = client.post(
        f"/questions/committee/{question.id}/faq",
        data={"title": "รับกระเช้าปีใหม่จากผู้รับเหมาได้หรือไม่", "answer": "ไม่ควรรับ เพราะเป็นผู้มีส่วนได้เสีย"},
    )
    assert response.status_code == 302
    login_as(factories.user())
    html = client.get("/questions/faq?q=กระเช้า").get_data(as_text=True)
    assert "รับกระเช้าปีใหม่จากผู้รับเหมาได้หรือไม่" in html
    assert "ของขวัญปีใหม่" not in html  # the private subject is not what the FAQ shows
    entry = db.session.scalar(sa.select(FaqEntry))
    login_as(member)
    client.post(f"/questions/committee/faq/{entry.id}/withdraw")
    login_as(factories.user())
    assert "รับกระเช้าปีใหม่" not in client.get("/questions/faq").get_data(as_text=True)


def test_unanswered_question_cannot_become_faq(app, client, login_as):
    member = _member()
    question = services.ask(category_id=_category_id(), subject="ก", body="ข", asker=None).question
    login_as(member)
    response = client.post(f"/questions/committee/{question.id}/faq", data={"title": "t", "answer": "a"})
    assert response.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count(FaqEntry.id))) == 0


def test_home_shows_members_their_queue_at_a_glance(app, client, login_as):
    member = _member()
    services.ask(category_id=_category_id(), subject="ก", body="ข", asker=None)
    login_as(member)
    html = client.get("/home").get_data(as_text=True)
    assert "/questions/committee" in html


def test_queue_page_that_is_no_number_is_not_found(app, client, login_as):
    login_as(_member())
    assert client.get("/questions/committee?page=2").status_code == 200
    assert client.get("/questions/committee?page=x").status_code == 404


def test_message_kind_outside_the_three_is_not_found(app, client, login_as):
    login_as(_member())
    question = services.ask(category_id=_category_id(), subject="ก", body="ข", asker=None).question
    response = client.post(f"/questions/committee/{question.id}/message/asker", data={"body": "x"})
    assert response.status_code == 404


def test_a_named_question_shows_the_committee_who_asked_and_an_anonymous_one_does_not(app, client, login_as):
    member = _member()
    division = factories.department(name_th="กองคลังทดสอบ")
    asker = factories.person(
        first_name_th="สมหญิง", last_name_th="ใจดี", position="นักวิชาการเงินและบัญชี", dept=division
    )
    named = services.ask(category_id=_category_id(), subject="ถามในนาม", body="ข", asker=asker).question
    anonymous = services.ask(category_id=_category_id(), subject="ไม่ระบุชื่อ", body="ข", asker=None).question
    login_as(member)
    html = client.get(f"/questions/committee/{named.id}").get_data(as_text=True)
    assert 'data-testid="named-asker"' in html
    assert "สมหญิง ใจดี" in html and "นักวิชาการเงินและบัญชี" in html and "กองคลังทดสอบ" in html
    html = client.get(f"/questions/committee/{anonymous.id}").get_data(as_text=True)
    assert 'data-testid="named-asker"' not in html


def test_assigning_a_question_to_a_member_tells_them_and_taking_it_tells_nobody(app, client, login_as):
    from ethics_hr.notifications.models import Notice, OutboxMessage
    from ethics_hr.questions import notices

    chair = _member()
    other = factories.user(email="other.member@example.go.th")
    factories.order(factories.committee(), [(other.person, "member")], effective_on=date(2026, 1, 5))
    question = services.ask(
        category_id=_category_id(), subject="เรื่องของขวัญปีใหม่", body="ข", asker=None
    ).question
    with time_machine.travel("2026-11-25 10:00 +07:00"):
        login_as(chair)
        client.post(f"/questions/committee/{question.id}/take")
        assert not db.session.scalars(
            sa.select(OutboxMessage).where(OutboxMessage.kind == notices.ASSIGNED)
        ).all()
        response = client.post(
            f"/questions/committee/{question.id}/assign", data={"member_id": other.person.id}
        )
        assert response.status_code == 302
    mail = db.session.scalars(sa.select(OutboxMessage).where(OutboxMessage.kind == notices.ASSIGNED)).one()
    assert mail.user_id == other.id and question.reference in mail.subject
    assert "ของขวัญ" not in mail.subject  # the subject line of the question stays in the app
    notice = db.session.scalars(sa.select(Notice).where(Notice.kind == notices.ASSIGNED)).one()
    assert notice.user_id == other.id
