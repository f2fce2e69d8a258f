"""Load the demo municipality: idempotent, so running it twice changes nothing."""

from __future__ import annotations

import click

from ethics_hr.core.audit import acting_as, release_deferred
from ethics_hr.core.db import unit_of_work
from ethics_hr.core.models import utc_now
from ethics_hr.core.settings import get_settings
from ethics_hr.demo import codes as demo_codes
from ethics_hr.demo import committees as demo_committees
from ethics_hr.demo import conflicts as demo_conflicts
from ethics_hr.demo import content
from ethics_hr.demo import gifts as demo_gifts
from ethics_hr.demo import notifications as demo_notifications
from ethics_hr.demo import plans as demo_plans
from ethics_hr.demo import pledges as demo_pledges
from ethics_hr.demo import questions as demo_questions
from ethics_hr.demo import reports as demo_reports
from ethics_hr.demo import training as demo_training
from ethics_hr.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, HEAD_TITLES
from ethics_hr.extensions import db
from ethics_hr.notifications.outbox import mark_already_delivered
from ethics_hr.people.models import Person, StaffCategory, User
from ethics_hr.people.services import find_token, open_account, redeem_token, save_department, save_person
from ethics_hr.reference import ensure_all_reference_data


def load_demo() -> bool:
    """Create the demo organisation the first time; return False when it was already there."""
    with acting_as(None, "demo"), unit_of_work():
        ensure_all_reference_data()  # a database built without the migrations (tests) still gets its lists
        if db.session.scalar(db.select(Person.id).limit(1)) is not None:
            return False
        settings = get_settings()
        settings.name_th = content.ORGANISATION["name_th"]
        settings.name_en = content.ORGANISATION["name_en"]
        settings.certificate_signatory = content.ORGANISATION["certificate_signatory"]
        settings.certificate_signatory_title_th = content.ORGANISATION["certificate_signatory_title_th"]
        settings.certificate_signatory_title_en = content.ORGANISATION["certificate_signatory_title_en"]
        people = _people()
        for hook in _domain_hooks():
            hook(people)
        # The year's mail went out when it happened: nothing of it is sent again once a mail server is set.
        mark_already_delivered(utc_now())
        # The mornings' batches ran too: the past days' anonymous acts are in the audit chain.
        release_deferred(utc_now())
        return True


def _people() -> list[Person]:
    """Add the departments and people as the personnel officer would, open the accounts, name the heads."""
    departments = {
        d["code"]: save_department(
            None, code=d["code"], name_th=d["name_th"], name_en=d["name_en"], active=True
        )
        for d in content.DEPARTMENTS
    }
    categories = {c.code: c.id for c in db.session.scalars(db.select(StaffCategory))}
    people = []
    for p in content.PEOPLE:
        department = departments.get(p["department"]) if p["department"] else None
        data = {
            "employee_number": p["employee_number"],
            "prefix": p["prefix_th"],
            "first_name_th": p["first_name_th"],
            "last_name_th": p["last_name_th"],
            "first_name_en": p["first_name_en"],
            "last_name_en": p["last_name_en"],
            "position": p["position_th"],
            "staff_category_id": categories[p["category"]],
            "department_id": department.id if department else None,
            "email": p["email"],
            "start_date": p["start_date"],
        }
        people.append(save_person(None, data))
    admin: User | None = None
    for index, roles, _label in DEMO_ACCOUNTS:
        # The administrator opens the accounts; each person then sets the demo password from the link.
        issued = open_account(people[index], by=admin, roles=roles)
        user = redeem_token(find_token(issued.token), DEMO_PASSWORD)
        admin = admin or user
    for department in departments.values():
        head = next(
            (p for p in people if p.department_id == department.id and p.position.startswith(HEAD_TITLES)),
            None,
        )
        if head is not None:
            save_department(
                department,
                code=department.code,
                name_th=department.name_th,
                name_en=department.name_en,
                active=True,
                head_employee_number=head.employee_number,
            )
    return people


def _domain_hooks():
    """Each domain's part of the demo, in the order of the floors."""
    return [
        demo_codes.load_demo,
        demo_committees.load_demo,
        demo_training.load_demo,
        demo_plans.load_demo,
        demo_questions.load_demo,
        demo_gifts.load_demo,
        demo_conflicts.load_demo,
        demo_pledges.load_demo,
        demo_notifications.load_demo,
        demo_reports.load_demo,
    ]


def describe_logins() -> list[str]:

    lines = []
    for index, _roles, label in DEMO_ACCOUNTS:
        p = content.PEOPLE[index]
        login = p["email"] or p["employee_number"]
        lines.append(f"{label:<50} {login:<28} {DEMO_PASSWORD}")
    return lines


def echo_logins() -> None:
    for line in describe_logins():
        click.echo(line)
