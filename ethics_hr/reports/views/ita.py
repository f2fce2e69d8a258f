"""ITA evidence links for an assessment year, and the administrator's catalogue of ITA items."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.core.access import admin_required, officer_required
from ethics_hr.core.errors import RuleViolation, shown_on
from ethics_hr.core.formatting import current_locale
from ethics_hr.reports import ita
from ethics_hr.reports.forms import CatalogueForm, CopyCatalogueForm, RollForm
from ethics_hr.reports.views.common import bp


@bp.route("/ita")
@officer_required
def ita_default():
    """Open the ITA links of the latest assessment year in the catalogue."""
    years = ita.catalogue_years()
    if not years:
        return render_template("reports/ita.html", year=None, years=[], links=[])
    return redirect(url_for("reports.ita_links", year=years[0]))


@bp.route("/ita/<int:year>")
@officer_required
def ita_links(year: int):
    """List each ITA item of a year with the public address that answers it and whether it is complete."""
    years = ita.catalogue_years()
    if year not in years:
        if not ita.MIN_YEAR <= year <= ita.MAX_YEAR:
            abort(404)
        # A year nobody has listed yet is a step to take, not a missing page: say how to take it.
        form = None
        if current_user.is_admin and years:
            form = CopyCatalogueForm(formdata=None, year=year)
            form.source_year.choices = [(y, str(y)) for y in years]
            form.source_year.data = years[0]
        return render_template("reports/ita.html", year=year, years=years, links=None, copy_form=form)
    comparison = ita.compare(year, current_locale())
    return render_template(
        "reports/ita.html",
        year=year,
        years=years,
        links=comparison.links,
        comparison=comparison,
        catalogue=ita.catalogue_of(year),
        roll_form=RollForm() if current_user.is_admin and year == years[0] else None,
        ita_changes=ita.CHANGES,
    )


@bp.post("/ita/<int:year>/roll")
@admin_required
def roll(year: int):
    """The year roll: start the next assessment year's catalogue from this one's, then show what changed."""
    if year not in ita.catalogue_years():
        abort(404)
    form = RollForm()
    if form.validate_on_submit():
        try:
            new_year = ita.roll_forward(year)
        except RuleViolation as error:
            flash(error.message, "danger")
            return redirect(url_for("reports.ita_links", year=year))
        flash(
            _(
                "The catalogue of %(year)s has been started from %(source)s. "
                "Check each item against the new manual.",
                year=new_year,
                source=year,
            ),
            "success",
        )
        return redirect(url_for("reports.ita_links", year=new_year))
    return redirect(url_for("reports.ita_links", year=year))


@bp.route("/ita/catalogue", methods=["GET", "POST"])
@admin_required
def catalogue():
    """List the catalogue's assessment years and start a new year as a copy of another."""
    years = ita.catalogue_years()
    form = CopyCatalogueForm()
    form.source_year.choices = [(y, str(y)) for y in years]
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            ita.copy_catalogue(form.year.data, form.source_year.data)
        if outcome.ok:
            flash(_("The catalogue of %(year)s has been created.", year=form.year.data), "success")
            return redirect(url_for("reports.edit_catalogue", year=form.year.data))
    return render_template("reports/catalogue.html", years=years, form=form)


@bp.route("/ita/catalogue/<int:year>", methods=["GET", "POST"])
@admin_required
def edit_catalogue(year: int):
    """Edit an assessment year's ITA items as JSON, checked whole before it is saved."""
    if year not in ita.catalogue_years():
        abort(404)
    form = CatalogueForm()
    if not form.is_submitted():
        form.catalogue.data = ita.as_json(year)
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            ita.save_catalogue(year, form.catalogue.data)
        if outcome.ok:
            flash(_("The catalogue of %(year)s has been saved.", year=year), "success")
            return redirect(url_for("reports.ita_links", year=year))
    return render_template(
        "reports/catalogue_form.html", form=form, year=year, pages=list(ita.PAGES), checks=list(ita.CHECKS)
    )
