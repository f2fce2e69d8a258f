"""The question bank's rules, grading, attempts as evidence, and the counts kept of them."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask_babel import force_locale
from sqlalchemy.exc import DatabaseError

from ethics_hr.core.errors import RuleViolation
from ethics_hr.extensions import db
from ethics_hr.learning import services
from ethics_hr.learning.models import (
    Answer,
    AnswerTally,
    Attempt,
    AttemptTally,
    BankChoice,
    BankQuestion,
    FrozenQuestionError,
)
from tests import factories


def _content(**kw) -> services.QuestionContent:
    values = {
        "prompt_th": "คำถาม",
        "choices": [services.ChoiceContent("ก", correct=True), services.ChoiceContent("ข")],
    }
    return services.QuestionContent(**{**values, **kw})


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


@pytest.mark.parametrize(
    ("kw", "field", "message"),
    [
        ({"prompt_th": "  "}, "prompt_th", "This field is required."),
        ({"choices": [services.ChoiceContent("ก", correct=True)]}, "choices", "Give at least two choices."),
        (
            {
                "choices": [
                    services.ChoiceContent("ก", correct=True),
                    services.ChoiceContent("ข", correct=True),
                ]
            },
            "choices",
            "Mark exactly one choice as right for a single-choice question.",
        ),
        (
            {"kind": "multiple", "choices": [services.ChoiceContent("ก"), services.ChoiceContent("ข")]},
            "choices",
            "Mark at least one choice as right.",
        ),
        (
            {"choices": [services.ChoiceContent("ก", correct=True), services.ChoiceContent("", "B only")]},
            "choices",
            "Write each choice in Thai.",
        ),
        ({"topic": "weather"}, "topic", "Choose a topic."),
        ({"kind": "essay"}, "kind", "Choose single or multiple choice."),
    ],
)
def test_a_question_that_breaks_a_rule_is_refused_and_nothing_is_written(app, kw, field, message):
    officer = factories.officer()
    with force_locale("en"), pytest.raises(RuleViolation) as caught:
        services.save_question(None, _content(**kw), by=officer)
    assert (caught.value.field, caught.value.message) == (field, message)
    assert _count(BankQuestion) == 0
    assert _count(BankChoice) == 0


def test_empty_choice_rows_are_dropped_and_the_rest_numbered(app):
    choices = [
        services.ChoiceContent("ก", "A"),
        services.ChoiceContent(" ", ""),
        services.ChoiceContent("ค", "C", correct=True),
    ]
    question = services.save_question(None, _content(choices=choices), by=factories.officer())
    assert [(c.position, c.text_th, c.correct) for c in question.choices] == [(1, "ก", False), (2, "ค", True)]


def test_a_frozen_question_cannot_change_but_can_be_copied(app):
    officer = factories.officer()
    question = factories.bank_question(by=officer)
    services.freeze([question.id])
    db.session.commit()
    with force_locale("en"), pytest.raises(RuleViolation, match="Copy it"):
        services.save_question(question, _content(prompt_th="ใหม่"), by=officer)
    db.session.refresh(question)
    question.prompt_th = "แก้ตรง ๆ"
    with pytest.raises(FrozenQuestionError):
        db.session.flush()
    db.session.rollback()
    question.choices[0].text_th = "แก้ตัวเลือก"
    with pytest.raises(FrozenQuestionError):
        db.session.flush()
    db.session.rollback()
    copy = services.copy_question(question, by=officer)
    assert copy.copied_from_id == question.id and not copy.is_frozen
    services.save_question(copy, _content(prompt_th="ฉบับแก้"), by=officer)
    assert db.session.get(BankQuestion, question.id).prompt_th == "ผู้รับเหมานำของขวัญมามอบให้ ควรทำอย่างไร"


def test_a_retired_question_leaves_the_bank_list_and_can_come_back(app):
    question = factories.bank_question()
    services.set_retired(question, True)
    assert question not in services.bank()
    assert question in services.bank(services.BankFilter(retired=True))
    services.set_retired(question, False)
    assert question in services.bank(services.BankFilter(topic="gifts", scenario=True))
    assert question not in services.bank(services.BankFilter(topic="conduct"))


def test_grading_wants_exactly_the_right_choices(app):
    single = factories.bank_question("หนึ่งข้อ", right=(1,))
    multiple = factories.bank_question("หลายข้อ", right=(0, 2), kind="multiple")
    s, m = [c.id for c in single.choices], [c.id for c in multiple.choices]
    graded = services.grade([single, multiple], {single.id: [s[1]], multiple.id: [m[0], m[2]]})
    assert [g.correct for g in graded] == [True, True]
    graded = services.grade([single, multiple], {single.id: [s[1], s[0]], multiple.id: [m[0]]})
    assert [g.correct for g in graded] == [False, False]
    # A choice of another question counts as nothing: the question is unanswered.
    with pytest.raises(services.Unanswered) as caught:
        services.grade([single, multiple], {single.id: [m[0]], multiple.id: [m[0]]})
    assert caught.value.question_ids == [single.id]


def test_an_attempt_is_recorded_with_its_answers_and_counts(app):
    dept = factories.department()
    person = factories.person(dept=dept)
    questions = [factories.bank_question(f"ข้อ {n}") for n in range(4)]
    right = {q.id: [q.choices[0].id] for q in questions}
    wrong_one = {**right, questions[0].id: [questions[0].choices[1].id]}
    wrong_two = {**wrong_one, questions[1].id: [questions[1].choices[2].id]}

    def attempt(ticked):
        return services.record_attempt(
            person, purpose="code_quiz", subject_id=7, questions=questions, ticked=ticked, pass_percent=75
        )

    failed = attempt(wrong_two)
    assert (failed.correct_count, failed.total, failed.passed, failed.percent) == (2, 4, False, 50)
    passed = attempt(wrong_one)
    assert (passed.correct_count, passed.passed) == (3, True)
    attempt(right)
    assert failed.question_order == ",".join(str(q.id) for q in questions)
    assert services.passed_attempt(person.id, "code_quiz", 7).id == passed.id + 1
    stats = services.attempt_stats("code_quiz", 7)
    assert (stats.attempts, stats.passed, stats.people_tried, stats.people_passed) == (3, 2, 1, 1)
    per_question = services.question_stats("code_quiz", 7, questions, department_key=dept.id)
    assert [(s.answered, s.right) for s in per_question] == [(3, 1), (3, 2), (3, 3), (3, 3)]
    assert services.question_stats("code_quiz", 7, questions, department_key=dept.id + 1)[0].answered == 0

    kept = _tallies()
    services.rebuild_tallies()
    assert _tallies() == kept


def _tallies():
    answers = db.session.execute(sa.select(AnswerTally.__table__).order_by(*AnswerTally.__table__.c)).all()
    attempts = db.session.execute(sa.select(AttemptTally.__table__).order_by(*AttemptTally.__table__.c)).all()
    return answers, attempts


def test_an_unanswered_question_writes_nothing(app):
    person = factories.person()
    questions = [factories.bank_question(f"ข้อ {n}") for n in range(2)]
    with pytest.raises(services.Unanswered):
        services.record_attempt(
            person,
            purpose="code_quiz",
            subject_id=1,
            questions=questions,
            ticked={questions[0].id: [questions[0].choices[0].id]},
            pass_percent=50,
        )
    assert _count(Attempt) == _count(Answer) == _count(AnswerTally) == 0


def test_attempts_and_answers_are_append_only(app):
    person = factories.person()
    question = factories.bank_question()
    services.record_attempt(
        person,
        purpose="code_quiz",
        subject_id=1,
        questions=[question],
        ticked={question.id: [question.choices[0].id]},
        pass_percent=100,
    )
    db.session.commit()
    for statement in (
        sa.update(Attempt).values(passed=False),
        sa.delete(Answer),
        sa.update(Answer).values(correct=False),
    ):
        with pytest.raises(DatabaseError):
            db.session.execute(statement)
        db.session.rollback()


def test_a_new_order_differs_from_the_last_one_and_a_forged_order_is_refused(app):
    ids = [1, 2, 3, 4, 5]
    assert sorted(services.new_order(ids, before=ids)) == ids
    assert services.new_order(ids, before=ids) != ids
    assert services.parse_order("3,1,2,5,4", ids) == [3, 1, 2, 5, 4]
    assert services.parse_order("3,1,2,5", ids) is None
    assert services.parse_order("3,1,2,5,9", ids) is None
    assert services.parse_order("x", ids) is None
