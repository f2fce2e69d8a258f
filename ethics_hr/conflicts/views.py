"""Declarations of interests: mine, a new one, one declaration with its decisions and history, the reviewers'
queue, the officer's compliance page and list of categories."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.committees.services import is_committee_member
from ethics_hr.conflicts import categories as category_services
from ethics_hr.conflicts import compliance, rights, services
from ethics_hr.conflicts.forms import CategoryForm, DecisionForm, DeclarationForm
from ethics_hr.conflicts.models import Declaration, DeclarationKind, InterestCategory
from ethics_hr.core.access import login_required, officer_required, requires
from ethics_hr.core.args import fiscal_year_arg, fiscal_year_choices, id_arg, page_arg
from ethics_hr.core.errors import flashed, shown_on
from ethics_hr.core.formatting import current_locale
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.core.timeutil import fiscal_year_of, local_today
from ethics_hr.extensions import db
from ethics_hr.people import services as people
from ethics_hr.people.models import Person

bp = Blueprint("conflicts", __name__, url_prefix="/declarations")

reviewer_required = requires(rights.may_review, "conflict reviewer")


def _me():
    return current_user._get_current_object()


def _visible(declaration_id: int) -> Declaration:
    """A declaration the user may see; anyone else's is a 404, as if it did not exist."""
    declaration = db.get_or_404(Declaration, declaration_id)
    if not rights.may_see(current_user, declaration):
        abort(404)
    return declaration


def _form(person, *, on_behalf: bool = False, **kwargs) -> DeclarationForm:
    return DeclarationForm(
        years=services.annual_years(),
        categories=category_services.categories(),
        # A person's questions are theirs and the committee's: an officer keying in a paper form links none.
        questions=() if on_behalf else services.own_named_questions(person),
        locale=current_locale(),
        **kwargs,
    )


def _input(form: DeclarationForm) -> services.DeclarationInput:
    choice = form.has_interests.data
    return services.DeclarationInput(
        kind=form.kind.data or "",
        fiscal_year=form.fiscal_year.data,
        situation=form.situation.data or "",
        situation_on=form.situation_on.data,
        has_interests={"yes": True, "no": False}.get(choice),
        interests=[
            services.InterestInput(
                category_id=row.form.category_id.data,
                description=row.form.description.data or "",
                other_party=row.form.other_party.data or "",
                relation=row.form.relation.data or "",
            )
            for row in form.interests
        ],
        question_id=form.question_id.data,
        confirmed=bool(form.confirmed.data),
        note=form.note.data or "",
        correction_reason=form.correction_reason.data or "",
    )


def _submitted(form: DeclarationForm, save, message: str):
    """Add a row of interests, or save the form with `save(input)` and go to the declaration it recorded;
    None shows the form again (with the new row, or the rule broken next to its field)."""
    if form.more_rows.data:
        form.add_row()
        return None
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            declaration = save(_input(form))
        if outcome.ok:
            flash(message, "success")
            return redirect(url_for("conflicts.detail", declaration_id=declaration.id))
    return None


@bp.route("/")
@login_required
def index():
    """List my declarations of interests, with the reviewers' decisions."""
    fy = fiscal_year_of(local_today())
    return render_template(
        "conflicts/index.html",
        rows=services.my_declarations(current_user.person),
        annual=services.annual_declaration(current_user.person, fy),
        fy=fy,
        reviewer=rights.may_review(current_user),
    )


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    """Declare my interests, or that I have none: for the year, or for a situation that has arisen."""
    person = current_user.person
    form = _form(person)
    if request.method == "GET":
        if request.args.get("kind") == DeclarationKind.SITUATIONAL:
            form.kind.data = DeclarationKind.SITUATIONAL.value
        form.question_id.data = id_arg("question")
        form.fiscal_year.data = services.annual_years()[0]
    elif done := _submitted(
        form, lambda data: services.declare(person, data, by=_me()), _("Your declaration has been recorded.")
    ):
        return done
    return render_template("conflicts/form.html", form=form, previous=None)


@bp.route("/on-behalf/<int:person_id>", methods=["GET", "POST"])
@officer_required
def on_behalf(person_id: int):
    """Record someone's declaration from the paper form they signed (people without an account)."""
    person = db.get_or_404(Person, person_id)
    if not person.active:
        abort(404)
    form = _form(person, on_behalf=True)
    if request.method == "GET":
        form.fiscal_year.data = fiscal_year_arg(services.annual_years()[0])
    elif done := _submitted(
        form,
        lambda data: services.declare(person, data, by=_me()),
        _("The declaration of %(name)s has been recorded.", name=person.display_name(current_locale())),
    ):
        return done
    return render_template("conflicts/form.html", form=form, previous=None, person=person)


@bp.route("/<int:declaration_id>/correct", methods=["GET", "POST"])
@login_required
def correct(declaration_id: int):
    """Correct one of my declarations: a new declaration that supersedes it (the earlier one stays)."""
    previous = db.get_or_404(Declaration, declaration_id)
    if previous.person_id != current_user.person_id:
        abort(404)
    if request.method == "GET" and services.superseded_by(previous) is not None:
        flash(_("This declaration has been corrected already: correct the current one."), "info")
        return redirect(url_for("conflicts.detail", declaration_id=previous.id))
    form = _form(previous.person)
    if request.method == "GET":
        form.kind.data = previous.kind
        form.fiscal_year.data = previous.fiscal_year
        form.situation.data = previous.situation
        form.situation_on.data = previous.situation_on
        form.has_interests.data = "yes" if previous.has_interests else "no"
        form.question_id.data = previous.question_id
        form.note.data = previous.note
        while len(form.interests.entries) < len(previous.interests):
            form.add_row()
        for row, interest in zip(form.interests, previous.interests, strict=False):
            row.form.process(None, obj=interest)
    elif done := _submitted(
        form,
        lambda data: services.correct(previous, data, by=_me()),
        _("The corrected declaration has been recorded."),
    ):
        return done
    return render_template("conflicts/form.html", form=form, previous=previous)


