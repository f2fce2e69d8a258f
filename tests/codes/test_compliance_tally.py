"""The compliance counts kept per version, department and staff category: written with each change, in its
transaction, and always what counting the acknowledgments afresh gives."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
import time_machine

from ethics_hr.codes import acknowledgments as acks
from ethics_hr.codes import compliance, tally
from ethics_hr.codes import services as code_services
from ethics_hr.codes.models import ComplianceTally, ComplianceTallyDay
from ethics_hr.core.models import utc_now
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from tests import factories


def at(day: str):
    return time_machine.travel(datetime.fromisoformat(day + "T03:00:00+00:00"), tick=False)


def _ack(version, person, officer) -> None:
    acks.record_on_behalf(version, person, by=officer, note="ลงนามในที่ประชุม", signed_on=local_today())


def _kept(version) -> dict:
    found = tally.kept(version)
    assert found is not None, "the version has no kept counts"
    return {cell: (n.people, n.acknowledged, n.due_again) for cell, n in found[0].items()}


def _afresh(version, day: date) -> dict:
    return {cell: (n.people, n.acknowledged, n.due_again) for cell, n in tally.count(version, day).items()}


def _shares(version) -> tuple:
    s = compliance.summary(version)
    o = s.overall
    return (o.total, o.acknowledged, o.overdue, o.due_again), {
        key: (v.total, v.acknowledged, v.overdue, v.due_again) for key, v in s.cells.items()
    }


def _without_kept_counts(version):
    """The same summary, counted from the acknowledgments (as for a version not yet counted)."""
    db.session.execute(sa.delete(ComplianceTallyDay).where(ComplianceTallyDay.version_id == version.id))
    try:
        return _shares(version)
    finally:
        db.session.rollback()


def test_each_change_is_counted_in_its_own_transaction(app):
    works, finance = factories.department(code="ENG"), factories.department(code="FIN")
    officer = factories.officer(category_code="executive")
    with at("2026-11-02"):
        version = factories.published(audience=("local_official",), due=date(2026, 11, 30), by=officer)
        people = [factories.person(dept=works, start_date=date(2010, 1, 1)) for _ in range(3)]
        people += [factories.person(dept=finance, start_date=date(2026, 11, 20)) for _ in range(2)]
        outsider = factories.person(dept=finance, category_code="teacher")
        db.session.commit()
    official = people[0].staff_category_id
    assert _kept(version) == {(works.id, official): (3, 0, 0), (finance.id, official): (2, 0, 0)}

    with at("2026-11-05"):
        _ack(version, people[0], officer)
        _ack(version, people[3], officer)
    assert _kept(version) == {(works.id, official): (3, 1, 0), (finance.id, official): (2, 1, 0)}

    people[1].department = finance  # moved
    people[2].active = False  # left
    outsider.staff_category_id = official  # joins the audience, without a department
    outsider.department_id = None
    db.session.commit()
    expected = {
        (works.id, official): (1, 1, 0),
        (finance.id, official): (3, 1, 0),
        (tally.NO_DEPARTMENT_KEY, official): (1, 0, 0),
    }
    assert _kept(version) == expected == _afresh(version, date(2026, 11, 5))

    people[4].department = works
    moved = _kept(version)  # counted within the transaction, before its commit
    assert moved[(works.id, official)] == (2, 1, 0) and moved[(finance.id, official)] == (2, 1, 0)
    db.session.rollback()  # what a transaction rolled back is not counted
    assert _kept(version) == expected

    with at("2026-12-10"):  # past the due date: the old hands are overdue, the newcomers not yet
        shares = _shares(version)
        assert shares == _without_kept_counts(version)
    assert shares[0] == (5, 2, 2, 0)


def test_a_version_asked_again_moves_those_fallen_due_and_the_job_counts_it_as_of_today(app):
    works = factories.department(code="ENG")
    officer = factories.officer(category_code="executive")
    with at("2025-10-01"):
        draft = factories.draft(audience=("local_official",))
        draft.reacknowledge_months = 12
        db.session.commit()
        version = code_services.publish_version(draft, major=True, due_date=date(2099, 1, 1), by=officer)
        people = [factories.person(dept=works, start_date=date(2010, 1, 1)) for _ in range(3)]
        db.session.commit()
    with at("2025-10-10"):
        _ack(version, people[0], officer)
    with at("2025-11-20"):
        _ack(version, people[1], officer)
    cell = (works.id, people[0].staff_category_id)
    assert _kept(version) == {cell: (3, 2, 0)}

    with at("2026-10-15"):  # the first one fell due on 10 October; the counts still hold as of 2025
        assert _shares(version)[0] == (3, 1, 0, 1) == _without_kept_counts(version)[0]
        assert tally.roll_job(utc_now()) == 1  # the scheduler's job, which commits
        db.session.rollback()
        assert _kept(version) == {cell: (3, 1, 1)}
        assert db.session.get(ComplianceTallyDay, version.id).as_of == date(2026, 10, 15)
        assert tally.roll() == 0  # counted today already
    with at("2026-11-25"):  # the second one fell due too, the job has not run yet
        assert _shares(version)[0] == (3, 0, 0, 2) == _without_kept_counts(version)[0]
        _ack(version, people[0], officer)  # renewed: counted as of the counts' own day
        assert _shares(version)[0] == (3, 1, 0, 1) == _without_kept_counts(version)[0]


def test_publishing_counts_the_version_and_superseding_it_removes_its_counts(app):
    works = factories.department(code="ENG")
    officer = factories.officer(category_code="executive")
    first = factories.published(audience=("local_official",), by=officer)
    person = factories.person(dept=works)
    db.session.commit()
    _ack(first, person, officer)
    assert _kept(first) == {(works.id, person.staff_category_id): (1, 1, 0)}

    minor = factories.draft(first.code, audience=("local_official",))
    db.session.commit()
    second = code_services.publish_version(minor, major=False, due_date=date(2099, 1, 1), by=officer)
    # The acknowledgment of the version it corrects counts for the correction; the old one has no counts.
    assert _kept(second) == {(works.id, person.staff_category_id): (1, 1, 0)}
    rows = (
        sa.select(sa.func.count()).select_from(ComplianceTally).where(ComplianceTally.version_id == first.id)
    )
    assert db.session.scalar(rows) == 0
    assert db.session.get(ComplianceTallyDay, first.id) is None
    assert tally.kept(first) is None
    assert compliance.summary(first).overall.total == 1  # counted afresh, for a superseded version
