"""The ITA of every year: the shipped lists of 2566–2569, side by side with last year, and the year roll."""

from __future__ import annotations

import json
from datetime import date

import pytest
import time_machine

from ethics_hr.core.errors import RuleViolation
from ethics_hr.extensions import db
from ethics_hr.gifts.services import record_gift, save_announcement
from ethics_hr.reports import ita
from ethics_hr.reports.models import ItaItem
from tests import factories
from tests.gifts.helpers import gift_input


def test_every_shipped_year_is_loaded_and_says_where_it_comes_from(app):
    assert {2566, 2567, 2568, 2569} <= set(ita.shipped_years())
    for year in (2566, 2567, 2568, 2569):
        items = ita.items_of(year)
        assert items, year
        source = ita.catalogue_of(year)
        assert source.source_th and source.source_en
        assert "Certainty" in source.source_en
        for item in items:
            assert item.topic_list, (year, item.key)
            assert set(item.topic_list) <= set(ita.TOPICS), (year, item.key)
            assert item.page in ita.PAGES
    # The 2568 list is the manual's; the others are rebuilt from agencies' pages, and say so on each item.
    assert not any(i.reconstructed for i in ita.items_of(2568))
    for year in (2566, 2567, 2569):
        assert all(i.reconstructed for i in ita.items_of(year))
        assert "Reconstructed" in ita.catalogue_of(year).source_en


def test_2569_merges_the_hr_plan_and_criteria_and_numbers_the_ethics_drive_o15(app):
    items = {i.key: i for i in ita.items_of(2569)}
    assert {"O13", "O14", "O15", "O15.3", "O20", "O20.1", "O20.2"} <= set(items)
    assert {"hr_plan", "hr_criteria"} <= set(items["O13"].topic_list)
    assert items["O14"].fiscal_year_offset == -1
    assert items["O15.3"].topic_list == ["integrity_pledge"] and items["O15.3"].parent_key == "O15"
    assert items["O20.2"].fiscal_year_offset == -1 and items["O20.2"].check == "no_gift_report"


def _changes(year: int) -> dict[str, tuple[str, list[str]]]:
    comparison = ita.compare(year, "en")
    return {link.item.key: (link.change, [b.item.key for b in link.earlier]) for link in comparison.links}


def test_each_year_is_shown_beside_the_last_by_topic(app):
    with app.test_request_context("/"):
        y2569 = _changes(2569)
        y2568 = _changes(2568)
        first = ita.compare(2566, "en")
    assert y2569["O13"] == (ita.RENUMBERED, ["O14"])
    assert y2569["O14"] == (ita.RENUMBERED, ["O15"])
    assert y2569["O15.2"] == (ita.RENUMBERED, ["O16.1"])
    assert y2569["O15.3"] == (ita.NEW, [])
    assert y2569["O20"][0] == ita.NEW
    # 2568's plan item took the place of 2567's policy and its actions: two items merged, shown together.
    assert y2568["O14"] == (ita.MERGED, ["O23", "O24"])
    assert y2568["O16.1"][0] == ita.NEW
    # The first year has nothing before it.
    assert first.previous is None and all(link.change == "" for link in first.links)


def test_items_last_year_had_and_this_year_does_not_are_listed(app):
    with app.test_request_context("/"):
        comparison = ita.compare(2568, "en")
    # 2567's criteria, No Gift items: 2568's list (as this system keeps it) has none of them.
    assert {b.item.key for b in comparison.dropped} == {"O25", "O32", "O33", "O34"}


def test_the_year_roll_carries_every_item_and_lists_what_has_no_evidence_yet(app):
    with app.test_request_context("/"):
        year = ita.roll_forward(2569)
        assert year == 2570
        assert [i.key for i in ita.items_of(2570)] == [i.key for i in ita.items_of(2569)]
        assert [i.topic_list for i in ita.items_of(2570)] == [i.topic_list for i in ita.items_of(2569)]
        assert all(i.reconstructed for i in ita.items_of(2570))
        comparison = ita.compare(2570, "en")
    assert comparison.previous == 2569
    assert {link.change for link in comparison.links} == {ita.SAME}
    # An empty organisation has no evidence at all: every checked item is listed as missing.
    assert {link.item.key for link in comparison.missing} >= {"O13", "O15", "O20.1"}
    # Only the nil gift report of FY 2569, a year that is over, is complete without data.
    assert [
        link.item.key for link in comparison.links if link.completeness and link.completeness.complete
    ] == ["O20.2"]
    assert comparison.complete == 1
    with pytest.raises(RuleViolation):
        ita.roll_forward(2569)  # 2570 exists now
    with pytest.raises(RuleViolation):
        ita.roll_forward(2580)  # nothing to roll from


def test_the_roll_uses_the_next_years_shipped_list_when_the_package_has_one(app):
    for row in ita.items_of(2569):
        db.session.delete(row)
    db.session.commit()
    ita.roll_forward(2568)
    assert [i.key for i in ita.items_of(2569)] == [i["key"] for i in ita.read_shipped(2569)]
    assert ita.catalogue_of(2569).source_en == ita.shipped_source(2569)[1]


