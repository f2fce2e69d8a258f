"""Asking anonymously without an account, and following the question up with its receipt."""

from __future__ import annotations

from flask import abort, flash, render_template, url_for
from flask_babel import gettext as _

from ethics_hr.core import day_counter
from ethics_hr.core.access import client_address, public
from ethics_hr.core.errors import flashed, shown_on
from ethics_hr.core.exports import download
from ethics_hr.questions import services
from ethics_hr.questions.forms import FollowUpForm, PublicAskForm, ReceiptActionForm, ReceiptFileForm
from ethics_hr.questions.views.common import category_choices, public_bp

# Counted per organisation's day, not in a moving window: a window keeps each attempt's time (day_counter.py).
PUBLIC_ASK_PER_DAY = 5
RECEIPT_FAILURES_PER_DAY = 10


@public_bp.route("/", methods=["GET", "POST"])
@public
def public_ask():
    """Ask anonymously without logging in: nothing about the asker is kept."""
    form = PublicAskForm()
    category_choices(form)
    if form.validate_on_submit():
        address = client_address()
        # Counted under a salted hash of the address that expires with the day; the address is never written.
        if day_counter.is_blocked("public-ask", address, PUBLIC_ASK_PER_DAY):
            form.form_errors.append(_("Too many questions from here today. Please try again tomorrow."))
            return render_template("questions/ask.html", form=form, public=True), 429
        with shown_on(form) as outcome:
            asked = services.ask(
                category_id=form.category_id.data,
                subject=form.subject.data,
                body=form.body.data,
                clause=form.clause.data or "",
                asker=None,
            )
        if outcome.ok:
            day_counter.hit("public-ask", address)
            return render_receipt(asked)
    return render_template("questions/ask.html", form=form, public=True)


def render_receipt(asked):
    """Show an anonymous asker their reference and receipt code, once, with the means to keep them."""
    code = asked.receipt
    return render_template(
        "questions/receipt.html",
        question=asked.question,
        receipt=code,
        blocks=services.receipt_blocks(code),
        file_form=ReceiptFileForm(formdata=None, reference=asked.question.reference, code=code),
    )


@public_bp.route("/receipt.txt", methods=["POST"])
@public
def receipt_file():
    """Write the receipt the asker's browser sends back as a text file to keep; nothing is looked up."""
    form = ReceiptFileForm()
    reference = (form.reference.data or "").strip().upper()
    code = "".join((form.code.data or "").split())
    if not form.validate_on_submit() or not services.REFERENCE.match(reference):
        abort(400)
    text = render_template(
        "questions/receipt.txt",
        reference=reference,
        blocks=services.receipt_blocks(code),
        link=url_for("ask.follow_up", _external=True),
    )
    return download(text.replace("\n", "\r\n").encode("utf-8"), f"receipt-{reference}.txt")


def _receipt_question(reference: str, code: str):
    """Return the question for a receipt, counting failures; unknown reference and wrong code look alike."""
    address = client_address()
    if day_counter.is_blocked("receipt", address, RECEIPT_FAILURES_PER_DAY):
        abort(429)
    question = services.find_by_receipt(reference, code)
    if question is None:
        day_counter.hit("receipt", address)
    return question


def _render_follow_up(question, action: ReceiptActionForm):
    return render_template(
        "questions/follow_up.html", question=question, thread=services.asker_thread(question), action=action
    )


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
            return _render_follow_up(question, action)
    return render_template("questions/follow_up_login.html", form=form)


def _receipt_action() -> tuple[object, ReceiptActionForm]:
    action = ReceiptActionForm()
    if not action.validate_on_submit():
        abort(400)
    question = _receipt_question(action.reference.data, action.code.data) or abort(404)
    return question, action


@public_bp.route("/follow-up/reply", methods=["POST"])
@public
def follow_up_reply():
    """Answer the committee's request for clarification with the receipt."""
    question, action = _receipt_action()
    with shown_on(action) as outcome:
        services.reply_as_asker(question, action.body.data or "")
    if outcome.ok:
        flash(_("Your answer has been sent."), "success")
    return _render_follow_up(question, action)


@public_bp.route("/follow-up/close", methods=["POST"])
@public
def follow_up_close():
    """Close an anonymous question with the receipt."""
    question, action = _receipt_action()
    with flashed() as outcome:
        services.close_as_asker(question)
    if outcome.ok:
        flash(_("The question is closed. Thank you."), "success")
    return _render_follow_up(question, action)
