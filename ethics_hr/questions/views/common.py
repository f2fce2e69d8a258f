"""What the questions views share: the two blueprints, who is a committee member, the category picker."""

from __future__ import annotations

from flask import Blueprint, abort
from flask_login import current_user

from ethics_hr.committees.services import is_committee_member
from ethics_hr.core.access import requires
from ethics_hr.core.formatting import current_locale
from ethics_hr.questions import services
from ethics_hr.questions.models import Question

bp = Blueprint("questions", __name__, url_prefix="/questions")
# Asking without an account: its own blueprint, so every route of it is visibly public.
public_bp = Blueprint("ask", __name__, url_prefix="/ask")


def is_member(user) -> bool:
    return is_committee_member(user)


def may_see_stats(user) -> bool:
    return user.is_officer or is_member(user)


member_required = requires(is_member, "committee member")


def category_choices(form) -> None:
    """Offer the active categories, in the reader's language, with no choice made yet."""
    locale = current_locale()
    form.category_id.choices = [(None, "—")] + [(c.id, c.name(locale)) for c in services.categories()]


def member_question(question_id: int) -> Question:
    """The question a committee member asks for; 404 when there is none or the member stepped aside."""
    return services.visible_question(question_id, current_user.person) or abort(404)
