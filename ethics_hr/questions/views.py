"""Ethics questions: employees ask (by name or anonymously), members answer, everyone reads the FAQ."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.core import throttle
from ethics_hr.core.access import client_address, login_required, public, requires
from ethics_hr.core.errors import RuleViolation, apply_to_form
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.core.timeutil import fiscal_year_of, local_today
from ethics_hr.extensions import db
from ethics_hr.questions import services
from ethics_hr.questions.forms import (
    AskForm,
    AssignForm,
    FaqForm,
    FollowUpForm,
    MessageForm,
    PublicAskForm,
    ReceiptActionForm,
    StepAsideForm,
)
from ethics_hr.questions.models import FaqEntry

bp = Blueprint("questions", __name__, url_prefix="/questions")
public_bp = Blueprint("ask", __name__, url_prefix="/ask")

PUBLIC_ASK_LIMIT = "5 per hour"
RECEIPT_LIMIT = "10 per hour"


def is_member(user) -> bool:
    from ethics_hr.committees.services import is_committee_member

    return is_committee_member(user)


def may_see_stats(user) -> bool:
    return user.is_officer or is_member(user)


member_required = requires(is_member, "committee member")


def _locale() -> str:
    return str(get_locale() or "th")


def _category_choices(form) -> None:
    form.category_id.choices = [(None, "—")] + [(c.id, c.name(_locale())) for c in services.categories()]


# ---------------------------------------------------------------- employees


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
    _category_choices(form)
    if form.validate_on_submit():
        asker = None if form.anonymous.data else current_user.person
        try:
            asked = services.ask(
                category_id=form.category_id.data,
                subject=form.subject.data,
                body=form.body.data,
                clause=form.clause.data or "",
                asker=asker,
            )
        except RuleViolation as error:
            db.session.rollback()
            apply_to_form(form, error)
        else:
            if asked.receipt:
                return render_template(
                    "questions/receipt.html", question=asked.question, receipt=asked.receipt
                )
            flash(_("Your question has been sent to the ethics committee."), "success")
            return redirect(url_for("questions.mine", question_id=asked.question.id))
    return render_template("questions/ask.html", form=form, public=False)


@bp.route("/<int:question_id>")
@login_required
def mine(question_id: int):
    """Show one of my own questions with the committee's messages (never its internal notes)."""
    question = services.own_question_or_none(question_id, current_user.person) or abort(404)
    return render_template(
        "questions/mine.html",
        question=question,
        thread=services.asker_thread(question),
        form=MessageForm(),
        confirm=ConfirmForm(),
    )


@bp.route("/<int:question_id>/reply", methods=["POST"])
@login_required
def reply(question_id: int):
    """Answer the committee's request for clarification."""
    question = services.own_question_or_none(question_id, current_user.person) or abort(404)
    form = MessageForm()
    if form.validate_on_submit():
        try:
            services.reply_as_asker(question, form.body.data)
        except RuleViolation as error:
            db.session.rollback()
            apply_to_form(form, error)
        else:
            flash(_("Your answer has been sent."), "success")
            return redirect(url_for("questions.mine", question_id=question.id))
    return render_template(
        "questions/mine.html",
        question=question,
        thread=services.asker_thread(question),
        form=form,
        confirm=ConfirmForm(),
    ), 400


@bp.route("/<int:question_id>/close", methods=["POST"])
@login_required
def close(question_id: int):
    """Close my question."""
    question = services.own_question_or_none(question_id, current_user.person) or abort(404)
    if ConfirmForm().validate_on_submit():
        try:
            services.close_as_asker(question)
        except RuleViolation as error:
            flash(error.message, "warning")
        else:
            flash(_("The question is closed. Thank you."), "success")
    return redirect(url_for("questions.mine", question_id=question.id))


@bp.route("/faq")
@login_required
def faq():
    """Read and search the published answers, grouped by category."""
    q = request.args.get("q", "")[:100]
    category_id = request.args.get("category", type=int)
    entries = list(db.session.scalars(services.faq_query(q, category_id)))
    return render_template(
        "questions/faq.html", entries=entries, q=q, category_id=category_id, categories=services.categories()
    )


# ---------------------------------------------------------------- anonymous, without an account


