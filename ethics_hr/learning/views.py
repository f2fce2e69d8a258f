"""The question bank the personnel office keeps, and certificates: one's own, revoked, reissued, checked."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.core.access import login_required, officer_required, public
from ethics_hr.core.errors import shown_on
from ethics_hr.core.exports import download
from ethics_hr.core.formatting import current_locale
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.extensions import db, limiter
from ethics_hr.learning import certificate_pdf as pdf_layout
from ethics_hr.learning import certificates, services
from ethics_hr.learning.forms import CertificateActionForm, QuestionForm
from ethics_hr.learning.models import TOPIC_LABELS, BankQuestion, Certificate

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
    statements = services.statement_choices(current_locale())
    if question is not None and question.dos_dont_id and question.dos_dont_id not in dict(statements):
        statements.append((question.dos_dont_id, _("(a statement of an earlier version)")))
    form.dos_dont_id.choices = [(None, "—"), *statements]
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
            dos_dont_id=form.dos_dont_id.data,
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
    question = db.get_or_404(BankQuestion, question_id)
    statement = dict(services.statement_choices(current_locale())).get(question.dos_dont_id)
    return render_template("learning/question.html", question=question, statement=statement)


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


# ---------------------------------------------------------------- certificates

public_bp = Blueprint("verify", __name__, url_prefix="/verify")


@bp.route("/certificates")
@login_required
def my_certificates():
    """The user's own certificates, to download or to show."""
    return render_template(
        "learning/my_certificates.html", certificates=certificates.certificates_of(current_user.person)
    )


def _certificate(certificate_id: int) -> Certificate:
    row = certificates.certificate_for(current_user, certificate_id)
    if row is None:
        abort(404)
    return row


@bp.route("/certificates/<int:certificate_id>")
@login_required
def certificate(certificate_id: int):
    """One certificate: what it says, its code, and (for the personnel office) revoking or reissuing it."""
    return _certificate_page(_certificate(certificate_id), CertificateActionForm())


def _certificate_page(row: Certificate, form: CertificateActionForm, status: int = 200):
    page = render_template(
        "learning/certificate.html",
        certificate=row,
        code=certificates.display_code(row.code),
        verify_url=url_for("verify.check", code=row.code, _external=True),
        form=form,
    )
    return page, status


@bp.route("/certificates/<int:certificate_id>.pdf")
@login_required
def certificate_pdf(certificate_id: int):
    """The certificate as a PDF, in the user's language."""
    row = _certificate(certificate_id)
    body = pdf_layout.render(
        row,
        verify_url=url_for("verify.check", code=row.code, _external=True),
        locale=current_locale(),
        logo=pdf_layout.logo(),
    )
    return download(body, f"certificate-{row.code}.pdf")


@bp.route("/certificates/<int:certificate_id>/<any(revoke, reissue):action>", methods=["POST"])
@officer_required
def certificate_action(certificate_id: int, action: str):
    """Revoke a certificate, or reissue it (the old one revoked, a new code), saying why."""
    row = _certificate(certificate_id)
    form = CertificateActionForm()
    if form.validate_on_submit():
        by = current_user._get_current_object()
        with shown_on(form) as outcome:
            if action == "revoke":
                certificates.revoke(row, reason=form.reason.data, by=by)
            else:
                fresh = certificates.reissue(row, reason=form.reason.data, by=by)
        if outcome.ok:
            if action == "revoke":
                flash(_("The certificate has been revoked."), "success")
                return redirect(url_for("learning.certificate", certificate_id=row.id))
            flash(_("A new certificate has been issued; the old one is revoked."), "success")
            return redirect(url_for("learning.certificate", certificate_id=fresh.id))
    return _certificate_page(row, form, 422)


@public_bp.route("/", defaults={"code": None})
@public_bp.route("/<code>")
@public
# Counted per address: a code cannot be guessed, and this keeps anyone from trying many.
@limiter.limit("60 per minute")
def check(code: str | None):
    """Say whether a certificate is valid or revoked, showing only the name, the title and the day."""
    code = code or request.args.get("code", "")
    row = certificates.by_code(code) if code else None
    return render_template(
        "learning/verify.html",
        code=code,
        certificate=row,
        shown_code=certificates.display_code(row.code) if row else "",
    ), (404 if code and row is None else 200)
