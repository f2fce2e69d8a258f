"""What the database itself guarantees about orders and members, and how an order number is written."""

from __future__ import annotations

from datetime import date

import pytest
from flask_babel import force_locale
from sqlalchemy.exc import IntegrityError

from ethics_hr.committees.labels import order_number, order_status, role_label
from ethics_hr.committees.models import AppointmentOrder, Membership
from ethics_hr.core.settings import get_settings
from ethics_hr.extensions import db
from tests import factories


def test_the_database_refuses_a_second_order_with_the_same_number_and_year(app):
    c = factories.committee()
    factories.order(c, [factories.person()], number=7, signed_on=date(2026, 2, 1))
    with pytest.raises(IntegrityError):
        factories.order(c, [factories.person()], number=7, signed_on=date(2026, 9, 1))


def test_the_database_refuses_a_person_twice_in_one_order(app):
    person = factories.person()
    with pytest.raises(IntegrityError):
        factories.order(factories.committee(), [person, person])


def test_the_database_refuses_a_member_who_is_neither_a_person_nor_named(app):
    with pytest.raises(IntegrityError):
        factories.order(factories.committee(), [Membership(role="member")])


def test_the_database_refuses_two_orders_replacing_the_same_order(app):
    c = factories.committee()
    first = factories.order(c, [factories.person()])
    factories.order(c, [factories.person()], replaces=first)
    with pytest.raises(IntegrityError):
        factories.order(c, [factories.person()], replaces_id=first.id)


def test_a_members_term_defaults_to_the_orders_dates(app):
    order = factories.order(
        factories.committee(), [factories.person()], effective_on=date(2026, 1, 5), ends_on=date(2027, 1, 4)
    )
    member = order.members[0]
    assert (member.term_start, member.term_end) == (date(2026, 1, 5), date(2027, 1, 4))


def test_an_outside_members_position_names_their_organisation(app):
    order = factories.order(
        factories.committee(), [factories.outsider(position="อาจารย์", outside_organisation="มหาวิทยาลัย")]
    )
    member = order.members[0]
    assert member.is_outsider
    assert member.position_label == "อาจารย์ มหาวิทยาลัย"


def test_an_order_number_is_written_with_its_be_year(app):
    order = factories.order(
        factories.committee(), [factories.person()], number=231, signed_on=date(2025, 7, 21)
    )
    assert order_number(order) == "231/2568"


def test_official_documents_use_thai_numerals_when_the_organisation_asks(app):
    order = factories.order(
        factories.committee(), [factories.person()], number=231, signed_on=date(2025, 7, 21)
    )
    settings = get_settings()

    settings.thai_numerals_in_documents = True
    assert order_number(order, official=True) == "๒๓๑/๒๕๖๘"
    settings.thai_numerals_in_documents = False
    assert order_number(order, official=True) == "231/2568"


def test_a_working_group_names_its_roles_as_a_team_does(app):
    with force_locale("th"):
        assert role_label("chair", "advisory_team") == "หัวหน้าคณะทำงาน"
        assert role_label("chair", "ethics_committee") == "ประธานกรรมการ"
        assert role_label("secretary", "advisory_team") == "คณะทำงานและเลขานุการ"
    with force_locale("en"):
        assert role_label("secretary", "ethics_committee") == "Member and secretary"


def test_order_status_tells_in_force_replaced_ended_and_to_come(app):
    c = factories.committee()
    first = factories.order(c, [factories.person()], effective_on=date(2026, 1, 5))
    second = factories.order(c, [factories.person()], effective_on=date(2026, 6, 1), replaces=first)
    ended = factories.order(
        factories.committee(), [factories.person()], effective_on=date(2026, 1, 5), ends_on=date(2026, 3, 1)
    )

    assert order_status(first, date(2026, 5, 31))[0] == "success"
    assert order_status(first, date(2026, 6, 1))[0] == "secondary"
    assert order_status(second, date(2026, 5, 31))[0] == "info"
    assert order_status(ended, date(2026, 3, 2))[0] == "secondary"
    assert db.session.get(AppointmentOrder, first.id).replaced_by.id == second.id
