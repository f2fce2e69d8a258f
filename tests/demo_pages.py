"""The demo's pages: every GET page without arguments, and the main pages with the demo's ids.

Shared by the language check (tests/test_page_language.py) and the screenshots
(tests/e2e/test_screenshots.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask, url_for

from ethics_hr.demo import content
from ethics_hr.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from ethics_hr.extensions import db

# Not pages: files, feeds, machine endpoints, and pages that act on arrival.
SKIPPED_ENDPOINTS = {"static", "bootstrap.static", "core.healthz", "committees.people_suggestions"}
SKIPPED_SUFFIXES = (".csv", ".xlsx", ".docx", ".ics", ".json", ".txt", "/document", "/scan")


def demo_logins() -> list[tuple[str, str]]:
    """(role described in README, login) of each demo account, in the order pages are tried."""
    order = {"personnel officer": 0, "administrator": 1, "committee member": 2}
    accounts = sorted(DEMO_ACCOUNTS, key=lambda a: order.get(a[2], 3))
    return [
        (label, content.PEOPLE[i]["email"] or content.PEOPLE[i]["employee_number"])
        for i, _, label in accounts
    ]


PASSWORD = DEMO_PASSWORD


def _first(sql: str) -> int | None:
    return db.session.execute(sa.text(sql)).scalar()


def _with_ids() -> list[tuple[str, dict]]:
    """The main pages that need an id, filled with the demo's first row of each kind."""
    ids = {
        "code": _first("SELECT min(id) FROM code_of_ethics"),
        "version": _first("SELECT max(id) FROM code_version WHERE status = 'published'"),
        "draft": _first("SELECT max(id) FROM code_version WHERE status = 'draft'"),
        "ack": _first("SELECT min(id) FROM code_acknowledgment"),
        "committee": _first("SELECT min(id) FROM committee"),
        "order": _first("SELECT min(id) FROM appointment_order"),
        "person": _first("SELECT min(id) FROM person"),
        "department": _first("SELECT min(id) FROM department"),
        "plan": _first("SELECT min(id) FROM hr_plan"),
        "item": _first("SELECT min(id) FROM plan_item"),
        "session": _first("SELECT min(session_id) FROM training_attendance"),
        "upcoming": _first("SELECT max(id) FROM training_session"),
        "course": _first("SELECT min(id) FROM course"),
        "question": _first("SELECT min(id) FROM ethics_question"),
        "message": _first("SELECT min(id) FROM outbox_message"),
        "kind": db.session.execute(sa.text("SELECT min(kind) FROM notification_setting")).scalar(),
        "measure": _first("SELECT min(id) FROM report_measure"),
        "fy": _first("SELECT max(fiscal_year) FROM fiscal_year_report"),
        "ita": _first("SELECT min(assessment_year) FROM ita_item"),
        "declaration": _first("SELECT min(id) FROM conflict_declaration WHERE has_interests"),
        "linked": _first("SELECT min(id) FROM conflict_declaration WHERE question_id IS NOT NULL"),
        "interest_category": _first("SELECT min(id) FROM conflict_interest_category"),
        "pledge": _first("SELECT max(id) FROM pledge WHERE status = 'open'"),
        "pledge_fy": _first("SELECT min(fiscal_year) FROM pledge WHERE status <> 'draft'"),
        "signature": _first("SELECT min(id) FROM pledge_signature"),
        "ethics_fy": _first("SELECT max(fiscal_year) FROM ethics_report"),
        "ethics_section": _first("SELECT min(id) FROM ethics_report_section"),
        "quiz": _first("SELECT max(version_id) FROM code_quiz"),
        "attempt": _first("SELECT min(id) FROM learning_attempt WHERE purpose = 'code_quiz'"),
        "test_attempt": _first("SELECT min(id) FROM learning_attempt WHERE purpose = 'post_test'"),
        "tested": _first("SELECT min(session_id) FROM training_session_test"),
        "bank_question": _first("SELECT min(id) FROM learning_question"),
        "certificate": _first("SELECT min(id) FROM learning_certificate"),
    }
    pages = [
        ("codes.code", {"code_id": ids["code"]}),
        ("codes.version", {"version_id": ids["version"]}),
        ("codes.changes", {"version_id": ids["version"]}),
        ("codes.compliance_page", {"version_id": ids["version"]}),
        ("codes.announcement", {"version_id": ids["version"]}),
        ("codes.acknowledge", {"version_id": ids["version"]}),
        ("codes.receipt", {"acknowledgment_id": ids["ack"]}),
        ("committees.detail", {"committee_id": ids["committee"]}),
        ("committees.committee_form", {"committee_id": ids["committee"]}),
        ("committees.order_new", {"committee_id": ids["committee"]}),
        ("committees.order_edit", {"order_id": ids["order"]}),
        ("committees.print_composition", {"committee_id": ids["committee"]}),
        ("people.detail", {"person_id": ids["person"]}),
        ("people.edit", {"person_id": ids["person"]}),
        ("people.department_form", {"department_id": ids["department"]}),
        ("plans.detail", {"plan_id": ids["plan"]}),
        ("plans.plan_form", {"plan_id": ids["plan"]}),
        ("plans.item", {"item_id": ids["item"]}),
        ("plans.item_form", {"plan_id": ids["plan"], "item_id": ids["item"]}),
        ("plans.item_form", {"plan_id": ids["plan"]}),
        ("training.session", {"session_id": ids["session"]}),
        ("training.session", {"session_id": ids["upcoming"]}),
        ("training.session_edit", {"session_id": ids["session"]}),
        ("training.invite", {"session_id": ids["upcoming"]}),
        ("training.checkin_screen", {"session_id": ids["upcoming"]}),
        ("training.sign_in_sheet", {"session_id": ids["session"]}),
        ("training.course_form", {"course_id": ids["course"]}),
        ("training.person_record", {"person_id": ids["person"]}),
        ("questions.handle", {"question_id": ids["question"]}),
        ("notifications.outbox_message", {"message_id": ids["message"]}),
        ("notifications.kind_form", {"code": ids["kind"]}),
        ("reports.report", {"fy": ids["fy"]}),
        ("reports.intro", {"fy": ids["fy"]}),
        ("reports.print_view", {"fy": ids["fy"]}),
        ("reports.add_measure", {"fy": ids["fy"]}),
        ("reports.edit_measure", {"measure_id": ids["measure"]}),
        ("reports.ethics", {"fy": ids["ethics_fy"]}),
        ("reports.ethics_intro", {"fy": ids["ethics_fy"]}),
        ("reports.ethics_add_section", {"fy": ids["ethics_fy"]}),
        ("reports.ethics_edit_section", {"section_id": ids["ethics_section"]}),
        ("reports.ita_links", {"year": ids["ita"]}),
        ("reports.edit_catalogue", {"year": ids["ita"]}),
        ("reports.record", {"person_id": ids["person"]}),
        ("transparency.plan", {"fy": ids["fy"]}),
        ("transparency.training", {"fy": ids["fy"]}),
        ("conflicts.detail", {"declaration_id": ids["declaration"]}),
        ("conflicts.detail", {"declaration_id": ids["linked"]}),
        ("conflicts.category", {"category_id": ids["interest_category"]}),
        ("pledges.pledge", {"pledge_id": ids["pledge"]}),
        ("pledges.sign", {"pledge_id": ids["pledge"]}),
        ("pledges.compliance_page", {"pledge_id": ids["pledge"]}),
        ("pledges.receipt", {"signature_id": ids["signature"]}),
        ("transparency.pledge", {"fy": ids["pledge_fy"]}),
        ("codes.quiz_form", {"version_id": ids["quiz"]}),
        ("codes.quiz_results", {"version_id": ids["quiz"]}),
        ("codes.take_quiz", {"version_id": ids["quiz"]}),
        ("codes.quiz_attempt", {"attempt_id": ids["attempt"]}),
        ("learning.question", {"question_id": ids["bank_question"]}),
        ("learning.certificate", {"certificate_id": ids["certificate"]}),
        ("training.session_results", {"session_id": ids["tested"]}),
        ("training.test_form", {"session_id": ids["tested"], "phase": "post"}),
        ("training.test_attempt", {"attempt_id": ids["test_attempt"]}),
    ]
    if ids["draft"]:
        pages.append(("codes.edit_version", {"version_id": ids["draft"]}))
    return [(endpoint, values) for endpoint, values in pages if all(v is not None for v in values.values())]


def demo_pages(app: Flask) -> list[str]:
    """The paths of the demo's pages, in the url map's order, then the pages with ids."""
    with app.test_request_context():
        paths = []
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
            required = set(rule.arguments) - set(rule.defaults or {})
            if "GET" not in rule.methods or required or rule.endpoint in SKIPPED_ENDPOINTS:
                continue
            path = url_for(rule.endpoint)
            if not path.endswith(SKIPPED_SUFFIXES) and path not in paths:
                paths.append(path)
        for endpoint, values in _with_ids():
            path = url_for(endpoint, **values)
            if not path.endswith(SKIPPED_SUFFIXES) and path not in paths:
                paths.append(path)
    return paths
