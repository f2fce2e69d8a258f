"""The first run: what a new installation still needs before its first plan, each step a page of its own."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from ethics_hr.core.access import PERSONNEL
from ethics_hr.core.settings import OrganisationSettings, get_settings
from ethics_hr.people import services as people

# Steps whose defaults may well be right: done once the administrator has saved them (or skipped).
LOGO = "logo"
CALENDAR = "calendar"


@dataclass(frozen=True)
class SetupStep:
    key: str
    title: str
    hint: str
    endpoint: str
    done: bool


def setup_steps(settings: OrganisationSettings | None = None) -> list[SetupStep]:
    """The first-run steps in their order, each with whether it is done (read from the data itself)."""
    settings = settings or get_settings()
    return [
        SetupStep(
            "name",
            str(_l("The organisation's name")),
            str(_l("In Thai and in English, as it appears on official documents.")),
            "admin.setup_name",
            settings.is_named,
        ),
        SetupStep(
            LOGO,
            str(_l("Logo")),
            str(_l("Shown at the top of every page. You may skip this step.")),
            "admin.setup_logo",
            settings.logo_file_id is not None or settings.has_confirmed(LOGO),
        ),
        SetupStep(
            CALENDAR,
            str(_l("Fiscal year, time zone and numbers")),
            str(_l("The first month of the fiscal year, the time zone, the language and Thai numerals.")),
            "admin.setup_calendar",
            settings.has_confirmed(CALENDAR),
        ),
        SetupStep(
            "departments",
            str(_l("The first departments")),
            str(_l("The offices and divisions people belong to, each with a short code such as สป.")),
            "admin.setup_departments",
            bool(people.active_departments()),
        ),
        SetupStep(
            "officer",
            str(_l("The first personnel officer")),
            str(_l("A person with an account who keeps the plan, the people, the codes and the training.")),
            "admin.setup_officer",
            people.someone_holds_role(PERSONNEL),
        ),
    ]


def steps_left(steps: list[SetupStep] | None = None) -> list[SetupStep]:
    """The first-run steps not done yet."""
    return [step for step in (steps if steps is not None else setup_steps()) if not step.done]


def next_step_endpoint(steps: list[SetupStep] | None = None) -> str:
    """Where the administrator goes next: the first step left, or the checklist when all are done."""
    left = steps_left(steps)
    return left[0].endpoint if left else "admin.setup_checklist"


@dataclass
class SetupCard:
    steps: list[SetupStep]
    template: str = "admin/setup/_home_card.html"
    width: str = "col-lg-12"


def home_sections(user) -> list[SetupCard]:
    """Show an administrator the first-run steps left, until every one is done."""
    if not user.is_admin:
        return []
    steps = setup_steps()
    return [SetupCard(steps)] if steps_left(steps) else []
