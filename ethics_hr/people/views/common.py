"""What the people screens share: the blueprint, the list's filters, the person page's sections."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from flask import Blueprint, Flask, current_app, request

from ethics_hr.core.access import ADMIN, PERSONNEL
from ethics_hr.core.args import id_arg
from ethics_hr.people import services

bp = Blueprint("people", __name__, url_prefix="/people")

ROLE_LABELS = {ADMIN: "Administrator", PERSONNEL: "Personnel officer"}
STATUSES = {"active": True, "inactive": False, "all": None}
SECTIONS = "people.person_sections"

SectionProvider = Callable[[object], list]


def filters() -> services.PeopleFilter:
    """Read the list's filters from the query string (?q=, ?department=, ?category=, ?status=)."""
    return services.PeopleFilter(
        q=request.args.get("q", "")[:100],
        department_id=id_arg("department"),
        staff_category_id=id_arg("category"),
        active=STATUSES.get(request.args.get("status", "active")),
    )


def set_person_sections(app: Flask, providers: Iterable[SectionProvider]) -> None:
    """Give the person page the functions (person -> sections) of the domains that show a part of it.

    The factory calls this: the domains above people are wired from the top, never by import side effects.
    """
    app.extensions[SECTIONS] = tuple(providers)


def person_sections(person) -> list:
    """The sections (objects with a .template) the other domains show on a person's page."""
    return [section for provider in current_app.extensions.get(SECTIONS, ()) for section in provider(person)]


def import_dir() -> Path:
    """The folder that keeps a checked upload until the officer confirms it."""
    path = Path(current_app.instance_path) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path
