"""Absolute addresses of the application's pages, in a request and outside one (CLI commands, jobs)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import current_app, has_request_context, url_for


def absolute_url(endpoint: str, *, anchor: str | None = None, **values: Any) -> str:
    """Build an absolute address: the reader's host in a request, ETHICS_HR_BASE_URL outside one.

    Outside a request Flask's url_for needs SERVER_NAME; the installation's public address is BASE_URL, so the
    URL map is bound to it instead (its path, if any, is the prefix the application is served under).
    """
    if has_request_context():
        return url_for(endpoint, _external=True, _anchor=anchor, **values)
    app = current_app._get_current_object()
    base = urlsplit(app.config["BASE_URL"])
    adapter = app.url_map.bind(
        base.netloc or "localhost",
        script_name=base.path.rstrip("/") or "/",
        url_scheme=base.scheme or "http",
    )
    app.inject_url_defaults(endpoint, values)
    url = adapter.build(endpoint, values, force_external=True)
    if anchor:
        url += "#" + anchor
    return url
