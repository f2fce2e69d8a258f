"""An employee's own questions (asked by name or anonymously), the FAQ, and the year's statistics."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.core.access import login_required, requires
from ethics_hr.core.args import current_fiscal_year, fiscal_year_arg, id_arg
from ethics_hr.core.errors import flashed, shown_on
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.questions import services
from ethics_hr.questions.forms import AskForm, MessageForm
from ethics_hr.questions.views.common import bp, category_choices, may_see_stats
from ethics_hr.questions.views.public import render_receipt


@bp.route("/")
@login_required
def index():
    """List my own questions (asked by name) and link to asking and the FAQ."""
    return render_template("questions/index.html", questions=services.my_questions(current_user.person))


@bp.route("/new", methods=["GET", "POST"])
@login_required
def ask():
    """Ask the committee a question, by name or anonymously."""
    form = AskForm()
    category_choices(form)
    if form.validate_on_submit():
        asker = None if form.anonymous.data else current_user.person
        with shown_on(form) as outcome:
            asked = services.ask(
                category_id=form.category_id.data,
                subject=form.subject.data,
                body=form.body.data,
                clause=form.clause.data or "",
                asker=asker,
            )
        if outcome.ok:
            if asked.receipt:
                return render_receipt(asked)
            flash(_("Your question has been sent to the ethics committee."), "success")
            return redirect(url_for("questions.mine", question_id=asked.question.id))
    return render_template("questions/ask.html", form=form, public=False)


def _render_mine(question, form, status: int = 200):
    return render_template(
        "questions/mine.html",
        question=question,
        thread=services.asker_thread(question),
        form=form,
        confirm=ConfirmForm(),
    ), status


def _own_question(question_id: int):
    return services.own_question_or_none(question_id, current_user.person) or abort(404)


@bp.route("/<int:question_id>")
@login_required
def mine(question_id: int):
    """Show one of my own questions with the committee's messages (never its internal notes)."""
    return _render_mine(_own_question(question_id), MessageForm())


@bp.route("/<int:question_id>/reply", methods=["POST"])
@login_required
def reply(question_id: int):
    """Answer the committee's request for clarification."""
    question = _own_question(question_id)
    form = MessageForm()
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            services.reply_as_asker(question, form.body.data)
        if outcome.ok:
            flash(_("Your answer has been sent."), "success")
            return redirect(url_for("questions.mine", question_id=question.id))
    return _render_mine(question, form, 400)


@bp.route("/<int:question_id>/close", methods=["POST"])
@login_required
def close(question_id: int):
    """Close my question."""
    question = _own_question(question_id)
    if ConfirmForm().validate_on_submit():
        with flashed() as outcome:
            services.close_as_asker(question)
        if outcome.ok:
            flash(_("The question is closed. Thank you."), "success")
    return redirect(url_for("questions.mine", question_id=question.id))


@bp.route("/faq")
@login_required
def faq():
    """Read and search the published answers, grouped by category."""
    q = request.args.get("q", "")[:100]
    category_id = id_arg("category")
    return render_template(
        "questions/faq.html",
        entries=services.published_faq(q, category_id),
        q=q,
        category_id=category_id,
        categories=services.categories(),
    )


@bp.route("/statistics")
@requires(may_see_stats, "committee member or officer")
def statistics():
    """Questions per fiscal year: by category and status, and the time to answer."""
    fy = fiscal_year_arg()
    years = sorted(set(services.fiscal_years_with_questions()) | {current_fiscal_year()}, reverse=True)
    return render_template("questions/statistics.html", stats=services.stats(fy), fy=fy, years=years)
