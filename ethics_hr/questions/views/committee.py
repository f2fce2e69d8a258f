"""The committee's side: the queue, a question's page, and what a member does with it."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.committees.services import committee_member_people
from ethics_hr.core.args import page_arg
from ethics_hr.core.errors import flashed, shown_on
from ethics_hr.core.formatting import current_locale
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.questions import services
from ethics_hr.questions.forms import AssignForm, FaqForm, MessageForm, StepAsideForm
from ethics_hr.questions.handling import OPEN_FILTER
from ethics_hr.questions.models import FaqEntry, MessageKind
from ethics_hr.questions.views.common import bp, member_question, member_required


@bp.route("/committee")
@member_required
def queue():
    """The committee's queue: overdue first, then by due date."""
    status = request.args.get("status", OPEN_FILTER)
    mine = request.args.get("mine") == "1"
    page = db.paginate(
        services.queue_query(current_user.person, status=status, mine=mine),
        page=page_arg(),
        per_page=current_app.config["PER_PAGE"],
        error_out=False,
    )
    return render_template(
        "questions/queue.html",
        page=page,
        status=status,
        mine=mine,
        filters=services.queue_filters(),
        today=local_today(),
        is_overdue=services.is_overdue,
    )


@bp.route("/committee/<int:question_id>")
@member_required
def handle(question_id: int):
    """Show a question to a committee member, with its whole thread and the member's actions."""
    return _render_handle(member_question(question_id))


def _render_handle(question, **forms):
    assign_form = forms.get("assign_form") or AssignForm()
    members = committee_member_people()
    locale = current_locale()
    assign_form.member_id.choices = [(p.id, p.display_name(locale)) for p in members]
    faq_entry = services.faq_entry_of(question)
    faq_form = forms.get("faq_form") or FaqForm(
        title=faq_entry.title if faq_entry else question.subject, answer=faq_entry.answer if faq_entry else ""
    )
    return render_template(
        "questions/handle.html",
        question=question,
        asker=services.named_asker(question),
        members={p.id: p for p in members},
        message_form=forms.get("message_form") or MessageForm(),
        assign_form=assign_form,
        aside_form=forms.get("aside_form") or StepAsideForm(),
        faq_form=faq_form,
        faq_entry=faq_entry,
        confirm=ConfirmForm(),
        overdue=services.is_overdue(question),
        kinds=MessageKind,
    ), (400 if forms else 200)


@bp.route("/committee/<int:question_id>/take", methods=["POST"])
@member_required
def take(question_id: int):
    """Take the question for oneself."""
    question = member_question(question_id)
    if ConfirmForm().validate_on_submit():
        with flashed() as outcome:
            services.assign(question, current_user.person, to=current_user.person)
        if outcome.ok:
            flash(_("The question is yours."), "success")
    return redirect(url_for("questions.handle", question_id=question.id))


@bp.route("/committee/<int:question_id>/assign", methods=["POST"])
@member_required
def assign(question_id: int):
    """Give the question to another member."""
    question = member_question(question_id)
    form = AssignForm()
    members = {p.id: p for p in committee_member_people()}
    if form.validate_on_submit():
        target = members.get(form.member_id.data)
        if target is None:
            form.member_id.errors = [_("Choose a member from the list.")]
            return _render_handle(question, assign_form=form)
        with shown_on(form) as outcome:
            services.assign(question, current_user.person, to=target)
        if not outcome.ok:
            return _render_handle(question, assign_form=form)
        flash(_("The question has been assigned."), "success")
    return redirect(url_for("questions.handle", question_id=question.id))


def _message_actions():
    return {
        MessageKind.NOTE: (services.add_note, _("The note has been saved.")),
        MessageKind.CLARIFY: (services.ask_clarification, _("The asker has been asked for clarification.")),
        MessageKind.ANSWER: (services.answer, _("The answer has been sent.")),
    }


@bp.route("/committee/<int:question_id>/message/<kind>", methods=["POST"])
@member_required
def message(question_id: int, kind: str):
    """Write an internal note, ask for clarification, or answer."""
    question = member_question(question_id)
    actions = _message_actions()
    if kind not in actions:
        abort(404)
    action, done = actions[MessageKind(kind)]
    form = MessageForm()
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            action(question, current_user.person, form.body.data)
        if outcome.ok:
            flash(done, "success")
            return redirect(url_for("questions.handle", question_id=question.id))
    return _render_handle(question, message_form=form)


@bp.route("/committee/<int:question_id>/step-aside", methods=["POST"])
@member_required
def step_aside(question_id: int):
    """Step aside from the question; it disappears from one's queue."""
    question = member_question(question_id)
    form = StepAsideForm()
    if form.validate_on_submit():
        services.step_aside(question, current_user.person, form.reason.data or "")
        flash(_("You have stepped aside from question %(ref)s.", ref=question.reference), "info")
        return redirect(url_for("questions.queue"))
    return _render_handle(question, aside_form=form)


@bp.route("/committee/<int:question_id>/faq", methods=["POST"])
@member_required
def publish(question_id: int):
    """Publish the anonymised public version in the FAQ."""
    question = member_question(question_id)
    form = FaqForm()
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            services.publish_faq(
                question, current_user.person, title=form.title.data, answer_text=form.answer.data
            )
        if outcome.ok:
            flash(_("Published in the FAQ."), "success")
            return redirect(url_for("questions.handle", question_id=question.id))
    return _render_handle(question, faq_form=form)


@bp.route("/committee/faq/<int:entry_id>/withdraw", methods=["POST"])
@member_required
def withdraw(entry_id: int):
    """Take an entry off the FAQ."""
    entry = db.get_or_404(FaqEntry, entry_id)
    if entry.question_id:
        member_question(entry.question_id)
    if ConfirmForm().validate_on_submit():
        services.withdraw_faq(entry)
        flash(_("The entry is no longer in the FAQ."), "info")
    return redirect(
        url_for("questions.handle", question_id=entry.question_id)
        if entry.question_id
        else url_for("questions.faq")
    )
