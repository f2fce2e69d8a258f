"""Load the demo municipality: idempotent, so running it twice changes nothing."""

from __future__ import annotations

import click

from ethics_hr.core.audit import acting_as
from ethics_hr.core.passwords import hash_password
from ethics_hr.core.settings import get_settings
from ethics_hr.demo import codes as demo_codes
from ethics_hr.demo import committees as demo_committees
from ethics_hr.demo import content
from ethics_hr.demo import notifications as demo_notifications
from ethics_hr.demo import people as demo_people
from ethics_hr.demo import plans as demo_plans
from ethics_hr.demo import questions as demo_questions
from ethics_hr.demo import reports as demo_reports
from ethics_hr.demo import training as demo_training
from ethics_hr.extensions import db
from ethics_hr.people.models import Department, Person, StaffCategory, User, UserRole
from ethics_hr.reference import ensure_all_reference_data

DEMO_PASSWORD = "bansuan-demo-2569"
# (index in content.PEOPLE, roles, what README calls them)
DEMO_ACCOUNTS: tuple[tuple[int, tuple[str, ...], str], ...] = (
    (0, ("admin",), "administrator"),
    (1, ("personnel_officer",), "personnel officer"),
    (2, (), "committee member"),
    (3, (), "employee (no email: logs in by employee number)"),
    (4, (), "employee"),
)


def load_demo() -> bool:
    """Create the demo organisation the first time; return False when it was already there."""

    with acting_as(None, "demo"):
        ensure_all_reference_data()
        if db.session.scalar(db.select(Person.id).limit(1)) is not None:
            db.session.commit()
            return False
        settings = get_settings()
        settings.name_th = content.ORGANISATION["name_th"]
        settings.name_en = content.ORGANISATION["name_en"]
        departments = {}
        for d in content.DEPARTMENTS:
            dept = Department(code=d["code"], name_th=d["name_th"], name_en=d["name_en"])
            db.session.add(dept)
            departments[d["code"]] = dept
        categories = {c.code: c for c in db.session.scalars(db.select(StaffCategory))}
        people = []
        for p in content.PEOPLE:
            person = Person(
                employee_number=p["employee_number"],
                prefix=p["prefix_th"],
                first_name_th=p["first_name_th"],
                last_name_th=p["last_name_th"],
                first_name_en=p["first_name_en"],
                last_name_en=p["last_name_en"],
                position=p["position_th"],
                staff_category=categories[p["category"]],
                department=departments.get(p["department"]) if p["department"] else None,
                email=p["email"] or None,
                start_date=p["start_date"],
            )
            db.session.add(person)
            people.append(person)
        password = hash_password(DEMO_PASSWORD)
        for index, roles, _label in DEMO_ACCOUNTS:
            user = User(person=people[index], password_hash=password, preferred_locale=None)
            for role in roles:
                user.role_links.append(UserRole(role=role))
            db.session.add(user)
        db.session.flush()
        for hook in _domain_hooks():
            hook(people)
        db.session.commit()
        return True


def _domain_hooks():
    """Each domain's part of the demo, in the order of the floors."""
    return [
        demo_people.load_demo,
        demo_codes.load_demo,
        demo_committees.load_demo,
        demo_training.load_demo,
        demo_plans.load_demo,
        demo_questions.load_demo,
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