@public_bp.route("/", methods=["GET", "POST"])
@public
def public_ask():
    """Ask anonymously without logging in: nothing about the asker is kept."""
    form = PublicAskForm()
    _category_choices(form)
    if form.validate_on_submit():
        address = client_address()
        # Counted by a keyed hash of the address that expires with the window; the address is never written.
        if throttle.is_blocked("public-ask", address, PUBLIC_ASK_LIMIT):
            form.form_errors.append(
                _("Too many questions from here in a short time. Please try again later.")
            )
            return render_template("questions/ask.html", form=form, public=True), 429
        try:
            asked = services.ask(
                category_id=form.category_id.data,
                subject=form.subject.data,
                body=form.body.data,
                clause=form.clause.data or "",
                asker=None,
            )
        except RuleViolation as error:
            db.session.rollback()
            apply_to_form(form, error)
        else:
            throttle.hit("public-ask", address, PUBLIC_ASK_LIMIT)
            return render_template("questions/receipt.html", question=asked.question, receipt=asked.receipt)
    return render_template("questions/ask.html", form=form, public=True)


def _receipt_question(reference: str, code: str):
    """Return the question for a receipt, counting failures; unknown reference and wrong code look alike."""
    address = client_address()
    if throttle.is_blocked("receipt", address, RECEIPT_LIMIT):
        abort(429)
    question = services.find_by_receipt(reference, code)
    if question is None:
        throttle.hit("receipt", address, RECEIPT_LIMIT)
    return question


@public_bp.route("/follow-up", methods=["GET", "POST"])
@public
def follow_up():
    """Come back with the reference and receipt code to read the answer, clarify, or close."""
    form = FollowUpForm()
    if form.validate_on_submit():
        question = _receipt_question(form.reference.data, form.code.data)
        if question is None:
            form.code.errors = [_("The reference or the receipt code is not correct.")]
        else:
            action = ReceiptActionForm(reference=question.reference, code=form.code.data.strip())
            return render_template(
                "questions/follow_up.html",
                question=question,
                thread=services.asker_thread(question),
                action=action,
            )
    return render_template("questions/follow_up_login.html", form=form)


@public_bp.route("/follow-up/reply", methods=["POST"])
@public
def follow_up_reply():
    """Answer the committee's request for clarification with the receipt."""
    action = ReceiptActionForm()
    if not action.validate_on_submit():
        abort(400)
    question = _receipt_question(action.reference.data, action.code.data) or abort(404)
    try:
        services.reply_as_asker(question, action.body.data or "")
    except RuleViolation as error:
        db.session.rollback()
        action.body.errors = [error.message]
    else:
        flash(_("Your answer has been sent."), "success")
    return render_template(
        "questions/follow_up.html", question=question, thread=services.asker_thread(question), action=action
    )


@public_bp.route("/follow-up/close", methods=["POST"])
@public
def follow_up_close():
    """Close an anonymous question with the receipt."""
    action = ReceiptActionForm()
    if not action.validate_on_submit():
        abort(400)
    question = _receipt_question(action.reference.data, action.code.data) or abort(404)
    try:
        services.close_as_asker(question)
    except RuleViolation as error:
        flash(error.message, "warning")
    else:
        flash(_("The question is closed. Thank you."), "success")
    return render_template(
        "questions/follow_up.html", question=question, thread=services.asker_thread(question), action=action
    )


# ---------------------------------------------------------------- committee members


def _member_question(question_id: int):
    return services.visible_question(question_id, current_user.person) or abort(404)


def _members():
    from ethics_hr.committees.services import committee_member_people

    return committee_member_people()


@bp.route("/committee")
@member_required
def queue():
    """The committee's queue: overdue first, then by due date."""
    status = request.args.get("status", "open")
    mine = request.args.get("mine") == "1"
    page = db.paginate(
        services.queue_query(current_user.person, status=status, mine=mine),
        per_page=current_app.config["PER_PAGE"],
        error_out=False,
    )
    return render_template(
        "questions/queue.html",
        page=page,
        status=status,
        mine=mine,
        today=local_today(),
        is_overdue=services.is_overdue,
    )


@bp.route("/committee/<int:question_id>")
@member_required
def handle(question_id: int):
    """Show a question to a committee member, with its whole thread and the member's actions."""
    question = _member_question(question_id)
    return _render_handle(question)


