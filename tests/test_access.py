"""The access inventory: every route declares who may use it, and the declaration holds for each role."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from flask import Flask
from werkzeug.routing import Rule
from werkzeug.routing.converters import AnyConverter, NumberConverter

from ethics_hr.core.access import access_rule_of
from tests import factories


def _is_static(rule: Rule) -> bool:
    return rule.endpoint == "static" or rule.endpoint.endswith(".static")


def routes(app: Flask) -> list[Rule]:
    return sorted((r for r in app.url_map.iter_rules() if not _is_static(r)), key=lambda r: r.rule)


def sample_url(app: Flask, rule: Rule) -> str:
    """Build a URL for a rule, filling each argument with a value of the right kind."""
    values = {}
    for name, converter in rule._converters.items():
        if isinstance(converter, NumberConverter):
            values[name] = 1
        elif isinstance(converter, AnyConverter):
            values[name] = sorted(converter.items)[0]
        else:
            values[name] = "x"
    if rule.endpoint == "auth.set_language":
        values["locale"] = "en"
    if rule.endpoint == "people.export":
        values["fmt"] = "csv"
    with app.test_request_context():
        return rule.build(values, append_unknown=False)[1]


def rule_of(app: Flask, rule: Rule) -> str | None:
    return access_rule_of(app.view_functions[rule.endpoint])


def is_login_redirect(response) -> bool:
    location = urlsplit(response.headers.get("Location", ""))
    return response.status_code == 302 and location.path == "/login" and "next=" in location.query


def test_every_route_declares_who_may_use_it(app):
    undeclared = [f"{r.endpoint} {r.rule}" for r in routes(app) if not rule_of(app, r)]
    assert not undeclared, "routes without @public/@login_required/@officer_required/...: " + ", ".join(
        undeclared
    )


def test_the_inventory_sees_the_routes_it_should(app):
    endpoints = {r.endpoint for r in routes(app)}
    assert {"auth.login", "people.index", "admin.audit", "core.healthz"} <= endpoints
    assert not any(e.endswith("static") for e in endpoints)


def test_anonymous_visitors_reach_public_pages_and_are_sent_to_login_elsewhere(app, client):
    factories.person()
    for rule in routes(app):
        url = sample_url(app, rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(url, method=method)
            where = f"{method} {url}"
            assert response.status_code < 500, where
            if rule_of(app, rule) == "public":
                assert not is_login_redirect(response), f"{where} is public but asks for a login"
            else:
                assert is_login_redirect(response), f"{where} answered {response.status_code} to a visitor"


@pytest.mark.parametrize("role", ["employee", "personnel_officer"])
def test_administration_pages_are_forbidden_to_other_roles(app, client, login_as, role):
    login_as(factories.user(*([role] if role != "employee" else [])))
    admin_rules = [r for r in routes(app) if rule_of(app, r) == "roles:admin"]
    assert admin_rules
    for rule in admin_rules:
        url = sample_url(app, rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            assert client.open(url, method=method).status_code == 403, f"{method} {url} as {role}"


def test_officer_and_other_restricted_pages_are_forbidden_to_an_employee(app, client, login_as):
    login_as(factories.user())
    restricted = [r for r in routes(app) if (rule_of(app, r) or "").startswith(("roles:", "predicate:"))]
    assert any(rule_of(app, r) == "roles:admin,personnel_officer" for r in restricted)
    for rule in restricted:
        url = sample_url(app, rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            assert client.open(url, method=method).status_code == 403, f"{method} {url}"


def test_an_administrator_can_open_every_page_without_an_error(app, client, login_as):
    login_as(factories.admin())
    factories.department()
    factories.person()
    for rule in routes(app):
        if "GET" not in rule.methods:
            continue
        url = sample_url(app, rule)
        response = client.get(url)
        assert response.status_code < 500, url


def test_an_employee_reaches_the_pages_for_every_logged_in_user(app, client, login_as):
    login_as(factories.user())
    for rule in routes(app):
        if rule_of(app, rule) == "login" and "GET" in rule.methods:
            url = sample_url(app, rule)
            response = client.get(url)
            status = response.status_code
            # A page about one record (/thing/1) that is not theirs or does not exist answers 404, never 403;
            # a section's front page may send on to its first page, but never to the login.
            assert (
                status == 200
                or (rule.arguments and status == 404)
                or (status == 302 and not is_login_redirect(response))
            ), f"{url} answered {status}"
