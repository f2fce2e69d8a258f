"""Ethics questions' messages over a real SMTP server; anonymous askers stay unidentifiable in every one."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa
import time_machine

from ethics_hr.extensions import db
from ethics_hr.notifications.models import Notice, OutboxMessage
from ethics_hr.questions import services
from ethics_hr.questions.jobs import announce_new_questions, assignee_reminders, overdue_to_chair
from ethics_hr.questions.models import Question, QuestionCategory
from tests import factories
from tests.reminders import at, deliver, html_of, notices, outbox, run, subjects, text_of

ASKED = at("2026-11-25 10:13")
SUBJECT = "เรื่องของขวัญ SUBJECT-MARK-7Q"
BODY = "ผู้รับเหมานำกระเช้ามาให้ที่บ้าน BODY-MARK-3Z"


def _category_id(code: str = "gifts") -> int:
    return db.session.scalar(sa.select(QuestionCategory.id).where(QuestionCategory.code == code))


def _committee():
    """A chair (English), a member (Thai) and a member (English) on an ethics committee in force."""
    chair, thai, english = (
        factories.user(locale="en"),
        factories.user(locale="th"),
        factories.user(locale="en"),
    )
    committee = factories.committee()
    factories.order(
        committee,
        [(chair.person, "chair"), (thai.person, "member"), (english.person, "secretary")],
        effective_on=date(2026, 1, 5),
    )
    return chair, thai, english


def _ask(asker=None) -> Question:
    with time_machine.travel(ASKED, tick=False):
        return services.ask(
            category_id=_category_id(), subject=SUBJECT, body=BODY, asker=asker.person if asker else None
        ).question


def _identifying(question: Question) -> tuple[str, ...]:
    """What must never appear in a committee notice of an anonymous question."""
    return (SUBJECT, "SUBJECT-MARK", "BODY-MARK", question.reference, "10:13", "25 November", "25 พฤศจิกายน")


def test_a_named_question_is_announced_at_once_without_its_subject_or_text(app, smtp_server):
    chair, thai, english = _committee()
    asker = factories.user(locale="en")
    question = _ask(asker)
    deliver(ASKED)
    assert subjects(smtp_server, english.person.email) == ["New ethics question: Gifts and benefits"]
    assert subjects(smtp_server, thai.person.email) == ["คำถามด้านจริยธรรมใหม่: การรับของขวัญและประโยชน์อื่นใด"]
    assert len(smtp_server.to(chair.person.email)) == 1
    assert smtp_server.to(asker.person.email) == []
    for mail in smtp_server.messages:
        assert SUBJECT not in mail["Subject"] and "BODY-MARK" not in text_of(mail)
        assert "/questions/committee" in text_of(mail)
    assert run(app, announce_new_questions, at("2026-11-26 08:00")) == 0  # already told
    assert {m.target for m in outbox()} == {f"question:{question.id}"}


def test_an_anonymous_question_is_announced_the_next_morning_with_nothing_that_identifies_it(
    app, smtp_server
):
    chair, thai, english = _committee()
    question = _ask()
    assert outbox() == [] and notices() == []  # nothing written at the minute it arrived
    assert run(app, announce_new_questions, at("2026-11-25 23:00")) == 0
    assert run(app, announce_new_questions, at("2026-11-26 07:59")) == 0
    assert run(app, announce_new_questions, at("2026-11-26 08:00")) == 3
    assert run(app, announce_new_questions, at("2026-11-26 08:15")) == 0
    deliver(at("2026-11-26 08:00"))
    assert len(smtp_server.messages) == 3
    for mail in smtp_server.messages:
        for secret in _identifying(question):
            assert secret not in str(mail["Subject"]) and secret not in text_of(mail)
            assert secret not in html_of(mail)
    for row in outbox():
        assert row.created_at == at("2026-11-26 08:00")  # when the job ran, not when the question came
        assert row.user_id in {chair.id, thai.id, english.id}
        for secret in _identifying(question):
            assert secret not in row.subject and secret not in row.body_text and secret not in row.body_html
            assert secret not in row.target and secret not in row.period
    for notice in notices():
        assert notice.created_at == at("2026-11-26 08:00")
        for secret in _identifying(question):
            assert secret not in notice.title and secret not in notice.body


def test_the_assigned_member_is_reminded_before_and_after_the_due_date(app, smtp_server):
    chair, _thai, english = _committee()
    question = _ask()  # anonymous: the reminders too must not identify it
    due = question.due_on
    assert due == date(2026, 12, 10)
    with time_machine.travel(at("2026-11-26 09:00"), tick=False):
        services.assign(db.session.get(Question, question.id), chair.person, to=english.person)
    reminders = lambda when: run(app, assignee_reminders, when)  # noqa: E731
    assert reminders(at("2026-12-07 07:59")) == 0
    assert reminders(at("2026-12-07 08:00")) == 1
    assert reminders(at("2026-12-07 18:00")) == 0
    assert reminders(at("2026-12-09 08:00")) == 1
    assert reminders(at("2026-12-10 20:00")) == 0  # due today: not late yet
    assert reminders(at("2026-12-11 08:00")) == 1
    assert reminders(at("2026-12-14 08:00")) == 0
    assert reminders(at("2026-12-18 08:00")) == 1
    deliver(at("2026-12-18 08:00"))
    mails = smtp_server.to(english.person.email)
    assert [str(m["Subject"]) for m in mails] == [
        f"Ethics question {question.reference} is assigned to you",
        f"Due on 10 December 2026: ethics question {question.reference}",
        f"Due on 10 December 2026: ethics question {question.reference}",
        f"Overdue: ethics question {question.reference}",
        f"Overdue: ethics question {question.reference}",
    ]
    for mail in mails:
        assert "SUBJECT-MARK" not in text_of(mail) and "BODY-MARK" not in text_of(mail)
    # Waiting for the asker's clarification: the committee is not late.
    with time_machine.travel(at("2026-12-19 09:00"), tick=False):
        services.ask_clarification(db.session.get(Question, question.id), english.person, "ขอรายละเอียด")
    assert reminders(at("2026-12-25 08:00")) == 0


def test_the_chair_hears_of_overdue_questions_except_those_they_stepped_aside_from(app, smtp_server):
    chair, thai, _english = _committee()
    kept, recused = _ask(), _ask()
    with time_machine.travel(at("2026-11-27 09:00"), tick=False):
        services.step_aside(db.session.get(Question, recused.id), chair.person, "ญาติของผู้ถูกกล่าวถึง")
        services.assign(db.session.get(Question, kept.id), thai.person, to=thai.person)
    assert run(app, overdue_to_chair, at("2026-12-10 23:00")) == 0
    assert run(app, overdue_to_chair, at("2026-12-11 08:00")) == 1
    assert run(app, overdue_to_chair, at("2026-12-12 08:00")) == 0
    deliver(at("2026-12-11 08:00"))
    (mail,) = smtp_server.to(chair.person.email)
    assert mail["Subject"] == f"Overdue ethics question {kept.reference}"
    assert thai.person.display_name("en") in text_of(mail)  # who holds it
    assert "BODY-MARK" not in text_of(mail) and "SUBJECT-MARK" not in text_of(mail)


def test_a_named_asker_hears_of_clarifications_and_answers_and_an_anonymous_one_gets_nothing(
    app, smtp_server
):
    chair, _thai, _english = _committee()
    asker = factories.user(locale="en")
    named, anonymous = _ask(asker), _ask()
    with time_machine.travel(at("2026-11-27 09:00"), tick=False):
        services.ask_clarification(db.session.get(Question, named.id), chair.person, "ขอรายละเอียดเพิ่ม")
        services.reply_as_asker(db.session.get(Question, named.id), "รายละเอียดเพิ่มเติม")
        services.answer(db.session.get(Question, named.id), chair.person, "ตอบ")
        services.ask_clarification(db.session.get(Question, anonymous.id), chair.person, "ขอรายละเอียด")
        services.answer(db.session.get(Question, anonymous.id), chair.person, "ตอบ")
        deliver()
    assert subjects(smtp_server, asker.person.email) == [
        f"The committee asks about your ethics question {named.reference}",
        f"Your ethics question {named.reference} has been answered",
    ]
    assert f"/questions/{named.id}" in text_of(smtp_server.to(asker.person.email)[1])
    to_askers = db.session.scalars(
        sa.select(OutboxMessage).where(
            OutboxMessage.kind.in_(("questions.answered", "questions.clarification"))
        )
    ).all()
    assert [m.target for m in to_askers] == [f"question:{named.id}"] * 2
    assert (
        db.session.scalar(
            sa.select(sa.func.count(Notice.id)).where(Notice.target == f"question:{anonymous.id}")
        )
        == 0
    )


def test_a_question_the_scheduler_missed_for_a_week_is_not_announced_any_more(app):
    _committee()
    _ask()
    assert run(app, announce_new_questions, at("2026-11-25 10:00") + timedelta(days=9)) == 0
