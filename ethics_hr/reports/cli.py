"""The fiscal-year report from the command line, for a scheduled export or a personnel office's script."""

from __future__ import annotations

from pathlib import Path

import click
from flask_babel import force_locale

from ethics_hr.core.args import valid_fiscal_year
from ethics_hr.core.settings import get_settings
from ethics_hr.reports import exports
from ethics_hr.reports.services import build_report


@click.command("ita-report")
@click.option("--fy", "fiscal_year", required=True, type=int, help="Fiscal year in B.E., e.g. 2566.")
@click.option("--format", "kind", type=click.Choice(["docx", "xlsx"]), default="docx", show_default=True)
@click.option("--output", required=True, type=click.Path(dir_okay=False, writable=True, path_type=Path))
@click.option("--locale", type=click.Choice(["th", "en"]), default=None, help="Default: the organisation's.")
def ita_report(fiscal_year: int, kind: str, output: Path, locale: str | None):
    """Write the fiscal-year report (measures to promote integrity and transparency) as DOCX or XLSX."""
    if not valid_fiscal_year(fiscal_year):
        raise click.BadParameter("give a fiscal year in B.E., such as 2566", param_hint="--fy")
    locale = locale or get_settings().default_locale or "th"
    with force_locale(locale):
        document = build_report(fiscal_year, locale)
        data = exports.to_docx(document) if kind == "docx" else exports.to_xlsx(document)
    output.write_bytes(data)
    click.echo(f"{output}: report of FY {fiscal_year} ({kind}, {len(data):,} bytes)")
