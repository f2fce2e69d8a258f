"""Compliance with a version: shares in SQL, the pending and overdue lists, exports."""

from __future__ import annotations

import csv
import io
from datetime import date

import time_machine
from openpyxl import load_workbook

from ethics_hr.codes import acknowledgments as acks
from ethics_hr.codes import compliance
from ethics_hr.core.exports import csv_bytes, xlsx_bytes
from ethics_hr.extensions import db
from tests import factories


def _ack(version, person, officer):
    acks.record_on_behalf(version, person, by=officer, note="กระดาษ", signed_on=date(2026, 11, 3))


def _setup():
    """Works (3 officials, 1 teacher out of the audience), finance (2 officials, 1 worker); 3 acknowledged."""
    works, finance = factories.department(code="ENG"), factories.department(code="FIN")
    officer = factories.officer(category_code="executive")  # outside the audience
    with time_machine.travel("2026-11-02 03:00Z", tick=False):
        version = factories.published(
            audience=("local_official", "general_contract"), due=date(2026, 12, 2), by=officer
        )
    people = {
        "w1": factories.person(dept=works, start_date=date(2010, 1, 1)),
        "w2": factories.person(dept=works, start_date=date(2010, 1, 1)),
        "w3": factories.person(dept=works, start_date=date(2026, 11, 20)),  # newcomer: later due date
        "t1": factories.person(dept=works, category_code="teacher"),
        "f1": factories.person(dept=finance, start_date=date(2010, 1, 1)),
        "f2": factories.person(dept=finance, start_date=date(2010, 1, 1)),
        "g1": factories.person(dept=finance, category_code="general_contract", start_date=None),
        "gone": factories.person(dept=finance, active=False),
    }
    with time_machine.travel("2026-11-05 03:00Z", tick=False):
        for key in ("w1", "f1", "g1"):
            _ack(version, people[key], officer)
    return version, people, works, finance


def test_shares_overall_per_department_and_per_category(app):
    version, *_ = _setup()
    with time_machine.travel("2026-12-10 03:00Z", tick=False):
        s = compliance.summary(version)
    assert (s.overall.total, s.overall.acknowledged, s.overall.overdue) == (6, 3, 2)  # w3 is not overdue yet
    assert s.overall.percent == 50.0
    by_department = {d.code: (x.total, x.acknowledged, x.overdue) for d, x in s.by_department}
    assert by_department == {"ENG": (3, 1, 1), "FIN": (3, 2, 1)}
    by_category = {c.code: (x.total, x.acknowledged) for c, x in s.by_category}
    assert by_category == {"local_official": (5, 2), "general_contract": (1, 1)}


def test_nobody_is_overdue_before_the_due_date(app):
    version, *_ = _setup()
    with time_machine.travel("2026-11-25 03:00Z", tick=False):
        assert compliance.summary(version).overall.overdue == 0


def test_the_people_list_filters_by_status_department_category_and_name(app):
    version, people, works, _finance = _setup()

    def ids(**kw):
        with time_machine.travel("2026-12-10 03:00Z", tick=False):
            query = compliance.people_query(version, compliance.ComplianceFilter(**kw))
            return {p.id for p in db.session.scalars(query)}

    def want(*keys):
        return {people[k].id for k in keys}

    assert ids(status="pending") == want("w2", "w3", "f2")
    assert ids(status="overdue") == want("w2", "f2")
    assert ids(status="acknowledged") == want("w1", "f1", "g1")
    assert ids(status="all") == want("w1", "w2", "w3", "f1", "f2", "g1")
    assert ids(status="all", department=str(works.id)) == want("w1", "w2", "w3")
    assert ids(status="all", department="none") == set()
    assert ids(status="all", staff_category_id=factories.category("general_contract").id) == want("g1")
    assert ids(status="all", q=people["f2"].employee_number.lower()) == want("f2")


def test_a_carried_over_acknowledgment_counts_for_the_minor_version(app):
    version, people, *_ = _setup()
    officer = factories.officer(category_code="executive")
    minor = factories.published(
        version.code, major=False, audience=("local_official", "general_contract"), by=officer
    )
    s = compliance.summary(minor)
    assert s.overall.acknowledged == 3
    found = compliance.acknowledgments_of(minor, [people["w1"].id, people["w2"].id])
    assert set(found) == {people["w1"].id}
    assert found[people["w1"].id].version_id == version.id


def test_exports_list_everyone_with_their_status(app):
    version, people, *_ = _setup()
    with time_machine.travel("2026-12-10 03:00Z", tick=False), app.test_request_context():
        rows = list(compliance.export_rows(version, compliance.ComplianceFilter(status="all"), "en"))
        parsed = list(csv.reader(io.StringIO(csv_bytes(None, rows).decode("utf-8-sig"))))
        workbook = load_workbook(io.BytesIO(xlsx_bytes(None, rows)))
    assert parsed[0][0] == "Employee number"
    by_number = {row[0]: row for row in parsed[1:]}
    assert len(by_number) == 6
    assert by_number[people["w1"].employee_number][4] == "acknowledged"
    assert by_number[people["w1"].employee_number][7] == "on behalf"
    assert by_number[people["w2"].employee_number][4] == "overdue"
    assert by_number[people["w3"].employee_number][4] == "pending"
    assert workbook.active.max_row == 7
