"""The first administrator: created in one unit of work, refused as a whole when a rule is broken."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from ethics_hr.core.errors import RuleViolation
from ethics_hr.extensions import db
from ethics_hr.people.administrators import create_administrator
from ethics_hr.people.models import Person, User
from tests import factories


def test_create_administrator_gives_the_person_an_administrator_account(app):
    user = create_administrator(
        employee_number=" ADM-1 ", first_name_th="ผู้ดูแล", last_name_th="ระบบ", password="a long admin secret"
    )
    db.session.expire_all()
    assert db.session.get(User, user.id).roles == {"admin"}
    assert user.person.employee_number == "ADM-1"
    assert user.person.staff_category.code == "local_official"


def test_create_administrator_refuses_an_email_in_use_and_writes_nothing(app):
    factories.person(email="taken@example.org")
    with pytest.raises(RuleViolation) as refused:
        create_administrator(
            employee_number="ADM-2",
            first_name_th="ก",
            last_name_th="ข",
            email="Taken@Example.org",
            password="a long admin secret",
        )
    assert refused.value.field == "email"
    assert db.session.scalar(sa.select(sa.func.count(Person.id))) == 1
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0