@bp.route("/<int:declaration_id>", methods=["GET", "POST"])
@login_required
def detail(declaration_id: int):
    """Show a declaration with its interests, decisions and history; a reviewer records a decision here."""
    declaration = _visible(declaration_id)
    role = rights.reviewer_role(current_user, declaration)
    # A post by someone who may not decide goes to the service too, which says why nothing was written.
    posted = request.method == "POST"
    form = DecisionForm() if posted or (role is not None and declaration.has_interests) else None
    status = 200
    if posted and form.validate_on_submit():
        with shown_on(form) as outcome:
            services.decide(
                declaration,
                services.DecisionInput(
                    outcome=form.outcome.data or "",
                    measure=form.measure.data or "",
                    referred_to=form.referred_to.data or "",
                    note=form.note.data or "",
                ),
                by=_me(),
            )
        if outcome.ok:
            flash(_("The decision has been recorded."), "success")
            return redirect(url_for("conflicts.detail", declaration_id=declaration.id))
        if role is None:
            status = 403
    newer = services.superseded_by(declaration)
    return render_template(
        "conflicts/detail.html",
        declaration=declaration,
        decisions=services.decisions_of(declaration),
        chain=services.history(declaration),
        newer=newer,
        question=services.linked_question(declaration),
        committee_member=is_committee_member(current_user),
        role=role,
        form=form if newer is None else None,
        own=declaration.person_id == current_user.person_id,
    ), status


@bp.route("/review")
@reviewer_required
def queue():
    """The reviewers' queue of a fiscal year: declarations waiting for a decision first."""
    view = request.args.get("view", "waiting")
    if view not in services.QUEUE_VIEWS:
        abort(404)
    # Opened from the menu, the queue starts at the year of the oldest declaration still waiting (last year's,
    # early in a fiscal year), else at this year.
    fy = fiscal_year_arg(services.oldest_waiting_year(_me()) if "fy" not in request.args else None)
    return render_template(
        "conflicts/queue.html",
        fy=fy,
        view=view,
        years=fiscal_year_choices(fy),
        page=services.queue_page(_me(), fy, view, page=page_arg(), per_page=current_app.config["PER_PAGE"]),
        officer=current_user.is_officer,
    )


@bp.route("/compliance")
@officer_required
def compliance_page():
    """Who has made the annual declaration of a fiscal year, per department, and who has not."""
    fy = fiscal_year_arg()
    department = request.args.get("department", "")
    if department != compliance.NO_DEPARTMENT:
        department_id = id_arg("department")
        department = str(department_id) if department_id is not None else ""
    departments = people.all_departments()
    summary = compliance.summary(fy, departments)
    page = db.paginate(
        compliance.not_declared_query(fy, department),
        page=page_arg(),
        per_page=current_app.config["PER_PAGE"],
        error_out=False,
        count=False,
    )
    page.total = summary.missing_in(department)  # known from the summary: no second counting query
    return render_template(
        "conflicts/compliance.html",
        fy=fy,
        years=fiscal_year_choices(fy),
        summary=summary,
        page=page,
        department=department,
        departments=departments,
        no_department=compliance.NO_DEPARTMENT,
        counts=compliance.year_counts(fy, people=False),
        due=compliance.annual_due_on(fy),
        annual_years=services.annual_years(),
        today=local_today(),
    )


@bp.route("/categories", methods=["GET", "POST"])
@officer_required
def categories():
    """List the categories of interest; add one."""
    form = CategoryForm()
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            category_services.add_category(form.name_th.data, form.name_en.data or "")
        if outcome.ok:
            flash(_("The category has been added."), "success")
            return redirect(url_for("conflicts.categories"))
    return render_template(
        "conflicts/categories.html",
        form=form,
        categories=category_services.categories(active_only=False),
        usage=category_services.usage(),
        confirm=ConfirmForm(),
    )


@bp.route("/categories/<int:category_id>", methods=["GET", "POST"])
@officer_required
def category(category_id: int):
    """Rename a category of interest."""
    item = db.get_or_404(InterestCategory, category_id)
    form = CategoryForm(obj=item)
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            category_services.rename_category(item, form.name_th.data, form.name_en.data or "")
        if outcome.ok:
            flash(_("The category has been saved."), "success")
            return redirect(url_for("conflicts.categories"))
        db.session.refresh(item)
    return render_template("conflicts/category.html", form=form, category=item)


@bp.route("/categories/<int:category_id>/active", methods=["POST"])
@officer_required
def category_active(category_id: int):
    """Retire a category of interest, or bring it back."""
    item = db.get_or_404(InterestCategory, category_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        active = request.form.get("active") == "1"
        with flashed() as outcome:
            category_services.set_active(item, active)
        if outcome.ok:
            flash(
                _("The category is offered again.") if active else _("The category has been retired."),
                "success",
            )
    return redirect(url_for("conflicts.categories"))
