"""Codes' messages over a real SMTP server: the publication notice, reminders until acknowledged, digests."""

from __future__ import annotations

from datetime import date

import time_machine

from ethics_hr.codes.acknowledgments import record_on_behalf
from ethics_hr.codes.jobs import ack_reminders, overdue_digests
from ethics_hr.codes.models import CodeVersion
from ethics_hr.core.settings import get_settings
from ethics_hr.extensions import db
from ethics_hr.notifications import registry
from ethics_hr.people.services import save_department
from tests import factories
from tests.reminders import at, deliver, notices, outbox, run, subjects, text_of

PUBLISHED = at("2026-11-02 10:00")
DUE = date(2026, 11, 20)


def _org() -> None:
    settings = get_settings()
    settings.name_th, settings.name_en = "เทศบาลเมืองบ้านสวน", "Ban Suan Town Municipality"
    db.session.commit()


def _publish(officer=None, **kw) -> CodeVersion:
    with time_machine.travel(PUBLISHED, tick=False):
        return factories.published(due=DUE, by=officer or factories.officer(locale="en"), **kw)


def test_publishing_tells_the_whole_audience_once_in_their_language(app, smtp_server):
    _org()
    thai, english = factories.user(locale="th"), factories.user(locale="en")
    paper = factories.person()  # no account: told by email
    outsider = factories.user(locale="en", category_code="teacher")  # not in the audience
    officer = factories.officer(locale="en", category_code="teacher")
    version = _publish(officer)
    deliver(PUBLISHED)
    (th_mail,) = smtp_server.to(thai.person.email)
    (en_mail,) = smtp_server.to(english.person.email)
    assert len(smtp_server.to(paper.email)) == 1
    assert smtp_server.to(outsider.person.email) == []
    assert "เทศบาลเมืองบ้านสวน" in text_of(th_mail) and "20 พฤศจิกายน 2569" in text_of(th_mail)
    assert en_mail["Subject"] == "New code of ethics to acknowledge: Code of Ethics for Local Officials"
    assert "Ban Suan Town Municipality" in text_of(en_mail) and "20 November 2026" in text_of(en_mail)
    assert f"/codes/versions/{version.id}/acknowledge" in text_of(en_mail)
    assert {n.user_id for n in notices("codes.version_published")} == {thai.id, english.id}


def test_a_minor_version_tells_who_has_acknowledged_that_it_still_counts(app, smtp_server):
    done, pending = factories.user(locale="en"), factories.user(locale="en")
    officer = factories.officer(locale="en", category_code="teacher")
    first = _publish(officer)
    with time_machine.travel(at("2026-11-05 10:00"), tick=False):
        record_on_behalf(first, done.person, by=officer, note="paper", signed_on=date(2026, 11, 5))
        factories.published(first.code, major=False, due=DUE, by=officer)
    deliver(at("2026-11-05 10:00"))
    assert (
        subjects(smtp_server, done.person.email)[-1]
        == "Corrected code of ethics: Code of Ethics for Local Officials"
    )
    assert "still counts" in text_of(smtp_server.to(done.person.email)[-1])
    assert subjects(smtp_server, pending.person.email)[-1].startswith("New code of ethics to acknowledge")


def test_reminders_come_every_7_days_from_8_oclock_until_acknowledged(app, smtp_server):
    thai, english = factories.user(locale="th"), factories.user(locale="en")
    paper = factories.person()
    acker = factories.user(locale="en")
    newcomer = factories.user(locale="en", start_date=date(2026, 11, 10))
    officer = factories.officer(locale="en", category_code="teacher")
    version = _publish(officer)
    assert run(app, ack_reminders, at("2026-11-09 07:59")) == 0
    assert run(app, ack_reminders, at("2026-11-09 08:00")) == 4  # not the newcomer: a week after they started
    assert run(app, ack_reminders, at("2026-11-09 12:00")) == 0
    with time_machine.travel(at("2026-11-12 10:00"), tick=False):
        record_on_behalf(version, acker.person, by=officer, note="paper", signed_on=date(2026, 11, 12))
    assert run(app, ack_reminders, at("2026-11-16 08:00")) == 3
    assert run(app, ack_reminders, at("2026-11-17 08:00")) == 1  # the newcomer's first
    assert run(app, ack_reminders, at("2026-11-23 08:00")) == 3  # past the due date now
    deliver(at("2026-11-23 08:00"))
    assert subjects(smtp_server, english.person.email) == [
        "New code of ethics to acknowledge: Code of Ethics for Local Officials",
        "Reminder: please acknowledge Code of Ethics for Local Officials",
        "Reminder: please acknowledge Code of Ethics for Local Officials",
        "Overdue: please acknowledge Code of Ethics for Local Officials",
    ]
    assert len(smtp_server.to(acker.person.email)) == 2  # the notice and one reminder
    assert len(smtp_server.to(thai.person.email)) == len(smtp_server.to(paper.email)) == 4
    overdue_th = smtp_server.to(thai.person.email)[-1]
    assert overdue_th["Subject"] == "พ้นกำหนดแล้ว: โปรดลงนามรับทราบประมวลจริยธรรมพนักงานส่วนท้องถิ่น"
    assert "20 พฤศจิกายน 2569" in text_of(overdue_th) and "เรียน นาย" in text_of(overdue_th)
    assert len(smtp_server.to(newcomer.person.email)) == 2
    assert {m.period for m in outbox("codes.ack_reminder") if m.user_id == english.id} == {
        "repeat-1",
        "repeat-2",
        "repeat-3",
    }


