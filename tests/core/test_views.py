"""The health check and the error pages."""

from __future__ import annotations

import pytest

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
