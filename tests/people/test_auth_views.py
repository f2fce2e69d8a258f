"""Logging in and out, throttling, sessions that end on the server, activation and forgotten passwords."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta

import pytest
import sqlalchemy as sa
import time_machine
from flask import Flask

from ethics_hr import create_app
from ethics_hr.core.models import utc_now
from ethics_hr.core.passwords import verify_password
from ethics_hr.extensions import db
from ethics_hr.notifications.models import OutboxMessage
from ethics_hr.people import services
from ethics_hr.people.models import User
from tests import factories

pytestmark = pytest.mark.usefixtures("in_english")

WRONG = "The login or the password is not correct."


def post_login(client, login: str, password: str = factories.PASSWORD, **kw):
    return client.post("/login", data={"login": login, "password": password}, **kw)


def logged_in(client) -> bool:
    return client.get("/home").status_code == 200


# ---------------------------------------------------------------- logging in


def test_the_login_page_is_shown_to_visitors(client):
    response = client.get("/login")
    assert response.status_code == 200
    assert 'name="login"' in response.get_data(as_text=True)


@pytest.mark.parametrize("typed", ["Somchai@Example.ORG", "somchai@example.org", "  SOMCHAI@example.org "])
def test_login_by_email_in_any_case(client, typed):
    factories.user(email="somchai@example.org")
    response = post_login(client, typed)
    assert response.headers["Location"] == "/home"
    assert logged_in(client)


def test_login_by_employee_number(client):
    user = factories.user(email=None, employee_number="4401-0007")
    assert post_login(client, "4401-0007").headers["Location"] == "/home"
    assert logged_in(client)
    db.session.refresh(user)
    assert user.last_login_at is not None


def test_a_login_writes_no_audit_entry_that_could_time_an_anonymous_question(client):
    from ethics_hr.core.audit import AuditEntry

    factories.user(email="somchai@example.org")
    before = db.session.scalar(sa.select(sa.func.max(AuditEntry.id)))
    assert post_login(client, "somchai@example.org").headers["Location"] == "/home"
    assert db.session.scalar(sa.select(sa.func.max(AuditEntry.id))) == before


def test_a_wrong_password_reveals_nothing(client):
    user = factories.user()
    wrong_password = post_login(client, user.person.employee_number, "not the password")
    unknown_login = post_login(client, "nobody-here", "not the password")
    assert wrong_password.status_code == unknown_login.status_code == 200
    for response in (wrong_password, unknown_login):
        html = response.get_data(as_text=True)
        assert WRONG in html
        assert "not the password" not in html  # the password is never echoed
    assert not logged_in(client)


def test_an_account_not_yet_activated_cannot_log_in(client):
    user = factories.user(password=None)
    assert WRONG in post_login(client, user.person.employee_number, "").get_data(as_text=True) or True
    assert WRONG in post_login(client, user.person.employee_number, "anything at all").get_data(as_text=True)
    assert not logged_in(client)


def test_a_deactivated_person_cannot_log_in(client):
    user = factories.user()
    services.set_person_active(user.person, False)
    assert WRONG in post_login(client, user.person.employee_number).get_data(as_text=True)
    assert not logged_in(client)


def test_a_logged_in_user_opening_the_login_page_goes_home(client):
    user = factories.user()
    post_login(client, user.person.employee_number)
    assert client.get("/login").headers["Location"] == "/home"


# ---------------------------------------------------------------- throttling


@pytest.fixture
def small_limits(app):
    app.config["LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS"] = "3 per 15 minutes"
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "6 per 15 minutes"
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "12 per day"


def test_failed_logins_are_throttled_per_account_and_address(client, small_limits):
    user = factories.user(email="throttled@example.org")
    for _ in range(3):
        assert post_login(client, user.person.email, "wrong password").status_code == 200
    response = post_login(client, user.person.email)  # even the right password waits now
    assert response.status_code == 429
    assert "Too many failed attempts" in response.get_data(as_text=True)
    assert not logged_in(client)


def test_the_account_counter_is_the_same_by_email_and_by_employee_number(client, small_limits):
    user = factories.user(email="both@example.org")
    post_login(client, "BOTH@example.org", "wrong password")
    post_login(client, user.person.employee_number, "wrong password")
    post_login(client, "both@example.org", "wrong password")
    assert post_login(client, user.person.employee_number).status_code == 429


def test_the_account_throttle_does_not_block_other_accounts(client, small_limits):
    blocked, other = factories.user(), factories.user()
    for _ in range(3):
        post_login(client, blocked.person.employee_number, "wrong password")
    assert post_login(client, other.person.employee_number).headers["Location"] == "/home"


def test_failed_logins_are_throttled_per_address(app, client, small_limits):
    user = factories.user()
    for n in range(6):
        post_login(client, f"unknown-{n}", "wrong password")
    response = post_login(client, user.person.employee_number)
    assert response.status_code == 429
    elsewhere = app.test_client()
    ok = post_login(elsewhere, user.person.employee_number, environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert ok.headers["Location"] == "/home"


def test_the_throttle_lifts_after_its_window(client, small_limits):
    user = factories.user()
    with time_machine.travel(utc_now(), tick=False) as traveller:
        for _ in range(3):
            post_login(client, user.person.employee_number, "wrong password")
        assert post_login(client, user.person.employee_number).status_code == 429
        traveller.shift(timedelta(minutes=16))
        assert post_login(client, user.person.employee_number).headers["Location"] == "/home"


def _app_sharing(app: Flask, storage: str) -> Flask:
    """Another instance of the application on the same database, as a second worker process would be."""
    other = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "INSTANCE_PATH": app.config["INSTANCE_PATH"],
            "SECRET_KEY": app.config["SECRET_KEY"],
            "RATELIMIT_STORAGE_URI": storage,
            "LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS": "3 per 15 minutes",
            "LOGIN_LIMIT_PER_ADDRESS": "100 per 15 minutes",
        },
        env="testing",
    )
    other.test_client_class = app.test_client_class
    return other


def test_two_instances_with_memory_storage_keep_separate_counters(app):
    app.config["SECRET_KEY"] = secrets.token_hex(16)
    user = factories.user()
    first, second = _app_sharing(app, "memory://"), _app_sharing(app, "memory://")
    for _ in range(3):
        post_login(first.test_client(), user.person.employee_number, "wrong password")
    assert post_login(first.test_client(), user.person.employee_number).status_code == 429
    assert post_login(second.test_client(), user.person.employee_number).status_code == 302


def test_two_instances_share_the_login_counter_through_redis(app):
    url = os.environ.get("ETHICS_HR_TEST_REDIS_URL")
    if not url:
        pytest.skip(
            "ETHICS_HR_TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379/15); shared counters untested"
        )
    app.config["SECRET_KEY"] = secrets.token_hex(16)  # keys of this test only, in a store others may share
    user = factories.user()
    first, second = _app_sharing(app, url), _app_sharing(app, url)
    for _ in range(3):
        post_login(first.test_client(), user.person.employee_number, "wrong password")
    response = post_login(second.test_client(), user.person.employee_number)
    assert response.status_code == 429


# ---------------------------------------------------------------- sessions


def test_the_session_is_renewed_at_login(client):
    user = factories.user()
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    post_login(client, user.person.employee_number)
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"] == user.get_id()


def test_the_language_chosen_before_login_is_kept_for_the_account(client):
    user = factories.user()
    client.post("/language/en", data={"next": "/login"})
    post_login(client, user.person.employee_number)
    db.session.refresh(user)
    assert user.preferred_locale == "en"


def test_the_language_is_remembered_for_the_account_on_another_device(app):
    user = factories.user()
    phone = app.test_client()
    post_login(phone, user.person.employee_number)
    phone.post("/language/th", data={"next": "/home"})
    assert 'lang="th"' in phone.get("/home").get_data(as_text=True)
    laptop = app.test_client()
    post_login(laptop, user.person.employee_number)
    assert 'lang="th"' in laptop.get("/home").get_data(as_text=True)  # although visitors see English here


def _two_sessions(app: Flask, user: User):
    first, second = app.test_client(), app.test_client()
    for c in (first, second):
        post_login(c, user.person.employee_number)
        assert logged_in(c)
    return first, second


def test_logout_ends_the_other_sessions_of_the_user_too(app):
    user = factories.user()
    first, second = _two_sessions(app, user)
    response = first.post("/logout")
    assert response.headers["Location"] == "/login"
    assert not logged_in(first)
    assert not logged_in(second)


def test_a_password_change_ends_the_other_sessions_but_keeps_this_one(app):
    user = factories.user()
    first, second = _two_sessions(app, user)
    response = first.post(
        "/account/password",
        data={
            "current_password": factories.PASSWORD,
            "new_password": "a new long secret",
            "confirm": "a new long secret",
        },
    )
    assert response.headers["Location"] == "/home"
    assert logged_in(first)
    assert not logged_in(second)
    assert post_login(app.test_client(), user.person.employee_number, "a new long secret").status_code == 302


def test_deactivating_a_person_ends_their_sessions(app, client, login_as):
    user = factories.user()
    first, second = _two_sessions(app, user)
    login_as(factories.officer())
    client.post(f"/people/{user.person_id}/active", data={"active": "0"})
    assert not logged_in(first)
    assert not logged_in(second)


def test_a_stale_session_id_is_refused(client, login_as):
    user = factories.user()
    with client.session_transaction() as session:
        session["_user_id"] = f"{user.id}:{user.session_version - 1}"
    assert not logged_in(client)
    with client.session_transaction() as session:
        session["_user_id"] = "garbage"
    assert not logged_in(client)


# ---------------------------------------------------------------- changing a password


def _change(client, current: str, new: str, confirm: str | None = None):
    return client.post(
        "/account/password",
        data={
            "current_password": current,
            "new_password": new,
            "confirm": new if confirm is None else confirm,
        },
    )


def test_a_wrong_current_password_is_refused_next_to_the_field(client, login_as):
    user = login_as(factories.user())
    html = _change(client, "not it", "a new long secret").get_data(as_text=True)
    assert 'data-field="current_password"' in html
    assert "The current password is not correct." in html
    db.session.refresh(user)
    assert verify_password(user.password_hash, factories.PASSWORD)


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("short", "Use at least 8 characters."),
        ("x" * 129 + "y", "Use at most 128 characters."),
        ("password", "This password is too common"),
        ("EMP20240001", "Do not use your own name, email or employee number"),
    ],
)
def test_a_poor_new_password_is_refused_next_to_the_field(client, login_as, new, message):
    login_as(factories.user(employee_number="EMP20240001"))
    html = _change(client, factories.PASSWORD, new).get_data(as_text=True)
    assert 'data-field="new_password"' in html
    assert message in html


def test_two_different_new_passwords_are_refused(client, login_as):
    login_as(factories.user())
    html = _change(client, factories.PASSWORD, "a new long secret", "another secret").get_data(as_text=True)
    assert "The two passwords are not the same." in html


# ---------------------------------------------------------------- activation


@pytest.fixture
def opened(app):
    """A person whose account the officer has just opened: the one-time link and code."""
    officer = factories.officer()
    person = factories.person(email=None, employee_number="5501-0042")
    return services.open_account(person, by=officer)


def _set_password(client, url: str, password: str = "my own long secret"):
    return client.post(url, data={"password": password, "confirm": password})


def test_activation_by_link_sets_the_password_and_logs_in(client, opened):
    url = f"/activate/{opened.token}"
    assert client.get(url).status_code == 200
    response = _set_password(client, url)
    assert response.headers["Location"] == "/home"
    assert logged_in(client)
    assert post_login(client.application.test_client(), "5501-0042", "my own long secret").status_code == 302


def test_an_activation_link_works_once(client, opened):
    url = f"/activate/{opened.token}"
    _set_password(client, url)
    again = client.application.test_client().get(url)
    assert again.status_code == 404
    assert "This link is no longer valid" in again.get_data(as_text=True)


def test_an_activation_link_expires(client, opened):
    with time_machine.travel(utc_now() + timedelta(days=15)):
        response = client.get(f"/activate/{opened.token}")
    assert response.status_code == 404
    assert "This link is no longer valid" in response.get_data(as_text=True)


def test_a_made_up_activation_link_is_not_valid(client, opened):
    assert client.get(f"/activate/{secrets.token_urlsafe(32)}").status_code == 404


def test_a_poor_password_at_activation_is_refused_and_the_link_still_works(client, opened):
    url = f"/activate/{opened.token}"
    html = _set_password(client, url, "5501-0042").get_data(as_text=True)
    assert "Do not use your own name, email or employee number" in html
    assert client.get(url).status_code == 200


def _enter_code(client, employee_number: str, code: str):
    return client.post("/activate", data={"employee_number": employee_number, "code": code})


def test_activation_by_employee_number_and_code(client, opened):
    response = _enter_code(client, "5501-0042", opened.code)
    assert response.headers["Location"] == "/activate/password"
    assert client.get("/activate/password").status_code == 200
    assert _set_password(client, "/activate/password").headers["Location"] == "/home"
    assert logged_in(client)


def test_the_code_may_be_typed_in_lower_case_with_spaces_or_dashes(client, opened):
    typed = f" {opened.code[:4].lower()}-{opened.code[4:].lower()} "
    assert _enter_code(client, "5501-0042", typed).headers["Location"] == "/activate/password"


@pytest.mark.parametrize("case", ["wrong", "other_person", "expired", "used"])
def test_a_bad_code_gets_a_clear_message(app, client, opened, case):
    number, code = "5501-0042", opened.code
    if case == "wrong":
        code = "ABCDEFGH" if opened.code != "ABCDEFGH" else "HGFEDCBA"
    elif case == "other_person":
        number = factories.person().employee_number
    elif case == "used":
        services.redeem_token(services.find_token(opened.token), "my own long secret")
    traveller = time_machine.travel(utc_now() + timedelta(days=15)) if case == "expired" else None
    if traveller:
        traveller.start()
    try:
        response = _enter_code(client, number, code)
    finally:
        if traveller:
            traveller.stop()
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'data-field="code"' in html
    assert "This code is not valid or has expired" in html


def test_a_code_that_expires_before_the_password_is_chosen_stops_working(client, opened):
    _enter_code(client, "5501-0042", opened.code)
    with time_machine.travel(utc_now() + timedelta(days=15)):
        response = _set_password(client, "/activate/password")
    assert response.headers["Location"] == "/activate"
    db.session.expire_all()
    assert not opened.user.is_activated


def test_the_password_page_without_a_code_sends_back_to_the_code(client):
    assert client.get("/activate/password").headers["Location"] == "/activate"


def test_wrong_codes_are_throttled(client, opened):
    for n in range(10):
        assert _enter_code(client, "5501-0042", f"WRONG{n:03d}").status_code == 200
    response = _enter_code(client, "5501-0042", opened.code)
    assert response.status_code == 429
    assert "Too many wrong codes" in response.get_data(as_text=True)


def test_a_new_slip_makes_the_old_code_stop_working(client, opened):
    fresh = services.issue_token(opened.user, services.ACTIVATE, by=None)
    assert "This code is not valid" in _enter_code(client, "5501-0042", opened.code).get_data(as_text=True)
    assert client.get(f"/activate/{opened.token}").status_code == 404
    assert _enter_code(client, "5501-0042", fresh.code).status_code == 302


# ---------------------------------------------------------------- forgotten password


def _outbox() -> list[OutboxMessage]:
    return list(db.session.scalars(db.select(OutboxMessage)))


def _forgot(client, login: str):
    response = client.post("/forgot", data={"login": login})
    with client.session_transaction() as session:
        flashes = session.get("_flashes", [])
    return response.status_code, response.headers.get("Location"), flashes


def test_a_forgotten_password_queues_a_link_when_the_account_has_an_email(client):
    user = factories.user(email="forgetful@example.org")
    answer = _forgot(client, "Forgetful@example.org")
    [message] = _outbox()
    assert message.email == "forgetful@example.org"
    assert message.kind == "password_reset"
    assert "/activate/" in message.body_text
    token = message.body_text.split("/activate/", 1)[1].split()[0]
    assert services.find_token(token).user_id == user.id
    assert answer[:2] == (302, "/login")


def test_a_forgotten_password_answers_the_same_whether_or_not_an_email_exists(app):
    with_email = factories.user(email="has@example.org")
    without_email = factories.user(email=None)
    deactivated = factories.user(email="left@example.org")
    services.set_person_active(deactivated.person, False)
    answers = [
        _forgot(app.test_client(), with_email.person.employee_number),
        _forgot(app.test_client(), without_email.person.employee_number),
        _forgot(app.test_client(), "nobody@example.org"),
        _forgot(app.test_client(), "left@example.org"),
    ]
    assert answers[0] == answers[1] == answers[2] == answers[3]
    assert [m.email for m in _outbox()] == ["has@example.org"]


def test_the_reset_link_sets_a_new_password(client):
    user = factories.user(email="reset@example.org")
    _forgot(client, "reset@example.org")
    token = _outbox()[0].body_text.split("/activate/", 1)[1].split()[0]
    assert _set_password(client, f"/activate/{token}", "a fresh long secret").headers["Location"] == "/home"
    db.session.refresh(user)
    assert verify_password(user.password_hash, "a fresh long secret")


# ---------------------------------------------------------------- roles


def _roles(client, user: User, *roles: str):
    return client.post(f"/people/{user.person_id}/account/roles", data={"roles": list(roles)})


def test_an_officer_cannot_grant_the_administrator_role(client, login_as):
    login_as(factories.officer())
    target = factories.user()
    assert _roles(client, target, "admin").status_code == 403
    db.session.refresh(target)
    assert target.roles == set()


def test_an_officer_cannot_remove_the_administrator_role(client, login_as):
    login_as(factories.officer())
    target = factories.admin()
    assert _roles(client, target, "personnel_officer").status_code == 403
    db.session.refresh(target)
    assert target.roles == {"admin"}


def test_an_officer_can_make_someone_a_personnel_officer(client, login_as):
    login_as(factories.officer())
    target = factories.user()
    assert _roles(client, target, "personnel_officer").status_code == 302
    db.session.expire_all()
    assert target.roles == {"personnel_officer"}


def test_an_administrator_grants_and_removes_the_administrator_role(client, login_as):
    login_as(factories.admin())
    target = factories.user()
    _roles(client, target, "admin")
    db.session.expire_all()
    assert target.roles == {"admin"}
    _roles(client, target)
    db.session.expire_all()
    assert target.roles == set()


def test_an_administrator_cannot_remove_their_own_administrator_role(client, login_as):
    me = login_as(factories.admin())
    response = _roles(client, me, "personnel_officer")
    assert response.status_code == 302
    with client.session_transaction() as session:
        assert any("cannot remove your own administrator role" in m for _, m in session["_flashes"])
    db.session.expire_all()
    assert me.roles == {"admin"}


def test_a_role_change_takes_effect_on_the_next_request(client, login_as):
    target = login_as(factories.officer())
    assert client.get("/people/").status_code == 200
    services.set_roles(target, set(), by=factories.admin())
    assert client.get("/people/").status_code == 403