def _render_handle(question, **forms):
    assign_form = forms.get("assign_form") or AssignForm()
    members = _members()
    assign_form.member_id.choices = [(p.id, p.display_name(_locale())) for p in members]
    faq_entry = db.session.scalar(db.select(FaqEntry).where(FaqEntry.question_id == question.id))
    faq_form = forms.get("faq_form") or FaqForm(
        title=faq_entry.title if faq_entry else question.subject, answer=faq_entry.answer if faq_entry else ""
    )
    people = {p.id: p for p in members}
    return render_template(
        "questions/handle.html",
        question=question,
        members=people,
        message_form=forms.get("message_form") or MessageForm(),
        assign_form=assign_form,
        aside_form=forms.get("aside_form") or StepAsideForm(),
        faq_form=faq_form,
        faq_entry=faq_entry,
        confirm=ConfirmForm(),
        overdue=services.is_overdue(question),
    ), (400 if forms else 200)


@bp.route("/committee/<int:question_id>/take", methods=["POST"])
@member_required
def take(question_id: int):
    """Take the question for oneself."""
    question = _member_question(question_id)
    if ConfirmForm().validate_on_submit():
        try:
            services.assign(question, current_user.person, to=current_user.person)
        except RuleViolation as error:
            flash(error.message, "warning")
        else:
            flash(_("The question is yours."), "success")
    return redirect(url_for("questions.handle", question_id=question.id))


@bp.route("/committee/<int:question_id>/assign", methods=["POST"])
@member_required
def assign(question_id: int):
    """Give the question to another member."""
    question = _member_question(question_id)
    form = AssignForm()
    members = {p.id: p for p in _members()}
    if form.validate_on_submit():
        target = members.get(form.member_id.data)
        if target is None:
            form.member_id.errors = [_("Choose a member from the list.")]
            return _render_handle(question, assign_form=form)
        try:
            services.assign(question, current_user.person, to=target)
        except RuleViolation as error:
            apply_to_form(form, error)
            return _render_handle(question, assign_form=form)
        flash(_("The question has been assigned."), "success")
    return redirect(url_for("questions.handle", question_id=question.id))


@bp.route("/committee/<int:question_id>/message/<kind>", methods=["POST"])
@member_required
def message(question_id: int, kind: str):
    """Write an internal note, ask for clarification, or answer."""
    question = _member_question(question_id)
    actions = {"note": services.add_note, "clarify": services.ask_clarification, "answer": services.answer}
    if kind not in actions:
        abort(404)
    form = MessageForm()
    if form.validate_on_submit():
        try:
            actions[kind](question, current_user.person, form.body.data)
        except RuleViolation as error:
            db.session.rollback()
            apply_to_form(form, error)
        else:
            flash(
                {
                    "note": _("The note has been saved."),
                    "clarify": _("The asker has been asked for clarification."),
                    "answer": _("The answer has been sent."),
                }[kind],
                "success",
            )
            return redirect(url_for("questions.handle", question_id=question.id))
    return _render_handle(question, message_form=form)


@bp.route("/committee/<int:question_id>/step-aside", methods=["POST"])
@member_required
def step_aside(question_id: int):
    """Step aside from the question; it disappears from one's queue."""
    question = _member_question(question_id)
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
    question = _member_question(question_id)
    form = FaqForm()
    if form.validate_on_submit():
        try:
            services.publish_faq(
                question, current_user.person, title=form.title.data, answer_text=form.answer.data
            )
        except RuleViolation as error:
            db.session.rollback()
            apply_to_form(form, error)
        else:
            flash(_("Published in the FAQ."), "success")
            return redirect(url_for("questions.handle", question_id=question.id))
    return _render_handle(question, faq_form=form)


@bp.route("/committee/faq/<int:entry_id>/withdraw", methods=["POST"])
@member_required
def withdraw(entry_id: int):
    """Take an entry off the FAQ."""
    entry = db.get_or_404(FaqEntry, entry_id)
    if entry.question_id:
        _member_question(entry.question_id)
    if ConfirmForm().validate_on_submit():
        services.withdraw_faq(entry)
        flash(_("The entry is no longer in the FAQ."), "info")
    return redirect(
        url_for("questions.handle", question_id=entry.question_id)
        if entry.question_id
        else url_for("questions.faq")
    )


@bp.route("/statistics")
@requires(may_see_stats, "committee member or officer")
def statistics():
    """Questions per fiscal year: by category and status, and the time to answer."""
    fy = request.args.get("fy", type=int) or fiscal_year_of(local_today())
    years = sorted(
        set(services.fiscal_years_with_questions()) | {fiscal_year_of(local_today())}, reverse=True
    )
    return render_template("questions/statistics.html", stats=services.stats(fy), fy=fy, years=years)
