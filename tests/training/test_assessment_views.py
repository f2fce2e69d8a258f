"""The test, evaluation and results pages: bad input shown next to its field with nothing written, a
participant's way through a session's tests and evaluation, and who may see what."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.learning.models import Attempt, Certificate
from ethics_hr.training import assessments, attendance, evaluations
from ethics_hr.training.models import Evaluation, EvaluationMark, RegistrationState, SessionTest
from tests import factories

RATINGS = {"content": "4", "speaker": "5", "usefulness": "3", "arrangements": "4", "overall": "5"}


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def _started(**kw):
    return factories.session(starts_at=utc_now() - timedelta(minutes=30), **kw)


def _attending(s, user):
    factories.register(s, user.person, RegistrationState.ENROLLED)
    attendance.record_marks(s, {user.person_id: "present"}, by_user_id=factories.officer().id)


def _tested(s, *, pass_percent: int = 100):
    bank = [factories.bank_question(f"สถานการณ์ {n}", topic="conflict_of_interest") for n in range(2)]
    for phase in ("pre", "post"):
        assessments.save_test(s, phase, question_ids=[q.id for q in bank], pass_percent=pass_percent)
    return bank


def _answers(test, *, wrong: int = 0) -> dict:
    data = {}
    for n, question in enumerate(test.questions):
        pick = next(c for c in question.choices if c.correct != (n < wrong))
        data[f"q{question.id}"] = str(pick.id)
    return data


def _order(html: str) -> str:
    import re

    return re.search(r'name="order" type="hidden" value="([0-9,]+)"', html).group(1)


# ---------------------------------------------------------------- the officer sets a test


def test_an_officer_sets_a_post_test_from_the_bank(client, login_as, in_english):
    login_as(factories.officer())
    s = factories.session()
    q = factories.bank_question()
    response = client.post(
        f"/training/sessions/{s.id}/tests/post",
        data={"pass_percent": "70", "required_for_certificate": "y", "question_ids": [str(q.id)]},
    )
    assert response.status_code == 302
    db.session.expire_all()
    test = s.test("post")
    assert test.pass_percent == 70 and [i.question_id for i in test.items] == [q.id]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Post-test" in page and 'data-testid="set-pre-test"' in page


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"pass_percent": "150"}, "pass_percent", "Enter a pass mark of 0 to 100 per cent."),
        ({"pass_percent": ""}, "pass_percent", "Enter a pass mark of 0 to 100 per cent."),
        ({"question_ids": []}, "question_ids", "Choose at least one question."),
    ],
)
def test_a_bad_test_is_shown_again_with_the_message_next_to_the_field(
    client, login_as, in_english, data, field, message
):
    login_as(factories.officer())
    s = factories.session()
    q = factories.bank_question()
    form = {"pass_percent": "65", "question_ids": [str(q.id)]} | data
    response = client.post(f"/training/sessions/{s.id}/tests/pre", data=form)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'data-field="{field}"' in html and message in html
    if form["pass_percent"]:
        assert f'value="{form["pass_percent"]}"' in html  # what was typed is kept
    assert _count(SessionTest) == 0


def test_only_an_officer_sets_tests_and_reads_results(client, login_as):
    s = factories.session()
    login_as(factories.user())
    for url in (
        f"/training/sessions/{s.id}/tests/pre",
        f"/training/sessions/{s.id}/results",
        "/training/outcome",
    ):
        assert client.get(url).status_code == 403
    login_as(factories.officer())
    assert client.get(f"/training/sessions/{s.id}/tests/middle").status_code == 404


# ---------------------------------------------------------------- a participant


def test_a_participant_takes_the_tests_evaluates_and_gets_the_certificate(client, login_as, in_english):
    s = _started()
    _tested(s)
    employee = factories.user()
    factories.register(s, employee.person, RegistrationState.ENROLLED)
    login_as(employee)
    page = client.get(f"/training/my/sessions/{s.id}").get_data(as_text=True)
    assert 'data-testid="take-pre-test"' in page and 'data-testid="take-post-test"' not in page
    form = client.get(f"/training/my/sessions/{s.id}/tests/pre").get_data(as_text=True)
    response = client.post(
        f"/training/my/sessions/{s.id}/tests/pre",
        data={"order": _order(form), **_answers(s.test("pre"), wrong=2)},
    )
    assert response.status_code == 302
    result = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "0 of 2 right" in result and 'data-testid="answered-question"' not in result  # no answers yet

    attendance.record_marks(s, {employee.person_id: "present"}, by_user_id=factories.officer().id)
    form = client.get(f"/training/my/sessions/{s.id}/tests/post").get_data(as_text=True)
    response = client.post(
        f"/training/my/sessions/{s.id}/tests/post", data={"order": _order(form), **_answers(s.test("post"))}
    )
    result = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'data-testid="test-passed"' in result and 'data-testid="training-certificate"' in result
    assert result.count('data-testid="answered-question"') == 2

    response = client.post(f"/training/my/sessions/{s.id}/evaluate", data={**RATINGS, "comment": "ได้ความรู้"})
    assert response.status_code == 302
    page = client.get(f"/training/my/sessions/{s.id}").get_data(as_text=True)
    assert 'data-testid="evaluated"' in page and 'data-testid="my-training-certificate"' in page
    assert db.session.scalar(sa.select(Evaluation.person_id)) is None
    assert _count(Certificate) == 1


def test_an_unanswered_question_is_shown_again_with_the_answers_kept(client, login_as, in_english):
    s = _started()
    _tested(s)
    employee = factories.user()
    factories.register(s, employee.person, RegistrationState.ENROLLED)
    login_as(employee)
    form = client.get(f"/training/my/sessions/{s.id}/tests/pre").get_data(as_text=True)
    answers = _answers(s.test("pre"))
    first, second = list(answers)
    response = client.post(
        f"/training/my/sessions/{s.id}/tests/pre", data={"order": _order(form), first: answers[first]}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f'data-field="{second}"' in html and "Answer this question." in html
    assert f'value="{answers[first]}" checked' in html
    assert _count(Attempt) == 0


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"speaker": None}, "speaker", "Give a rating from 1 to 5."),
        ({"overall": "9"}, "overall", "Not a valid choice"),
        ({"comment": "ก" * 2001}, "comment", "Keep the comment to 2000 characters."),
    ],
)
def test_a_bad_evaluation_is_shown_again_with_the_message_next_to_the_field(
    client, login_as, in_english, change, field, message
):
    s = _started()
    employee = factories.user()
    _attending(s, employee)
    login_as(employee)
    data = {**RATINGS, "comment": "ห้องเย็นเกินไป"} | change
    response = client.post(
        f"/training/my/sessions/{s.id}/evaluate", data={k: v for k, v in data.items() if v}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f'data-field="{field}"' in html and message in html
    if field != "comment":
        assert "ห้องเย็นเกินไป" in html  # the comment typed is kept
    assert _count(Evaluation) == 0 and _count(EvaluationMark) == 0


def test_someone_who_did_not_attend_cannot_evaluate_and_nobody_evaluates_twice(client, login_as, in_english):
    s = _started()
    absent, present = factories.user(), factories.user()
    factories.register(s, absent.person, RegistrationState.ENROLLED)
    _attending(s, present)
    login_as(absent)
    response = client.post(f"/training/my/sessions/{s.id}/evaluate", data=RATINGS)
    assert response.status_code == 409 and "for the people who attended" in response.get_data(as_text=True)
    login_as(present)
    assert client.post(f"/training/my/sessions/{s.id}/evaluate", data=RATINGS).status_code == 302
    again = client.post(f"/training/my/sessions/{s.id}/evaluate", data=RATINGS)
    assert again.status_code == 409 and _count(Evaluation) == 1
    stranger = factories.user()
    login_as(stranger)
    assert client.get(f"/training/my/sessions/{s.id}/evaluate").status_code == 404


def test_someone_elses_test_attempt_is_not_shown(client, login_as):
    s = _started()
    _tested(s, pass_percent=0)
    owner = factories.user()
    factories.register(s, owner.person, RegistrationState.ENROLLED)
    test = s.test("pre")
    attempt = assessments.take(
        s,
        "pre",
        owner.person,
        order=[q.id for q in test.questions],
        ticked={q.id: [q.choices[0].id] for q in test.questions},
    )
    login_as(factories.user())
    assert client.get(f"/training/test-attempts/{attempt.id}").status_code == 404
    login_as(factories.officer())
    assert client.get(f"/training/test-attempts/{attempt.id}").status_code == 200


# ---------------------------------------------------------------- results


def test_the_session_results_show_scores_ratings_and_holds_anonymous_comments(client, login_as, in_english):
    s = _started()
    _tested(s, pass_percent=50)
    people = [factories.person() for _ in range(2)]
    for n, p in enumerate(people):
        factories.register(s, p, RegistrationState.ENROLLED)
        attendance.record_marks(s, {p.id: "present"}, by_user_id=factories.officer().id)
        test = s.test("post")
        assessments.take(
            s,
            "post",
            p,
            order=[q.id for q in test.questions],
            ticked={q.id: [c.id for c in q.choices if c.correct] for q in test.questions},
        )
        evaluations.submit(
            s, p, ratings={**{k: int(v) for k, v in RATINGS.items()}, "overall": 3 + n}, comment="ดี"
        )
    login_as(factories.officer())
    html = client.get(f"/training/sessions/{s.id}/results").get_data(as_text=True)
    assert 'data-testid="post-score">100%' in html
    assert 'data-criterion="overall">3.50' in html
    assert 'data-testid="comments-held"' in html and "ดี</li>" not in html
    results = client.get(f"/training/results?fy={s.fiscal_year}").get_data(as_text=True)
    assert s.course.title_en in results and "3.50" in results
    outcome = client.get(f"/training/outcome?fy={s.fiscal_year}").get_data(as_text=True)
    assert 'data-testid="outcome-after">100%' in outcome and "Conflict of interest" in outcome
