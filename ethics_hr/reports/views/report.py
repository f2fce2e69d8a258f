"""The fiscal-year report: preview, edit its rows, download as DOCX or XLSX, print."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ethics_hr.core.access import officer_required
from ethics_hr.core.args import check_fiscal_year, current_fiscal_year
from ethics_hr.core.errors import flashed, shown_on
from ethics_hr.core.exports import download
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.extensions import db
from ethics_hr.reports import exports, services
from ethics_hr.reports.forms import LINES_HELP, IntroForm, MeasureForm
from ethics_hr.reports.models import ReportMeasure
from ethics_hr.reports.views.common import bp, year_choices


@bp.route("/")
@officer_required
def index():
    """Show the reports an officer can open."""
    return render_template("reports/index.html", fy=current_fiscal_year())


@bp.route("/fiscal-year")
@officer_required
def report_default():
    """Open the report of the fiscal year that is running (the year-end report is written while it runs)."""
    return redirect(url_for("reports.report", fy=current_fiscal_year()))


@bp.route("/fiscal-year/<int:fy>")
@officer_required
def report(fy: int):
    """Show a fiscal year's report as a table, with its edit buttons and downloads."""
    check_fiscal_year(fy)
    document = services.build_report(fy)
    return render_template(
        "reports/report.html", document=document, confirm=ConfirmForm(), years=year_choices(fy)
    )


@bp.route("/fiscal-year/<int:fy>/start", methods=["POST"])
@officer_required
def start(fy: int):
    """Store the report's rows from the seed's text so they can be edited."""
    check_fiscal_year(fy)
    if ConfirmForm().validate_on_submit():
        services.start_report(fy)
        flash(_("The report's rows can now be edited."), "success")
    return redirect(url_for("reports.report", fy=fy))


@bp.route("/fiscal-year/<int:fy>/intro", methods=["GET", "POST"])
@officer_required
def intro(fy: int):
    """Edit the paragraph that opens the report."""
    check_fiscal_year(fy)
    report = services.stored_report(fy)
    if report is None:
        abort(404)
    form = IntroForm(obj=report)
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            services.save_intro(report, form.intro.data or "")
        if outcome.ok:
            flash(_("The opening paragraph has been saved."), "success")
            return redirect(url_for("reports.report", fy=fy))
    return render_template("reports/intro_form.html", form=form, fy=fy)


@bp.route("/fiscal-year/<int:fy>/measures/new", methods=["GET", "POST"])
@officer_required
def add_measure(fy: int):
    """Add a measure the officer writes in full."""
    check_fiscal_year(fy)
    report = services.stored_report(fy)
    if report is None:
        abort(404)
    form = MeasureForm()
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            services.add_measure(report, _measure_input(form))
        if outcome.ok:
            flash(_("The measure has been added."), "success")
            return redirect(url_for("reports.report", fy=fy))
    return render_template("reports/measure_form.html", form=form, fy=fy, measure=None, help=LINES_HELP)


@bp.route("/measures/<int:measure_id>/edit", methods=["GET", "POST"])
@officer_required
def edit_measure(measure_id: int):
    """Edit a row of the report; the HR row's summary is written from the data."""
    measure = db.get_or_404(ReportMeasure, measure_id)
    fy = measure.report.fiscal_year
    form = MeasureForm(obj=measure)
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            services.save_measure(measure, _measure_input(form))
        if outcome.ok:
            flash(_("The measure has been saved."), "success")
            return redirect(url_for("reports.report", fy=fy))
    return render_template(
        "reports/measure_form.html",
        form=form,
        fy=fy,
        measure=measure,
        help=LINES_HELP,
        period_default=services.period_text(fy, services.document_locale()),
    )


@bp.route("/measures/<int:measure_id>/delete", methods=["POST"])
@officer_required
def delete_measure(measure_id: int):
    """Remove a free row from the report."""
    measure = db.get_or_404(ReportMeasure, measure_id)
    fy = measure.report.fiscal_year
    if ConfirmForm().validate_on_submit():
        with flashed() as outcome:
            services.delete_measure(measure)
        if outcome.ok:
            flash(_("The measure has been removed."), "success")
    return redirect(url_for("reports.report", fy=fy))


@bp.route("/measures/<int:measure_id>/move", methods=["POST"])
@officer_required
def move_measure(measure_id: int):
    """Move a row up or down the table."""
    measure = db.get_or_404(ReportMeasure, measure_id)
    fy = measure.report.fiscal_year
    if ConfirmForm().validate_on_submit():
        services.move_measure(measure, -1 if request.form.get("direction") == "up" else 1)
    return redirect(url_for("reports.report", fy=fy, _anchor=f"measure-{measure.id}"))


@bp.route("/fiscal-year/<int:fy>/report.docx")
@officer_required
def download_docx(fy: int):
    """Download the report as a Word document."""
    check_fiscal_year(fy)
    return _file(services.build_report(fy), "docx")


@bp.route("/fiscal-year/<int:fy>/report.xlsx")
@officer_required
def download_xlsx(fy: int):
    """Download the report as an Excel workbook."""
    check_fiscal_year(fy)
    return _file(services.build_report(fy), "xlsx")


@bp.route("/fiscal-year/<int:fy>/print")
@officer_required
def print_view(fy: int):
    """Show the report alone on the page, laid out for printing on landscape A4."""
    check_fiscal_year(fy)
    return render_template("reports/print.html", document=services.build_report(fy))


def _file(document: services.ReportDocument, kind: str) -> Response:
    data = exports.to_docx(document) if kind == "docx" else exports.to_xlsx(document)
    return download(data, exports.file_name(document, kind))


def _measure_input(form: MeasureForm) -> services.MeasureInput:
    return services.MeasureInput(
        measure=form.measure.data or "",
        methods=form.methods.data or "",
        responsible=form.responsible.data or "",
        period=form.period.data or "",
        summary=form.summary.data or "",
        outcome=form.outcome.data or "",
    )
