"""Who is in force on which day, the rights that follow, and the lists built from them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from ethics_hr.committees import services
from ethics_hr.committees.models import CommitteeKind
from ethics_hr.core.errors import RuleViolation
from ethics_hr.extensions import db
from tests import factories

D = date(2026, 1, 5)


def _ids(memberships) -> list[int]:
    return [m.person_id for m in memberships]


# ---------------------------------------------------------------- in force on a day


def test_membership_is_in_force_from_the_effective_date_to_the_end_date_inclusive(app):
    person = factories.person()
    c = factories.committee()
    factories.order(c, [(person, "chair")], effective_on=D, ends_on=date(2026, 3, 31))

    assert services.composition_on(c, D - timedelta(days=1)) == []
    assert _ids(services.composition_on(c, D)) == [person.id]
    assert _ids(services.composition_on(c, date(2026, 3, 31))) == [person.id]
    assert services.composition_on(c, date(2026, 4, 1)) == []


def test_membership_without_end_lasts_until_its_order_is_replaced(app):
    stays, leaves, joins = factories.person(), factories.person(), factories.person()
    c = factories.committee()
    first = factories.order(c, [(stays, "chair"), leaves], effective_on=D)
    factories.order(c, [(stays, "chair"), joins], effective_on=date(2026, 6, 1), replaces=first)

    assert set(_ids(services.composition_on(c, date(2026, 5, 31)))) == {stays.id, leaves.id}
    assert set(_ids(services.composition_on(c, date(2026, 6, 1)))) == {stays.id, joins.id}


def test_an_order_replaced_in_the_future_stays_in_force_until_then(app):
    person = factories.person()
    c = factories.committee()
    first = factories.order(c, [(person, "chair")], effective_on=D)
    factories.order(c, [(factories.person(), "chair")], effective_on=date(2026, 12, 1), replaces=first)

    assert _ids(services.composition_on(c, date(2026, 11, 30))) == [person.id]
    assert person.id not in _ids(services.composition_on(c, date(2026, 12, 1)))


def test_an_order_with_no_end_date_is_in_force_during_any_later_period(app):
    from ethics_hr.committees import evidence

    c = factories.committee()
    open_ended = factories.order(c, [(factories.person(), "chair")], effective_on=D)
    ended = factories.order(
        factories.committee(), [(factories.person(), "chair")], effective_on=D, ends_on=date(2026, 3, 31)
    )

    # A fiscal year years ahead: the order with no end date carries into it, the ended one does not.
    assert evidence.orders_in_force_during(date(2029, 10, 1), date(2030, 9, 30)) == [open_ended]
    # A period the ended order reaches into for a day counts it; one before both orders counts neither.
    assert evidence.orders_in_force_during(date(2026, 3, 31), date(2026, 9, 30)) == [open_ended, ended]
    assert evidence.orders_in_force_during(date(2025, 10, 1), date(2026, 1, 4)) == []


def test_a_members_own_term_overrides_the_orders_dates(app):
    late, early = factories.person(), factories.person()
    c = factories.committee()
    factories.order(
        c,
        [(late, "member", date(2026, 2, 1), None), (early, "member", None, date(2026, 1, 31))],
        effective_on=D,
        ends_on=date(2026, 12, 31),
    )

    assert _ids(services.composition_on(c, D)) == [early.id]
    assert _ids(services.composition_on(c, date(2026, 2, 1))) == [late.id]


def test_dissolution_ends_every_membership_on_that_date_and_keeps_the_history(app):
    person = factories.person()
    c = factories.committee()
    factories.order(c, [(person, "chair")], effective_on=D)

    services.dissolve_committee(c, on=date(2026, 7, 1), note="คำสั่งที่ 300/2569")

    assert _ids(services.composition_on(c, date(2026, 6, 30))) == [person.id]
    assert services.composition_on(c, date(2026, 7, 1)) == []
    assert len(services.committee_history(c)) == 1
    assert services.committee_history(c)[0].members[0].person_id == person.id


def test_dissolving_twice_or_before_the_first_order_is_refused(app):
    c = factories.committee()
    factories.order(c, [factories.person()], effective_on=D)
    with pytest.raises(RuleViolation) as early:
        services.dissolve_committee(c, on=D)
    assert early.value.field == "dissolved_on"
    services.dissolve_committee(c, on=date(2026, 7, 1))
    with pytest.raises(RuleViolation):
        services.dissolve_committee(c, on=date(2026, 8, 1))


def test_reinstating_a_committee_brings_its_members_back(app):
    person = factories.person()
    c = factories.committee()
    factories.order(c, [(person, "chair")], effective_on=D)
    services.dissolve_committee(c, on=date(2026, 7, 1))

    services.reinstate_committee(c)

    assert _ids(services.composition_on(c, date(2026, 8, 1))) == [person.id]


def test_composition_lists_the_chair_first_then_as_the_order_lists_them(app):
    a, b, chair, secretary = (factories.person() for _ in range(4))
    c = factories.committee()
    factories.order(
        c, [(secretary, "secretary"), (a, "member"), (chair, "chair"), (b, "member")], effective_on=D
    )

    assert _ids(services.composition_on(c, D)) == [chair.id, a.id, b.id, secretary.id]


def test_outside_members_are_part_of_the_composition(app):
    c = factories.committee()
    factories.order(
        c, [(factories.person(), "chair"), factories.outsider("ดร.สุวิทย์ ทองประเสริฐ")], effective_on=D
    )

    names = [m.display_name("th") for m in services.composition_on(c, D)]

    assert "ดร.สุวิทย์ ทองประเสริฐ" in names


# ---------------------------------------------------------------- rights


@pytest.mark.parametrize(
    ("kind", "member"),
    [
        (CommitteeKind.ETHICS_COMMITTEE.value, True),
        (CommitteeKind.ADVISORY_TEAM.value, True),
        (CommitteeKind.CODE_DRAFTING.value, False),
        (CommitteeKind.OTHER.value, False),
    ],
)
def test_only_ethics_committees_and_advisory_teams_make_a_committee_member(app, kind, member):
    user = factories.user()
    factories.order(factories.committee(kind=kind), [(user.person, "member")], effective_on=D)

    assert services.is_committee_member(user, on=D) is member


def test_a_deactivated_person_has_no_committee_rights(app):
    user = factories.user()
    factories.order(factories.committee(), [(user.person, "chair")], effective_on=D)
    user.person.active = False
    db.session.commit()

    assert services.is_committee_member(user, on=D) is False


def test_an_anonymous_visitor_is_no_committee_member(app):
    from flask_login import AnonymousUserMixin

    assert services.is_committee_member(AnonymousUserMixin()) is False
    assert services.is_committee_member(None) is False


def test_active_committee_ids_for_lists_every_committee_a_person_sits_on(app):
    person = factories.person()
    ethics, drafting, old = (
        factories.committee(),
        factories.committee(kind="code_drafting"),
        factories.committee(),
    )
    factories.order(ethics, [person], effective_on=D)
    factories.order(drafting, [person], effective_on=D)
    factories.order(old, [person], effective_on=date(2025, 1, 6), ends_on=date(2025, 12, 31))

    assert services.active_committee_ids_for(person.id, D) == sorted([ethics.id, drafting.id])
    assert services.active_committee_ids_for(person.id, D, kinds=("ethics_committee",)) == [ethics.id]
    assert services.active_committee_ids_for(person.id, date(2025, 6, 1)) == [old.id]


def _at(utc: datetime):
    return time_machine.travel(utc, tick=False)


def test_rights_start_at_local_midnight_of_the_effective_date_not_utc_midnight(app):
    user = factories.user()
    factories.order(factories.committee(), [(user.person, "chair")], effective_on=date(2026, 1, 5))

    # 4 January 23:59:59 in Bangkok is 16:59:59 UTC; 00:00 on 5 January is 17:00 UTC on the 4th.
    with _at(datetime(2026, 1, 4, 16, 59, 59, tzinfo=UTC)):
        assert services.is_committee_member(user) is False
    with _at(datetime(2026, 1, 4, 17, 0, 0, tzinfo=UTC)):
        assert services.is_committee_member(user) is True


def test_rights_end_the_day_after_the_end_date_in_bangkok(app):
    user = factories.user()
    factories.order(
        factories.committee(), [(user.person, "chair")], effective_on=D, ends_on=date(2026, 3, 31)
    )

    with _at(datetime(2026, 3, 31, 16, 59, 59, tzinfo=UTC)):  # 23:59:59 on 31 March in Bangkok
        assert services.is_committee_member(user) is True
    with _at(datetime(2026, 3, 31, 17, 0, 0, tzinfo=UTC)):  # 1 April in Bangkok, still 31 March in UTC
        assert services.is_committee_member(user) is False


def test_rights_end_on_the_effective_date_of_the_replacing_order(app):
    user = factories.user()
    c = factories.committee()
    first = factories.order(c, [(user.person, "member"), (factories.person(), "chair")], effective_on=D)
    factories.order(c, [(factories.person(), "chair")], effective_on=date(2026, 6, 1), replaces=first)

    with _at(datetime(2026, 5, 31, 16, 59, 59, tzinfo=UTC)):
        assert services.is_committee_member(user) is True
    with _at(datetime(2026, 5, 31, 17, 0, 0, tzinfo=UTC)):
        assert services.is_committee_member(user) is False


def test_rights_follow_the_organisations_time_zone_setting(app):
    from ethics_hr.core.settings import forget_cached_settings, get_settings

    user = factories.user()
    factories.order(factories.committee(), [(user.person, "chair")], effective_on=date(2026, 1, 5))
    get_settings().timezone = "UTC"
    db.session.commit()
    forget_cached_settings()

    with _at(datetime(2026, 1, 4, 17, 0, 0, tzinfo=UTC)):
        assert services.is_committee_member(user) is False


# ---------------------------------------------------------------- lists


def test_summaries_count_members_name_chairs_and_latest_orders(app):
    chair = factories.person()
    c, empty = factories.committee(), factories.committee()
    factories.order(c, [factories.person()], effective_on=date(2025, 1, 6), ends_on=date(2025, 12, 31))
    latest = factories.order(c, [(chair, "chair"), factories.person(), factories.outsider()], effective_on=D)

    result = services.summaries([c.id, empty.id], D)

    assert result[c.id].members == 3
    assert [m.person_id for m in result[c.id].chairs] == [chair.id]
    assert result[c.id].latest_order.id == latest.id
    assert result[empty.id].members == 0
    assert result[empty.id].latest_order is None


def test_committees_query_filters_active_and_dissolved(app):
    active, gone = factories.committee(), factories.committee(dissolved_on=date(2026, 1, 1))

    assert [c.id for c in db.session.scalars(services.committees_query("active"))] == [active.id]
    assert [c.id for c in db.session.scalars(services.committees_query("dissolved"))] == [gone.id]
    assert [c.id for c in db.session.scalars(services.committees_query("all"))] == [active.id, gone.id]


def _ending(today: date) -> list[int]:
    return [m.person_id for m in db.session.scalars(services.terms_ending_query(today))]


def test_terms_ending_within_60_days_include_the_60th_day_and_not_the_61st(app):
    today = date(2026, 11, 25)
    on_60, on_61, open_ended = factories.person(), factories.person(), factories.person()
    c = factories.committee()
    factories.order(
        c,
        [
            (on_60, "chair", None, today + timedelta(days=60)),
            (on_61, "member", None, today + timedelta(days=61)),
            open_ended,
        ],
        effective_on=date(2026, 1, 5),
    )

    assert _ending(today) == [on_60.id]
    assert services.terms_ending_count(today) == 1


def test_terms_ending_leave_out_orders_already_replaced_and_dissolved_committees(app):
    today = date(2026, 11, 25)
    c, dissolved = factories.committee(), factories.committee()
    first = factories.order(
        c, [factories.person()], effective_on=date(2026, 1, 5), ends_on=date(2026, 12, 31)
    )
    factories.order(c, [factories.person()], effective_on=date(2027, 1, 1), replaces=first)
    factories.order(
        dissolved, [factories.person()], effective_on=date(2026, 1, 5), ends_on=date(2026, 12, 31)
    )
    dissolved.dissolved_on = date(2026, 12, 15)
    db.session.commit()

    assert _ending(today) == []


def test_terms_ending_leave_out_terms_already_over(app):
    c = factories.committee()
    factories.order(c, [factories.person()], effective_on=date(2026, 1, 5), ends_on=date(2026, 11, 24))

    assert _ending(date(2026, 11, 25)) == []


def test_memberships_of_lists_a_persons_committees_today(app):
    person = factories.person()
    c = factories.committee()
    factories.order(c, [(person, "secretary")], effective_on=D)

    memberships = services.memberships_of(person.id, D)

    assert [(m.order.committee_id, m.role) for m in memberships] == [(c.id, "secretary")]


def test_suggest_people_matches_employee_numbers_and_names_of_active_people(app):
    somchai = factories.person(employee_number="EMP7001", first_name_th="สมชาย")
    factories.person(employee_number="EMP7002", first_name_th="สมชาย", active=False)

    assert services.suggest_people("emp700") == [somchai]
    assert services.suggest_people("สมช") == [somchai]
    assert services.suggest_people("  ") == []
    assert services.person_label(somchai).startswith("EMP7001 · ")


def test_save_committee_keeps_active_names_unique(app):
    factories.committee(name_th="คณะกรรมการจริยธรรม")
    with pytest.raises(RuleViolation) as error:
        services.save_committee(None, name_th="  คณะกรรมการจริยธรรม ", name_en="", kind="other", mandate="")
    assert error.value.field == "name_th"


def test_save_committee_refuses_an_unknown_kind(app):
    with pytest.raises(RuleViolation) as error:
        services.save_committee(None, name_th="คณะใหม่", name_en="", kind="club", mandate="")
    assert error.value.field == "kind"


def test_the_demo_committee_member_sits_on_the_ethics_committee_on_the_demo_day(app):
    from ethics_hr.demo.loader import load_demo
    from ethics_hr.people.models import Person

    load_demo()
    member = db.session.scalar(db.select(Person).where(Person.employee_number == "EMP0003")).account

    assert services.is_committee_member(member, on=date(2026, 11, 25))
    assert len(services.active_committee_ids_for(member.person_id, date(2026, 11, 25))) == 2
    assert services.terms_ending_count(date(2026, 11, 25)) == 1


def test_only_ethics_committees_and_advisory_teams_give_committee_rights():
    assert services.gives_committee_rights(CommitteeKind.ETHICS_COMMITTEE)
    assert services.gives_committee_rights(CommitteeKind.ADVISORY_TEAM)
    assert not services.gives_committee_rights(CommitteeKind.CODE_DRAFTING)
    assert not services.gives_committee_rights(CommitteeKind.OTHER)
