"""What shows the learning: a session's tests (set by the officer, taken by participants), its evaluation,
its results, the results of a year by course, and the year's outcome."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.core.access import login_required, officer_required
from ethics_hr.core.args import fiscal_year_arg, fiscal_year_choices, id_arg
from ethics_hr.core.errors import flashed, shown_on
from ethics_hr.core.formatting import current_locale
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.extensions import db
from ethics_hr.learning import services as learning
from ethics_hr.training import assessments, evaluations, outcome, services
from ethics_hr.training.forms import EvaluationForm, TakeTestForm, TestForm
from ethics_hr.training.models import CRITERIA, CRITERION_LABELS, RATINGS, PrePost, TrainingSession
from ethics_hr.training.views.common import bp


def _phase(phase: str) -> PrePost:
    try:
        return PrePost(phase)
    except ValueError:
        abort(404)


# ---------------------------------------------------------------- the officer sets a test


@bp.route("/sessions/<int:session_id>/tests/<phase>", methods=["GET", "POST"])
@officer_required
def test_form(session_id: int, phase: str):
    """Set a session's pre-test or post-test from the bank (shown as it was once people have taken it)."""
    s = db.get_or_404(TrainingSession, session_id)
    phase = _phase(phase)
    test = s.test(phase)
    locked = assessments.taken(s, phase)
    form = TestForm(obj=test)
    own = test.questions if test else []
    listed = learning.bank_after(own)
    form.question_ids.choices = [(q.id, q.prompt()) for q in listed]
    if request.method == "GET":
        form.question_ids.data = [q.id for q in own]
    if not locked and form.validate_on_submit():
        picked = set(form.question_ids.data or [])
        with shown_on(form) as outcome_:
            assessments.save_test(
                s,
                phase,
                question_ids=[q.id for q in listed if q.id in picked],
                pass_percent=form.pass_percent.data,
                required_for_certificate=form.required_for_certificate.data,
            )
        if outcome_.ok:
            flash(_("The test has been saved."), "success")
            return redirect(url_for("training.session_results", session_id=s.id))
    return render_template(
        "training/test_form.html", s=s, phase=phase, test=test, form=form, listed=listed, locked=locked
    )


@bp.route("/sessions/<int:session_id>/tests/<phase>/remove", methods=["POST"])
@officer_required
def remove_test(session_id: int, phase: str):
    s = db.get_or_404(TrainingSession, session_id)
    phase = _phase(phase)
    if ConfirmForm().validate_on_submit():
        with flashed() as done:
            assessments.remove_test(s, phase)
        if done.ok:
            flash(_("The test has been removed."), "success")
    return redirect(url_for("training.session_results", session_id=s.id))


# ---------------------------------------------------------------- a participant takes it


def _mine(session_id: int) -> TrainingSession:
    s = db.get_or_404(TrainingSession, session_id)
    if services.registration_of(s.id, current_user.person_id) is None and not assessments.attended(
        s, current_user.person_id
    ):
        abort(404)
    return s


@bp.route("/my/sessions/<int:session_id>/tests/<phase>", methods=["GET", "POST"])
@login_required
def take_test(session_id: int, phase: str):
    """Answer a session's test, the questions in a new order at each try."""
    s = _mine(session_id)
    phase = _phase(phase)
    test = s.test(phase)
    if test is None or not test.items:
        abort(404)
    person = current_user.person
    reason = assessments.why_not(s, phase, person.id)
    form = TakeTestForm()
    question_ids = [i.question_id for i in test.items]
    order = learning.parse_order(form.order.data, question_ids) if request.method == "POST" else None
    ticked: dict[int, list[int]] = {}
    missing: set[int] = set()
    status = 200
    if reason is None and form.validate_on_submit() and order is not None:
        ticked = {qid: request.form.getlist(f"q{qid}", type=int) for qid in question_ids}
        try:
            attempt = assessments.take(s, phase, person, order=order, ticked=ticked, locale=current_locale())
        except learning.Unanswered as error:
            missing = set(error.question_ids)
            form.form_errors.append(error.message)
            status = 422
        else:
            return redirect(url_for("training.test_attempt", attempt_id=attempt.id))
    elif reason is None and request.method == "POST":
        form.form_errors.append(_("The test changed or the form expired. Please answer again."))
        status = 400
    if order is None:
        order = assessments.order_for(test, person.id)
    by_id = {q.id: q for q in test.questions}
    form.order.data = ",".join(str(qid) for qid in order)
    return (
        render_template(
            "training/take_test.html",
            s=s,
            test=test,
            form=form,
            reason=reason,
            questions=[by_id[qid] for qid in order],
            ticked=ticked,
            missing=missing,
        ),
        status,
    )


