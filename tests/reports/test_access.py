"""Every route of the evidence blueprints declares who may use it; only the public pages are public."""

from __future__ import annotations

from ethics_hr.core.access import access_rule_of


def _rules(app, prefix: str) -> dict[str, str | None]:
    return {
        rule.endpoint: access_rule_of(app.view_functions[rule.endpoint])
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith(prefix)
    }


def test_every_report_route_declares_its_access_and_none_is_public(app):
    rules = _rules(app, "reports.")
    assert rules
    assert all(rules.values()), [e for e, r in rules.items() if not r]
    assert "public" not in rules.values()
    assert rules["reports.record"] == "login"  # the view itself limits employees to their own record
    assert rules["reports.catalogue"] == "roles:admin"


def test_every_transparency_route_is_public(app):
    rules = _rules(app, "transparency.")
    assert rules and set(rules.values()) == {"public"}
