"""The integrity pledge's pages: reading and signing it, the receipt, drafting it and who has signed."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.core.access import client_address, login_required, officer_required
from ethics_hr.core.args import current_fiscal_year, fiscal_year_arg, fiscal_year_choices, id_arg, page_arg
from ethics_hr.core.errors import RuleViolation, flashed, shown_on
from ethics_hr.core.exports import download
from ethics_hr.core.formatting import current_locale
from ethics_hr.core.settings import get_settings
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.people import services as people
from ethics_hr.people.login import LoginThrottled
from ethics_hr.people.models import Person
from ethics_hr.pledges import compliance, services
from ethics_hr.pledges import notices as _notices  # noqa: F401  (its notification kind)
from ethics_hr.pledges.compliance import NO_DEPARTMENT, SignedStatus
from ethics_hr.pledges.forms import ButtonForm, ExtendForm, OnBehalfForm, PledgeForm, SignForm
from ethics_hr.pledges.models import Pledge

bp = Blueprint("pledges", __name__, url_prefix="/pledges")


def _me():
    return current_user._get_current_object()


def _readable(pledge_id: int) -> Pledge:
    """A pledge the user may read; a draft, or one not for them, is a 404 as if it did not exist."""
    pledge = db.get_or_404(Pledge, pledge_id)
    if not services.can_read(current_user, pledge):
        abort(404)
    return pledge


def _pledge_form(pledge: Pledge | None) -> PledgeForm:
    form = PledgeForm(obj=pledge)
    locale = current_locale()
    form.category_ids.choices = [(c.id, c.name(locale)) for c in people.staff_categories(active_only=False)]
    if request.method == "GET" and pledge is not None:
        form.category_ids.data = [c.id for c in pledge.categories]
    return form


def _input(form: PledgeForm) -> services.PledgeInput:
    return services.PledgeInput(
        title_th=form.title_th.data or "",
        title_en=form.title_en.data or "",
        body_th=form.body_th.data or "",
        body_en=form.body_en.data or "",
        opens_on=form.opens_on.data,
        closes_on=form.closes_on.data,
        category_ids=list(form.category_ids.data or []),
    )


@bp.route("/")
@login_required
def index():
    """List the pledges asked of me: to sign now, and those I signed."""
    person = current_user.person
    return render_template(
        "pledges/index.html",
        to_sign=services.to_sign(person),
        signed=services.signatures_of_person(person),
    )


@bp.route("/<int:pledge_id>", methods=["GET", "POST"])
@login_required
def pledge(pledge_id: int):
    """Read a pledge with my signature; officers also open, close or move its closing day."""
    pledge = _readable(pledge_id)
    extend = ExtendForm(obj=pledge)
    if request.method == "POST":
        if not current_user.is_officer:
            abort(403)
        if extend.validate_on_submit():
            with shown_on(extend) as outcome:
                services.extend_window(pledge, extend.closes_on.data, by=_me())
            if outcome.ok:
                flash(_("The closing day has been changed."), "success")
                return redirect(url_for("pledges.pledge", pledge_id=pledge.id))
            db.session.refresh(pledge)
    today = local_today()
    signable = True
    try:
        services.check_signable(pledge, current_user.person, today=today)
    except RuleViolation:
        signable = False
    return render_template(
        "pledges/pledge.html",
        pledge=pledge,
        signature=services.signature_of(current_user.person, pledge),
        signable=signable,
        extend=extend,
        button=ButtonForm(),
        share=compliance.summary(pledge, departments=[]).overall if current_user.is_officer else None,
        today=today,
    )


@bp.route("/<int:pledge_id>/sign", methods=["GET", "POST"])
@login_required
def sign(pledge_id: int):
    """Read the pledge and sign it: tick the statement, confirm with the password."""
    pledge = _readable(pledge_id)
    existing = services.signature_of(current_user.person, pledge)
    if existing is not None:
        flash(str(services.ALREADY_SIGNED), "info")
        return redirect(url_for("pledges.receipt", signature_id=existing.id))
    form = SignForm()
    status = 200
    closed_reason = None
    try:
        services.check_signable(pledge, current_user.person)
    except RuleViolation as error:
        closed_reason = error.message
    if form.validate_on_submit():
        try:
            with shown_on(form) as outcome:
                row = services.sign(
                    pledge,
                    _me(),
                    agreed=form.agree.data,
                    password=form.password.data,
                    address=client_address(),
                )
        except LoginThrottled:
            form.form_errors.append(
                _("Too many failed attempts. Wait 15 minutes, or ask the personnel office.")
            )
            status = 429
        else:
            if outcome.ok:
                flash(_("Thank you. Your signature has been recorded."), "success")
                return redirect(url_for("pledges.receipt", signature_id=row.id))
    return (
        render_template(
            "pledges/sign.html",
            pledge=pledge,
            form=form,
            closed_reason=closed_reason,
            needs_password=get_settings().acknowledgment_requires_password,
        ),
        status,
    )


def _own_signature(signature_id: int):
    row = services.signature_for(current_user, signature_id)
    if row is None:
        abort(404)
    return row


@bp.route("/signatures/<int:signature_id>")
@login_required
def receipt(signature_id: int):
    """Show one signature as recorded: one's own, or anyone's for the personnel office."""
    row = _own_signature(signature_id)
    return render_template("pledges/receipt.html", sig=row, text=_receipt_text(row), file_form=ButtonForm())


def _receipt_text(row) -> str:
    return render_template("pledges/receipt.txt", sig=row).strip()


@bp.route("/signatures/<int:signature_id>/file", methods=["POST"])
@login_required
def receipt_file(signature_id: int):
    """Send the receipt of a signature as a text file to keep."""
    row = _own_signature(signature_id)
    if not ButtonForm().validate_on_submit():
        abort(400)
    text = _receipt_text(row) + "\n"
    return download(
        text.replace("\n", "\r\n").encode("utf-8"), f"pledge-{row.pledge.fiscal_year}-{row.id}.txt"
    )


# ---------------------------------------------------------------- the personnel officer


@bp.route("/manage")
@officer_required
def manage():
    """List the pledges of every fiscal year, with how many of each audience signed."""
    pledges = services.all_pledges()
    rows = [(p, compliance.summary(p, departments=[]).overall if p.was_opened else None) for p in pledges]
    # The button drafts this year's pledge, or next year's once this year has one.
    taken = {p.fiscal_year for p in pledges}
    current = current_fiscal_year()
    next_fy = current if current not in taken else current + 1
    return render_template(
        "pledges/manage.html", rows=rows, next_fy=next_fy if next_fy not in taken else None
    )


@bp.route("/new", methods=["GET", "POST"])
@officer_required
def new():
    """Draft the integrity pledge of a fiscal year."""
    fy = fiscal_year_arg()
    existing = services.pledge_of_year(fy)
    if existing is not None:
        flash(_("The fiscal year already has a pledge."), "info")
        return redirect(url_for("pledges.pledge", pledge_id=existing.id))
    form = _pledge_form(None)
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            pledge = services.create_pledge(fy, _input(form), by=_me())
        if outcome.ok:
            flash(_("The draft has been saved."), "success")
            return redirect(url_for("pledges.pledge", pledge_id=pledge.id))
    return render_template("pledges/form.html", form=form, fy=fy, pledge=None, years=fiscal_year_choices(fy))


@bp.route("/<int:pledge_id>/edit", methods=["GET", "POST"])
@officer_required
def edit(pledge_id: int):
    """Change a draft pledge: its text, audience and window."""
    pledge = db.get_or_404(Pledge, pledge_id)
    if not pledge.is_draft:
        flash(_("The pledge is open for signing: its text can no longer change."), "info")
        return redirect(url_for("pledges.pledge", pledge_id=pledge.id))
    form = _pledge_form(pledge)
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            services.update_pledge(pledge, _input(form), by=_me())
        if outcome.ok:
            flash(_("The draft has been saved."), "success")
            return redirect(url_for("pledges.pledge", pledge_id=pledge.id))
        db.session.refresh(pledge)
    return render_template("pledges/form.html", form=form, fy=pledge.fiscal_year, pledge=pledge, years=None)


@bp.route("/<int:pledge_id>/open", methods=["POST"])
@officer_required
def open_(pledge_id: int):
    """Open a draft pledge for signing, which seals its text."""
    pledge = db.get_or_404(Pledge, pledge_id)
    if ButtonForm().validate_on_submit():
        with flashed() as outcome:
            services.open_pledge(pledge, by=_me())
        if outcome.ok:
            flash(_("The pledge is open for signing."), "success")
    return redirect(url_for("pledges.pledge", pledge_id=pledge.id))


@bp.route("/<int:pledge_id>/close", methods=["POST"])
@officer_required
def close(pledge_id: int):
    """Close an open pledge: nobody can sign it any more."""
    pledge = db.get_or_404(Pledge, pledge_id)
    if ButtonForm().validate_on_submit():
        with flashed() as outcome:
            services.close_pledge(pledge, by=_me())
        if outcome.ok:
            flash(_("Signing the pledge has been closed."), "success")
    return redirect(url_for("pledges.pledge", pledge_id=pledge.id))


@bp.route("/<int:pledge_id>/compliance")
@officer_required
def compliance_page(pledge_id: int):
    """Show who has signed a pledge, per department, and who has not."""
    pledge = db.get_or_404(Pledge, pledge_id)
    if not pledge.was_opened:
        abort(404)
    status = request.args.get("status", SignedStatus.NOT_SIGNED)
    status = status if status in set(SignedStatus) else SignedStatus.NOT_SIGNED
    department = request.args.get("department", "")
    if department != NO_DEPARTMENT:
        department_id = id_arg("department")
        department = str(department_id) if department_id is not None else ""
    departments = people.all_departments()
    summary = compliance.summary(pledge, departments=departments)
    page = db.paginate(
        compliance.people_query(pledge, status, department),
        page=page_arg(),
        per_page=current_app.config["PER_PAGE"],
        error_out=False,
        count=False,
    )
    page.total = summary.count(status, department)
    return render_template(
        "pledges/compliance.html",
        pledge=pledge,
        summary=summary,
        page=page,
        signatures=compliance.signatures_of(pledge, [p.id for p in page.items]),
        status=status,
        department=department,
        status_choices=list(compliance.FILTER_LABELS.items()),
        departments=departments,
        no_department=NO_DEPARTMENT,
    )


@bp.route("/<int:pledge_id>/on-behalf/<int:person_id>", methods=["GET", "POST"])
@officer_required
def on_behalf(pledge_id: int, person_id: int):
    """Record a person's signature from the signed paper form."""
    pledge = db.get_or_404(Pledge, pledge_id)
    person = db.get_or_404(Person, person_id)
    if not pledge.was_opened or not services.applies_to(pledge, person):
        abort(404)
    existing = services.signature_of(person, pledge)
    form = OnBehalfForm()
    if request.method == "GET":
        form.signed_on.data = min(local_today(), pledge.closes_on)
    if existing is None and form.validate_on_submit():
        with shown_on(form) as outcome:
            services.record_on_behalf(
                pledge, person, by=_me(), note=form.note.data, signed_on=form.signed_on.data
            )
        if outcome.ok:
            flash(
                _("The signature of %(name)s has been recorded.", name=person.display_name(current_locale())),
                "success",
            )
            return redirect(url_for("pledges.compliance_page", pledge_id=pledge.id))
    return render_template(
        "pledges/on_behalf.html", form=form, pledge=pledge, person=person, existing=existing
    )
