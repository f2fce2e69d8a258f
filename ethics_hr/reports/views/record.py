"""A person's fiscal-year record: officers see anyone's, a person only their own."""

from __future__ import annotations

from flask import abort, render_template
from flask_login import current_user

from ethics_hr.core.access import login_required
from ethics_hr.core.args import fiscal_year_arg
from ethics_hr.core.formatting import current_locale
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.people.models import Person
from ethics_hr.reports.record import person_record
from ethics_hr.reports.views.common import bp, year_choices


@bp.route("/my-record")
@login_required
def my_record():
    """Show the user's own record of a fiscal year (the current one unless ?fy= says otherwise)."""
    return _record_page(current_user.person)


@bp.route("/people/<int:person_id>/record")
@login_required
def record(person_id: int):
    """Show a person's codes acknowledged and trainings of a fiscal year, printable for the personnel file."""
    if not current_user.is_officer and person_id != current_user.person_id:
        abort(404)  # another person's record: not found, as if it did not exist
    return _record_page(db.get_or_404(Person, person_id))


def _record_page(person: Person):
    fy = fiscal_year_arg()
    return render_template(
        "reports/record.html",
        record=person_record(person, fy, current_locale()),
        fy=fy,
        years=year_choices(fy),
        now_local=local_today(),
    )
