"""Security headers, cookie flags, production settings and the next= address after login."""

from __future__ import annotations

import secrets

import pytest

from config import DEV_SECRET_KEY
from ethics_hr import create_app
from ethics_hr.people import devices
from tests import factories


def test_every_page_sends_the_security_headers(client):
    response = client.get("/login")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] in {
        "same-origin",
        "strict-origin-when-cross-origin",
        "no-referrer",
    }
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"


def test_error_pages_and_json_send_the_headers_too(client):
    for url in ("/no-such-page", "/healthz"):
        response = client.get(url)
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"], url
        assert response.headers["X-Content-Type-Options"] == "nosniff", url


def test_the_session_cookie_is_httponly_and_samesite_lax(client):
    user = factories.user(email="cookie@example.org")
    response = client.post("/login", data={"login": user.person.email, "password": factories.PASSWORD})
    assert response.status_code == 302
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_the_known_device_cookie_is_httponly_and_samesite_lax(client):
    user = factories.user()
    response = client.post(
        "/login", data={"login": user.person.employee_number, "password": factories.PASSWORD}
    )
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith(f"{devices.COOKIE}="))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert factories.PASSWORD not in cookie


@pytest.mark.parametrize("value", ["one", "-1", "1.5", "๑"])
def test_a_trusted_proxy_count_that_is_no_whole_number_stops_the_start(monkeypatch, value):
    monkeypatch.setenv("ETHICS_HR_TRUSTED_PROXIES", value)
    with pytest.raises(RuntimeError, match="ETHICS_HR_TRUSTED_PROXIES"):
        create_app("testing")


def test_no_proxy_is_trusted_unless_configured(monkeypatch):
    monkeypatch.delenv("ETHICS_HR_TRUSTED_PROXIES", raising=False)
    assert create_app("testing").config["TRUSTED_PROXIES"] == 0
    monkeypatch.setenv("ETHICS_HR_TRUSTED_PROXIES", " 2 ")
    assert create_app("testing").config["TRUSTED_PROXIES"] == 2


@pytest.fixture
def production_env(monkeypatch, tmp_path, app):
    monkeypatch.setenv("ETHICS_HR_SECRET_KEY", secrets.token_hex(32))
    monkeypatch.setenv("ETHICS_HR_DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("ETHICS_HR_INSTANCE_PATH", str(tmp_path / "prod"))
    monkeypatch.delenv("ETHICS_HR_SECURE_COOKIES", raising=False)


def test_production_cookies_are_secure(production_env):
    prod = create_app("production")
    assert prod.config["SESSION_COOKIE_SECURE"] is True
    assert prod.config["REMEMBER_COOKIE_SECURE"] is True
    with prod.app_context():
        response = prod.test_client().get("/login", base_url="https://ethics.example.org")
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "Secure" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_production_known_device_cookie_is_secure(production_env):
    user = factories.user()
    prod = create_app("production")
    prod.config["WTF_CSRF_ENABLED"] = False  # this test reads the cookie's flags; tests/test_csrf.py has CSRF
    with prod.app_context():
        response = prod.test_client().post(
            "/login",
            data={"login": user.person.employee_number, "password": factories.PASSWORD},
            base_url="https://ethics.example.org",
        )
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith(f"{devices.COOKIE}="))
    assert "Secure" in cookie


def test_production_refuses_the_development_secret_key(production_env, monkeypatch):
    monkeypatch.setenv("ETHICS_HR_SECRET_KEY", DEV_SECRET_KEY)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app("production")
    monkeypatch.delenv("ETHICS_HR_SECRET_KEY")
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app("production")


@pytest.mark.parametrize("key", ["a" * 32, "ab" * 40, "0123456" * 6, "short-but-varied-key-0123456789"])
def test_production_refuses_a_weak_secret_key_with_a_clear_message(production_env, monkeypatch, key):
    monkeypatch.setenv("ETHICS_HR_SECRET_KEY", key)
    with pytest.raises(RuntimeError, match=r"at least 32 characters .*too repetitive.*secrets\.token_hex"):
        create_app("production")


def test_production_takes_a_random_key(production_env, monkeypatch):
    for key in (secrets.token_hex(16), secrets.token_urlsafe(32)):
        monkeypatch.setenv("ETHICS_HR_SECRET_KEY", key)
        assert create_app("production").secret_key == key


def test_an_unknown_environment_name_lists_the_valid_ones(production_env, monkeypatch):
    monkeypatch.setenv("ETHICS_HR_ENV", "prod")
    with pytest.raises(RuntimeError, match=r"ETHICS_HR_ENV='prod'.*development, testing, production"):
        create_app()


def test_production_tells_browsers_to_use_https_only(production_env, monkeypatch):
    response = create_app("production").test_client().get("/healthz", base_url="https://ethics.example.org")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"
    monkeypatch.setenv("ETHICS_HR_HSTS_SECONDS", "0")
    assert "Strict-Transport-Security" not in create_app("production").test_client().get("/healthz").headers


def test_no_https_only_header_while_testing_or_debugging(client, production_env):
    assert "Strict-Transport-Security" not in client.get("/healthz").headers
    debugging = create_app("production")
    debugging.debug = True
    assert "Strict-Transport-Security" not in debugging.test_client().get("/healthz").headers


def test_production_refuses_to_start_without_a_database_url(production_env, monkeypatch):
    monkeypatch.delenv("ETHICS_HR_DATABASE_URL")
    with pytest.raises(RuntimeError, match="DATABASE_URL"):
        create_app("production")


@pytest.mark.parametrize(
    "target",
    [
        "//evil.com",
        "//evil.com/home",
        "https://evil.com",
        "http://evil.com/people/",
        "/\\evil.com",
        "\\\\evil.com",
        "javascript:alert(1)",
        "/\t/evil.com",
        "",
    ],
)
def test_next_after_login_never_leaves_the_site(client, target):
    user = factories.user()
    response = client.post(
        "/login",
        query_string={"next": target},
        data={"login": user.person.employee_number, "password": factories.PASSWORD},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/home"


def test_next_after_login_goes_to_the_page_asked_for(client):
    user = factories.officer()
    response = client.post(
        "/login",
        query_string={"next": "/people/?q=x"},
        data={"login": user.person.employee_number, "password": factories.PASSWORD},
    )
    assert response.headers["Location"] == "/people/?q=x"


def test_a_visitor_sent_to_login_comes_back_to_the_page(client):
    user = factories.officer()
    first = client.get("/people/departments")
    assert first.status_code == 302
    login_page = first.headers["Location"]
    response = client.post(
        login_page, data={"login": user.person.employee_number, "password": factories.PASSWORD}
    )
    assert response.headers["Location"] == "/people/departments"


@pytest.mark.parametrize("target", ["//evil.com", "https://evil.com", "/\\evil"])
def test_the_language_switch_never_leaves_the_site(client, target):
    response = client.post("/language/en", data={"next": target})
    assert response.headers["Location"] == "/home"


def test_the_language_switch_returns_to_the_page(client):
    response = client.post("/language/en", data={"next": "/login?x=1"})
    assert response.headers["Location"] == "/login?x=1"


def test_an_unknown_language_is_not_found(client):
    assert client.post("/language/fr").status_code == 404
