"""The rules of people and accounts, called directly as views, CLI commands and jobs call them."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
import time_machine

from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.core.passwords import hash_password, password_problems, verify_password
from ethics_hr.extensions import db
from ethics_hr.people import services
from ethics_hr.people.models import AccountToken, Person
from tests import factories

LONG = "a quiet river runs under the old wooden bridge near the market " * 3


@pytest.mark.parametrize(
    ("password", "ok"),
    [
        ("1234567", False),
        ("a quiet r", True),
        ("eight ch", True),
        (LONG[:64], True),
        (LONG[:128], True),
        (LONG[:129], False),
        ("password", False),
        ("PASSWORD", False),
        ("12345678", False),
        ("aaaaaaaaaaaa", False),
        ("abababababab", False),
        ("รหัสผ่านยาวพอ", True),
    ],
)
def test_password_rules(app, password, ok):
    assert (password_problems(password) == []) is ok


def test_a_password_may_not_be_ones_own_number_email_or_name(app):
    personal = ("EMP20240001", "somchai@example.org", "สมชายชาญชัย")
    for password in ("EMP20240001", "emp20240001", "Somchai@Example.org", "สมชายชาญชัย"):
        assert password_problems(password, personal=personal), password
    assert password_problems("a different long secret", personal=personal) == []


def test_passwords_are_hashed_with_scrypt(app):
    stored = hash_password("a long secret")
    assert stored.startswith("scrypt:")
    assert verify_password(stored, "a long secret")
    assert not verify_password(stored, "a long secreT")
    assert not verify_password(None, "a long secret")


def test_production_hashing_keeps_the_full_scrypt_cost():
    from config import ProductionConfig

    assert not hasattr(ProductionConfig(), "PASSWORD_HASH_METHOD")


def test_the_session_id_carries_the_session_version(app):
    user = factories.user()
    assert user.get_id() == f"{user.id}:{user.session_version}"
    assert services.load_user_from_session(user.get_id()) == user
    services.end_sessions(user)
    assert services.load_user_from_session(f"{user.id}:{user.session_version - 1}") is None
    assert services.load_user_from_session("nonsense") is None
    assert services.load_user_from_session("1:x") is None


def test_opening_an_account_needs_an_active_person_without_one(app):
    officer = factories.officer()
    person = factories.person()
    services.open_account(person, by=officer)
    with pytest.raises(RuleViolation):
        services.open_account(person, by=officer)
    gone = factories.person()
    services.set_person_active(gone, False)
    with pytest.raises(RuleViolation):
        services.open_account(gone, by=officer)


def test_tokens_are_stored_only_as_hashes(app):
    issued = services.open_account(factories.person(), by=None)
    row = db.session.scalar(db.select(AccountToken))
    assert issued.token not in (row.token_hash, row.code_hash)
    assert issued.code not in (row.token_hash, row.code_hash)
    assert len(issued.code) == 8
    assert not set(issued.code) & set("01OI")


def test_a_token_lasts_the_configured_number_of_days(app):
    app.config["ACTIVATION_DAYS"] = 3
    issued = services.open_account(factories.person(), by=None)
    with time_machine.travel(utc_now() + timedelta(days=2, hours=23)):
        assert services.find_token(issued.token) is not None
    with time_machine.travel(utc_now() + timedelta(days=3, minutes=1)):
        assert services.find_token(issued.token) is None


def test_a_spent_token_cannot_set_a_password_again(app):
    issued = services.open_account(factories.person(), by=None)
    row = services.find_token(issued.token)
    services.redeem_token(row, "my own long secret")
    with pytest.raises(RuleViolation):
        services.redeem_token(row, "another long secret")


def test_find_user_by_login(app):
    user = factories.user(email="mixed@example.org", employee_number="N-77")
    assert services.find_user_by_login("MIXED@example.org") == user
    assert services.find_user_by_login(" N-77 ") == user
    assert services.find_user_by_login("") is None
    assert services.find_user_by_login("n-77") is None  # employee numbers are exact
    assert services.find_user_by_login(factories.person().employee_number) is None  # no account


def test_set_roles_rules(app, in_english):
    admin, officer, target = factories.admin(), factories.officer(), factories.user()
    services.set_roles(target, {"personnel_officer"}, by=officer)
    assert target.roles == {"personnel_officer"}
    with pytest.raises(RuleViolation, match="Only an administrator"):
        services.set_roles(target, {"admin"}, by=officer)
    with pytest.raises(RuleViolation, match="Unknown role"):
        services.set_roles(target, {"superuser"}, by=admin)
    with pytest.raises(RuleViolation, match="your own administrator role"):
        services.set_roles(admin, set(), by=admin)
    services.set_roles(target, {"admin", "personnel_officer"}, by=admin)
    assert target.roles == {"admin", "personnel_officer"}
    assert target.is_admin and target.is_officer


def test_deactivation_ends_the_sessions_and_reactivation_does_not_revive_them(app):
    user = factories.user()
    old_id = user.get_id()
    services.set_person_active(user.person, False)
    assert services.load_user_from_session(old_id) is None
    services.set_person_active(user.person, True)
    assert services.load_user_from_session(old_id) is None
    assert services.load_user_from_session(user.get_id()) == user


@pytest.mark.own_connections
def test_two_officers_adding_the_same_employee_number_at_once_make_one_person(app):
    category_id = factories.category().id
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def add(first_name: str) -> None:
        with app.app_context():
            data = {"employee_number": "RACE-1", "first_name_th": first_name, "last_name_th": "ข"}
            data["staff_category_id"] = category_id
            barrier.wait()
            try:
                services.save_person(None, data)
                outcomes.append("saved")
            except RuleViolation:
                outcomes.append("refused")
            except Exception as error:  # the database's unique constraint caught the race
                db.session.rollback()
                outcomes.append(type(error).__name__)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=add, args=(name,)) for name in ("ก", "ข")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert outcomes.count("saved") == 1
    assert (
        db.session.scalar(db.select(db.func.count(Person.id)).where(Person.employee_number == "RACE-1")) == 1
    )
