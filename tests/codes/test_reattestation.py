"""Re-acknowledging a code every N months: the due day at month ends, a new row for each renewal, compliance
that tells "due again" from "never acknowledged", the seal and the draft's bounds."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import sqlalchemy as sa
import time_machine

from ethics_hr.codes import acknowledgments as acks
from ethics_hr.codes import compliance
from ethics_hr.codes import services as code_services
from ethics_hr.codes.audience import renewal_cutoff
from ethics_hr.codes.content import canonical_content
from ethics_hr.codes.models import Acknowledgment, FrozenVersionError
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.timeutil import add_months
from ethics_hr.extensions import db
from tests import factories

BANGKOK_MORNING = "T03:00:00+00:00"  # 10:00 in Bangkok


def at(day: str):
    return time_machine.travel(datetime.fromisoformat(day + BANGKOK_MORNING), tick=False)


def _renewed_version(months: int = 12, of=None):
    version = factories.draft(of)
    version.reacknowledge_months = months
    db.session.commit()
    return code_services.publish_version(
        version, major=True, due_date=date(2099, 1, 1), by=factories.officer()
    )


def _acknowledge(version, user):
    row, created = acks.acknowledge(
        version, user, agreed=True, password=factories.PASSWORD, address="192.0.2.1", locale="th"
    )
    return row, created


@pytest.mark.parametrize(
    ("today", "months", "cutoff"),
    [
        (date(2026, 11, 20), 12, date(2025, 11, 20)),
        (date(2026, 2, 28), 1, date(2026, 1, 31)),  # 29, 30 and 31 January fall due on 28 February
        (date(2026, 3, 30), 1, date(2026, 2, 28)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2028, 2, 29), 12, date(2027, 2, 28)),
        (date(2027, 2, 28), 36, date(2024, 2, 29)),  # leap day + 3 years falls due on 28 February
    ],
)
def test_the_cutoff_is_the_last_day_due_again(today, months, cutoff):
    assert renewal_cutoff(months, today) == cutoff
    # Every day up to the cutoff is due (D + N months <= today), the day after is not.
    assert add_months(cutoff, months) <= today < add_months(cutoff + timedelta(days=1), months)


def test_an_acknowledgment_counts_until_the_same_day_n_months_later(app):
    with at("2025-11-20"):
        version = _renewed_version(12)
        user = factories.user()
        _acknowledge(version, user)
    with at("2026-11-19"):
        assert acks.current_acknowledgment_of(user.person, version) is not None
        assert acks.pending_for(user.person) == []
    with at("2026-11-20"):
        assert acks.current_acknowledgment_of(user.person, version) is None
        [obligation] = acks.pending_for(user.person)
        assert obligation.due_again and obligation.due == date(2026, 11, 20) and not obligation.overdue


def test_at_a_month_end_the_renewal_falls_on_the_shorter_months_last_day(app):
    with at("2026-01-31"):
        version = _renewed_version(1)
        user = factories.user()
        _acknowledge(version, user)
    with at("2026-02-27"):
        assert acks.pending_for(user.person) == []
    with at("2026-02-28"):
        assert [o.due for o in acks.pending_for(user.person)] == [date(2026, 2, 28)]


def test_acknowledging_again_adds_a_row_and_keeps_the_first(app):
    with at("2025-11-20"):
        version = _renewed_version(12)
        user = factories.user()
        first, _ = _acknowledge(version, user)
        again, created = _acknowledge(version, user)  # still current: the same row
        assert again.id == first.id and not created
    with at("2026-12-01"):
        second, created = _acknowledge(version, user)
        assert created and second.id != first.id and second.renewal == 1
        assert acks.current_acknowledgment_of(user.person, version).id == second.id
    rows = db.session.scalars(sa.select(Acknowledgment).order_by(Acknowledgment.id)).all()
    assert [(r.id, r.renewal) for r in rows] == [(first.id, 0), (second.id, 1)]


def test_compliance_tells_due_again_from_never_acknowledged(app):
    with at("2025-11-20"):
        version = _renewed_version(12)
        old = factories.user()
        _acknowledge(version, old)
    with at("2026-06-01"):
        recent = factories.user()
        _acknowledge(version, recent)
    never = factories.user()
    with at("2026-12-01"):
        summary = compliance.summary(version)
        officer_count = 1  # the officer who published it is in the audience and has not acknowledged
        assert summary.overall.total == 3 + officer_count
        assert summary.overall.acknowledged == 1
        assert summary.overall.due_again == 1
        assert summary.overall.pending == 1 + officer_count

        def listed(status):
            query = compliance.people_query(version, compliance.ComplianceFilter(status=status))
            return {p.id for p in db.session.scalars(query)}

        assert listed(compliance.ComplianceStatus.DUE_AGAIN) == {old.person_id}
        assert never.person_id in listed(compliance.ComplianceStatus.PENDING)
        assert old.person_id not in listed(compliance.ComplianceStatus.PENDING)
        assert listed(compliance.ComplianceStatus.ACKNOWLEDGED) == {recent.person_id}
        rows = compliance.statuses(version, [old.person], compliance.acknowledgments_of(version))
        assert rows[0].status == compliance.ComplianceStatus.DUE_AGAIN and rows[0].due == date(2026, 11, 20)


def test_the_period_is_sealed_with_the_version_and_older_seals_stay(app):
    plain = factories.published()
    assert "reacknowledge_months" not in canonical_content(plain)
    version = _renewed_version(12, of=factories.code("ประมวลจริยธรรมผู้บริหารท้องถิ่น"))
    assert canonical_content(version)["reacknowledge_months"] == 12
    version.reacknowledge_months = 6
    with pytest.raises(FrozenVersionError):
        db.session.flush()
    db.session.rollback()


@pytest.mark.parametrize("months", [0, 61, -1])
def test_a_draft_refuses_a_period_outside_one_to_sixty_months(app, months):
    version = factories.draft()
    content = code_services.DraftContent(
        title="ร่าง",
        effective_date=date(2026, 1, 1),
        body_md="",
        category_ids=factories.categories("local_official"),
        department_ids=[],
        reacknowledge_months=months,
    )
    with pytest.raises(RuleViolation) as error:
        code_services.update_draft(version, content)
    assert error.value.field == "reacknowledge_months"
    assert db.session.get(type(version), version.id).reacknowledge_months is None


def test_the_draft_form_shows_a_bad_period_next_to_its_field(app, client, login_as, in_english):
    version = factories.draft()
    login_as(factories.officer())
    data = {
        "title": "ร่างที่พิมพ์ไว้",
        "effective_date": "2026-01-01",
        "body_md": "",
        "category_ids": [str(i) for i in factories.categories("local_official")],
        "reacknowledge_months": "61",
    }
    page = client.post(f"/codes/versions/{version.id}/edit", data=data).get_data(as_text=True)
    assert "Enter 1 to 60 months, or leave it empty." in page and "ร่างที่พิมพ์ไว้" in page
    data["reacknowledge_months"] = "12"
    client.post(f"/codes/versions/{version.id}/edit", data=data)
    db.session.refresh(version)
    assert version.reacknowledge_months == 12


def test_the_home_page_offers_the_version_again_and_compliance_stays_constant(
    app, client, login_as, count_statements, in_english
):
    with at("2025-11-20"):
        version = _renewed_version(12)
        user = factories.user()
        _acknowledge(version, user)
    with at("2026-11-21"):
        login_as(user)
        home = client.get("/home").get_data(as_text=True)
        assert "due for renewal since 20 November 2026" in home
        officer = login_as(factories.officer())
        url = f"/codes/versions/{version.id}/compliance?status=all"
        client.get(url)
        few = count_statements.page(client, url)
        for _ in range(5):
            _acknowledge(version, factories.user())
        with at("2026-11-22"):
            assert count_statements.page(client, url) == few
        page = client.get(url).get_data(as_text=True)
        assert "due again" in page and officer


@pytest.mark.own_connections
def test_two_renewals_at_once_give_one_new_row(app):
    import threading

    from ethics_hr.codes.models import CodeVersion
    from ethics_hr.people.models import User

    with at("2025-11-20"):
        version = _renewed_version(12)
        user = factories.user()
        _acknowledge(version, user)
    version_id, user_id = version.id, user.id
    db.session.commit()
    barrier = threading.Barrier(2)
    results, errors = [], []

    def submit():
        with app.app_context():
            try:
                barrier.wait(timeout=10)
                row, created = _acknowledge(
                    db.session.get(CodeVersion, version_id), db.session.get(User, user_id)
                )
                results.append((row.id, created))
            except Exception as exc:  # reported below
                errors.append(exc)
            finally:
                db.session.remove()

    with at("2026-12-01"):
        threads = [threading.Thread(target=submit) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
    assert errors == []
    assert len({row_id for row_id, _ in results}) == 1
    assert sorted(r for (r,) in db.session.execute(sa.select(Acknowledgment.renewal))) == [0, 1]


def test_the_version_page_says_when_it_fell_due_again(app, client, login_as, in_english):
    with at("2025-11-20"):
        version = _renewed_version(12)
        user = factories.user()
        _acknowledge(version, user)
    with at("2026-12-01"):
        login_as(user)
        page = client.get(f"/codes/versions/{version.id}").get_data(as_text=True)
    assert "You acknowledged this version on 20 November 2025." in page
    assert "yours is due for renewal since 20 November 2026." in page
