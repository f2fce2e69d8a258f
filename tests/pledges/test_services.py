"""The pledge's rules: one a year, its text sealed when it opens, signing inside the window and the audience,
one signature per person (append-only), paper signatures, the counts per department, the ITA figures."""

from __future__ import annotations

import threading
from datetime import date

import pytest
import sqlalchemy as sa
import time_machine

from ethics_hr.core.errors import RuleViolation
from ethics_hr.extensions import db
from ethics_hr.people.models import User
from ethics_hr.pledges import compliance, services
from ethics_hr.pledges.evidence import pledge_evidence
from ethics_hr.pledges.models import Pledge, PledgeSignature, SealedPledgeError
from tests import factories
from tests.pledges.helpers import FY, NOW, open_pledge, pledge_input


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def _sign(pledge, user, **kw):
    values = {"agreed": True, "password": factories.PASSWORD, "address": "192.0.2.1", "locale": "th"} | kw
    return services.sign(pledge, user, **values)


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_a_fiscal_year_has_one_pledge(app):
    officer = factories.officer()
    services.create_pledge(FY, pledge_input(), by=officer)
    with pytest.raises(RuleViolation) as error:
        services.create_pledge(FY, pledge_input(), by=officer)
    assert error.value.field == "fiscal_year"
    assert _count(Pledge) == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title_th": "  "}, "title_th"),
        ({"body_th": ""}, "body_th"),
        ({"opens_on": None}, "opens_on"),
        ({"closes_on": date(2026, 10, 31)}, "closes_on"),  # before it opens
        ({"closes_on": date(2027, 10, 1)}, "closes_on"),  # after the fiscal year
        ({"opens_on": date(2026, 9, 30)}, "opens_on"),  # before the fiscal year
        ({"category_ids": []}, "category_ids"),
        ({"category_ids": [999999]}, "category_ids"),
    ],
)
def test_a_bad_draft_names_its_field_and_writes_nothing(app, changes, field):
    officer = factories.officer()
    with pytest.raises(RuleViolation) as error:
        services.create_pledge(FY, pledge_input(**changes), by=officer)
    assert error.value.field == field
    assert _count(Pledge) == 0


def test_opening_seals_the_text_and_the_audience(app):
    pledge = open_pledge()
    assert pledge.content_sha256 == services.content_sha256(pledge) and len(pledge.content_sha256) == 64
    with pytest.raises(RuleViolation):
        services.update_pledge(pledge, pledge_input(body_th="ข้อความอื่น"), by=factories.officer())
    pledge.body_th = "ข้อความอื่น"
    with pytest.raises(SealedPledgeError):
        db.session.flush()
    db.session.rollback()
    pledge.categories = []
    with pytest.raises(SealedPledgeError):
        db.session.flush()
    db.session.rollback()
    assert db.session.get(Pledge, pledge.id).body_th.startswith("ข้าพเจ้า")


def test_the_seal_changes_with_the_text_and_not_with_line_endings(app):
    officer = factories.officer()
    pledge = services.create_pledge(FY, pledge_input(), by=officer)
    before = services.content_sha256(pledge)
    services.update_pledge(
        pledge, pledge_input(body_th=pledge.body_th.replace("\n", "\r\n") + "  "), by=officer
    )
    assert services.content_sha256(pledge) == before
    services.update_pledge(pledge, pledge_input(body_th="ข้อความใหม่"), by=officer)
    assert services.content_sha256(pledge) != before


def test_a_person_signs_once_with_the_sealed_hash(app):
    pledge = open_pledge()
    user = factories.user()
    row = _sign(pledge, user)
    assert row.content_sha256 == pledge.content_sha256 and row.method == "self" and row.locale == "th"
    assert row.statement == services.statement_text("th")
    with pytest.raises(RuleViolation) as error:
        _sign(pledge, user)
    assert error.value.message == services.ALREADY_SIGNED
    assert _count(PledgeSignature) == 1


