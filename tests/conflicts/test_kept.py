"""What is kept with the declarations (a year's counts by kind, interests and latest decision; the
declarations waiting for a decision) always says what working it out again from the declarations and the
decisions says; and the queue built on it lists waiting declarations first, oldest first, then the others,
newest first, across its pages."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from ethics_hr.conflicts import compliance, kept, services
from ethics_hr.conflicts.models import DeclarationTally, WaitingDeclaration
from ethics_hr.extensions import db
from tests import factories
from tests.conflicts.helpers import FY, annual, clock, committee_member, head_of, interest, situational


@pytest.fixture(autouse=True)
def _clock():
    with clock():
        yield


def snapshot() -> tuple[set, set]:
    tally = {
        (t.fiscal_year, t.kind, bool(t.has_interests), t.outcome, t.declarations)
        for t in db.session.scalars(sa.select(DeclarationTally))
        if t.declarations
    }
    waiting = {
        (w.declaration_id, w.fiscal_year, w.person_id)
        for w in db.session.scalars(sa.select(WaitingDeclaration))
    }
    return tally, waiting


def assert_kept():
    db.session.commit()
    before = snapshot()
    kept.rebuild()
    db.session.commit()
    assert snapshot() == before


def test_the_counts_and_the_waiting_follow_declarations_corrections_and_decisions(app):
    member = committee_member()
    a, b = factories.user(), factories.user()
    first = services.declare(a.person, annual(interests=[interest()]), by=a)
    situation = services.declare(b.person, situational(), by=b)
    services.declare(b.person, annual(), by=b)
    assert_kept()
    assert snapshot()[1] == {(first.id, FY, a.person_id), (situation.id, FY, b.person_id)}

    services.decide(first, services.DecisionInput("manage", measure="ไม่ร่วมพิจารณา"), by=member)
    assert_kept()
    services.decide(first, services.DecisionInput("no_conflict", note="ทบทวนแล้ว"), by=member)
    assert_kept()
    # A decided declaration corrected: the correction waits, the old one leaves the counts with its outcome.
    second = services.correct(first, annual(interests=[interest()], correction_reason="เพิ่มรายละเอียด"), by=a)
    assert_kept()
    assert (second.id, FY, a.person_id) in snapshot()[1]
    # A situation moved to the year before: it leaves this year's counts for that year's.
    moved = services.correct(
        situation, situational(situation_on=date(2025, 9, 15), correction_reason="วันที่ผิด"), by=b
    )
    assert moved.fiscal_year == FY - 1
    assert_kept()
    # A correction to no interests waits for nobody.
    services.correct(second, annual(correction_reason="ไม่มีแล้ว"), by=a)
    assert_kept()

    counts = compliance.year_counts(FY)
    assert (counts.annual, counts.situational, counts.with_interests, counts.waiting, counts.people) == (
        2,
        0,
        0,
        0,
        2,
    )
    assert compliance.year_counts(FY - 1, people=False).situational == 1
    assert compliance.year_counts(FY - 1, people=False).people is None


def test_the_queue_lists_the_waiting_first_then_the_others_across_pages(app):
    member = committee_member()
    dept = factories.department(code="W")
    head = head_of(dept)
    people = [factories.user(dept=dept) for _ in range(7)]
    outsider = factories.user()
    made = [services.declare(p.person, annual(interests=[interest()]), by=p) for p in people[:4]]
    none = [services.declare(p.person, annual(), by=p) for p in people[4:]]
    theirs = services.declare(outsider.person, annual(interests=[interest()]), by=outsider)
    services.decide(made[1], services.DecisionInput("no_conflict"), by=member)
    db.session.commit()

    def ids(user, view: str, per_page: int = 3) -> tuple[list[int], int]:
        first = services.queue_page(user, FY, view, page=1, per_page=per_page)
        found = [d.id for d, _ in first.rows]
        for n in range(2, (first.pages or 1) + 1):
            found += [d.id for d, _ in services.queue_page(user, FY, view, page=n, per_page=per_page).rows]
        return found, first.total

    waiting = [made[0].id, made[2].id, made[3].id]
    others_newest_first = [d.id for d in reversed([made[1], *none])]
    # The head sees their department's people only; the committee sees everyone, the outsider's last.
    assert ids(head, "waiting") == (waiting, 3)
    assert ids(head, "all") == (waiting + others_newest_first, 7)
    assert ids(head, "decided") == ([made[1].id], 1)
    assert ids(head, "none") == ([d.id for d in reversed(none)], 3)
    assert ids(member, "all", per_page=2) == ([*waiting, theirs.id, *others_newest_first], 8)
    assert services.waiting_count(member) == 4 and services.waiting_count(head) == 3
    assert services.oldest_waiting_year(member) == FY
