"""A version's quiz: the officer sets it on the draft and reads what people got wrong; employees take it."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.codes import acknowledgments as acks
from ethics_hr.codes import quiz as quizzes
from ethics_hr.codes.forms import QuizForm, TakeQuizForm
from ethics_hr.codes.models import CodeVersion
from ethics_hr.codes.views.common import bp
from ethics_hr.core.access import login_required, officer_required
from ethics_hr.core.args import id_arg
from ethics_hr.core.errors import flashed, shown_on
from ethics_hr.core.formatting import current_locale
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.extensions import db
from ethics_hr.learning import services as learning
from ethics_hr.people import services as people

NO_DEPARTMENT = "none"


@bp.route("/versions/<int:version_id>/quiz", methods=["GET", "POST"])
@officer_required
def quiz_form(version_id: int):
    """Set a draft's quiz from the bank (a published version's quiz is shown as it was frozen)."""
    version = db.get_or_404(CodeVersion, version_id)
    if not version.is_draft:
        if version.quiz is None:
            abort(404)
        return render_template("codes/quiz.html", version=version)
    form = QuizForm(obj=version.quiz)
    own = version.quiz.questions if version.quiz else []
    listed = learning.bank_after(own)
    form.question_ids.choices = [(q.id, q.prompt()) for q in listed]
    if request.method == "GET":
        form.question_ids.data = [q.id for q in own]
    if form.validate_on_submit():
        picked = set(form.question_ids.data or [])
        order = [q.id for q in listed if q.id in picked]
        with shown_on(form) as outcome:
            quizzes.save_quiz(
                version, pass_percent=form.pass_percent.data, required=form.required.data, question_ids=order
            )
        if outcome.ok:
            flash(_("The quiz has been saved."), "success")
            return redirect(url_for("codes.edit_version", version_id=version.id, _anchor="quiz"))
    return render_template("codes/quiz_form.html", form=form, version=version, listed=listed)


@bp.route("/versions/<int:version_id>/quiz/remove", methods=["POST"])
@officer_required
def remove_quiz(version_id: int):
    """Take the quiz off a draft."""
    version = db.get_or_404(CodeVersion, version_id)
    if ConfirmForm().validate_on_submit():
        with flashed() as outcome:
            quizzes.remove_quiz(version)
        if outcome.ok:
            flash(_("The quiz has been removed."), "success")
    return redirect(url_for("codes.edit_version", version_id=version.id, _anchor="quiz"))


@bp.route("/versions/<int:version_id>/quiz/results")
@officer_required
def quiz_results(version_id: int):
    """Who took a version's quiz, and per question the share answering right: everyone or one department."""
    version = db.get_or_404(CodeVersion, version_id)
    if not version.was_published or version.quiz is None:
        abort(404)
    no_department = request.args.get("department") == NO_DEPARTMENT
    department_id = None if no_department else id_arg("department")
    departments = people.all_departments()
    if department_id is not None and department_id not in {d.id for d in departments}:
        abort(404)
    return render_template(
        "codes/quiz_results.html",
        version=version,
        results=quizzes.results(version, department_id=department_id, no_department=no_department),
        departments=departments,
        department_id=department_id,
        no_department=no_department,
        NO_DEPARTMENT=NO_DEPARTMENT,
    )


def _takeable(version_id: int) -> CodeVersion:
    version = db.get_or_404(CodeVersion, version_id)
    person = current_user.person
    if not version.is_published or version.quiz is None or not version.quiz.items:
        abort(404)
    if not acks.applies_to(version, person):
        abort(404)
    return version


@bp.route("/versions/<int:version_id>/quiz/take", methods=["GET", "POST"])
@login_required
def take_quiz(version_id: int):
    """Answer a version's quiz, the questions in a new order each time; then see what was right and why."""
    version = _takeable(version_id)
    person = current_user.person
    form = TakeQuizForm()
    question_ids = [i.question_id for i in version.quiz.items]
    order = learning.parse_order(form.order.data, question_ids) if request.method == "POST" else None
    ticked: dict[int, list[int]] = {}
    missing: set[int] = set()
    status = 200
    if form.validate_on_submit() and order is not None:
        ticked = {qid: request.form.getlist(f"q{qid}", type=int) for qid in question_ids}
        try:
            attempt = quizzes.take(version, person, order=order, ticked=ticked, locale=current_locale())
        except learning.Unanswered as error:
            missing = set(error.question_ids)
            form.form_errors.append(error.message)
            status = 422
        else:
            return redirect(url_for("codes.quiz_attempt", attempt_id=attempt.id))
    elif request.method == "POST":
        form.form_errors.append(_("The quiz changed or the form expired. Please answer again."))
        status = 400
    if order is None:
        order = quizzes.order_for(version, person)
    by_id = {q.id: q for q in version.quiz.questions}
    form.order.data = ",".join(str(qid) for qid in order)
    return (
        render_template(
            "codes/take_quiz.html",
            version=version,
            form=form,
            questions=[by_id[qid] for qid in order],
            ticked=ticked,
            missing=missing,
            passed=quizzes.passed(version, person),
        ),
        status,
    )


@bp.route("/quiz-attempts/<int:attempt_id>")
@login_required
def quiz_attempt(attempt_id: int):
    """One attempt at a quiz as recorded: the score, and each question with the right answer explained."""
    attempt = quizzes.attempt_for(current_user.person, attempt_id, officer=current_user.is_officer)
    if attempt is None:
        abort(404)
    version = db.get_or_404(CodeVersion, attempt.subject_id)
    mine = attempt.person_id == current_user.person_id
    can_acknowledge = (
        mine
        and attempt.passed
        and version.is_published
        and acks.current_acknowledgment_of(current_user.person, version) is None
    )
    return render_template(
        "codes/quiz_attempt.html",
        attempt=attempt,
        version=version,
        answers=learning.graded_answers(attempt),
        mine=mine,
        can_acknowledge=can_acknowledge,
        can_retry=mine and not attempt.passed and version.is_published,
    )