@pytest.mark.parametrize(
    ("kw", "field"),
    [({"agreed": False}, "agree"), ({"password": "wrong password"}, "password")],
)
def test_signing_needs_the_tick_and_the_password(app, kw, field):
    pledge = open_pledge()
    with pytest.raises(RuleViolation) as error:
        _sign(pledge, factories.user(), **kw)
    assert error.value.field == field
    assert _count(PledgeSignature) == 0


def test_signing_outside_the_window_or_the_audience_is_refused(app, in_english):
    officer = factories.officer()
    early = open_pledge(opens_on=date(2026, 11, 25), closes_on=date(2026, 12, 31), by=officer)
    with pytest.raises(RuleViolation, match="opens on 25 November 2026"):
        _sign(early, factories.user())
    teacher = factories.user(category_code="teacher")
    late = open_pledge(2571, opens_on=date(2027, 10, 1), closes_on=date(2027, 10, 31), by=officer)
    with pytest.raises(RuleViolation, match="not for your staff category"):
        _sign(late, teacher)
    assert _count(PledgeSignature) == 0


def test_a_closed_pledge_takes_no_signature_and_a_closing_day_past_is_closed(app, in_english):
    officer = factories.officer()
    pledge = open_pledge(by=officer)
    user = factories.user()
    day_after = time_machine.travel("2026-12-01 03:00 +0000", tick=False)
    with day_after, pytest.raises(RuleViolation, match="closed on 30 November 2026"):
        _sign(pledge, user)
    services.close_pledge(pledge, by=officer)
    with pytest.raises(RuleViolation, match="closed"):
        _sign(pledge, user)
    assert _count(PledgeSignature) == 0


def test_an_inactive_person_is_not_asked(app):
    pledge = open_pledge()
    user = factories.user()
    user.person.active = False
    db.session.commit()
    with pytest.raises(RuleViolation):
        _sign(pledge, user)
    assert services.to_sign(user.person) == []


def test_the_officer_records_a_paper_signature_on_behalf(app):
    officer = factories.officer()
    pledge = open_pledge(by=officer)
    person = factories.person()
    row = services.record_on_behalf(
        pledge, person, by=officer, note="ลงนามในที่ประชุม", signed_on=date(2026, 11, 5)
    )
    assert (
        row.method == "on_behalf" and row.recorded_by_id == officer.id and row.signed_on == date(2026, 11, 5)
    )
    assert row.content_sha256 == pledge.content_sha256
    with pytest.raises(RuleViolation):
        services.record_on_behalf(pledge, person, by=officer, note="อีกครั้ง", signed_on=date(2026, 11, 6))


@pytest.mark.parametrize(
    ("note", "signed_on", "field"),
    [
        ("", date(2026, 11, 5), "note"),
        ("ลงนามแล้ว", date(2026, 11, 21), "signed_on"),  # tomorrow
        ("ลงนามแล้ว", date(2026, 10, 31), "signed_on"),  # before signing opened
        ("ลงนามแล้ว", None, "signed_on"),
    ],
)
def test_a_bad_paper_signature_names_its_field_and_writes_nothing(app, note, signed_on, field):
    officer = factories.officer()
    pledge = open_pledge(by=officer)
    with pytest.raises(RuleViolation) as error:
        services.record_on_behalf(pledge, factories.person(), by=officer, note=note, signed_on=signed_on)
    assert error.value.field == field
    assert _count(PledgeSignature) == 0


def test_signatures_are_append_only(app):
    pledge = open_pledge()
    row = _sign(pledge, factories.user())
    for statement in (
        sa.text("UPDATE pledge_signature SET content_sha256 = 'x' WHERE id = :id"),
        sa.text("DELETE FROM pledge_signature WHERE id = :id"),
    ):
        with pytest.raises(sa.exc.DatabaseError), db.session.begin_nested():
            db.session.execute(statement, {"id": row.id})
    db.session.rollback()
    assert db.session.get(PledgeSignature, row.id).content_sha256 == pledge.content_sha256


