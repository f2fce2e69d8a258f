"""The annual declaration per department and the year's counts, checked against data counted by hand."""

from __future__ import annotations

import pytest

from ethics_hr.conflicts import compliance, services
from ethics_hr.conflicts.models import DecisionOutcome
from ethics_hr.extensions import db
from tests import factories
from tests.conflicts.helpers import FY, annual, clock, committee_member, interest, situational


@pytest.fixture(autouse=True)
def _clock():
    with clock():
        yield


@pytest.fixture
def year():
    """Two departments and people without one; who declared what, counted by hand below.

    Works (4 people): 3 declared (1 none, 1 with interests then corrected, 1 with interests), 1 has not.
    Finance (2 people): 1 declared last year only, 1 inactive who declared (not counted).
    No department: 1 official who has not declared, 1 council member (outside the audience) who has.
    """
    works, finance = factories.department(code="W"), factories.department(code="F")
    member = committee_member()  # no department: in the audience, has not declared
    people = {name: factories.user(dept=works) for name in ("a", "b", "c", "d")}
    people |= {name: factories.user(dept=finance) for name in ("e", "f")}
    people["g"] = factories.user(category_code="council_member")
    declare = services.declare
    declare(people["a"].person, annual(), by=people["a"])
    first = declare(people["b"].person, annual(interests=[interest()]), by=people["b"])
    services.correct(first, annual(interests=[interest()], correction_reason="แก้ไข"), by=people["b"])
    third = declare(people["c"].person, annual(interests=[interest(), interest()]), by=people["c"])
    services.decide(third, services.DecisionInput("manage", measure="ไม่ร่วมพิจารณาสัญญา"), by=member)
    declare(people["e"].person, annual(fiscal_year=FY - 1), by=people["e"])
    declare(people["f"].person, annual(), by=people["f"])
    people["f"].person.active = False
    declare(people["g"].person, annual(), by=people["g"])
    situation = declare(people["d"].person, situational(), by=people["d"])
    services.decide(situation, services.DecisionInput("refer", referred_to="นายกเทศมนตรี"), by=member)
    db.session.commit()
    return works, finance


def test_compliance_per_department_counts_the_audience_and_who_declared(app, year):
    works, finance = year
    summary = compliance.summary(FY)
    shares = {(d.code if d else None): (s.total, s.declared) for d, s in summary.by_department}
    assert shares == {"W": (4, 3), "F": (1, 0), None: (1, 0)}
    assert (summary.overall.total, summary.overall.declared) == (6, 3)
    assert summary.missing_in(str(works.id)) == 1 and summary.missing_in(compliance.NO_DEPARTMENT) == 1
    missing = db.session.scalars(compliance.not_declared_query(FY)).all()
    assert len(missing) == 3 and summary.missing_in("") == 3
    assert len(db.session.scalars(compliance.not_declared_query(FY, str(finance.id))).all()) == 1


def test_the_years_counts_are_counts_only_with_a_corrected_declaration_once(app, year):
    counts = compliance.year_counts(FY)
    assert (counts.annual, counts.situational, counts.total) == (5, 1, 6)
    assert (counts.with_interests, counts.without_interests) == (3, 3)
    assert counts.decisions == {
        DecisionOutcome.NO_CONFLICT: 0,
        DecisionOutcome.MANAGE: 1,
        DecisionOutcome.REFER: 1,
    }
    assert counts.waiting == 1  # b's corrected declaration
    assert counts.people == 6  # a, b, c, d, f, g
    assert (counts.audience, counts.annual_people) == (6, 3)


def test_a_nil_year_is_a_report_of_zeros(app):
    counts = compliance.year_counts(2500)
    assert counts.total == 0 and counts.people == 0 and set(counts.decisions.values()) == {0}


def test_the_compliance_page_shows_the_figures_to_the_officer_only(app, client, login_as, in_english, year):
    login_as(factories.user())
    assert client.get(f"/declarations/compliance?fy={FY}").status_code == 403
    login_as(factories.officer(dept=year[0]))  # one more person of Works, who has not declared
    page = client.get(f"/declarations/compliance?fy={FY}").get_data(as_text=True)
    assert "declared: 3 of 8" in page  # the employee and the officer who logged in are two more
    assert client.get(f"/declarations/compliance?fy={FY}&department=abc").status_code == 404


def test_the_compliance_page_issues_as_many_statements_for_many_people_as_for_a_few(
    app, client, login_as, count_statements
):
    login_as(factories.officer())
    dept = factories.department()
    for _ in range(2):
        user = factories.user(dept=dept)
        services.declare(user.person, annual(), by=user)
    few = count_statements.page(client, f"/declarations/compliance?fy={FY}")
    for _ in range(3):
        other = factories.department()
        for _ in range(4):
            user = factories.user(dept=other)
            services.declare(user.person, annual(interests=[interest()]), by=user)
        factories.user(dept=other)
    assert count_statements.page(client, f"/declarations/compliance?fy={FY}") == few
