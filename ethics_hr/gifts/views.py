"""The gift register's pages: my gifts, the head's register and decisions, the announcement, the exports."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.core.access import login_required, officer_required
from ethics_hr.core.args import (
    check_fiscal_year,
    current_fiscal_year,
    fiscal_year_arg,
    fiscal_year_choices,
    page_arg,
)
from ethics_hr.core.errors import shown_on
from ethics_hr.core.exports import download, table_bytes
from ethics_hr.core.formatting import current_locale, format_date, format_number
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.gifts import notices as _notices  # noqa: F401  (its notification kind)
from ethics_hr.gifts import services
from ethics_hr.gifts.forms import AnnouncementForm, DecisionForm, GiftForm
from ethics_hr.gifts.models import Gift

bp = Blueprint("gifts", __name__, url_prefix="/gifts")


def _gift_form(**kwargs) -> GiftForm:
    return GiftForm(occasions=services.occasions(), locale=current_locale(), **kwargs)


def _input(form: GiftForm) -> services.GiftInput:
    return services.GiftInput(
        received_on=form.received_on.data,
        giver_name=form.giver_name.data or "",
        giver_organisation=form.giver_organisation.data or "",
        description=form.description.data or "",
        value_baht=form.value_baht.data,
        occasion_id=form.occasion_id.data,
        outcome=form.outcome.data or "",
        note=form.note.data or "",
    )


def _own_gift(gift_id: int) -> Gift:
    """A gift of the logged-in person; anyone else's is a 404, as if it did not exist."""
    gift = db.get_or_404(Gift, gift_id)
    if gift.person_id != current_user.person_id:
        abort(404)
    return gift


@bp.route("/")
@login_required
def index():
    """List my gifts with what the rule asks of each."""
    return render_template(
        "gifts/index.html",
        rows=services.my_gifts(current_user.person),
        rule=services.policy(),
        today=local_today(),
    )


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    """Record a gift or benefit received because of my duty."""
    form = _gift_form()
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            gift = services.record_gift(
                current_user.person, _input(form), by=current_user._get_current_object()
            )
        if outcome.ok:
            row = services.gift_row(gift)
            if row.reportable:
                flash(
                    _(
                        "The gift has been recorded. Gifts from this giver on this occasion come to "
                        "more than %(limit)s baht: the head of the agency decides what becomes of them "
                        "by %(day)s.",
                        limit=format_number(services.policy().threshold),
                        day=format_date(row.due_on, "long"),
                    ),
                    "warning",
                )
            else:
                flash(_("The gift has been recorded."), "success")
            return redirect(url_for("gifts.mine", gift_id=gift.id))
    return render_template("gifts/form.html", form=form, gift=None, rule=services.policy())


@bp.route("/<int:gift_id>")
@login_required
def mine(gift_id: int):
    """Show one of my gifts, what the rule asks of it and the head's decision."""
    gift = _own_gift(gift_id)
    return render_template(
        "gifts/detail.html",
        row=services.gift_row(gift),
        decisions=services.decisions_of(gift),
        today=local_today(),
        form=None,
        officer_view=False,
    )


@bp.route("/<int:gift_id>/edit", methods=["GET", "POST"])
@login_required
def edit(gift_id: int):
    """Correct one of my gifts until the head has decided on it."""
    gift = _own_gift(gift_id)
    if request.method == "GET" and services.latest_decision(gift) is not None:
        flash(_("The head has decided on this gift: the record can no longer be changed."), "info")
        return redirect(url_for("gifts.mine", gift_id=gift.id))
    form = _gift_form(obj=gift)
    if request.method == "GET":
        form.outcome.data = gift.outcome
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            services.update_gift(gift, _input(form), by=current_user._get_current_object())
        if outcome.ok:
            flash(_("The gift has been saved."), "success")
            return redirect(url_for("gifts.mine", gift_id=gift.id))
        db.session.refresh(gift)
    return render_template("gifts/form.html", form=form, gift=gift, rule=services.policy())