def test_an_administrator_rolls_the_year_from_the_links_page(client, login_as):
    login_as(factories.admin(locale="en"))
    html = client.get("/reports/ita/2569").get_data(as_text=True)
    assert 'data-testid="ita-roll"' in html and "Start 2570 from 2569" in html
    assert 'data-change="renumbered"' in html and "In 2568" in html
    assert 'data-testid="ita-missing"' in html
    response = client.post("/reports/ita/2569/roll")
    assert response.status_code == 302 and response.location.endswith("/reports/ita/2570")
    html = client.get("/reports/ita/2570").get_data(as_text=True)
    assert "has been started from 2569" in html
    assert "Carried over from the catalogue of 2569" in html
    assert 'data-change="same"' in html and "Reconstructed" in html
    # Rolling an older year again explains itself, and writes nothing.
    count = db.session.scalar(db.select(db.func.count()).select_from(ItaItem))
    response = client.post("/reports/ita/2568/roll", follow_redirects=True)
    assert "This year has a catalogue already" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(ItaItem)) == count


def test_only_an_administrator_rolls_the_year(client, login_as):
    login_as(factories.officer(locale="en"))
    html = client.get("/reports/ita/2569").get_data(as_text=True)
    assert 'data-testid="ita-roll"' not in html
    assert client.post("/reports/ita/2569/roll").status_code == 403
    assert not ita.items_of(2570)


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"topics": "hr_plan"}, "topics"),
        ({"topics": ["HR Plan!"]}, "topics"),
        ({"topics": ["t"] * 9}, "topics"),
        ({"reconstructed": "yes"}, "reconstructed"),
    ],
)
def test_bad_topics_or_reconstructed_marks_are_refused_whole(app, change, fragment):
    data = json.loads(ita.as_json(2569))
    data["items"][0] |= change
    before = ita.as_json(2569)
    with pytest.raises(RuleViolation) as error:
        ita.save_catalogue(2569, json.dumps(data))
    assert fragment in error.value.message
    db.session.rollback()
    assert ita.as_json(2569) == before


def test_the_source_texts_are_edited_with_the_items(app):
    data = json.loads(ita.as_json(2569))
    data["source_en"] = "Checked against the ITA 2569 manual."
    data["items"][0]["reconstructed"] = False
    ita.save_catalogue(2569, json.dumps(data))
    assert ita.catalogue_of(2569).source_en == "Checked against the ITA 2569 manual."
    assert ita.items_of(2569)[0].reconstructed is False
    assert json.loads(ita.as_json(2569))["source_en"] == "Checked against the ITA 2569 manual."


def _no_gift(year: int, key: str):
    links = {link.item.key: link for link in ita.evidence_links(year, "en")}
    return links[key].completeness


def test_the_no_gift_items_check_the_announcement_and_the_previous_years_report(app):
    with time_machine.travel("2026-03-02 10:00 +0700", tick=False), app.test_request_context("/"):
        # FY 2569 runs; its announcement is missing, and FY 2568's report is a nil report.
        assert _no_gift(2569, "O20.1").complete is False
        report = _no_gift(2569, "O20.2")
        assert report.complete is True and "nil report" in report.message
        save_announcement(
            2569,
            title_th="ประกาศ No Gift",
            title_en="",
            body_th="ไม่รับ",
            body_en="",
            announced_on=date(2025, 10, 1),
        )
        assert _no_gift(2569, "O20.1").complete is True
        # A year still running has no yearly report yet.
        assert ita.CHECKS["no_gift_report"](2569, "FY 2569").complete is False
        person = factories.person()
        record_gift(person, gift_input(received_on=date(2025, 1, 10)), by=factories.officer())
        assert "1 gifts recorded" in _no_gift(2569, "O20.2").message


def test_the_pledge_item_counts_the_signatures_of_the_years_pledge(app):
    from ethics_hr.pledges import services as pledges
    from tests.pledges.helpers import NOW, open_pledge

    with time_machine.travel(NOW, tick=False), app.test_request_context("/"):
        ita.roll_forward(2569)
        link = {link.item.key: link for link in ita.evidence_links(2570, "en")}["O15.3"]
        assert link.completeness.complete is False and "No integrity pledge" in link.completeness.message
        assert link.url.endswith("/public/pledge/2570")
        user = factories.user()
        factories.user()  # a second official, who has not signed
        pledge = open_pledge(2570, by=factories.officer())  # the officer is an official too: three in all
        pledges.sign(pledge, user, agreed=True, password=factories.PASSWORD, address="192.0.2.1", locale="en")
        link = {link.item.key: link for link in ita.evidence_links(2570, "en")}["O15.3"]
    assert link.completeness.complete is True
    assert link.completeness.message == "1 of 3 people signed the integrity pledge."


def test_a_check_runs_once_per_fiscal_year_for_both_years_side_by_side(app, monkeypatch):
    asked: list[tuple[str, int]] = []
    for name, check in list(ita.CHECKS.items()):

        def counted(fy, fy_name, name=name, check=check):
            asked.append((name, fy))
            return check(fy, fy_name)

        monkeypatch.setitem(ita.CHECKS, name, counted)
    with app.test_request_context("/"):
        comparison = ita.compare(2569, "en")
    assert len(asked) == len(set(asked))
    wanted = {
        (link.item.check, link.fiscal_year)
        for link in [*comparison.links, *(b for link in comparison.links for b in link.earlier)]
        if link.item.check
    }
    assert wanted <= set(asked)
    # Each link still shows its own check's finding.
    assert all(link.completeness is not None for link in comparison.links if link.item.check in ita.CHECKS)