def test_compliance_counts_per_department_as_counted_by_hand(app):
    works, finance = factories.department(code="WK"), factories.department(code="FN")
    officer = factories.officer()
    pledge = open_pledge(by=officer)
    people = {
        "w1": factories.user(dept=works),
        "w2": factories.user(dept=works),
        "w3": factories.user(dept=works),
        "f1": factories.user(dept=finance),
        "n1": factories.user(),
    }
    factories.user(dept=works, category_code="teacher")  # not asked
    gone = factories.user(dept=finance)
    _sign(pledge, gone)
    gone.person.active = False  # left after signing: no longer counted
    db.session.commit()
    _sign(pledge, people["w1"])
    _sign(pledge, people["w2"])
    services.record_on_behalf(
        pledge, people["n1"].person, by=officer, note="กระดาษ", signed_on=date(2026, 11, 2)
    )
    result = compliance.summary(pledge)
    cells = {d.code if d else None: (s.total, s.signed) for d, s in result.by_department}
    # The officer (no department) is asked too and has not signed.
    assert cells == {"WK": (3, 2), "FN": (1, 0), None: (2, 1)}
    assert (result.overall.total, result.overall.signed, result.overall.not_signed) == (6, 3, 3)
    not_signed = db.session.scalars(compliance.people_query(pledge, compliance.SignedStatus.NOT_SIGNED)).all()
    assert {p.id for p in not_signed} == {people["w3"].person_id, people["f1"].person_id, officer.person_id}
    assert result.count(compliance.SignedStatus.NOT_SIGNED, str(works.id)) == 1
    assert pledge_evidence(FY) == (pledge, 3, 6)


def test_no_evidence_from_a_draft_or_a_year_without_a_pledge(app):
    services.create_pledge(FY, pledge_input(), by=factories.officer())
    assert pledge_evidence(FY) == (None, 0, 0)
    assert pledge_evidence(FY - 1) == (None, 0, 0)


def test_the_closing_day_moves_later_but_not_into_the_past(app):
    officer = factories.officer()
    pledge = open_pledge(by=officer)
    services.extend_window(pledge, date(2026, 12, 15), by=officer)
    assert pledge.closes_on == date(2026, 12, 15)
    for bad in (date(2026, 11, 19), date(2027, 10, 1), None):
        with pytest.raises(RuleViolation) as error:
            services.extend_window(pledge, bad, by=officer)
        assert error.value.field == "closes_on"
    assert db.session.get(Pledge, pledge.id).closes_on == date(2026, 12, 15)


def test_a_pledge_whose_window_has_passed_does_not_open(app):
    officer = factories.officer()
    pledge = services.create_pledge(
        FY, pledge_input(opens_on=date(2026, 10, 1), closes_on=date(2026, 10, 31)), by=officer
    )
    with pytest.raises(RuleViolation):
        services.open_pledge(pledge, by=officer)
    assert db.session.get(Pledge, pledge.id).is_draft


def _at_once(app, submit, times: int = 2) -> list:
    """Run `submit` in threads released together; return what each returned or raised."""
    barrier = threading.Barrier(times)
    outcomes: list = []

    def run():
        with app.app_context():
            barrier.wait(timeout=10)
            try:
                outcomes.append(submit())
            except Exception as error:  # collected: the test says which are expected
                outcomes.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.own_connections
def test_two_identical_signatures_at_once_give_one_row(app):
    pledge = open_pledge()
    user = factories.user()
    pledge_id, user_id = pledge.id, user.id
    db.session.commit()

    def submit():
        return _sign(db.session.get(Pledge, pledge_id), db.session.get(User, user_id)).id

    outcomes = _at_once(app, submit)
    rows = [o for o in outcomes if isinstance(o, int)]
    refused = [o for o in outcomes if isinstance(o, RuleViolation)]
    assert len(rows) == 1 and len(refused) == 1 and refused[0].message == services.ALREADY_SIGNED
    assert _count(PledgeSignature) == 1