@bp.route("/register")
@officer_required
def register():
    """The head's register: gifts waiting for a decision (due, overdue), decided, or all of a fiscal year."""
    view = request.args.get("view", "waiting")
    if view not in services.REGISTER_VIEWS:
        abort(404)
    # Opened from the menu, the register starts at the year of the oldest gift still waiting (last year's
    # overdue one, early in a fiscal year), else at this year.
    oldest = (
        services.waiting_overview(local_today(), 0).oldest_fiscal_year if "fy" not in request.args else None
    )
    fy = fiscal_year_arg(oldest)
    return render_template(
        "gifts/register.html",
        fy=fy,
        view=view,
        page=services.register_page(fy, view, page=page_arg(), per_page=current_app.config["PER_PAGE"]),
        years=fiscal_year_choices(fy),
        rule=services.policy(),
        today=local_today(),
    )


@bp.route("/register/<int:gift_id>", methods=["GET", "POST"])
@officer_required
def decide(gift_id: int):
    """Show a gift to the head and record (or correct) the decision on it."""
    gift = db.get_or_404(Gift, gift_id)
    form = DecisionForm()
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            services.decide(
                gift, form.outcome.data or "", form.note.data or "", by=current_user._get_current_object()
            )
        if outcome.ok:
            flash(_("The decision has been recorded."), "success")
            return redirect(url_for("gifts.decide", gift_id=gift.id))
    return render_template(
        "gifts/detail.html",
        row=services.gift_row(gift),
        decisions=services.decisions_of(gift),
        today=local_today(),
        form=form,
        officer_view=True,
    )


@bp.route("/export/<int:fy>.<fmt>")
@officer_required
def export(fy: int, fmt: str):
    """Download a fiscal year's register as CSV or XLSX."""
    check_fiscal_year(fy)
    if fmt not in ("csv", "xlsx"):
        abort(404)
    locale = current_locale()
    header = [
        _("Day received"),
        _("Person"),
        _("Giver"),
        _("Giver's organisation"),
        _("What was given"),
        _("Occasion"),
        _("Estimated value (baht)"),
        _("Total from this giver on this occasion (baht)"),
        _("To be reported"),
        _("Decision due"),
        _("Outcome"),
        _("Decision note"),
    ]
    rows = [
        [
            r.gift.received_on,
            r.gift.person.display_name(locale),
            r.gift.giver_name,
            r.gift.giver_organisation,
            r.gift.description,
            r.gift.occasion.name(locale),
            r.gift.value_baht,
            r.group_total,
            _("yes") if r.reportable else _("no"),
            r.due_on,
            r.outcome.label,
            r.decision.note if r.decision else "",
        ]
        for r in services.register(fy, "all")
    ]
    body = table_bytes(
        fmt, header, rows, title=_("Gift register"), widths=[12, 24, 24, 24, 30, 20, 12, 12, 10, 12, 20, 30]
    )
    return download(body, f"gift-register-{fy}.{fmt}")


@bp.route("/announcement", methods=["GET", "POST"])
@officer_required
def announcement():
    """Publish the organisation's No Gift announcement of a fiscal year."""
    fy = fiscal_year_arg()
    existing = services.announcement(fy)
    form = AnnouncementForm(obj=existing)
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            services.save_announcement(
                fy,
                title_th=form.title_th.data,
                title_en=form.title_en.data or "",
                body_th=form.body_th.data,
                body_en=form.body_en.data or "",
                announced_on=form.announced_on.data,
            )
        if outcome.ok:
            flash(_("The announcement has been published."), "success")
            return redirect(url_for("gifts.announcement", fy=fy))
    return render_template(
        "gifts/announcement.html",
        form=form,
        fy=fy,
        years=fiscal_year_choices(fy),
        existing=existing,
        current=current_fiscal_year(),
    )
