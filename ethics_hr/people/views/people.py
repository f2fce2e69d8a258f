"""The personnel officer's list of people, a person's page, adding and changing a person."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.core.access import officer_required
from ethics_hr.core.args import page_arg
from ethics_hr.core.errors import flashed, shown_on
from ethics_hr.core.exports import streamed_download
from ethics_hr.core.formatting import current_locale
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.people import exports, services
from ethics_hr.people.forms import PersonForm
from ethics_hr.people.models import Person
from ethics_hr.people.views.accounts import account_form
from ethics_hr.people.views.common import ROLE_LABELS, bp, filters, person_sections

EXPORT_FORMATS = ("csv", "xlsx")


def _person_form(person: Person | None = None) -> PersonForm:
    form = PersonForm(obj=person)
    locale = current_locale()
    form.staff_category_id.choices = [(None, "—")] + [
        (c.id, c.name(locale)) for c in services.staff_categories()
    ]
    form.department_id.choices = [(None, _("No department"))] + [
        (d.id, f"{d.code} · {d.name(locale)}")
        for d in services.all_departments()
        if d.active or (person is not None and person.department_id == d.id)
    ]
    return form


@bp.route("/")
@officer_required
def index():
    """List people with search, filters and pagination."""
    f = filters()
    page = db.paginate(
        services.people_query(f, with_accounts=True),
        page=page_arg(),
        per_page=current_app.config["PER_PAGE"],
        error_out=False,
    )
    return render_template(
        "people/index.html",
        page=page,
        f=f,
        status=request.args.get("status", "active"),
        departments=services.all_departments(),
        categories=services.staff_categories(active_only=False),
    )


@bp.route("/export.<fmt>")
@officer_required
def export(fmt: str):
    """Download the filtered list of people as CSV or XLSX."""
    if fmt not in EXPORT_FORMATS:
        abort(404)
    query = services.people_query(filters()).execution_options(yield_per=500)

    def table():
        return exports.people_table(fmt, db.session.scalars(query))  # a few hundred rows at a time

    return streamed_download(table, f"people-{local_today().isoformat()}.{fmt}")


@bp.route("/new", methods=["GET", "POST"])
@officer_required
def create():
    """Add a person."""
    form = _person_form()
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            person = services.save_person(None, form.data)
        if outcome.ok:
            flash(_("%(name)s has been added.", name=person.full_name_th), "success")
            return redirect(url_for("people.detail", person_id=person.id))
    return render_template("people/form.html", form=form, person=None)


@bp.route("/<int:person_id>")
@officer_required
def detail(person_id: int):
    """Show a person, their account and what the other domains record of them."""
    person = db.get_or_404(Person, person_id)
    return render_template(
        "people/detail.html",
        person=person,
        account_form=account_form(person),
        confirm=ConfirmForm(),
        role_labels=ROLE_LABELS,
        person_sections=person_sections(person),
    )


@bp.route("/<int:person_id>/edit", methods=["GET", "POST"])
@officer_required
def edit(person_id: int):
    """Change a person's details."""
    person = db.get_or_404(Person, person_id)
    form = _person_form(person)
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            services.save_person(person, form.data)
        if outcome.ok:
            flash(_("The changes have been saved."), "success")
            return redirect(url_for("people.detail", person_id=person.id))
    return render_template("people/form.html", form=form, person=person)


@bp.route("/<int:person_id>/active", methods=["POST"])
@officer_required
def set_active(person_id: int):
    """Deactivate or reactivate a person."""
    person = db.get_or_404(Person, person_id)
    if ConfirmForm().validate_on_submit():
        active = request.form.get("active") == "1"
        with flashed() as outcome:
            services.set_person_active(person, active, by=current_user._get_current_object())
        if outcome.ok:
            flash(
                _("%(name)s is active again.", name=person.full_name_th)
                if active
                else _("%(name)s has been deactivated and logged out.", name=person.full_name_th),
                "success",
            )
    return redirect(url_for("people.detail", person_id=person.id))
