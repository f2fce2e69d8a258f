"""The public evidence pages: open to all, printable, at addresses that name the fiscal year."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_babel import gettext as _

from ethics_hr.core.access import public
from ethics_hr.core.args import check_fiscal_year, current_fiscal_year
from ethics_hr.core.audit import latest_anchor
from ethics_hr.core.exports import download, table_bytes
from ethics_hr.core.formatting import current_locale
from ethics_hr.core.uploads import send_stored
from ethics_hr.gifts import services as gift_register
from ethics_hr.pledges.evidence import pledge_evidence
from ethics_hr.reports import sources
from ethics_hr.reports.cache import remembered
from ethics_hr.reports.dashboard import plan_status_labels

bp = Blueprint("transparency", __name__, url_prefix="/public")


def _years(fy: int) -> list[int]:
    """The years a public page links to: the last five and the one shown (nothing is public ahead)."""
    current = current_fiscal_year()
    return sorted({*range(current - 4, current + 1), fy}, reverse=True)


@bp.route("/")
@public
def index():
    """List the organisation's published evidence, with the current fiscal year's pages."""
    return render_template("transparency/index.html", fy=current_fiscal_year(), anchor=latest_anchor())


@bp.route("/codes")
@public
def codes():
    """Show the codes of ethics in force, each with its Dos & Don'ts."""
    return render_template(
        "transparency/codes.html",
        codes=sources.codes_in_force(with_body=True, with_share=False, locale=current_locale()),
    )


@bp.route("/committees")
@public
def committees():
    """Show the ethics committees with their current members and their appointment orders."""
    locale = current_locale()
    found = remembered(("public committees", locale), lambda: sources.committees(locale=locale))[0]
    return render_template("transparency/committees.html", committees=found)


@bp.route("/plan")
@public
def plan_current():
    """Open the HR plan page of the current fiscal year."""
    return redirect(url_for("transparency.plan", fy=current_fiscal_year()))


@bp.route("/plan/<int:fy>")
@public
def plan(fy: int):
    """Show the HR development plan in force in a fiscal year and its plan-against-actual results."""
    check_fiscal_year(fy)
    return render_template(
        "transparency/plan.html",
        fy=fy,
        years=_years(fy),
        plan=sources.plan(fy, current_locale()),
        status_labels=plan_status_labels(),
    )


@bp.route("/training")
@public
def training_current():
    """Open the ethics training page of the current fiscal year."""
    return redirect(url_for("transparency.training", fy=current_fiscal_year()))


@bp.route("/training/<int:fy>")
@public
def training(fy: int):
    """Show the ethics trainings held in a fiscal year with the number of participants and hours."""
    check_fiscal_year(fy)
    return render_template(
        "transparency/training.html",
        fy=fy,
        years=_years(fy),
        training=remembered(("public training", fy), lambda: sources.ethics_training(fy))[0],
    )


@bp.route("/faq")
@public
def faq():
    """Show the published answers to ethics questions, with no asker and nothing that identifies one."""
    return render_template("transparency/faq.html", entries=sources.faq(current_locale()))


@bp.route("/committees/orders/<int:order_id>/document")
@public
def order_document(order_id: int):
    """Send the scanned appointment order: orders are public documents."""
    document = sources.order_document(order_id)
    if document is None:
        abort(404)
    return send_stored(document)


@bp.route("/gifts")
@public
def gifts_current():
    """Open the No Gift page of the current fiscal year."""
    return redirect(url_for("transparency.gifts", fy=current_fiscal_year()))


@bp.route("/gifts/<int:fy>")
@public
def gifts(fy: int):
    """Show the No Gift announcement of a fiscal year and the report of its gift register (counts only)."""
    check_fiscal_year(fy)
    summary = gift_register.yearly_summary(fy)
    return render_template(
        "transparency/gifts.html",
        fy=fy,
        years=_years(fy),
        announcement=gift_register.announcement(fy),
        summary=summary,
        count=sum(s.count for s in summary),
        total=sum(s.total for s in summary),
        rule=gift_register.policy(),
    )


@bp.route("/gifts/<int:fy>/report.<fmt>")
@public
def gifts_report(fy: int, fmt: str):
    """Download the yearly report of the gift register (count and value by outcome) as CSV or XLSX."""
    check_fiscal_year(fy)
    if fmt not in ("csv", "xlsx"):
        abort(404)
    summary = gift_register.yearly_summary(fy)
    rows = [[s.outcome.label, s.count, s.total] for s in summary]
    rows.append([_("Total"), sum(s.count for s in summary), sum(s.total for s in summary)])
    header = [_("What became of the gifts"), _("Gifts"), _("Value (baht)")]
    body = table_bytes(fmt, header, rows, title=_("Gift register"), widths=[36, 12, 16])
    return download(body, f"gift-report-{fy}.{fmt}")


@bp.route("/pledge")
@public
def pledge_current():
    """Open the integrity pledge page of the current fiscal year."""
    return redirect(url_for("transparency.pledge", fy=current_fiscal_year()))


@bp.route("/pledge/<int:fy>")
@public
def pledge(fy: int):
    """Show a fiscal year's integrity pledge, the day it opened and how many signed (counts, no names)."""
    check_fiscal_year(fy)
    found, signed, audience = pledge_evidence(fy)
    return render_template(
        "transparency/pledge.html", fy=fy, years=_years(fy), pledge=found, signed=signed, audience=audience
    )
