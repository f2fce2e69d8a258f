"""Every id and number in a path or a query is bounded in one place: a bad one is never a 500."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from flask import Flask, Request
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.routing import Rule
from werkzeug.routing.converters import NumberConverter

from tests import factories
from tests.test_access import routes, sample_url

# 2^31 overflows PostgreSQL's INTEGER, 2^63 SQLite's; Thai digits are digits to str.isdigit() and int().
BAD_NUMBERS = [str(2**31), str(2**63), "-1", "0", "๑๒๓", "1x", "%20", "9" * 40]
QUERY_BAD = [str(2**31), str(2**63), "-1", "๑๒๓", "x1"]
QUERY_NUMBERS = ["page", "department", "category", "since", "fy", "plan", "year", "status_id", "entity_id"]
PLACEHOLDER = 987654321


def numeric_rules(app: Flask) -> list[Rule]:
    return [r for r in routes(app) if any(isinstance(c, NumberConverter) for c in r._converters.values())]


def urls_with(app: Flask, rule: Rule, bad: str) -> list[str]:
    """The rule's URL once per numeric argument, that argument replaced by `bad` and the others sampled."""
    urls = []
    for name, converter in rule._converters.items():
        if not isinstance(converter, NumberConverter):
            continue
        values = {n: 1 for n, c in rule._converters.items() if isinstance(c, NumberConverter)}
        values[name] = PLACEHOLDER
        url = sample_url_with(app, rule, values)
        urls.append(url.replace(str(PLACEHOLDER), bad))
    return urls


def sample_url_with(app: Flask, rule: Rule, numbers: dict[str, int]) -> str:
    """sample_url's URL for the rule, with these numbers in place of its ones."""
    matched = app.url_map.bind("localhost").match(
        sample_url(app, rule), method=sorted(rule.methods - {"OPTIONS"})[0]
    )[1]
    with app.test_request_context():
        return rule.build({**matched, **numbers}, append_unknown=False)[1]


@pytest.fixture
def administrator(app, login_as):
    user = login_as(factories.admin())
    factories.published()
    factories.session()
    return user


def test_the_walk_sees_the_numbered_routes_it_should(app):
    endpoints = {r.endpoint for r in numeric_rules(app)}
    assert {"people.detail", "transparency.order_document", "questions.mine", "plans.detail"} <= endpoints
    assert len(endpoints) > 60


@pytest.mark.parametrize("bad", BAD_NUMBERS)
def test_an_impossible_id_in_a_path_is_a_404(app, client, administrator, bad):
    failures = []
    for rule in numeric_rules(app):
        for url in urls_with(app, rule, bad):
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                status = client.open(url, method=method).status_code
                if status != 404:
                    failures.append(f"{method} {url}: {status}")
    assert not failures, failures


def test_a_large_id_is_a_404_to_a_visitor_too(app, client):
    for url in (
        "/public/committees/orders/2147483648/document",
        "/public/committees/orders/9223372036854775808/document",
        "/public/committees/orders/๑/document",
    ):
        assert client.get(url).status_code == 404, url


def test_the_largest_id_is_still_an_id(app, client, administrator):
    # MAX_ID itself reaches the view (which finds nothing): the bound is the database's, not one lower.
    assert client.get(f"/people/{2**31 - 1}").status_code == 404
    assert app.url_map.bind("localhost").match(f"/people/{2**31 - 1}")[1] == {"person_id": 2**31 - 1}


class _ReadNames(ImmutableMultiDict):
    """The query arguments of a request, noting each name the view asks for (by any means but iteration)."""

    read: set[str] = set()

    def __getitem__(self, key):
        _ReadNames.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None, type=None):
        _ReadNames.read.add(key)
        return super().get(key, default, type)

    def getlist(self, key, type=None):
        _ReadNames.read.add(key)
        return super().getlist(key, type)

    def __contains__(self, key):
        _ReadNames.read.add(key)
        return super().__contains__(key)


class _NotingRequest(Request):
    parameter_storage_class = _ReadNames


def names_read(client, url: str) -> set[str] | None:
    """The query names the page reads, plain and with every number filled; None when it is a 404."""
    _ReadNames.read = set()
    if client.get(url).status_code == 404:
        return None  # no such record: the view stops before it reads its query
    client.get(url + "?" + "&".join(f"{name}=1" for name in QUERY_NUMBERS))
    return set(_ReadNames.read)


def test_the_walk_learns_the_names_a_page_reads(app, client, administrator):
    app.request_class = _NotingRequest
    assert {"page", "department", "q"} <= names_read(client, "/people/")
    assert {"page", "from", "to", "who", "what"} <= names_read(client, "/admin/audit")


@pytest.mark.parametrize("bad", QUERY_BAD)
def test_an_impossible_number_in_a_query_is_never_a_server_error(app, client, administrator, bad):
    # Each page is tried with the bad value in every query name it reads (the numbers' names, and any other
    # it asks for): a name no view reads cannot fail, so trying all of them everywhere only cost minutes.
    app.request_class = _NotingRequest
    failures, tried = [], 0
    for rule in routes(app):
        if "GET" not in rule.methods or rule.endpoint in {"auth.logout"}:
            continue
        url = sample_url(app, rule)
        read = names_read(client, url)
        if read is None:
            continue
        for name in sorted(read | {"page"}):
            tried += 1
            status = client.get(f"{url}?{name}={bad}").status_code
            if status >= 500:
                failures.append(f"{url}?{name}={bad}: {status}")
    assert not failures, failures
    assert tried > 100


def test_every_list_reads_its_page_through_page_arg():
    # Flask-SQLAlchemy's paginate() reads ?page= itself, unbounded, when it is not given one: 2^63 was a 500.
    missing = []
    for path in Path(__file__).resolve().parents[1].joinpath("ethics_hr").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_paginate = isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "paginate"
            if is_paginate and "page" not in {k.arg for k in node.keywords}:
                missing.append(f"{path.name}:{node.lineno}")
    assert not missing, missing
