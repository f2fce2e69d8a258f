"""The question bank: the personnel office writes, copies and retires the questions quizzes draw from."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.core.access import officer_required
from ethics_hr.core.errors import shown_on
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.extensions import db
from ethics_hr.learning import services
from ethics_hr.learning.forms import QuestionForm
from ethics_hr.learning.models import TOPIC_LABELS, BankQuestion

bp = Blueprint("learning", __name__, url_prefix="/learning")


@bp.route("/questions")
@officer_required
def bank():
    """List the bank's questions, by topic; scenarios only, or the retired ones, on request."""
    topic = request.args.get("topic") or None
    if topic is not None and topic not in TOPIC_LABELS:
        abort(404)
    flt = services.BankFilter(
        topic=topic,
        scenario=True if request.args.get("scenario") == "1" else None,
        retired=request.args.get("retired") == "1",
    )
    return render_template(
        "learning/bank.html",
        questions=services.bank(flt),
        flt=flt,
        topics=TOPIC_LABELS,
        confirm=ConfirmForm(),
    )


def _fill(form: QuestionForm, question: BankQuestion) -> None:
    content = services.content_of(question)
    for entry, choice in zip(form.choices.entries, content.choices, strict=False):
        entry.form.text_th.data = choice.text_th
        entry.form.text_en.data = choice.text_en
        entry.form.correct.data = choice.correct


@bp.route("/questions/new", methods=["GET", "POST"], defaults={"question_id": None})
@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@officer_required
def question_form(question_id: int | None):
    """Write a question with its choices and explanation, or change one nobody has been shown yet."""
    question = db.get_or_404(BankQuestion, question_id) if question_id else None
    if question is not None and question.is_frozen:
        flash(_("People have already been shown this question. Copy it to make a changed one."), "warning")
        return redirect(url_for("learning.question", question_id=question.id))
    form = QuestionForm(obj=question)
    if request.method == "GET" and question is not None:
        _fill(form, question)
    if form.validate_on_submit():
        content = services.QuestionContent(
            prompt_th=form.prompt_th.data or "",
            kind=form.kind.data,
            topic=form.topic.data,
            scenario=form.scenario.data,
            prompt_en=form.prompt_en.data or "",
            explanation_th=form.explanation_th.data or "",
            explanation_en=form.explanation_en.data or "",
            clause=form.clause.data or "",
            choices=[
                services.ChoiceContent(
                    e.form.text_th.data or "", e.form.text_en.data or "", e.form.correct.data
                )
                for e in form.choices.entries
            ],
        )
        with shown_on(form) as outcome:
            saved = services.save_question(question, content, by=current_user._get_current_object())
        if outcome.ok:
            flash(_("The question has been saved."), "success")
            return redirect(url_for("learning.question", question_id=saved.id))
    return render_template("learning/question_form.html", form=form, question=question)


@bp.route("/questions/<int:question_id>")
@officer_required
def question(question_id: int):
    """One question as people see it, with the right answers and the explanation."""
    return render_template(
        "learning/question.html", question=db.get_or_404(BankQuestion, question_id), confirm=ConfirmForm()
    )


@bp.route("/questions/<int:question_id>/copy", methods=["POST"])
@officer_required
def copy(question_id: int):
    """Copy a question into a new one that can be changed."""
    original = db.get_or_404(BankQuestion, question_id)
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("learning.question", question_id=original.id))
    copied = services.copy_question(original, by=current_user._get_current_object())
    flash(_("A copy has been made: change it and save."), "success")
    return redirect(url_for("learning.question_form", question_id=copied.id))


@bp.route("/questions/<int:question_id>/<any(retire, restore):action>", methods=["POST"])
@officer_required
def retire(question_id: int, action: str):
    """Retire a question (quizzes that have it keep it), or bring it back into the bank."""
    question = db.get_or_404(BankQuestion, question_id)
    if ConfirmForm().validate_on_submit():
        services.set_retired(question, action == "retire")
        flash(
            _("The question has been retired.")
            if action == "retire"
            else _("The question is back in the bank."),
            "success",
        )
    return redirect(url_for("learning.question", question_id=question.id))
