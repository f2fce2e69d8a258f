"""The categories × departments audience: one condition on Person, shared by codes, plans and training."""

from __future__ import annotations

import pytest

from ethics_hr.core.errors import RuleViolation
from ethics_hr.extensions import db
from ethics_hr.people.audience import chosen_groups, members
from ethics_hr.people.models import Person
from tests import factories


def _names(condition) -> set[str]:
    return set(db.session.scalars(db.select(Person.first_name_th).where(condition)))


def test_members_are_the_active_people_of_the_chosen_categories_and_departments(app):
    works, finance = factories.department(code="ENG"), factories.department(code="FIN")
    official = factories.category("local_official")
    factories.person(first_name_th="ช่าง", dept=works, category_code="local_official")
    factories.person(first_name_th="ครู", dept=finance, category_code="teacher")
    factories.person(first_name_th="ออก", dept=works, category_code="local_official", active=False)
    assert _names(members(category_ids=[official.id])) == {"ช่าง"}
    assert _names(members(department_ids=[finance.id])) == {"ครู"}
    assert _names(members(category_ids=[official.id], department_ids=[finance.id])) == set()
    assert _names(members()) == {"ช่าง", "ครู"}
    assert _names(members(category_ids=[])) == set()


def test_an_id_outside_the_lists_is_refused_on_its_field(app):
    dept = factories.department()
    with pytest.raises(RuleViolation) as error:
        chosen_groups([], [dept.id, 999_999])
    assert error.value.field == "department_ids"
    assert chosen_groups([], [dept.id]).departments == [dept]
