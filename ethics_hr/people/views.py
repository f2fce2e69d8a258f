"""People, departments, accounts and imports: the personnel officer's screens."""

from __future__ import annotations

import secrets
from pathlib import Path

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.core.access import ADMIN, PERSONNEL, officer_required
from ethics_hr.core.errors import RuleViolation, apply_to_form
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.people import exports, importer, services
from ethics_hr.people.forms import AccountForm, DepartmentForm, ImportForm, PersonForm
from ethics_hr.people.models import Department, Person

bp = Blueprint("people", __name__, url_prefix="/people")

ROLE_LABELS = {ADMIN: "Administrator", PERSONNEL: "Personnel officer"}


def _filters() -> services.PeopleFilter:
    def as_int(name: str) -> int | None:
        value = request.args.get(name, "")
        return int(value) if value.isdigit() else None

    status = request.args.get("status", "active")
    active = {"active": True, "inactive": False}.get(status)
    return services.PeopleFilter(
        q=request.args.get("q", "")[:100],
        department_id=as_int("department"),
        staff_category_id=as_int("category"),
        active=active,
    )


def _person_form(person: Person | None = None) -> PersonForm:
    form = PersonForm(obj=person)
    locale = _locale()
    form.staff_category_id.choices = [(None, "—")] + [
        (c.id, c.name(locale)) for c in services.staff_categories()
    ]
    form.department_id.choices = [(None, _("No department"))] + [
        (d.id, f"{d.code} · {d.name(locale)}")
        for d in services.all_departments()
        if d.active or (person is not None and person.department_id == d.id)
    ]
    return form


def _locale() -> str:
    from flask_babel import get_locale

    return str(get_locale() or "th")


@bp.route("/")
@officer_required
def index():
    """List people with search, filters and pagination."""
    f = _filters()
    page = db.paginate(
        services.people_query(f, with_accounts=True), per_page=current_app.config["PER_PAGE"], error_out=False
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
    people = db.session.scalars(services.people_query(_filters()))
    stamp = local_today().isoformat()
    if fmt == "csv":
        return Response(
            exports.people_csv(people),
            mimetype="text/csv; charset=utf-8",
            headers={"Content-Disposition": f"attachment; filename=people-{stamp}.csv"},
        )
    if fmt == "xlsx":
        return Response(
            exports.people_xlsx(people),
            mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={"Content-Disposition": f"attachment; filename=people-{stamp}.xlsx"},
        )
    abort(404)


@bp.route("/new", methods=["GET", "POST"])
@officer_required
def create():
    """Add a person."""
    form = _person_form()
    if form.validate_on_submit():
        try:
            person = services.save_person(None, form.data)
        except RuleViolation as error:
            db.session.rollback()
            apply_to_form(form, error)
        else:
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
        account_form=_account_form(person),
        confirm=ConfirmForm(),
        role_labels=ROLE_LABELS,
        person_sections=[section for provider in PERSON_SECTION_PROVIDERS for section in provider(person)],
    )


# Domains above people add a function person -> list of sections (objects with .template) at import time.
PERSON_SECTION_PROVIDERS: list = []


@bp.route("/<int:person_id>/edit", methods=["GET", "POST"])
@officer_required
def edit(person_id: int):
    """Change a person's details."""
    person = db.get_or_404(Person, person_id)
    form = _person_form(person)
    if form.validate_on_submit():
        try:
            services.save_person(person, form.data)
        except RuleViolation as error:
            db.session.rollback()
            apply_to_form(form, error)
        else:
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
        if not active and current_user.person_id == person.id:
            flash(_("You cannot deactivate yourself."), "danger")
        else:
            services.set_person_active(person, active)
            flash(
                _("%(name)s is active again.", name=person.full_name_th)
                if active
                else _("%(name)s has been deactivated and logged out.", name=person.full_name_th),
                "success",
            )
    return redirect(url_for("people.detail", person_id=person.id))


def _account_form(person: Person) -> AccountForm:
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
    try:
        issued = services.open_account(person, by=current_user._get_current_object())
    except RuleViolation as error:
        flash(error.message, "danger")
        return redirect(url_for("people.detail", person_id=person.id))
    return render_template("people/slips.html", slips=[issued])


@bp.route("/<int:person_id>/account/token", methods=["POST"])
@officer_required
def reissue(person_id: int):
    """Issue a new activation or reset code (the old one stops working) and show the slip."""
    person = db.get_or_404(Person, person_id)
    if person.account is None or not ConfirmForm().validate_on_submit():
        abort(404)
    purpose = services.RESET if person.account.is_activated else services.ACTIVATE
    issued = services.issue_token(person.account, purpose, by=current_user._get_current_object())
    return render_template("people/slips.html", slips=[issued])


