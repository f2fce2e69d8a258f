"""The ITA catalogue as data: shipped per year, loaded once, edited by the administrator, checked whole."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ethics_hr.core.errors import RuleViolation
from ethics_hr.extensions import db
from ethics_hr.reference import ensure_all_reference_data
from ethics_hr.reports import ita
from ethics_hr.reports.models import ItaItem
from tests import factories


def test_the_2568_catalogue_is_shipped_and_loaded_in_thai_and_english(app):
    items = {i.key: i for i in ita.items_of(2568)}
    assert {"O14", "O15", "O16", "O16.1", "O16.2", "O16.3"} <= set(items)
    for item in items.values():
        assert item.title_th and item.title_en
        assert item.page in ita.PAGES
    assert items["O15"].fiscal_year_offset == -1
    assert items["O16.3"].parent_key == "O16"
    assert items["O14"].title_th == "แผนการบริหารและพัฒนาทรัพยากรบุคคล"


def test_reference_data_never_overwrites_the_administrators_edits(app):
    text = ita.as_json(2568).replace("แผนการบริหารและพัฒนาทรัพยากรบุคคล", "แผนฯ (แก้ไข)", 1)
    ita.save_catalogue(2568, text)
    ensure_all_reference_data()
    db.session.commit()
    assert ita.items_of(2568)[0].title_th == "แผนฯ (แก้ไข)"


def test_as_json_round_trips(app):
    before = ita.as_json(2568)
    ita.save_catalogue(2568, before)
    assert ita.as_json(2568) == before


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("{not json", "JSON"),
        ("[]", "items"),
        ('[{"key": "O1", "title_th": "ก", "page": "nowhere"}]', "page"),
        (
            '[{"key": "O1", "title_th": "ก", "page": "codes"}, '
            '{"key": "O1", "title_th": "ข", "page": "faq"}]',
            "O1",
        ),
        ('[{"key": "O1", "title_th": "ก", "page": "codes", "parent": "O9"}]', "O9"),
        ('[{"key": "O1", "title_th": "", "page": "codes"}]', "title_th"),
        ('[{"key": "O1", "title_th": "ก", "page": "codes", "check": "magic"}]', "check"),
        (
            '[{"key": "O1", "title_th": "ก", "page": "codes", "fiscal_year_offset": "soon"}]',
            "fiscal_year_offset",
        ),
        ('[{"key": "O1", "title_th": "ก", "page": "codes", "colour": "red"}]', "colour"),
        ('[{"key": "", "title_th": "ก", "page": "codes"}]', "O14"),
    ],
)
def test_a_bad_catalogue_is_refused_whole_with_the_reason(app, text, fragment):
    before = ita.as_json(2568)
    with pytest.raises(RuleViolation) as error:
        ita.save_catalogue(2568, text)
    assert error.value.field == "catalogue"
    assert fragment in error.value.message
    db.session.rollback()
    assert ita.as_json(2568) == before


def test_a_new_year_starts_as_a_copy_of_another(app):
    ita.copy_catalogue(2571, 2568)
    assert [i.key for i in ita.items_of(2571)] == [i.key for i in ita.items_of(2568)]
    # A copy is a guess until someone checks it against the new year's manual, and says so.
    assert all(i.reconstructed for i in ita.items_of(2571))
    assert "2568" in ita.catalogue_of(2571).source_en
    with pytest.raises(RuleViolation):
        ita.copy_catalogue(2571, 2568)
    with pytest.raises(RuleViolation):
        ita.copy_catalogue(2573, 2572)


def test_links_name_the_public_page_of_the_right_fiscal_year_and_say_what_is_missing(app):
    with app.test_request_context("/", base_url="https://ethics.example.go.th"):
        links = {link.item.key: link for link in ita.evidence_links(2568, "en")}
    assert links["O14"].url == "https://ethics.example.go.th/public/plan/2568"
    assert links["O15"].url == "https://ethics.example.go.th/public/plan/2567#results"
    assert links["O16.2"].url == "https://ethics.example.go.th/public/codes#dos-donts"
    assert links["O16.3"].url == "https://ethics.example.go.th/public/training/2568"
    assert links["O16.3"].completeness.complete is False
    assert "No ethics training held yet in FY 2025 (B.E. 2568)" in links["O16.3"].completeness.message
    assert "2567" in links["O15"].description("en")


def test_links_page_lists_every_item_for_officers(client, login_as):
    login_as(factories.officer())
    response = client.get("/reports/ita/2568")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for key in ("O14", "O15", "O16", "O16.1", "O16.2", "O16.3"):
        assert f'data-item="{key}"' in html
    assert "/public/training/2568" in html
    assert client.get("/reports/ita/2999").status_code == 404


def test_ita_page_without_a_year_opens_the_latest(client, login_as):
    login_as(factories.officer())
    response = client.get("/reports/ita")
    assert response.status_code == 302 and response.location.endswith("/reports/ita/2569")


def test_administrator_saves_a_valid_catalogue(client, login_as):
    login_as(factories.admin())
    data = json.loads(ita.as_json(2568))
    data["items"][0]["title_en"] = "HR plan (edited)"
    response = client.post("/reports/ita/catalogue/2568", data={"catalogue": json.dumps(data)})
    assert response.status_code == 302
    edited = db.select(ItaItem.title_en).where(ItaItem.assessment_year == 2568, ItaItem.key == "O14")
    assert db.session.scalar(edited) == "HR plan (edited)"


def test_a_bad_catalogue_form_shows_the_error_next_to_the_field_and_keeps_the_text(client, login_as):
    login_as(factories.admin())
    bad = '[{"key": "O1", "title_th": "ก", "page": "nowhere"}]'
    response = client.post("/reports/ita/catalogue/2568", data={"catalogue": bad})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'data-field="catalogue"' in html
    assert "nowhere" in html
    assert db.session.scalar(db.select(db.func.count()).select_from(ItaItem).where(ItaItem.key == "O1")) == 0


def test_copying_a_year_through_the_form(client, login_as):
    login_as(factories.admin())
    response = client.post("/reports/ita/catalogue", data={"year": "2571", "source_year": "2568"})
    assert response.status_code == 302
    assert ita.items_of(2571)
    response = client.post("/reports/ita/catalogue", data={"year": "25", "source_year": "2568"})
    assert response.status_code == 200 and "2560" in response.get_data(as_text=True)


def test_the_catalogue_is_for_administrators_only(client, login_as):
    login_as(factories.officer())
    assert client.get("/reports/ita/catalogue").status_code == 403
    assert client.get("/reports/ita/catalogue/2568").status_code == 403


def test_a_year_without_a_catalogue_says_which_years_exist_and_who_starts_it(client, login_as):
    login_as(factories.officer(locale="en"))
    response = client.get("/reports/ita/2565")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "The catalogue has no ITA items for assessment year 2565 yet." in html
    assert 'href="/reports/ita/2568"' in html
    assert "Ask an administrator to start the list of 2565" in html
    assert "<form" not in html.split('data-testid="ita-year-missing"')[1]


def test_an_administrator_starts_a_missing_year_from_its_page(client, login_as):
    login_as(factories.admin(locale="en"))
    html = client.get("/reports/ita/2565").get_data(as_text=True)
    assert 'action="/reports/ita/catalogue"' in html and 'type="hidden" value="2565"' in html
    response = client.post("/reports/ita/catalogue", data={"year": "2565", "source_year": "2568"})
    assert response.status_code == 302
    assert [i.key for i in ita.items_of(2565)] == [i.key for i in ita.items_of(2568)]
    assert 'data-item="O16.1"' in client.get("/reports/ita/2565").get_data(as_text=True)


def test_an_order_with_no_end_date_counts_for_a_year_still_to_come(app):
    import time_machine

    from ethics_hr.committees.models import CommitteeKind

    # The first year is lived in FY 2566; the shipped catalogue asks about FY 2568, not begun yet.
    with time_machine.travel("2023-09-01 10:00 +0700", tick=False):
        factories.committee_with_order(kind=CommitteeKind.ETHICS_COMMITTEE, signed_on=date(2023, 1, 10))
        with app.test_request_context("/"):
            links = {link.item.key: link for link in ita.evidence_links(2568, "en")}
    assert links["O16.1"].completeness.complete is True


def test_an_order_that_ended_before_a_year_does_not_count_for_it(app):
    import time_machine

    with time_machine.travel("2023-09-01 10:00 +0700", tick=False):
        factories.committee_with_order(signed_on=date(2023, 1, 10), ends_on=date(2023, 9, 30))
        with app.test_request_context("/"):
            links = {link.item.key: link for link in ita.evidence_links(2568, "en")}
    assert links["O16.1"].completeness.complete is False
