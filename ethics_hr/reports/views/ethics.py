"""The annual ethics report: preview, start, edit its sections and opening, download as DOCX."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ethics_hr.core.access import officer_required
from ethics_hr.core.args import check_fiscal_year, current_fiscal_year
from ethics_hr.core.errors import flashed, shown_on
from ethics_hr.core.exports import download
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.extensions import db
from ethics_hr.reports import defaults, ethics_exports, ethics_report
from ethics_hr.reports.forms import LINES_HELP, EthicsIntroForm, EthicsSectionForm
from ethics_hr.reports.models import EthicsReportSection
from ethics_hr.reports.views.common import bp, year_choices


@bp.route("/ethics")
@officer_required
def ethics_default():
    """Open the annual ethics report of the fiscal year that is running."""
    return redirect(url_for("reports.ethics", fy=current_fiscal_year()))


@bp.route("/ethics/<int:fy>")
@officer_required
def ethics(fy: int):
    """Show a fiscal year's annual ethics report, its sections with the lines written from the data."""
    check_fiscal_year(fy)
    document = ethics_report.build_ethics_report(fy)
    return render_template(
        "reports/ethics.html",
        document=document,
        confirm=ConfirmForm(),
        years=year_choices(fy),
        fills=dict(ethics_report.fill_choices()),
    )


@bp.route("/ethics/<int:fy>/start", methods=["POST"])
@officer_required
def ethics_start(fy: int):
    """Store the year's sections (from the previous year's report, or the defaults) so they can be edited."""
    check_fiscal_year(fy)
    if ConfirmForm().validate_on_submit():
        with flashed() as outcome:
            ethics_report.start_ethics_report(fy)
        if outcome.ok:
            flash(_("This year's ethics report has been started: its sections can now be edited."), "success")
    return redirect(url_for("reports.ethics", fy=fy))


@bp.route("/ethics/<int:fy>/intro", methods=["GET", "POST"])
@officer_required
def ethics_intro(fy: int):
    """Edit the addressee line and the opening paragraph of the annual ethics report."""
    check_fiscal_year(fy)
    report = ethics_report.stored_ethics_report(fy)
    if report is None:
        abort(404)
    form = EthicsIntroForm(obj=report)
    form.intro.render_kw = {"lang": defaults.stored_text_locale()}
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            ethics_report.save_ethics_intro(report, form.intro.data or "")
        if outcome.ok:
            flash(_("The opening paragraph has been saved."), "success")
            return redirect(url_for("reports.ethics", fy=fy))
    return render_template("reports/ethics_intro_form.html", form=form, fy=fy)


def _section_form(section: EthicsReportSection | None = None) -> EthicsSectionForm:
    form = EthicsSectionForm(obj=section)
    form.fill.choices = ethics_report.fill_choices()
    for text_field in (form.heading, form.body):  # the officer's text, in the report's language
        text_field.render_kw = {"lang": defaults.stored_text_locale()}
    return form


def _section_input(form: EthicsSectionForm) -> ethics_report.SectionInput:
    return ethics_report.SectionInput(
        heading=form.heading.data or "", body=form.body.data or "", fill=form.fill.data or ""
    )


@bp.route("/ethics/<int:fy>/sections/new", methods=["GET", "POST"])
@officer_required
def ethics_add_section(fy: int):
    """Add a section at the end of the annual ethics report."""
    check_fiscal_year(fy)
    report = ethics_report.stored_ethics_report(fy)
    if report is None:
        abort(404)
    form = _section_form()
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            section = ethics_report.add_section(report, _section_input(form))
        if outcome.ok:
            flash(_("The section has been added."), "success")
            return redirect(url_for("reports.ethics", fy=fy, _anchor=f"section-{section.id}"))
    return render_template(
        "reports/ethics_section_form.html", form=form, fy=fy, section=None, help=LINES_HELP
    )


@bp.route("/ethics/sections/<int:section_id>/edit", methods=["GET", "POST"])
@officer_required
def ethics_edit_section(section_id: int):
    """Edit a section's heading, text and the data written after it."""
    section = db.get_or_404(EthicsReportSection, section_id)
    fy = section.report.fiscal_year
    form = _section_form(section)
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            ethics_report.save_section(section, _section_input(form))
        if outcome.ok:
            flash(_("The section has been saved."), "success")
            return redirect(url_for("reports.ethics", fy=fy, _anchor=f"section-{section.id}"))
    return render_template(
        "reports/ethics_section_form.html", form=form, fy=fy, section=section, help=LINES_HELP
    )


@bp.route("/ethics/sections/<int:section_id>/delete", methods=["POST"])
@officer_required
def ethics_delete_section(section_id: int):
    """Remove a section from the annual ethics report."""
    section = db.get_or_404(EthicsReportSection, section_id)
    fy = section.report.fiscal_year
    if ConfirmForm().validate_on_submit():
        with flashed() as outcome:
            ethics_report.delete_section(section)
        if outcome.ok:
            flash(_("The section has been removed."), "success")
    return redirect(url_for("reports.ethics", fy=fy))


@bp.route("/ethics/sections/<int:section_id>/move", methods=["POST"])
@officer_required
def ethics_move_section(section_id: int):
    """Move a section up or down the report."""
    section = db.get_or_404(EthicsReportSection, section_id)
    fy = section.report.fiscal_year
    if ConfirmForm().validate_on_submit():
        ethics_report.move_section(section, -1 if request.form.get("direction") == "up" else 1)
    return redirect(url_for("reports.ethics", fy=fy, _anchor=f"section-{section.id}"))


@bp.route("/ethics/<int:fy>/ethics-report.docx")
@officer_required
def ethics_docx(fy: int):
    """Download the annual ethics report as a Word document."""
    check_fiscal_year(fy)
    document = ethics_report.build_ethics_report(fy)
    return download(ethics_exports.to_docx(document), ethics_exports.file_name(document))