def test_a_second_run_of_the_week_sends_only_what_the_first_did_not(app, smtp_server, count_statements):
    english, paper = factories.user(locale="en"), factories.person()
    officer = factories.officer(locale="en", category_code="teacher")
    _publish(officer)
    # This week's reminders go out in the app only; the paper-only person, who has no account, gets none.
    registry.save_kind_settings(
        "codes.ack_reminder", enabled=True, mandatory=False, email=False, inapp=True, repeat_days=7, hour=8
    )
    assert run(app, ack_reminders, at("2026-11-09 08:00")) == 1
    assert [n.user_id for n in notices("codes.ack_reminder")] == [english.id]
    with count_statements() as quiet:
        assert run(app, ack_reminders, at("2026-11-09 09:00")) == 0
    # Nobody's message is built: no recipient is even looked up (their language is a recipient's column).
    assert quiet and not any("preferred_locale" in statement for statement in quiet)
    # Email is turned on the same week: the next run mails both, and tells no one in the app twice.
    registry.save_kind_settings(
        "codes.ack_reminder", enabled=True, mandatory=False, email=True, inapp=True, repeat_days=7, hour=8
    )
    assert run(app, ack_reminders, at("2026-11-09 10:00")) == 2
    mailed = sorted(m.email for m in outbox("codes.ack_reminder"))
    assert mailed == sorted([english.person.email, paper.email])
    assert len(notices("codes.ack_reminder")) == 1
    with count_statements() as again:
        assert run(app, ack_reminders, at("2026-11-09 11:00")) == 0
    assert again and not any("preferred_locale" in statement for statement in again)


def test_a_withdrawn_version_reminds_no_one(app):
    factories.user(locale="en")
    officer = factories.officer(locale="en", category_code="teacher")
    version = _publish(officer)
    from ethics_hr.codes.services import withdraw_version

    with time_machine.travel(at("2026-11-03 10:00"), tick=False):
        withdraw_version(version, reason="ผิดฉบับ", by=officer)
    assert run(app, ack_reminders, at("2026-11-09 08:00")) == 0


def test_after_the_due_date_heads_get_their_department_and_officers_everyone(app, smtp_server):
    finance = factories.department(name_th="กองคลัง", name_en="Finance Division")
    works = factories.department(name_th="กองช่าง", name_en="Public Works Division")
    welfare = factories.department(name_th="กองสวัสดิการสังคม", name_en="Social Welfare Division")  # no head
    finance_head = factories.user(locale="en", category_code="teacher", dept=finance)
    works_head = factories.person(category_code="teacher", dept=works)  # no account: told by email
    for dept, head in ((finance, finance_head.person), (works, works_head)):
        save_department(
            dept,
            code=dept.code,
            name_th=dept.name_th,
            name_en=dept.name_en,
            active=True,
            head_employee_number=head.employee_number,
        )
    late_a = factories.person(dept=finance, first_name_en="Anong", last_name_en="Late")
    factories.person(dept=finance, first_name_en="Boon", last_name_en="Late")
    on_time = factories.person(dept=finance)
    factories.person(dept=works, first_name_en="Chai", last_name_en="Late")
    late_welfare = factories.person(dept=welfare)
    officer = factories.officer(locale="en", category_code="teacher")
    version = _publish(officer)
    with time_machine.travel(at("2026-11-10 10:00"), tick=False):
        record_on_behalf(version, on_time, by=officer, note="paper", signed_on=date(2026, 11, 10))
    assert run(app, overdue_digests, at("2026-11-20 20:00")) == 0  # due that day: not late yet
    assert run(app, overdue_digests, at("2026-11-21 07:59")) == 0
    assert run(app, overdue_digests, at("2026-11-21 08:00")) == 3  # two heads and the officer
    assert run(app, overdue_digests, at("2026-11-22 08:00")) == 0
    with time_machine.travel(at("2026-11-24 10:00"), tick=False):
        record_on_behalf(version, late_a, by=officer, note="late", signed_on=date(2026, 11, 24))
    assert run(app, overdue_digests, at("2026-11-28 08:00")) == 3  # a week later, the lists as they are
    deliver(at("2026-11-28 08:00"))
    first, second = smtp_server.to(finance_head.person.email)
    assert first["Subject"] == "Code of Ethics for Local Officials: late acknowledgments (2)"
    assert "Anong Late" in text_of(first) and "Boon Late" in text_of(first)
    assert "Chai Late" not in text_of(first) and late_welfare.first_name_en not in text_of(first)
    assert "Anong Late" not in text_of(second) and "Boon Late" in text_of(second)
    assert "ทดสอบ" in text_of(smtp_server.to(works_head.email)[0])  # the default language: Thai
    (officer_first, _officer_second) = smtp_server.to(officer.person.email)
    body = text_of(officer_first)
    assert "People who have not acknowledged it yet: 4." in body
    assert (
        "Finance Division: 2" in body
        and "Public Works Division: 1" in body
        and "Social Welfare Division: 1" in body
    )
    assert f"/codes/versions/{version.id}/compliance?status=overdue" in body
    assert {n.user_id for n in notices("codes.overdue_digest")} == {finance_head.id, officer.id}
