"""Opening accounts, printing their one-time slips, giving roles."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.core.access import ADMIN, PERSONNEL, admin_required, officer_required
from ethics_hr.core.errors import flashed
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.extensions import db
from ethics_hr.people import services
from ethics_hr.people.forms import AccountForm
from ethics_hr.people.models import Person
from ethics_hr.people.views.common import bp, filters


def account_form(person: Person) -> AccountForm:
    """The roles form of a person's page."""
    # Only the page shows the current roles; a submitted form holds exactly the roles that were ticked.
    current = sorted(person.account.roles) if person.account and request.method == "GET" else []
    form = AccountForm(roles=current)
    form.roles.choices = [(ADMIN, _("Administrator")), (PERSONNEL, _("Personnel officer"))]
    return form


@bp.route("/<int:person_id>/account", methods=["POST"])
@officer_required
def open_account(person_id: int):
    """Open an account and show the one-time activation slip."""
    person = db.get_or_404(Person, person_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    with flashed() as outcome:
        issued = services.open_account(person, by=current_user._get_current_object())
    if not outcome.ok:
        return redirect(url_for("people.detail", person_id=person.id))
    return render_template("people/slips.html", slips=[issued])


@bp.route("/<int:person_id>/account/token", methods=["POST"])
@officer_required
def reissue(person_id: int):
    """Issue a new activation or reset code (the old one stops working) and show the slip."""
    person = db.get_or_404(Person, person_id)
    if person.account is None or not ConfirmForm().validate_on_submit():
        abort(404)
    issued = services.reissue_token(person.account, by=current_user._get_current_object())
    return render_template("people/slips.html", slips=[issued])


@bp.route("/<int:person_id>/account/roles", methods=["POST"])
@officer_required
def roles(person_id: int):
    """Give an account its roles (administrators only may grant or remove the administrator role)."""
    person = db.get_or_404(Person, person_id)
    if person.account is None:
        abort(404)
    form = account_form(person)
    if form.validate_on_submit():
        wanted = set(form.roles.data or [])
        touching_admin = (ADMIN in wanted) != (ADMIN in person.account.roles)
        if touching_admin and not current_user.is_admin:
            abort(403)
        with flashed() as outcome:
            services.set_roles(person.account, wanted, by=current_user._get_current_object())
        if outcome.ok:
            flash(_("The roles have been saved."), "success")
    return redirect(url_for("people.detail", person_id=person.id))


@bp.route("/<int:person_id>/account/two-factor/reset", methods=["POST"])
@admin_required
def reset_two_factor(person_id: int):
    """Turn off someone's two-step login (a lost phone): their sessions end, and they set it up again."""
    person = db.get_or_404(Person, person_id)
    if person.account is None or not ConfirmForm().validate_on_submit():
        abort(404)
    with flashed() as outcome:
        services.reset_two_factor(person.account, by=current_user._get_current_object())
    if outcome.ok:
        flash(_("Two-step login has been reset. The person sets it up again at the next login."), "success")
    return redirect(url_for("people.detail", person_id=person.id))


@bp.route("/accounts/open", methods=["POST"])
@officer_required
def open_accounts():
    """Open accounts for every active person in the filter who has none, and print their slips."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    query = services.people_query(filters()).where(~Person.account.has())
    slips = services.open_accounts(list(db.session.scalars(query)), by=current_user._get_current_object())
    if not slips:
        flash(_("Everyone in this list already has an account."), "info")
        return redirect(url_for("people.index", **request.args))
    return render_template("people/slips.html", slips=slips)
