"""A version's quiz: set on the draft, frozen and sealed with the version, passed before acknowledging."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from flask_babel import force_locale

from ethics_hr.codes import acknowledgments as acks
from ethics_hr.codes import quiz, services
from ethics_hr.codes.content import content_sha256
from ethics_hr.codes.models import FrozenVersionError
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.learning.services import Unanswered, set_retired
from tests import factories


@pytest.fixture(autouse=True)
def _messages_in_english(app):
    with force_locale("en"):
        yield


def _ack(version, user):
    return acks.acknowledge(
        version, user, agreed=True, password=factories.PASSWORD, address="192.0.2.1", locale="th"
    )


def _take(version, person, *, wrong=0):
    order = [q.id for q in version.quiz.questions]
    return quiz.take(version, person, order=order, ticked=factories.quiz_answers(version, wrong=wrong))


def test_a_draft_takes_a_quiz_of_bank_questions_and_rejects_a_bad_one(app):
    version = factories.draft()
    questions = [factories.bank_question(f"ข้อ {n}") for n in range(3)]
    ids = [q.id for q in questions]
    for kw, field in (
        ({"pass_percent": 0, "question_ids": ids}, "pass_percent"),
        ({"pass_percent": 101, "question_ids": ids}, "pass_percent"),
        ({"pass_percent": 80, "question_ids": []}, "question_ids"),
        ({"pass_percent": 80, "question_ids": [*ids, 999]}, "question_ids"),
    ):
        with pytest.raises(RuleViolation) as caught:
            quiz.save_quiz(version, required=True, **kw)
        assert caught.value.field == field
    db.session.refresh(version)
    assert version.quiz is None
    quiz.save_quiz(version, pass_percent=80, required=True, question_ids=[ids[2], ids[0], ids[2]])
    assert [q.id for q in version.quiz.questions] == [ids[2], ids[0]]


def test_a_retired_question_cannot_join_a_quiz_but_stays_on_one_that_has_it(app):
    version = factories.draft()
    kept, retired = factories.bank_question("เดิม"), factories.bank_question("เลิกใช้")
    quiz.save_quiz(version, pass_percent=80, required=True, question_ids=[kept.id])
    set_retired(kept, True)
    set_retired(retired, True)
    quiz.save_quiz(version, pass_percent=60, required=False, question_ids=[kept.id])
    with pytest.raises(RuleViolation):
        quiz.save_quiz(version, pass_percent=60, required=False, question_ids=[kept.id, retired.id])


def test_publishing_freezes_the_quiz_and_its_questions_and_the_seal_covers_them(app):
    version = factories.draft()
    question = factories.bank_question()
    before = content_sha256(version)
    quiz.save_quiz(version, pass_percent=80, required=True, question_ids=[question.id])
    assert content_sha256(version) != before
    services.publish_version(
        version, major=True, due_date=factories.local_today() + timedelta(days=9), by=factories.officer()
    )
    assert services.seal_is_intact(version)
    assert db.session.get(type(question), question.id).is_frozen
    with pytest.raises(RuleViolation):
        quiz.save_quiz(version, pass_percent=50, required=False, question_ids=[question.id])
    version.quiz.pass_percent = 10
    with pytest.raises(FrozenVersionError):
        db.session.flush()
    db.session.rollback()


def test_publishing_an_empty_quiz_is_refused(app):
    version = factories.draft()
    question = factories.bank_question()
    quiz.save_quiz(version, pass_percent=80, required=True, question_ids=[question.id])
    version.quiz.items = []
    db.session.commit()
    with pytest.raises(RuleViolation, match="quiz"):
        services.publish_version(
            version, major=True, due_date=factories.local_today(), by=factories.officer()
        )


def test_the_next_draft_starts_with_the_same_quiz(app):
    version = factories.quizzed(questions=2, pass_percent=50, required=False)
    draft = services.start_draft(version.code)
    assert [q.id for q in draft.quiz.questions] == [q.id for q in version.quiz.questions]
    assert (draft.quiz.pass_percent, draft.quiz.required) == (50, False)
    quiz.remove_quiz(draft)
    assert draft.quiz is None and version.quiz is not None


def test_the_acknowledgment_waits_for_a_pass_and_a_fail_does_not_open_it(app):
    version = factories.quizzed(questions=4, pass_percent=75)
    user = factories.user()
    assert quiz.blocks_acknowledgment(version, user.person)
    with pytest.raises(RuleViolation, match="quiz"):
        _ack(version, user)
    failed = _take(version, user.person, wrong=2)
    assert not failed.passed
    with pytest.raises(RuleViolation, match="quiz"):
        _ack(version, user)
    passed = _take(version, user.person, wrong=1)
    assert passed.passed and not quiz.blocks_acknowledgment(version, user.person)
    row, created = _ack(version, user)
    assert created and row.version_id == version.id


def test_an_optional_quiz_does_not_hold_the_acknowledgment_back(app):
    version = factories.quizzed(required=False)
    user = factories.user()
    assert not quiz.blocks_acknowledgment(version, user.person)
    assert _ack(version, user)[1]


def test_a_paper_acknowledgment_asks_for_no_quiz(app):
    version = factories.quizzed()
    person = factories.person()
    row = acks.record_on_behalf(
        version, person, by=factories.officer(), note="ลงนามในที่ประชุม", signed_on=factories.local_today()
    )
    assert row.method == "on_behalf"


def test_a_renewal_asks_for_a_new_pass(app):
    version = factories.draft()
    version.reacknowledge_months = 12
    question = factories.bank_question()
    quiz.save_quiz(version, pass_percent=100, required=True, question_ids=[question.id])
    services.publish_version(
        version, major=True, due_date=factories.local_today() + timedelta(days=9), by=factories.officer()
    )
    user = factories.user()
    _take(version, user.person)
    _ack(version, user)
    with time_machine.travel(utc_now() + timedelta(days=400)):
        assert quiz.blocks_acknowledgment(version, user.person)
        _take(version, user.person)
        assert not quiz.blocks_acknowledgment(version, user.person)


def test_an_unanswered_quiz_writes_nothing(app):
    version = factories.quizzed(questions=2)
    person = factories.person()
    ticked = factories.quiz_answers(version)
    ticked[version.quiz.questions[1].id] = []
    with pytest.raises(Unanswered):
        quiz.take(version, person, order=[q.id for q in version.quiz.questions], ticked=ticked)
    assert quiz.results(version).attempts.attempts == 0


def test_the_results_count_people_once_and_show_the_hardest_question_first(app):
    dept = factories.department()
    version = factories.quizzed(questions=3, pass_percent=60)
    first, second = factories.person(dept=dept), factories.person()
    _take(version, first, wrong=2)
    _take(version, first, wrong=1)
    _take(version, second)
    results = quiz.results(version)
    assert (results.attempts.attempts, results.attempts.people_tried, results.attempts.people_passed) == (
        3,
        2,
        2,
    )
    hardest = results.hardest
    assert hardest[0].question.id == version.quiz.questions[0].id
    assert (hardest[0].answered, hardest[0].right) == (3, 1)
    mine = quiz.results(version, department_id=dept.id)
    assert (mine.attempts.attempts, mine.attempts.people_tried) == (2, 1)
    nobody = quiz.results(version, no_department=True)
    assert nobody.attempts.people_tried == 1
