"""The health check and the error pages."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from ethics_hr import create_app
from tests import factories


def test_health_check_answers_json_when_the_database_is_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.is_json
    assert response.get_json()["database"] == "ok"


def test_health_check_answers_503_when_the_database_is_unreachable(tmp_path):
    # Nothing listens on port 1: the connection is refused at once, no timeout to wait for.
    broken = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://nobody@127.0.0.1:1/nothing?connect_timeout=2",
            "INSTANCE_PATH": str(tmp_path),
        },
        env="testing",
    )
    response = broken.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.is_json
    assert response.get_json()["database"] == "unreachable"


def test_health_check_needs_no_login_and_sets_no_session(client):
    response = client.get("/healthz")
    assert not any(c.startswith("session=") for c in response.headers.getlist("Set-Cookie"))


@pytest.mark.parametrize(
    ("locale", "text"),
    [("en", "Page not found"), ("th", 'lang="th"')],
)
def test_the_404_page_is_the_site_s_own_in_both_languages(client, locale, text):
    client.post(f"/language/{locale}")
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert text in response.get_data(as_text=True)


def test_a_server_error_shows_the_friendly_500_page(app, client, login_as, in_english):
    @app.route("/boom")
    def boom():
        raise RuntimeError("internal detail 42")

    boom._access = "login"
    app.config["PROPAGATE_EXCEPTIONS"] = False
    login_as(factories.user())
    response = client.get("/boom")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Something went wrong" in html
    assert "internal detail 42" not in html
    assert "<nav" in html


@pytest.fixture
def database_gone(app):
    """Swap the app's engine, after the test has set up its rows, for one whose server has died."""

    def kill() -> None:
        from ethics_hr.extensions import db

        db.session.commit()
        db.session.remove()
        engines = db._app_engines[app]
        alive = engines[None]
        # Nothing listens on port 1: every connection is refused at once, as after the server went down.
        engines[None] = sa.create_engine("postgresql+psycopg://nobody@127.0.0.1:1/gone?connect_timeout=2")
        app.config["PROPAGATE_EXCEPTIONS"] = False
        kills.append(alive)

    kills: list = []
    yield kill
    if kills:
        from ethics_hr.extensions import db

        db.session.remove()
        db._app_engines[app][None].dispose()
        db._app_engines[app][None] = kills[0]


@pytest.mark.own_connections
@pytest.mark.parametrize(
    ("path", "code"), [("/people/", 500), ("/no-such-page", 404), ("/people/2147483648", 404)]
)
def test_the_error_pages_show_when_the_database_has_died(app, client, login_as, database_gone, path, code):
    login_as(factories.admin())
    client.post("/language/en")
    assert client.get("/people/").status_code == 200
    database_gone()
    response = client.get(path)
    assert response.status_code == code
    html = response.get_data(as_text=True)
    assert "Something went wrong" in html if code == 500 else "Page not found" in html
    assert "<html" in html and "OperationalError" not in html


@pytest.mark.own_connections
def test_a_visitor_gets_the_error_page_in_thai_when_the_database_has_died(app, client, database_gone):
    database_gone()
    response = client.get("/public/committees/orders/1/document")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "เกิดข้อผิดพลาด" in html and 'lang="th"' in html