@bp.route("/test-attempts/<int:attempt_id>")
@login_required
def test_attempt(attempt_id: int):
    """A try at a session's test: the score; after a post-test, each question with the right answer."""
    attempt = assessments.attempt_for(current_user.person, attempt_id, officer=current_user.is_officer)
    if attempt is None:
        abort(404)
    s = db.get_or_404(TrainingSession, attempt.subject_id)
    phase = assessments.phase_of(attempt)
    mine = attempt.person_id == current_user.person_id
    explained = phase == PrePost.POST or not mine
    return render_template(
        "training/test_attempt.html",
        attempt=attempt,
        s=s,
        phase=phase,
        answers=learning.graded_answers(attempt) if explained else [],
        mine=mine,
        can_retry=mine and assessments.why_not(s, phase, attempt.person_id) is None,
        certificate=assessments.certificate_of(s, attempt.person_id) if mine else None,
    )


# ---------------------------------------------------------------- a participant evaluates


@bp.route("/my/sessions/<int:session_id>/evaluate", methods=["GET", "POST"])
@login_required
def evaluate(session_id: int):
    """Evaluate a session attended: five ratings and a comment, once."""
    s = _mine(session_id)
    person = current_user.person
    reason = evaluations.why_not(s, person.id)
    form = EvaluationForm()
    status = 200
    if reason is None and form.validate_on_submit():
        with shown_on(form) as done:
            evaluations.submit(
                s,
                person,
                ratings={c: form[c].data for c in CRITERIA},
                comment=form.comment.data or "",
            )
        if done.ok:
            flash(_("Thank you: your evaluation has been recorded."), "success")
            return redirect(url_for("training.my_session", session_id=s.id))
        status = 422
    elif request.method == "POST":
        status = 422 if reason is None else 409
    return render_template("training/evaluate.html", s=s, form=form, reason=reason), status


# ---------------------------------------------------------------- results


@bp.route("/sessions/<int:session_id>/results")
@officer_required
def session_results(session_id: int):
    """A session's tests (people, score before and after, per question) and its evaluation."""
    s = db.get_or_404(TrainingSession, session_id)
    tests = assessments.results(s)
    summary = evaluations.summary([s.id])
    return render_template(
        "training/session_results.html",
        s=s,
        tests=tests,
        pre=tests.get(PrePost.PRE),
        post=tests.get(PrePost.POST),
        summary=summary,
        comments=evaluations.comments(s, summary.evaluations) if s.evaluated else [],
        min_for_comments=evaluations.MIN_FOR_COMMENTS,
        criteria=CRITERIA,
        criterion_labels=CRITERION_LABELS,
        ratings=RATINGS,
        confirm=ConfirmForm(),
        PrePost=PrePost,
    )


@bp.route("/results")
@officer_required
def results():
    """A fiscal year's results course by course: sessions, participants, hours, tests and evaluations."""
    fy = fiscal_year_arg()
    course_id = id_arg("course")
    return render_template(
        "training/results.html",
        fy=fy,
        fys=fiscal_year_choices(),
        rows=assessments.course_results(fy, course_id=course_id),
        courses=services.courses(),
        course_id=course_id,
    )


@bp.route("/outcome")
@officer_required
def outcome_page():
    """The year's outcome: scenario questions answered right before and after training, by group."""
    fy = fiscal_year_arg()
    return render_template(
        "training/outcome.html",
        fy=fy,
        fys=fiscal_year_choices(),
        year=outcome.year_outcome(fy, current_locale()),
    )
