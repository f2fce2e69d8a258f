"""CSRF protection switched on, as in production: forms without the token are refused kindly."""

from __future__ import annotations

import re

import pytest

from ethics_hr.extensions import db
from ethics_hr.people.models import User
from tests import factories

TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


@pytest.fixture(autouse=True)
def csrf_on(app):
    app.config["WTF_CSRF_ENABLED"] = True


def token_from(html: str) -> str:
    match = TOKEN.search(html)
    assert match, "no csrf_token in the page"
    return match.group(1) or match.group(2)


def test_a_form_sent_without_its_token_gets_a_friendly_400_page(client, in_english):
    user = factories.user()
    response = client.post(
        "/login", data={"login": user.person.employee_number, "password": factories.PASSWORD}
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "The form has expired" in html
    assert "<nav" in html  # the site's own page, not a bare error
    assert client.get("/home").status_code == 302  # not logged in


def test_a_form_sent_with_its_token_works(client):
    user = factories.user()
    token = token_from(client.get("/login").get_data(as_text=True))
    response = client.post(
        "/login",
        data={"login": user.person.employee_number, "password": factories.PASSWORD, "csrf_token": token},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/home"
    assert client.get("/home").status_code == 200


def test_a_token_from_another_session_is_refused(app, client):
    user = factories.user()
    other = app.test_client()
    token = token_from(other.get("/login").get_data(as_text=True))
    client.get("/login")
    response = client.post(
        "/login",
        data={"login": user.person.employee_number, "password": factories.PASSWORD, "csrf_token": token},
    )
    assert response.status_code == 400


def _logged_in(client) -> tuple[User, str]:
    user = factories.user()
    token = token_from(client.get("/login").get_data(as_text=True))
    client.post(
        "/login",
        data={"login": user.person.employee_number, "password": factories.PASSWORD, "csrf_token": token},
    )
    page = client.get("/home").get_data(as_text=True)
    return user, token_from(page)


def test_logout_is_post_only_and_a_get_changes_nothing(client):
    user, _ = _logged_in(client)
    version = user.session_version
    assert client.get("/logout").status_code == 405
    db.session.refresh(user)
    assert user.session_version == version
    assert client.get("/home").status_code == 200


def test_logout_without_the_token_is_refused(client):
    _logged_in(client)
    assert client.post("/logout").status_code == 400
    assert client.get("/home").status_code == 200


def test_logout_with_the_token_logs_out(client):
    _, token = _logged_in(client)
    response = client.post("/logout", data={"csrf_token": token})
    assert response.headers["Location"] == "/login"
    assert client.get("/home").status_code == 302


def test_every_form_endpoint_refuses_a_post_without_its_token(app, client, login_as):
    login_as(factories.admin())
    factories.person()
    from tests.test_access import routes, sample_url

    for rule in routes(app):
        if "POST" in rule.methods:
            url = sample_url(app, rule)
            assert client.post(url, data={}).status_code == 400, url
