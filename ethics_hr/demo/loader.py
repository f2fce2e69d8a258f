"""Load the demo municipality: idempotent, so running it twice changes nothing."""

from __future__ import annotations

import click

from ethics_hr.core.audit import acting_as
from ethics_hr.core.passwords import hash_password
from ethics_hr.core.settings import get_settings
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
    from ethics_hr.demo import content

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
    """Each domain that has demo data adds its loader here, in the order of the floors."""
    from ethics_hr.codes.demo import load_demo as codes_demo
    from ethics_hr.committees.demo import load_demo as committees_demo
    from ethics_hr.notifications.demo import load_demo as notifications_demo
    from ethics_hr.people.demo import load_demo as people_demo
    from ethics_hr.plans.demo import load_demo as plans_demo
    from ethics_hr.questions.demo import load_demo as questions_demo
    from ethics_hr.reports.demo import load_demo as reports_demo
    from ethics_hr.training.demo import load_demo as training_demo

    return [
        people_demo,
        codes_demo,
        committees_demo,
        training_demo,
        plans_demo,
        questions_demo,
        notifications_demo,
        reports_demo,
    ]


def describe_logins() -> list[str]:
    from ethics_hr.demo import content

    lines = []
    for index, _roles, label in DEMO_ACCOUNTS:
        p = content.PEOPLE[index]
        login = p["email"] or p["employee_number"]
        lines.append(f"{label:<50} {login:<28} {DEMO_PASSWORD}")
    return lines


def echo_logins() -> None:
    for line in describe_logins():
        click.echo(line)
