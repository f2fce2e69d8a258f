"""Command-line tools: demo data, the first administrator, imports, the audit check, the scheduler."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup

from ethics_hr.core.audit import acting_as, verify_chain
from ethics_hr.core.db import unit_of_work

audit_cli = AppGroup("audit", help="Check the audit log.")


@audit_cli.command("verify")
@click.option(
    "--anchors",
    "anchor_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An anchor file kept outside the database (downloaded from the audit page, or `audit anchors`).",
)
def audit_verify(anchor_file: Path | None):
    """Check the hash chain of the audit log and name the first altered or missing entry.

    The chain is held against the daily anchors: those stored, or those of --anchors FILE.
    """
    from ethics_hr.core.audit import read_anchor_file

    anchors = None
    if anchor_file is not None:
        try:
            anchors = read_anchor_file(anchor_file.read_text(encoding="utf-8"))
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--anchors") from error
    result = verify_chain(anchors=anchors)
    if result.ok:
        click.echo(f"audit log intact: {result.checked} entries checked against {result.anchored} anchors")
        return
    click.echo(f"audit log broken at entry {result.first_bad_id}: {result.reason}", err=True)
    sys.exit(1)


@audit_cli.command("anchor")
def audit_anchor():
    """Write today's anchor of the chain now (the scheduler does it every night) and print it."""
    from ethics_hr.core.audit import anchor_chain, latest_anchor

    with acting_as(None, "system"), unit_of_work():
        anchor_chain()
        click.echo(latest_anchor().line)


@audit_cli.command("anchors")
def audit_anchors():
    """Print the anchor file: every day's anchor, to keep outside the database."""
    from ethics_hr.core.audit import anchor_file_text, stored_anchors

    click.echo(anchor_file_text(stored_anchors()), nl=False)


@click.command("demo")
def demo():
    """Load the demo municipality (does nothing if people already exist)."""
    from ethics_hr.demo.loader import echo_logins, load_demo

    if load_demo():
        click.echo("demo municipality loaded; logins:")
    else:
        click.echo("data already present; demo not loaded again. Demo logins:")
    echo_logins()


@click.command("init-data")
def init_data():
    """Insert the reference data (staff categories and the like) that is missing."""
    from ethics_hr.reference import ensure_all_reference_data

    with acting_as(None, "init-data"), unit_of_work():
        ensure_all_reference_data()
    click.echo("reference data present")


@click.command("create-admin")
@click.option("--employee-number", required=True)
@click.option("--first-name", required=True, help="First name in Thai")
@click.option("--last-name", required=True, help="Last name in Thai")
@click.option("--email", default="")
@click.password_option()
def create_admin(employee_number: str, first_name: str, last_name: str, email: str, password: str):
    """Create a person with an administrator account and the given password."""
    from ethics_hr.core.errors import RuleViolation
    from ethics_hr.people.administrators import create_administrator

    try:
        with acting_as(None, "create-admin"):
            create_administrator(
                employee_number=employee_number,
                first_name_th=first_name,
                last_name_th=last_name,
                email=email,
                password=password,
            )
    except RuleViolation as problem:
        if problem.field == "employee_number":
            raise click.ClickException(f"employee number {employee_number} exists already") from None
        raise click.ClickException(problem.message) from None
    click.echo(f"administrator {employee_number} created")


@click.command("reset-two-factor")
@click.option("--employee-number", required=True)
def reset_two_factor(employee_number: str):
    """Turn off an account's two-step login (a lost phone, when no other administrator can)."""
    from ethics_hr.core.errors import RuleViolation
    from ethics_hr.people import services

    user = services.find_user_by_login(employee_number)
    if user is None:
        raise click.ClickException(f"no account with employee number {employee_number}")
    try:
        with acting_as(None, "reset-two-factor"):
            services.reset_two_factor(user, by=None)
    except RuleViolation as problem:
        raise click.ClickException(problem.message) from None
    click.echo(f"two-step login of {employee_number} reset: it is set up again at the next login")


@click.command("import-people")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check the file and report, write nothing.")
def import_people(file: Path, dry_run: bool):
    """Import people from a CSV or XLSX file: every row or none."""
    from ethics_hr.people.importer import check_file, import_rows

    with acting_as(None, "import-people"):
        check = check_file(file.read_bytes(), file.name)
        if check.file_error:
            raise click.ClickException(check.file_error)
        for error in check.errors:
            click.echo(f"row {error.row}: {error.column}: {error.message}", err=True)
        if check.errors:
            raise click.ClickException(f"{len(check.errors)} problem(s) found; nothing was imported")
        if dry_run:
            click.echo(f"{len(check.rows)} rows are valid; nothing written (dry run)")
            return
        people = import_rows(check)
    click.echo(f"{len(people)} people imported")


@click.command("scheduler")
def scheduler():
    """Run the periodic jobs in the foreground (exactly one such process per deployment)."""
    from flask import current_app

    from ethics_hr.scheduler import run_foreground

    run_foreground(current_app._get_current_object())


@click.command("serve")
@click.option("--host", default="127.0.0.1")
@click.option("--port", default=5000, type=int)
def serve(host: str, port: int):
    """Serve the app with the scheduler in the same process (the one-machine default)."""
    from flask import current_app
    from werkzeug.serving import run_simple

    from ethics_hr.scheduler import start_in_background

    app = current_app._get_current_object()
    start_in_background(app)  # once: no reloader, so no second process starts another
    click.echo(f"Ethics HR on http://{host}:{port}/ (scheduler running in this process)")
    run_simple(host, port, app, threaded=True, use_reloader=False)


def register(app: Flask) -> None:
    for command in (demo, init_data, create_admin, reset_two_factor, import_people, scheduler, serve):
        app.cli.add_command(command)
    app.cli.add_command(audit_cli)
    from ethics_hr.scheduler import reminders_cli

    app.cli.add_command(reminders_cli)
    from ethics_hr.reports.cli import ita_report

    app.cli.add_command(ita_report)
    from ethics_hr.i18n import i18n_cli

    app.cli.add_command(i18n_cli)
