"""Each role's landing page."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_login import current_user

from ethics_hr.admin.setup import home_sections as setup_sections
from ethics_hr.codes.sections import home_sections as codes_home_sections
from ethics_hr.committees.sections import home_sections as committee_sections
from ethics_hr.conflicts.rights import may_review
from ethics_hr.conflicts.sections import home_sections as conflict_sections
from ethics_hr.core.access import login_required, public
from ethics_hr.core.settings import logo_file
from ethics_hr.core.timeutil import local_today
from ethics_hr.core.uploads import send_stored
from ethics_hr.gifts.sections import home_sections as gift_sections
from ethics_hr.people import services as people
from ethics_hr.pledges.sections import home_sections as pledge_sections
from ethics_hr.questions.home import question_sections
from ethics_hr.reports.home import home_sections as evidence_sections
from ethics_hr.training.home import training_sections

bp = Blueprint("home", __name__)


@bp.route("/")
@public
def root():
    """Send visitors to the login page and users to their home page."""
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    return redirect(url_for("auth.login"))


@bp.route("/logo")
@public
def logo():
    """Send the organisation's logo (shown on every page, the login page too)."""
    stored = logo_file()
    if stored is None:
        abort(404)
    return send_stored(stored)


@bp.route("/home")
@login_required
def index():
    """Show what is asked of the user and, for officers, what needs their attention."""
    return render_template(
        "home/index.html",
        person=current_user.person,
        today=local_today(),
        sections=home_sections(current_user),
        people_count=people.people_count() if current_user.is_officer else None,
    )


@bp.route("/integrity")
@login_required
def integrity():
    """The declarations a person makes and what the office does with them: gifts, interests, the pledge."""
    return render_template(
        "home/integrity.html",
        reviewer=may_review(current_user),
        officer=current_user.is_officer,
    )


def home_sections(user) -> list:
    """Collect the home-page cards each domain offers this user (codes, sessions, questions)."""
    sections = []
    for provider in SECTION_PROVIDERS:
        sections.extend(provider(user))
    return sections


# The home-page cards each domain offers (user -> list of objects with .template and .width, plus data).
SECTION_PROVIDERS: list = [
    setup_sections,
    codes_home_sections,
    training_sections,
    committee_sections,
    question_sections,
    gift_sections,
    conflict_sections,
    pledge_sections,
    evidence_sections,
]
