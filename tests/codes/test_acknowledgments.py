"""Acknowledging: by oneself with the password, on someone's behalf, carried over, and only once."""

from __future__ import annotations

import io
import threading
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
import time_machine
from werkzeug.datastructures import FileStorage

from ethics_hr.codes import acknowledgments as acks
from ethics_hr.codes import services
from ethics_hr.codes.models import Acknowledgment, CodeVersion
from ethics_hr.core.audit import AuditEntry
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.settings import get_settings
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.people.models import Person, User
from ethics_hr.people.services import LoginThrottled, authenticate
from tests import factories

ADDRESS = "192.0.2.10"


def _ack(version, user, *, password=factories.PASSWORD, agreed=True, locale="th"):
    return acks.acknowledge(version, user, agreed=agreed, password=password, address=ADDRESS, locale=locale)


def _count() -> int:
    return db.session.scalar(sa.select(sa.func.count(Acknowledgment.id)))


def test_an_employee_acknowledges_with_their_password(app):
    version = factories.published()
    user = factories.user()
    row, created = _ack(version, user, locale="en")
    assert created
    assert row.person_id == user.person_id
    assert row.version_id == version.id
    assert row.content_sha256 == version.content_sha256
    assert row.statement == "I have read this code of ethics and will abide by it."
    assert row.method == "self"
    assert row.recorded_by_id == user.id
    assert row.acknowledged_at.tzinfo is not None
    assert acks.pending_for(user.person) == []


def test_the_statement_is_recorded_in_the_language_shown(app):
    version = factories.published()
    row, _ = _ack(version, factories.user(), locale="th")
    assert row.locale == "th"
    assert row.statement != "I have read this code of ethics and will abide by it."
    assert row.statement.strip()


def test_the_acknowledgment_is_audited(app):
    version = factories.published()
    row, _ = _ack(version, factories.user())
    entry = db.session.scalar(
        sa.select(AuditEntry).where(
            AuditEntry.entity_type == "code_acknowledgment", AuditEntry.entity_id == str(row.id)
        )
    )
    assert entry is not None and entry.action == "create"


def test_a_wrong_password_writes_nothing_and_counts_toward_the_login_throttle(app):
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "5 per day"  # the account's ceiling, met by these five
    version = factories.published()
    user = factories.user()
    for _ in range(5):
        with pytest.raises(RuleViolation) as error:
            _ack(version, user, password="not my password")
        assert error.value.field == "password"
    assert _count() == 0
    with pytest.raises(LoginThrottled):
        _ack(version, user)
    with pytest.raises(LoginThrottled) as throttled:  # from a browser the account has not logged in on
        authenticate(user.person.employee_number, factories.PASSWORD, address="198.51.100.1")
    assert throttled.value.account_wide
    assert _count() == 0


def test_wrong_logins_by_strangers_do_not_stop_the_user_signing(app):
    version = factories.published()
    user = factories.user()
    for n in range(10):  # guesses at the account from the user's own address and from others
        assert (
            authenticate(user.person.employee_number, "a guess", address=(ADDRESS, f"203.0.113.{n}")[n % 2])
            is None
        )
    row, created = _ack(version, user)
    assert created and row.person_id == user.person_id


def test_the_statement_must_be_ticked(app):
    version = factories.published()
    with pytest.raises(RuleViolation) as error:
        _ack(version, factories.user(), agreed=False)
    assert error.value.field == "agree"
    assert _count() == 0


def test_the_organisation_can_turn_the_password_step_off(app):
    get_settings().acknowledgment_requires_password = False
    db.session.commit()
    version = factories.published()
    _row, created = _ack(version, factories.user(), password=None)
    assert created


def test_acknowledging_twice_keeps_the_first_record(app):
    version = factories.published()
    user = factories.user()
    first, _ = _ack(version, user)
    second, created = _ack(version, user)
    assert not created
    assert second.id == first.id
    assert _count() == 1


@pytest.mark.parametrize("state", ["draft", "withdrawn", "superseded"])
def test_only_a_published_version_can_be_acknowledged(app, state):
    user = factories.user()
    if state == "draft":
        version = factories.draft()
    else:
        version = factories.published()
        if state == "withdrawn":
            services.withdraw_version(version, reason="ผิดฉบับ", by=factories.officer())
        else:
            factories.published(version.code)
            db.session.refresh(version)
    with pytest.raises(acks.NotApplicable):
        _ack(version, user)
    assert _count() == 0


def test_a_version_for_another_audience_cannot_be_acknowledged(app):
    version = factories.published(audience=("executive",))
    with pytest.raises(acks.NotApplicable):
        _ack(version, factories.user(category_code="local_official"))
    assert acks.pending_for(factories.person(category_code="local_official")) == []


def test_an_audience_limited_to_departments_leaves_the_others_out(app):
    works = factories.department()
    finance = factories.department()
    version = factories.published(audience=("local_official",), departments=(works,))
    assert [o.version.id for o in acks.pending_for(factories.person(dept=works))] == [version.id]
    assert acks.pending_for(factories.person(dept=finance)) == []
    assert acks.pending_for(factories.person(dept=None)) == []


def test_an_inactive_person_is_not_asked(app):
    factories.published()
    person = factories.person(active=False)
    assert not acks.applies_to(db.session.get(CodeVersion, 1), person)


def test_a_minor_version_keeps_the_earlier_acknowledgments(app):
    user = factories.user()
    first = factories.published()
    _ack(first, user)
    minor = factories.published(first.code, major=False, body=factories.BODY + "\nแก้คำผิด")
    assert acks.acknowledgment_of(user.person, minor) is not None
    assert acks.pending_for(user.person) == []
    with pytest.raises(acks.NotApplicable):
        _ack(first, user)  # the old one is superseded; the new one needs nothing more