@bp.route("/<int:person_id>/account/roles", methods=["POST"])
@officer_required
def roles(person_id: int):
    """Give an account its roles (administrators only may grant or remove the administrator role)."""
    person = db.get_or_404(Person, person_id)
    if person.account is None:
        abort(404)
    form = _account_form(person)
    if form.validate_on_submit():
        wanted = set(form.roles.data or [])
        touching_admin = (ADMIN in wanted) != (ADMIN in person.account.roles)
        if touching_admin and not current_user.is_admin:
            abort(403)
        try:
            services.set_roles(person.account, wanted, by=current_user._get_current_object())
        except RuleViolation as error:
            flash(error.message, "danger")
        else:
            flash(_("The roles have been saved."), "success")
    return redirect(url_for("people.detail", person_id=person.id))


@bp.route("/accounts/open", methods=["POST"])
@officer_required
def open_accounts():
    """Open accounts for every active person in the filter who has none, and print their slips."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    f = _filters()
    query = services.people_query(f).where(~Person.account.has())
    slips = [
        services.open_account(p, by=current_user._get_current_object())
        for p in db.session.scalars(query).all()
        if p.active
    ]
    if not slips:
        flash(_("Everyone in this list already has an account."), "info")
        return redirect(url_for("people.index", **request.args))
    return render_template("people/slips.html", slips=slips)


# ---------------------------------------------------------------- departments


@bp.route("/departments")
@officer_required
def departments():
    """List the departments."""
    counts = dict(
        db.session.execute(
            db.select(Person.department_id, db.func.count(Person.id))
            .where(Person.active)
            .group_by(Person.department_id)
        ).all()
    )
    return render_template(
        "people/departments.html", departments=services.departments_with_heads(), counts=counts
    )


@bp.route("/departments/new", methods=["GET", "POST"], defaults={"department_id": None})
@bp.route("/departments/<int:department_id>/edit", methods=["GET", "POST"])
@officer_required
def department_form(department_id: int | None):
    """Add or change a department."""
    department = db.get_or_404(Department, department_id) if department_id else None
    form = DepartmentForm(obj=department)
    if department is not None and department.head is not None and not form.is_submitted():
        form.head_employee_number.data = department.head.employee_number
    if form.validate_on_submit():
        try:
            services.save_department(
                department,
                code=form.code.data,
                name_th=form.name_th.data,
                name_en=form.name_en.data or "",
                active=form.active.data,
                head_employee_number=form.head_employee_number.data or "",
            )
        except RuleViolation as error:
            db.session.rollback()
            apply_to_form(form, error)
        else:
            flash(_("The department has been saved."), "success")
            return redirect(url_for("people.departments"))
    return render_template("people/department_form.html", form=form, department=department)


# ---------------------------------------------------------------- import


def _import_dir() -> Path:
    path = Path(current_app.instance_path) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


@bp.route("/import", methods=["GET", "POST"])
@officer_required
def import_people():
    """Upload a CSV or XLSX file of people and see every problem before anything is written."""
    form = ImportForm()
    if form.validate_on_submit():
        upload = form.file.data
        data = upload.read()
        check = importer.check_file(data, upload.filename)
        if check.ok:
            key = secrets.token_hex(16)
            suffix = Path(upload.filename).suffix.lower()
            (_import_dir() / f"{key}{suffix}").write_bytes(data)
            session["people_import"] = {"key": key, "suffix": suffix, "name": upload.filename}
        return render_template(
            "people/import.html", form=form, check=check, confirm=ConfirmForm(), filename=upload.filename
        )
    return render_template("people/import.html", form=form, check=None, confirm=None)


@bp.route("/import/confirm", methods=["POST"])
@officer_required
def import_confirm():
    """Write the checked file: all rows in one transaction, or none."""
    pending = session.pop("people_import", None)
    if not pending or not ConfirmForm().validate_on_submit():
        flash(_("Upload the file again."), "warning")
        return redirect(url_for("people.import_people"))
    path = _import_dir() / f"{pending['key']}{pending['suffix']}"
    if not path.exists():
        flash(_("Upload the file again."), "warning")
        return redirect(url_for("people.import_people"))
    data = path.read_bytes()
    path.unlink()
    check = importer.check_file(data, pending["name"])
    if not check.ok:  # someone added a clashing person meanwhile: check again, write nothing
        return render_template(
            "people/import.html", form=ImportForm(), check=check, confirm=None, filename=pending["name"]
        )
    people = importer.import_rows(check)
    flash(_("%(n)d people have been imported.", n=len(people)), "success")
    return redirect(url_for("people.index"))


@bp.route("/import/template.csv")
@officer_required
def import_template():
    """Download an empty CSV with the expected columns."""
    return Response(
        exports.people_csv([]),
        mimetype="text/csv; charset=utf-8",
        headers={"Content-Disposition": "attachment; filename=people-template.csv"},
    )
