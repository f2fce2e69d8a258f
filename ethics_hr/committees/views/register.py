"""The committee register: everyone sees the current composition; the officer keeps the committees."""

from __future__ import annotations

from datetime import timedelta

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.committees import services
from ethics_hr.committees.forms import CommitteeForm, DissolveForm
from ethics_hr.committees.models import Committee
from ethics_hr.committees.services import Listing
from ethics_hr.committees.views.common import bp, date_arg
from ethics_hr.core.access import login_required, officer_required
from ethics_hr.core.args import page_arg
from ethics_hr.core.errors import shown_on
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db


@bp.route("/")
@login_required
def index():
    """List the committees with their members in force today."""
    status = request.args.get("status", Listing.ACTIVE)
    if status not in set(Listing):
        status = Listing.ACTIVE
    page = db.paginate(
        services.committees_query(status),
        page=page_arg(),
        per_page=current_app.config["PER_PAGE"],
        error_out=False,
    )
    today = local_today()
    return render_template(
        "committees/index.html",
        page=page,
        status=status,
        listings=[
            (Listing.ACTIVE, _("In office")),
            (Listing.DISSOLVED, _("Dissolved")),
            (Listing.ALL, _("All")),
        ],
        today=today,
        summaries=services.summaries([c.id for c in page.items], today),
        ending_count=services.terms_ending_count(today) if current_user.is_officer else None,
    )


@bp.route("/new", methods=["GET", "POST"], defaults={"committee_id": None})
@bp.route("/<int:committee_id>/edit", methods=["GET", "POST"])
@officer_required
def committee_form(committee_id: int | None):
    """Add a committee or change its name, kind and mandate."""
    committee = db.get_or_404(Committee, committee_id) if committee_id else None
    form = CommitteeForm(obj=committee)
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            committee = services.save_committee(
                committee,
                name_th=form.name_th.data,
                name_en=form.name_en.data or "",
                kind=form.kind.data,
                mandate=form.mandate.data or "",
            )
        if outcome.ok:
            flash(_("The committee has been saved."), "success")
            return redirect(url_for("committees.detail", committee_id=committee.id))
    return render_template("committees/committee_form.html", form=form, committee=committee)


@bp.route("/<int:committee_id>")
@login_required
def detail(committee_id: int):
    """Show a committee's members in force today and, to the officer, every order in its history."""
    committee = db.get_or_404(Committee, committee_id)
    today = local_today()
    composition = services.composition_on(committee, today)
    in_force = list({m.order.id: m.order for m in composition}.values())
    return render_template(
        "committees/detail.html",
        committee=committee,
        today=today,
        composition=composition,
        orders_in_force=sorted(in_force, key=lambda o: (o.effective_on, o.id), reverse=True),
        history=services.committee_history(committee) if current_user.is_officer else None,
        confirm=ConfirmForm(),
    )


@bp.route("/<int:committee_id>/dissolve", methods=["GET", "POST"])
@officer_required
def dissolve(committee_id: int):
    """Dissolve a committee from a date; its memberships end and its history stays."""
    committee = db.get_or_404(Committee, committee_id)
    form = DissolveForm()
    if request.method == "GET":
        form.dissolved_on.data = local_today()
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            services.dissolve_committee(committee, on=form.dissolved_on.data, note=form.note.data or "")
        if outcome.ok:
            flash(_("The committee has been dissolved."), "success")
            return redirect(url_for("committees.detail", committee_id=committee.id))
    return render_template("committees/dissolve.html", form=form, committee=committee)


@bp.route("/<int:committee_id>/reinstate", methods=["POST"])
@officer_required
def reinstate(committee_id: int):
    """Undo a dissolution recorded by mistake."""
    committee = db.get_or_404(Committee, committee_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    services.reinstate_committee(committee)
    flash(_("The committee is active again."), "success")
    return redirect(url_for("committees.detail", committee_id=committee.id))


@bp.route("/<int:committee_id>/print")
@officer_required
def print_composition(committee_id: int):
    """Show the composition in force on a day as a one-page document in Thai, ready to print."""
    committee = db.get_or_404(Committee, committee_id)
    day = date_arg("on") or local_today()
    composition = services.composition_on(committee, day)
    in_force = sorted(
        {m.order.id: m.order for m in composition}.values(), key=lambda o: (o.effective_on, o.id)
    )
    with force_locale("th"):
        return render_template(
            "committees/print.html",
            committee=committee,
            day=day,
            composition=composition,
            orders=in_force,
            printed_on=local_today(),
        )


@bp.route("/terms-ending")
@officer_required
def terms_ending():
    """List the terms that end within the next 60 days and that no recorded order replaces yet."""
    today = local_today()
    page = db.paginate(
        services.terms_ending_query(today),
        page=page_arg(),
        per_page=current_app.config["PER_PAGE"],
        error_out=False,
    )
    days = services.TERMS_ENDING_DAYS
    return render_template(
        "committees/terms_ending.html", page=page, today=today, days=days, until=today + timedelta(days=days)
    )
