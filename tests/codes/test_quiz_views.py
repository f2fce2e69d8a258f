"""The quiz and question bank pages: bad input shown next to its field with nothing written, the employee's
journey from a failed try to the acknowledgment, and who may see what."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from ethics_hr.codes import quiz
from ethics_hr.codes.models import CodeQuiz
from ethics_hr.extensions import db
from ethics_hr.learning.models import Attempt, BankQuestion
from tests import factories


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def _question_form(**kw) -> dict:
    data = {
        "kind": "single",
        "topic": "gifts",
        "scenario": "y",
        "prompt_th": "ผู้รับเหมานำกระเช้ามามอบให้ ควรทำอย่างไร",
        "prompt_en": "",
        "choices-0-text_th": "ปฏิเสธ",
        "choices-0-correct": "y",
        "choices-1-text_th": "รับไว้",
        "explanation_th": "ผู้รับเหมาเป็นผู้มีส่วนได้เสีย",
        "clause": "ข้อ 12",
    }
    data.update(kw)
    return {k: v for k, v in data.items() if v is not None}


def test_an_officer_adds_a_question_to_the_bank(client, login_as, in_english):
    login_as(factories.officer())
    response = client.post("/learning/questions/new", data=_question_form())
    assert response.status_code == 302
    question = db.session.scalar(sa.select(BankQuestion))
    assert [(c.text_th, c.correct) for c in question.choices] == [("ปฏิเสธ", True), ("รับไว้", False)]
    assert question.scenario and question.topic == "gifts"
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "ผู้รับเหมานำกระเช้ามามอบให้" in html


@pytest.mark.parametrize(
    ("kw", "field", "message"),
    [
        ({"prompt_th": ""}, "prompt_th", "This field is required."),
        ({"choices-0-correct": None}, "choices", "Mark exactly one choice as right"),
        ({"choices-1-text_th": ""}, "choices", "Give at least two choices."),
        ({"kind": "essay"}, "kind", "Not a valid choice"),
        ({"topic": "weather"}, "topic", "Not a valid choice"),
    ],
)
def test_a_bad_question_is_shown_again_with_the_message_next_to_the_field(
    client, login_as, in_english, kw, field, message
):
    login_as(factories.officer())
    response = client.post("/learning/questions/new", data=_question_form(**kw))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'data-field="{field}"' in html
    assert message in html
    assert "ผู้มีส่วนได้เสีย" in html  # what was typed is kept
    assert _count(BankQuestion) == 0


def test_a_frozen_question_sends_the_officer_to_copy_it(client, login_as, in_english):
    login_as(factories.officer())
    version = factories.quizzed(questions=1)
    question = version.quiz.questions[0]
    response = client.get(f"/learning/questions/{question.id}/edit")
    assert response.status_code == 302
    response = client.post(f"/learning/questions/{question.id}/edit", data=_question_form(prompt_th="แก้"))
    assert response.status_code == 302
    assert db.session.get(BankQuestion, question.id).prompt_th == "คำถามที่ 1"
    response = client.post(f"/learning/questions/{question.id}/copy")
    assert response.status_code == 302
    assert _count(BankQuestion) == 2


def test_the_quiz_form_keeps_the_input_and_writes_nothing_on_a_bad_pass_mark(client, login_as, in_english):
    login_as(factories.officer())
    version = factories.draft()
    question = factories.bank_question()
    url = f"/codes/versions/{version.id}/quiz"
    for data, field in (
        ({"pass_percent": "150", "question_ids": [str(question.id)]}, "pass_percent"),
        ({"pass_percent": "abc", "question_ids": [str(question.id)]}, "pass_percent"),
        ({"pass_percent": "80"}, "question_ids"),
    ):
        response = client.post(url, data=data)
        html = response.get_data(as_text=True)
        assert response.status_code == 200, data
        assert f'data-field="{field}"' in html
        assert data["pass_percent"] in html
    assert _count(CodeQuiz) == 0
    response = client.post(
        url, data={"pass_percent": "80", "required": "y", "question_ids": [str(question.id)]}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(CodeQuiz, version.id).pass_percent == 80


def _order(html: str) -> str:
    return re.search(r'name="order" type="hidden" value="([\d,]+)"', html).group(1)


def test_an_employee_fails_then_passes_the_quiz_and_then_acknowledges(client, login_as, in_english):
    version = factories.quizzed(questions=4, pass_percent=75)
    employee = login_as(factories.user())
    page = client.get(f"/codes/versions/{version.id}/acknowledge").get_data(as_text=True)
    assert 'data-testid="quiz-first"' in page and 'data-testid="acknowledge-form"' not in page
    url = f"/codes/versions/{version.id}/quiz/take"
    html = client.get(url).get_data(as_text=True)
    order = _order(html)
    # One question left unanswered: shown again with the ticks kept and nothing written.
    answers = factories.quiz_answers(version, wrong=2)
    first, *rest = version.quiz.questions
    data = {"order": order, **{f"q{q.id}": [str(c) for c in answers[q.id]] for q in rest}}
    response = client.post(url, data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f'data-field="q{first.id}"' in html
    assert html.count("checked") == 3
    assert _count(Attempt) == 0
    # Two wrong of four: not passed; the result explains and offers another try.
    data[f"q{first.id}"] = [str(c) for c in answers[first.id]]
    response = client.post(url, data=data)
    assert response.status_code == 302
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'data-testid="quiz-failed"' in html and 'data-testid="retry-quiz"' in html
    assert "Because the code says so." in html
    # The next try comes in a new order; one wrong of four passes.
    html = client.get(url).get_data(as_text=True)
    assert _order(html) != order
    answers = factories.quiz_answers(version, wrong=1)
    data = {"order": _order(html), **{f"q{qid}": [str(c) for c in ticks] for qid, ticks in answers.items()}}
    response = client.post(url, data=data)
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'data-testid="quiz-passed"' in html and 'data-testid="go-acknowledge"' in html
    page = client.get(f"/codes/versions/{version.id}/acknowledge").get_data(as_text=True)
    assert 'data-testid="acknowledge-form"' in page and 'data-testid="quiz-passed-note"' in page
    response = client.post(
        f"/codes/versions/{version.id}/acknowledge", data={"agree": "y", "password": factories.PASSWORD}
    )
    assert response.status_code == 302
    assert quiz.passed(version, employee.person) is not None


def test_a_forged_order_is_refused_and_nothing_is_written(client, login_as, in_english):
    version = factories.quizzed(questions=2)
    login_as(factories.user())
    answers = factories.quiz_answers(version)
    data = {"order": "1", **{f"q{qid}": [str(c) for c in ticks] for qid, ticks in answers.items()}}
    response = client.post(f"/codes/versions/{version.id}/quiz/take", data=data)
    assert response.status_code == 400
    assert _count(Attempt) == 0


def test_a_quiz_is_for_its_audience_and_an_attempt_for_its_person(client, login_as, in_english):
    version = factories.quizzed(questions=1)
    owner = factories.user()
    attempt = factories.pass_quiz(version, owner.person)
    db.session.commit()
    login_as(factories.user())
    assert client.get(f"/codes/quiz-attempts/{attempt.id}").status_code == 404
    assert client.get(f"/codes/versions/{version.id}/quiz/results").status_code in (302, 403)
    login_as(factories.user(category_code="council_member"))
    assert client.get(f"/codes/versions/{version.id}/quiz/take").status_code == 404
    login_as(owner)
    assert client.get(f"/codes/quiz-attempts/{attempt.id}").status_code == 200


def test_the_results_page_filters_by_department(client, login_as, in_english):
    dept = factories.department()
    version = factories.quizzed(questions=2)
    factories.pass_quiz(version, factories.person(dept=dept))
    factories.pass_quiz(version, factories.person())
    db.session.commit()
    login_as(factories.officer())
    url = f"/codes/versions/{version.id}/quiz/results"
    assert 'data-testid="question-stats"' in client.get(url).get_data(as_text=True)
    assert client.get(f"{url}?department={dept.id}").status_code == 200
    assert client.get(f"{url}?department=none").status_code == 200
    assert client.get(f"{url}?department={dept.id + 99}").status_code == 404


def test_a_question_is_tied_to_a_do_or_dont_of_a_code_in_force(client, login_as, in_english):
    login_as(factories.officer())
    version, _ = factories.published_code(donts=("ไม่รับของขวัญจากผู้รับเหมา",))
    dont = next(d for d in version.dos_donts if not d.is_do)
    form = client.get("/learning/questions/new").get_data(as_text=True)
    assert "Don&#39;t: ไม่รับของขวัญจากผู้รับเหมา" in form or "Don't: ไม่รับของขวัญจากผู้รับเหมา" in form
    response = client.post("/learning/questions/new", data=_question_form(dos_dont_id=str(dont.id)))
    assert response.status_code == 302
    question = db.session.scalar(sa.select(BankQuestion))
    assert question.dos_dont_id == dont.id
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'data-testid="question-statement"' in page and "ไม่รับของขวัญจากผู้รับเหมา" in page


def test_a_statement_of_no_code_in_force_is_refused_next_to_the_field(client, login_as, in_english):
    login_as(factories.officer())
    draft_only, _ = factories.published_code(publish=False)
    response = client.post(
        "/learning/questions/new", data=_question_form(dos_dont_id=str(draft_only.dos_donts[0].id))
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'data-field="dos_dont_id"' in html and "Choose a statement of a code in force." in html
    assert "ผู้มีส่วนได้เสีย" in html
    assert _count(BankQuestion) == 0
