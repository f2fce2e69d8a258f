"""A session's tests, evaluations, certificates for attending, the after-session notice, and the outcome."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
import time_machine
from sqlalchemy.exc import DatabaseError

from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.learning import services as learning
from ethics_hr.learning.models import Attempt, Certificate, OutcomeTally
from ethics_hr.notifications.models import Notice
from ethics_hr.training import assessments, attendance, evaluations, jobs, outcome, sessions
from ethics_hr.training.models import (
    Evaluation,
    EvaluationMark,
    EvaluationTally,
    PrePost,
    RegistrationState,
    TrainingSession,
)
from tests import factories

RATINGS = {"content": 4, "speaker": 5, "usefulness": 3, "arrangements": 4, "overall": 5}


def _started(**kw) -> TrainingSession:
    return factories.session(starts_at=utc_now() - timedelta(minutes=30), **kw)


def _with_tests(s: TrainingSession, *, scenario: bool = True, pass_percent: int = 50, questions: int = 2):
    bank = [
        factories.bank_question(f"สถานการณ์ {n}", topic="conflict_of_interest", scenario=scenario)
        for n in range(questions)
    ]
    ids = [q.id for q in bank]
    for phase in (PrePost.PRE, PrePost.POST):
        assessments.save_test(s, phase, question_ids=ids, pass_percent=pass_percent)
    return bank


def _answers(test, *, wrong: int = 0) -> dict[int, list[int]]:
    ticked = {}
    for n, question in enumerate(test.questions):
        pick = [c for c in question.choices if c.correct != (n < wrong)][:1]
        ticked[question.id] = [c.id for c in pick]
    return ticked


def _take(s, phase, person, *, wrong: int = 0):
    test = s.test(phase)
    return assessments.take(
        s, phase, person, order=[q.id for q in test.questions], ticked=_answers(test, wrong=wrong)
    )


def _attend(s, person, status: str = "present"):
    factories.register(s, person, RegistrationState.ENROLLED)
    attendance.record_marks(s, {person.id: status}, by_user_id=factories.officer().id)


# ---------------------------------------------------------------- setting a test


def test_a_test_needs_bank_questions_and_a_pass_mark_in_range(app):
    s = factories.session()
    q = factories.bank_question()
    with pytest.raises(RuleViolation) as no_questions:
        assessments.save_test(s, "pre", question_ids=[], pass_percent=60)
    assert no_questions.value.field == "question_ids"
    with pytest.raises(RuleViolation) as bad_mark:
        assessments.save_test(s, "pre", question_ids=[q.id], pass_percent=101)
    assert bad_mark.value.field == "pass_percent"
    with pytest.raises(RuleViolation):
        assessments.save_test(s, "pre", question_ids=[q.id, 987_654], pass_percent=60)
    db.session.expire_all()
    assert s.tests == []
    test = assessments.save_test(s, "post", question_ids=[q.id, q.id], pass_percent=60)
    assert [i.question_id for i in test.items] == [q.id]
    assert test.required_for_certificate


def test_a_test_taken_by_someone_can_no_longer_change(app):
    s = _started()
    _with_tests(s)
    p = factories.person()
    factories.register(s, p, RegistrationState.ENROLLED)
    _take(s, "pre", p)
    other = factories.bank_question("อีกข้อ")
    with pytest.raises(RuleViolation, match="can no longer change"):
        assessments.save_test(s, "pre", question_ids=[other.id], pass_percent=60)
    with pytest.raises(RuleViolation, match="can no longer change"):
        assessments.remove_test(s, "pre")
    # the post-test nobody took yet can still change, and its questions answered in the pre-test are frozen
    assessments.save_test(s, "post", question_ids=[other.id], pass_percent=60)
    assert all(q.is_frozen for q in s.test("pre").questions)


# ---------------------------------------------------------------- taking it


def test_the_pre_test_is_for_seat_holders_once_and_closes_when_the_session_ends(app):
    s = _started()
    _with_tests(s)
    holder, stranger = factories.person(), factories.person()
    factories.register(s, holder, RegistrationState.ENROLLED)
    factories.register(s, stranger, RegistrationState.INVITED)
    assert "holding a seat" in assessments.why_not(s, "pre", stranger.id)
    attempt = _take(s, "pre", holder, wrong=1)
    assert attempt.passed and attempt.correct_count == 1  # half right, at the pass mark of 50%
    with pytest.raises(RuleViolation, match="taken once"):
        _take(s, "pre", holder)
    late = factories.person()
    factories.register(s, late, RegistrationState.ENROLLED)
    with time_machine.travel(s.ends_at + timedelta(minutes=1)):
        assert "over" in assessments.why_not(s, "pre", late.id)


def test_the_post_test_is_for_those_who_attended_until_they_pass(app):
    s = _started()
    _with_tests(s, pass_percent=100)
    absent, present = factories.person(), factories.person()
    _attend(s, absent, "absent")
    _attend(s, present)
    with pytest.raises(RuleViolation, match="attended"):
        _take(s, "post", absent)
    assert not _take(s, "post", present, wrong=1).passed
    assert _take(s, "post", present).passed
    assert "passed" in assessments.why_not(s, "post", present.id)
    later = factories.session()
    _with_tests(later)
    assert "opens when the session starts" in assessments.why_not(later, "post", present.id)


def test_only_the_first_try_of_each_test_counts_toward_the_outcome(app):
    s = _started()
    _with_tests(s, pass_percent=100)
    p = factories.person()
    _attend(s, p)
    _take(s, "pre", p, wrong=2)
    _take(s, "post", p, wrong=1)
    _take(s, "post", p)  # the retry after reading the explanations does not flatter the measure
    year = learning.outcome(s.fiscal_year)[None]
    assert (year.answered_before, year.right_before) == (2, 0)
    assert (year.answered_after, year.right_after) == (2, 1)

    def tally() -> set[tuple]:
        return {
            (r.phase, r.topic, r.department_key, r.staff_category_id, r.answered, r.correct)
            for r in db.session.scalars(sa.select(OutcomeTally))
        }

    kept = tally()
    outcome.rebuild()
    db.session.expire_all()
    again = tally()
    key = p.department_id or 0, p.staff_category_id
    assert kept == again
    # The topic's row, and the sums the page reads: per topic, department, category and in all.
    assert {row for row in kept if row[0] == "after"} == {
        ("after", "conflict_of_interest", *key, 2, 1),
        ("after", "conflict_of_interest", -1, -1, 2, 1),
        ("after", "*", key[0], -1, 2, 1),
        ("after", "*", -1, key[1], 2, 1),
        ("after", "*", -1, -1, 2, 1),
    }
    assert len(kept) == 10


def test_questions_that_are_not_scenarios_do_not_count_toward_the_outcome(app):
    s = _started()
    _with_tests(s, scenario=False)
    p = factories.person()
    _attend(s, p)
    _take(s, "post", p)
    assert learning.outcome(s.fiscal_year) == {}
    assert outcome.headline(s.fiscal_year, "en") is None


def test_the_years_outcome_per_department_and_its_headline(app):
    s = _started()
    _with_tests(s)
    hr, finance = factories.department(name_th="กองการเจ้าหน้าที่"), factories.department(name_th="กองคลัง")
    a, b = factories.person(dept=hr), factories.person(dept=finance)
    for p, wrong_before in ((a, 2), (b, 1)):
        _attend(s, p)
        _take(s, "pre", p, wrong=wrong_before)
        _take(s, "post", p)
    year = outcome.year_outcome(s.fiscal_year, "th")
    assert (year.total.before, year.total.after) == (25.0, 100.0)
    by_department = {line.label: (line.outcome.before, line.outcome.after) for line in year.departments}
    assert by_department == {"กองการเจ้าหน้าที่": (0.0, 100.0), "กองคลัง": (50.0, 100.0)}
    assert [line.label for line in year.topics] == ["Conflict of interest"]
    assert outcome.headline(s.fiscal_year, "en") == (
        "Staff answering conflict-of-interest scenarios correctly: 25% → 100% "
        "(before and after training, 8 answers)"
    )


# ---------------------------------------------------------------- certificates


def test_attending_an_ethics_session_without_a_post_test_earns_the_certificate(app):
    s = _started(hours=2.5)
    present, late, absent = factories.person(), factories.person(), factories.person()
    _attend(s, present)
    _attend(s, absent, "absent")
    other = _started(course_=factories.course(is_ethics=False))
    _attend(other, late)
    rows = list(db.session.scalars(sa.select(Certificate)))
    assert [(c.person_id, c.subject_id, c.hours) for c in rows] == [(present.id, s.id, 2.5)]
    assert rows[0].title_en.startswith("Attended the training")


def test_a_required_post_test_must_be_passed_for_the_certificate(app):
    s = _started()
    _with_tests(s, pass_percent=100)
    p = factories.person()
    _attend(s, p)
    assert assessments.certificate_of(s, p.id) is None
    _take(s, "post", p, wrong=1)
    assert assessments.certificate_of(s, p.id) is None
    _take(s, "post", p)
    assert assessments.certificate_of(s, p.id) is not None


def test_a_corrected_attendance_revokes_the_certificate_and_earning_it_again_reissues_it(app):
    s = _started()
    p = factories.person()
    officer = factories.officer()
    _attend(s, p)
    first = assessments.certificate_of(s, p.id)
    attendance.record_marks(s, {p.id: "absent"}, by_user_id=officer.id)
    db.session.expire_all()
    assert first.is_revoked and first.revocation.automatic
    attendance.record_marks(s, {p.id: "present"}, by_user_id=officer.id)
    second = assessments.certificate_of(s, p.id)
    assert second.id != first.id and second.edition == 1 and not second.is_revoked
    assert second.reissue_of_id == first.id


# ---------------------------------------------------------------- evaluations


def test_an_anonymous_evaluation_keeps_no_person_and_a_second_one_is_refused(app):
    s = _started()
    p = factories.person()
    _attend(s, p)
    evaluations.submit(s, p, ratings=RATINGS, comment="  ดีมาก  ")
    row = db.session.scalar(sa.select(Evaluation))
    assert row.person_id is None and row.comment == "ดีมาก"
    assert db.session.get(EvaluationMark, (s.id, p.id)) is not None
    with pytest.raises(RuleViolation, match="You have evaluated"):
        evaluations.submit(s, p, ratings=RATINGS)
    assert db.session.scalar(sa.select(sa.func.count(Evaluation.id))) == 1
    for change in (sa.update(Evaluation).values(overall=1), sa.delete(EvaluationMark)):
        with pytest.raises(DatabaseError):  # evidence: the database refuses to change it
            db.session.execute(change)
        db.session.rollback()


def test_an_evaluation_needs_every_rating_and_attendance(app):
    s = _started()
    p, absent = factories.person(), factories.person()
    _attend(s, p)
    _attend(s, absent, "absent")
    with pytest.raises(RuleViolation) as missing:
        evaluations.submit(s, p, ratings={**RATINGS, "speaker": 0})
    assert missing.value.field == "speaker"
    with pytest.raises(RuleViolation, match="attended"):
        evaluations.submit(s, absent, ratings=RATINGS)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(EvaluationMark)) == 0


def test_the_summary_counts_each_rating_and_matches_a_count_from_the_evaluations(app):
    s = _started(evaluation="named")
    people = [factories.person() for _ in range(3)]
    for n, p in enumerate(people):
        _attend(s, p)
        evaluations.submit(s, p, ratings={**RATINGS, "overall": 3 + n}, comment=f"ความเห็น {n}")
    summary = evaluations.summary([s.id])
    assert summary.evaluations == 3 and summary.overall == 4.0
    assert summary.criteria["speaker"].counts[5] == 3
    kept = sorted(
        db.session.execute(
            sa.select(EvaluationTally.criterion, EvaluationTally.rating, EvaluationTally.count)
        ).all()
    )
    evaluations.rebuild_tallies()
    again = sorted(
        db.session.execute(
            sa.select(EvaluationTally.criterion, EvaluationTally.rating, EvaluationTally.count)
        ).all()
    )
    assert kept == again
    named = evaluations.comments(s, summary.evaluations)
    assert {c.person.id for c in named} == {p.id for p in people}


def test_an_anonymous_sessions_comments_wait_for_three_and_carry_no_names(app):
    s = _started()
    people = [factories.person() for _ in range(3)]
    for n, p in enumerate(people[:2]):
        _attend(s, p)
        evaluations.submit(s, p, ratings=RATINGS, comment=f"ข {n}")
    assert evaluations.comments(s, 2) == []
    _attend(s, people[2])
    evaluations.submit(s, people[2], ratings=RATINGS, comment="ก ก่อน")
    shown = evaluations.comments(s, 3)
    assert [c.text for c in shown] == ["ก ก่อน", "ข 0", "ข 1"]  # by text, not by arrival
    assert all(c.person is None for c in shown)


def test_whether_a_session_is_anonymous_cannot_change_once_someone_evaluated(app):
    s = _started()
    p = factories.person()
    _attend(s, p)
    evaluations.submit(s, p, ratings=RATINGS)
    data = sessions.SessionInput(
        course_id=s.course_id,
        day=s.starts_at.date(),
        start=s.starts_at.time(),
        end=s.ends_at.time(),
        capacity=s.capacity,
        status=s.status,
        evaluation="named",
    )
    with pytest.raises(RuleViolation) as refused:
        sessions._apply(s, data)
    assert refused.value.field == "evaluation"


# ---------------------------------------------------------------- the notice after the session


def test_the_after_session_notice_goes_once_to_those_who_attended(app):
    s = _started(hours_long=1)
    _with_tests(s)
    present, absent = factories.user(), factories.user()
    _attend(s, present.person)
    _attend(s, absent.person, "absent")
    assert jobs.after_session_notices(utc_now()) == 0  # not over yet
    after = s.ends_at + timedelta(hours=1)
    assert jobs.after_session_notices(after) == 1
    assert jobs.after_session_notices(after) == 0
    notice = db.session.scalar(sa.select(Notice).where(Notice.kind == "training.after_session"))
    assert notice.user_id == present.id and notice.link.endswith(f"/training/my/sessions/{s.id}")
    assert jobs.after_session_notices(s.ends_at + timedelta(days=8)) == 0


def test_course_results_and_a_plan_items_summary_read_the_counts(app):
    s = _started()
    _with_tests(s)
    p = factories.person()
    _attend(s, p)
    _take(s, "pre", p, wrong=1)
    _take(s, "post", p)
    evaluations.submit(s, p, ratings=RATINGS)
    (row,) = assessments.course_results(s.fiscal_year)
    assert (row.sessions, row.participants, row.hours) == (1, 1, 3.0)
    assert (row.learning.pre, row.learning.post, row.learning.evaluations) == (50.0, 100.0, 1)
    summary = assessments.learning_summary(sa.select(sa.literal(s.id)))
    assert summary.overall == 5.0
    assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 2