def test_a_major_version_asks_everyone_again(app):
    user = factories.user()
    first = factories.published()
    _ack(first, user)
    major = factories.published(first.code, major=True)
    obligations = acks.pending_for(user.person)
    assert [o.version.id for o in obligations] == [major.id]
    assert obligations[0].acknowledged_before == first.id  # so they can be shown what changed


def test_carry_over_stops_at_the_last_major_version(app):
    only_first, both = factories.user(), factories.user()
    first = factories.published()
    _ack(first, only_first)
    _ack(first, both)
    second = factories.published(first.code, major=True)
    _ack(second, both)
    third = factories.published(first.code, major=False)
    assert acks.acknowledgment_of(both.person, third).version_id == second.id
    assert acks.acknowledgment_of(only_first.person, third) is None
    assert [o.version.id for o in acks.pending_for(only_first.person)] == [third.id]


def test_someone_who_joins_later_is_asked_with_their_own_due_date(app):
    with time_machine.travel("2026-11-02 03:00Z", tick=False):
        version = factories.published(due=date(2026, 12, 2))  # 30 days
    with time_machine.travel("2027-01-10 03:00Z", tick=False):
        newcomer = factories.person(start_date=date(2027, 1, 4))
        veteran = factories.person(start_date=date(2015, 1, 1))
        (late,) = acks.pending_for(newcomer)
        assert late.version.id == version.id
        assert late.due == date(2027, 2, 3)
        assert not late.overdue
        (old,) = acks.pending_for(veteran)
        assert old.due == date(2026, 12, 2)
        assert old.overdue


def test_someone_who_moves_into_the_audience_is_asked(app):
    version = factories.published(audience=("teacher",))
    person = factories.person(category_code="general_contract")
    assert acks.pending_for(person) == []
    person.staff_category = factories.category("teacher")
    db.session.commit()
    assert [o.version.id for o in acks.pending_for(person)] == [version.id]


def test_a_version_not_yet_in_force_is_asked_for_in_advance(app):
    future = local_today() + timedelta(days=10)
    version = factories.published(effective=future)
    person = factories.person()
    assert [o.version.id for o in acks.pending_for(person)] == [version.id]
    (item,) = acks.versions_for(person)
    assert not item.in_force


@pytest.mark.own_connections
def test_two_identical_submissions_at_once_give_one_row_and_no_error(app):
    version = factories.published()
    user = factories.user()
    version_id, user_id = version.id, user.id
    db.session.commit()
    barrier = threading.Barrier(2)
    results, errors = [], []

    def submit():
        try:
            with app.app_context():
                barrier.wait(timeout=10)
                v = db.session.get(CodeVersion, version_id)
                u = db.session.get(User, user_id)
                row, created = _ack(v, u)
                results.append((row.id, created))
                db.session.remove()
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
    assert len(results) == 2
    assert len({row_id for row_id, _ in results}) == 1
    assert _count() == 1


def _scan(data: bytes = b"%PDF-1.4 signed form", name: str = "form.pdf") -> FileStorage:
    return FileStorage(io.BytesIO(data), filename=name)


def test_an_officer_records_an_acknowledgment_on_someones_behalf_with_the_scan(app):
    version = factories.published()
    officer = factories.officer()
    person = factories.person()
    row = acks.record_on_behalf(
        version, person, by=officer, note="ลงนามในการประชุมประจำเดือน", signed_on=local_today(), scan=_scan()
    )
    assert row.method == "on_behalf"
    assert row.recorded_by_id == officer.id
    assert row.note == "ลงนามในการประชุมประจำเดือน"
    assert row.signed_on == local_today()
    assert row.attachment.content_type == "application/pdf"
    assert row.content_sha256 == version.content_sha256
    assert acks.pending_for(person) == []


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"note": " "}, "note"),
        ({"signed_on": date(2999, 1, 1)}, "signed_on"),
        ({"scan": _scan(b"MZ\x90\x00 not a scan", "form.pdf")}, "scan"),
    ],
)
def test_recording_on_behalf_refuses_bad_input_and_writes_nothing(app, kwargs, field):
    version = factories.published()
    values = {"note": "ลงนามในแบบฟอร์ม", "signed_on": local_today(), "scan": None} | kwargs
    with pytest.raises(RuleViolation) as error:
        acks.record_on_behalf(version, factories.person(), by=factories.officer(), **values)
    assert error.value.field == field
    db.session.rollback()
    assert _count() == 0


def test_recording_on_behalf_refuses_someone_who_already_acknowledged(app):
    version = factories.published()
    user = factories.user()
    _ack(version, user)
    with pytest.raises(RuleViolation):
        acks.record_on_behalf(
            version, user.person, by=factories.officer(), note="กระดาษ", signed_on=local_today()
        )
    assert _count() == 1


def test_recording_on_behalf_refuses_someone_outside_the_audience(app):
    version = factories.published(audience=("executive",))
    with pytest.raises(acks.NotApplicable):
        acks.record_on_behalf(
            version, factories.person(), by=factories.officer(), note="กระดาษ", signed_on=local_today()
        )


def test_a_persons_history_lists_every_acknowledgment(app):
    user = factories.user()
    first = factories.published()
    _ack(first, user)
    second = factories.published(first.code)
    acks.record_on_behalf(second, user.person, by=factories.officer(), note="กระดาษ", signed_on=local_today())
    history = acks.history_of(user.person)
    assert [a.version_id for a in history] == [second.id, first.id]
    assert db.session.get(Person, user.person_id) is not None
