"""Absolute addresses of pages, inside a request and outside one (CLI commands, jobs)."""

from __future__ import annotations

from ethics_hr.core.urls import absolute_url


def test_outside_a_request_the_address_is_built_from_the_base_url(app):
    app.config["BASE_URL"] = "https://ethics.example.go.th/hr/"

    url = absolute_url("transparency.order_document", order_id=7)

    assert url.startswith("https://ethics.example.go.th/hr/")
    assert "/7" in url


def test_outside_a_request_an_anchor_is_kept(app):
    app.config["BASE_URL"] = "https://ethics.example.go.th"

    assert absolute_url("transparency.order_document", order_id=7, anchor="top").endswith("#top")


def test_in_a_request_the_address_is_the_readers_host(app):
    with app.test_request_context(base_url="http://intranet.local"):
        assert absolute_url("transparency.order_document", order_id=7).startswith("http://intranet.local/")
