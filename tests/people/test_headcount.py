"""The counts kept per department and staff category (the active people, and of them those who signed a pledge
or made a year's annual declaration) always say what counting every person again says, however the people
came, moved, changed category, left and came back, and whoever signed or declared."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
import sqlalchemy as sa

from ethics_hr.conflicts import compliance as declarations
from ethics_hr.conflicts import services as conflicts
from ethics_hr.conflicts.models import Declaration
from ethics_hr.extensions import db
from ethics_hr.people import directory, headcount, importer
from ethics_hr.people.models import GroupTally, Headcount, Person
from ethics_hr.pledges import compliance as pledges
from ethics_hr.pledges import services as pledge_services
from ethics_hr.pledges.models import PledgeSignature
from tests import factories
from tests.conflicts.helpers import annual, situational
from tests.pledges.helpers import FY, NOW, open_pledge


@pytest.fixture(autouse=True)
def _clock(time_machine):
    time_machine.move_to(NOW, tick=False)


def kept() -> tuple[Counter, Counter]:
    heads = Counter(
        {(h.department_key, h.staff_category_id): h.people for h in db.session.scalars(sa.select(Headcount))}
    )
    tallies = Counter(
        {
            (t.subject, t.subject_id, t.department_key, t.staff_category_id): t.people
            for t in db.session.scalars(sa.select(GroupTally))
        }
    )
    return +heads, +tallies  # a row that went down to 0 is the same as no row


def counted_by_hand() -> tuple[Counter, Counter]:
    """Every active person, every signature and every first annual declaration, counted one by one."""
    key = {p.id: (p.department_id or 0, p.staff_category_id) for p in db.session.scalars(sa.select(Person))}
    active = {p.id for p in db.session.scalars(sa.select(Person).where(Person.active))}
    heads = Counter(key[p] for p in active)
    tallies: Counter = Counter()
    for s in db.session.scalars(sa.select(PledgeSignature)):
        if s.person_id in active:
            tallies[("pledge", s.pledge_id, *key[s.person_id])] += 1
    for d in db.session.scalars(sa.select(Declaration)):
        if d.person_id in active and d.kind == "annual" and d.supersedes_id is None:
            tallies[("annual_declaration", d.fiscal_year, *key[d.person_id])] += 1
    return heads, tallies


def assert_kept():
    db.session.commit()
    assert kept() == counted_by_hand()


def _person_data(person: Person, **changes) -> dict:
    return {key: getattr(person, key) for key in directory.PERSON_FIELDS} | changes


def test_the_counts_follow_people_as_they_come_move_leave_and_return(app):
    works, finance = factories.department(code="W"), factories.department(code="F")
    officer = factories.officer()
    a, b, c = (factories.user(dept=works) for _ in range(3))
    d = factories.user(dept=finance)
    e = factories.user(category_code="council_member")  # no department
    assert_kept()

    pledge = open_pledge(category_ids=factories.categories("local_official", "council_member"))
    for account in (a, b, e):
        pledge_services.sign(pledge, account, agreed=True, password=factories.PASSWORD, address="127.0.0.1")
    pledge_services.record_on_behalf(
        pledge, d.person, by=officer, note="ลงนามในพิธี", signed_on=date(2026, 11, 10)
    )
    first = conflicts.declare(a.person, annual(fiscal_year=FY), by=a)
    conflicts.correct(first, annual(fiscal_year=FY, correction_reason="แก้ไขชื่อ"), by=a)
    conflicts.declare(c.person, annual(fiscal_year=FY - 1), by=c)
    conflicts.declare(c.person, situational(situation_on=date(2026, 11, 2)), by=c)
    assert_kept()

    # Moved through the service, through the relationship, to no department, and to another category.
    directory.save_person(a.person, _person_data(a.person, department_id=finance.id))
    assert_kept()
    b.person.department = finance
    db.session.commit()
    assert_kept()
    directory.save_person(c.person, _person_data(c.person, department_id=None))
    assert_kept()
    council = factories.category("council_member")
    directory.save_person(d.person, _person_data(d.person, staff_category_id=council.id))
    assert_kept()

    # Left (what they had done counts nowhere), then back (it counts again where they are now).
    directory.set_person_active(a.person, False)
    assert_kept()
    directory.set_person_active(a.person, True)
    assert_kept()

    # Two changes in one transaction, flushed between them, and a change rolled back.
    b.person.department = works
    db.session.flush()
    b.person.active = False
    assert_kept()
    e.person.department = works
    db.session.flush()
    db.session.rollback()
    assert_kept()

    # Deleted (the tests' own clean-up does it), then imported again with the others.
    gone = factories.person(dept=works)
    db.session.commit()
    db.session.delete(gone)
    assert_kept()
    rows = "employee_number,first_name_th,last_name_th,staff_category,department\n"
    rows += "".join(f"IMP-{n},สมชาย{n},ใจดี,local_official,W\n" for n in range(30))
    check = importer.check_file(rows.encode(), "people.csv")
    assert check.ok, check.errors
    importer.import_rows(check)
    assert_kept()

    headcount.rebuild()
    assert_kept()


def test_compliance_counts_a_signature_where_the_person_is_now(app):
    works, finance = factories.department(code="W"), factories.department(code="F")
    a, b = factories.user(dept=works), factories.user(dept=works)
    pledge = open_pledge()
    pledge_services.sign(pledge, a, agreed=True, password=factories.PASSWORD, address="127.0.0.1")
    conflicts.declare(a.person, annual(fiscal_year=FY), by=a)

    def shares():
        signed = {
            d.code if d else None: (s.total, s.signed) for d, s in pledges.summary(pledge).by_department
        }
        declared = {
            d.code if d else None: (s.total, s.declared) for d, s in declarations.summary(FY).by_department
        }
        return signed, declared

    officer = (1, 0)  # the officer who opened the pledge: an official in no department, who has done neither
    assert shares() == ({"W": (2, 1), None: officer}, {"W": (2, 1), None: officer})
    a.person.department = finance
    db.session.commit()
    moved = {"W": (1, 0), "F": (1, 1), None: officer}
    assert shares() == (moved, moved)
    b.person.active = False
    db.session.commit()
    assert shares() == ({"F": (1, 1), None: officer}, {"F": (1, 1), None: officer})


def test_a_person_outside_the_categories_of_a_pledge_is_not_in_its_counts(app):
    works = factories.department(code="W")
    official = factories.user(dept=works)
    factories.user(dept=works, category_code="council_member")
    pledge = open_pledge()  # local officials only
    pledge_services.sign(pledge, official, agreed=True, password=factories.PASSWORD, address="127.0.0.1")
    overall = pledges.summary(pledge).overall
    assert (overall.total, overall.signed) == (2, 1)  # the official and the officer who opened it
    assert headcount.people_in() == {works.id: 2, None: 1}


def test_counting_a_subject_nobody_named_is_refused(app):
    with pytest.raises(KeyError):
        headcount.count_in("nothing", 1, factories.person())


def test_the_demo_leaves_the_counts_as_counting_every_person_again_would(runner):
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    heads, tallies = kept()
    assert heads and any(subject == "pledge" for subject, *_ in tallies)
    assert any(subject == "annual_declaration" for subject, *_ in tallies)
    assert (heads, tallies) == counted_by_hand()


def test_a_reorganisation_moving_many_people_in_one_flush_is_counted_in_chunks(app, monkeypatch):
    monkeypatch.setattr(headcount, "_CHUNK", 2)  # five people, three queries per subject
    old, new = factories.department(code="OLD"), factories.department(code="NEW")
    people = [factories.user(dept=old) for _ in range(5)]
    pledge = open_pledge()
    for account in people[:3]:
        pledge_services.sign(pledge, account, agreed=True, password=factories.PASSWORD, address="127.0.0.1")
    for account in people:
        account.person.department = new
    assert_kept()
    assert pledges.summary(pledge).cells[new.id].signed == 3
