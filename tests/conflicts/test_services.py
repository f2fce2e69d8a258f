"""Declaring, correcting and deciding: the rules, who may decide, append-only evidence, the question link."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from ethics_hr.conflicts import services
from ethics_hr.conflicts.models import Decision, Declaration, Interest
from ethics_hr.core.errors import RuleViolation
from ethics_hr.extensions import db
from ethics_hr.notifications.models import Notice
from tests import factories
from tests.conflicts.helpers import FY, annual, clock, committee_member, head_of, interest, situational


@pytest.fixture(autouse=True)
def _clock():
    with clock():
        yield


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count(model.id)))


def _declare(user, data=None):
    return services.declare(user.person, data or annual(), by=user)


def test_a_person_declares_they_have_no_interests(app):
    user = factories.user()
    declaration = _declare(user)
    assert declaration.fiscal_year == FY and not declaration.has_interests and declaration.confirmed
    assert services.annual_declaration(user.person, FY).id == declaration.id
    assert _count(Interest) == 0


def test_a_declaration_with_interests_keeps_them_in_order_and_tells_the_reviewers(app):
    dept = factories.department()
    head = head_of(dept)
    member = committee_member()
    user = factories.user(dept=dept)
    declaration = _declare(
        user, annual(interests=[interest(), interest(category_id=None, description="", other_party="")])
    )
    assert declaration.has_interests and [i.position for i in declaration.interests] == [1]
    told = set(db.session.scalars(sa.select(Notice.user_id).where(Notice.kind == "conflicts.declared")))
    assert told == {head.id, member.id}


def test_a_second_annual_declaration_of_a_year_is_refused_and_points_to_correcting(app):
    user = factories.user()
    _declare(user)
    with pytest.raises(RuleViolation) as caught:
        _declare(user)
    assert caught.value.field == "fiscal_year"
    assert _count(Declaration) == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (lambda: annual(kind="weekly"), "kind"),
        (lambda: annual(fiscal_year=2571), "fiscal_year"),  # a future year
        (lambda: annual(fiscal_year=2560), "fiscal_year"),
        (lambda: annual(fiscal_year=None), "fiscal_year"),
        (lambda: annual(has_interests=None), "has_interests"),
        (lambda: annual(confirmed=False), "confirmed"),
        (lambda: annual(has_interests=True), "interests-0-description"),
        (lambda: annual(has_interests=False, interests=[interest()]), "has_interests"),
        (lambda: annual(interests=[interest(category_id=None)]), "interests-0-category_id"),
        (lambda: annual(interests=[interest(category_id=2**31)]), "interests-0-category_id"),
        (lambda: annual(interests=[interest(), interest(other_party="")]), "interests-1-other_party"),
        (lambda: annual(interests=[interest(description=" ")]), "interests-0-description"),
        (lambda: annual(interests=[interest(description="x" * 1001)]), "interests-0-description"),
        (lambda: annual(interests=[interest()] * 11), "has_interests"),
        (lambda: annual(note="x" * 2001), "note"),
        (lambda: situational(situation=""), "situation"),
        (lambda: situational(situation_on=None), "situation_on"),
        (lambda: situational(situation_on=date(2026, 3, 11)), "situation_on"),  # tomorrow
        (lambda: situational(situation_on=date(2023, 1, 1)), "situation_on"),
        (lambda: annual(question_id=2**31 - 1), "question_id"),
        (lambda: annual(question_id=2**31), "question_id"),
    ],
)
def test_bad_or_absurd_input_is_refused_naming_its_field_and_nothing_is_written(app, data, field):
    user = factories.user()
    with pytest.raises(RuleViolation) as caught:
        _declare(user, data())
    assert caught.value.field == field
    assert _count(Declaration) == 0 and _count(Interest) == 0


def test_a_retired_category_is_no_longer_declared(app):
    from ethics_hr.conflicts import categories

    user = factories.user()
    category = categories.categories()[0]
    categories.set_active(category, False)
    with pytest.raises(RuleViolation):
        _declare(user, annual(interests=[interest(category_id=category.id)]))


def test_nobody_declares_for_someone_else_but_an_officer_from_a_signed_form(app):
    user, other, officer = factories.user(), factories.user(), factories.officer()
    with pytest.raises(RuleViolation):
        services.declare(user.person, annual(), by=other)
    declaration = services.declare(user.person, annual(), by=officer)
    assert declaration.person_id == user.person_id and declaration.declared_by_id == officer.id


def test_a_situational_declaration_falls_in_the_fiscal_year_of_its_day(app):
    user = factories.user()
    declaration = _declare(user, situational(situation_on=date(2025, 9, 30)))
    assert declaration.fiscal_year == 2568 and declaration.situation_on == date(2025, 9, 30)


# ---------------------------------------------------------------- corrections


def test_a_correction_is_a_new_declaration_that_supersedes_the_earlier_one(app):
    user = factories.user()
    first = _declare(user)
    second = services.correct(
        first, annual(interests=[interest()], correction_reason="ลืมแจ้งกิจการของภรรยา"), by=user
    )
    assert second.supersedes_id == first.id and second.fiscal_year == FY and second.has_interests
    assert services.annual_declaration(user.person, FY).id == second.id
    assert [d.id for d in services.history(first)] == [first.id, second.id]
    assert [d.id for d, _ in services.my_declarations(user.person)] == [second.id]
    with pytest.raises(RuleViolation):  # the earlier one is corrected already
        services.correct(first, annual(correction_reason="อีกครั้ง"), by=user)
    with pytest.raises(RuleViolation) as caught:
        services.correct(second, annual(), by=user)
    assert caught.value.field == "correction_reason"
    assert _count(Declaration) == 2


def test_a_correction_keeps_its_kind_and_year(app):
    user = factories.user()
    first = _declare(user)
    second = services.correct(
        first,
        situational(fiscal_year=2568, correction_reason="แก้ไข", has_interests=False, interests=[]),
        by=user,
    )
    assert second.kind == "annual" and second.fiscal_year == FY


# ---------------------------------------------------------------- decisions


def _with_interests(dept=None):
    user = factories.user(dept=dept)
    return user, _declare(user, annual(interests=[interest()]))


def test_the_head_of_the_department_decides_and_the_person_is_told(app):
    dept = factories.department()
    head = head_of(dept)
    user, declaration = _with_interests(dept)
    decision = services.decide(
        declaration,
        services.DecisionInput("manage", measure="ไม่ร่วมเป็นกรรมการพิจารณาผลการประกวดราคาจ้างก่อสร้างถนน"),
        by=head,
    )
    assert decision.decided_as == "head" and decision.outcome == "manage"
    told = set(db.session.scalars(sa.select(Notice.user_id).where(Notice.kind == "conflicts.decided")))
    assert told == {user.id}


def test_a_committee_member_decides_and_a_later_decision_replaces_the_first(app):
    member = committee_member()
    _, declaration = _with_interests()
    first = services.decide(declaration, services.DecisionInput("no_conflict"), by=member)
    with pytest.raises(RuleViolation) as caught:
        services.decide(declaration, services.DecisionInput("refer", referred_to="นายกเทศมนตรี"), by=member)
    assert caught.value.field == "note"
    second = services.decide(
        declaration, services.DecisionInput("refer", referred_to="นายกเทศมนตรี", note="มีข้อมูลเพิ่ม"), by=member
    )
    assert second.replaces_id == first.id and second.decided_as == "committee"
    assert services.latest_decision(declaration).id == second.id
    assert [d.id for d in services.decisions_of(declaration)] == [first.id, second.id]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (services.DecisionInput("ignore"), "outcome"),
        (services.DecisionInput("manage"), "measure"),
        (services.DecisionInput("refer"), "referred_to"),
        (services.DecisionInput("no_conflict", note="x" * 2001), "note"),
    ],
)
def test_a_bad_decision_names_its_field_and_writes_nothing(app, data, field):
    member = committee_member()
    _, declaration = _with_interests()
    with pytest.raises(RuleViolation) as caught:
        services.decide(declaration, data, by=member)
    assert caught.value.field == field
    assert _count(Decision) == 0


def test_only_the_head_or_a_committee_member_decides_and_never_on_their_own(app):
    dept = factories.department()
    head = head_of(dept)
    _, declaration = _with_interests(dept)
    own = _declare(head, annual(interests=[interest()]))
    strangers = (factories.user(), factories.officer(), factories.admin(), head_of(factories.department()))
    for stranger in strangers:
        with pytest.raises(RuleViolation):
            services.decide(declaration, services.DecisionInput("no_conflict"), by=stranger)
    with pytest.raises(RuleViolation):
        services.decide(own, services.DecisionInput("no_conflict"), by=head)
    member = committee_member()
    own_of_member = _declare(member, annual(interests=[interest()]))
    with pytest.raises(RuleViolation):
        services.decide(own_of_member, services.DecisionInput("no_conflict"), by=member)
    assert _count(Decision) == 0


def test_no_decision_on_a_corrected_declaration_nor_on_a_declaration_of_none(app):
    member = committee_member()
    user, declaration = _with_interests()
    services.correct(declaration, annual(interests=[interest()], correction_reason="แก้ชื่อบริษัท"), by=user)
    with pytest.raises(RuleViolation):
        services.decide(declaration, services.DecisionInput("no_conflict"), by=member)
    none = _declare(factories.user())
    with pytest.raises(RuleViolation):
        services.decide(none, services.DecisionInput("no_conflict"), by=member)
    assert _count(Decision) == 0


# ---------------------------------------------------------------- evidence


@pytest.mark.parametrize("table", ["conflict_declaration", "conflict_interest", "conflict_decision"])
def test_the_database_refuses_to_change_or_remove_the_evidence(app, table):
    member = committee_member()
    _, declaration = _with_interests()
    services.decide(declaration, services.DecisionInput("no_conflict"), by=member)
    for statement in (f"UPDATE {table} SET id = id", f"DELETE FROM {table}"):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"), db.session.begin_nested():
            db.session.execute(sa.text(statement))
    db.session.rollback()
    assert _count(Declaration) == 1 and _count(Interest) == 1 and _count(Decision) == 1


# ---------------------------------------------------------------- the ethics question


def _question(asker):
    from ethics_hr.questions import services as questions

    category = questions.categories()[0]
    subject = "รับงานสอนพิเศษได้หรือไม่"
    return questions.ask(category_id=category.id, subject=subject, body="รายละเอียด", asker=asker)


def test_a_declaration_links_the_persons_own_named_question(app):
    user = factories.user()
    asked = _question(user.person)
    assert [q.id for q in services.own_named_questions(user.person)] == [asked.question.id]
    declaration = _declare(user, situational(question_id=asked.question.id))
    assert services.linked_question(declaration).subject == "รับงานสอนพิเศษได้หรือไม่"


def test_an_anonymous_question_or_someone_elses_is_never_linked(app):
    user = factories.user()
    anonymous = _question(None)
    others = _question(factories.person())
    assert services.own_named_questions(user.person) == []
    for question_id in (anonymous.question.id, others.question.id):
        with pytest.raises(RuleViolation) as caught:
            _declare(user, situational(question_id=question_id))
        assert caught.value.field == "question_id"
    assert _count(Declaration) == 0
