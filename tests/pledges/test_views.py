"""The pledge's pages: signing with the receipt, bad input kept next to its field, who may see what, the home
card, the public page (counts, never names) and a compliance page whose statements do not grow."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
import time_machine

from ethics_hr.extensions import db
from ethics_hr.pledges import services
from ethics_hr.pledges.models import Pledge, PledgeSignature
from tests import factories
from tests.pledges.helpers import FY, NOW, open_pledge


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def _draft_form(**kw) -> dict:
    return {
        "title_th": "ปฏิญญาคุณธรรม ประจำปีงบประมาณ พ.ศ. 2570",
        "title_en": "",
        "body_th": "ข้าพเจ้าจะซื่อสัตย์สุจริต",
        "body_en": "",
        "opens_on": "2026-11-01",
        "closes_on": "2026-11-30",
        "category_ids": [str(i) for i in factories.categories("local_official")],
    } | kw


def test_an_employee_signs_from_the_home_card_and_keeps_the_receipt(app, client, login_as, in_english):
    pledge = open_pledge()
    user = login_as(factories.user())
    home = client.get("/home").get_data(as_text=True)
    assert 'data-testid="pledge-to-sign"' in home and f"/pledges/{pledge.id}/sign" in home
    page = client.get(f"/pledges/{pledge.id}/sign").get_data(as_text=True)
    assert "ไม่รับสินบน" in page and "I have read this integrity pledge" in page
    response = client.post(
        f"/pledges/{pledge.id}/sign",
        data={"agree": "y", "password": factories.PASSWORD},
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert "Your signature has been recorded" in page and pledge.content_sha256 in page
    row = db.session.scalar(sa.select(PledgeSignature))
    assert row.person_id == user.person_id
    assert 'data-testid="pledge-to-sign"' not in client.get("/home").get_data(as_text=True)
    text = client.post(f"/pledges/signatures/{row.id}/file").get_data(as_text=True)
    assert pledge.content_sha256 in text and "\r\n" in text
    again = client.post(
        f"/pledges/{pledge.id}/sign",
        data={"agree": "y", "password": factories.PASSWORD},
        follow_redirects=True,
    )
    assert "You have already signed this pledge." in again.get_data(as_text=True)
    assert _count(PledgeSignature) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"password": "correct horse battery"}, "Tick the statement to sign the pledge."),
        ({"agree": "y", "password": "not the password"}, "The password is not correct."),
    ],
)
def test_a_bad_signature_is_shown_next_to_its_field(app, client, login_as, in_english, data, message):
    pledge = open_pledge()
    login_as(factories.user())
    page = client.post(f"/pledges/{pledge.id}/sign", data=data).get_data(as_text=True)
    assert message in page and "is-invalid" in page
    assert _count(PledgeSignature) == 0


def test_signing_outside_the_audience_says_why_and_writes_nothing(app, client, login_as, in_english):
    pledge = open_pledge()
    login_as(factories.user(category_code="teacher"))
    assert client.get(f"/pledges/{pledge.id}/sign").status_code == 404  # not theirs to read
    officer = login_as(factories.officer(category_code="teacher"))
    page = client.post(
        f"/pledges/{pledge.id}/sign", data={"agree": "y", "password": factories.PASSWORD}
    ).get_data(as_text=True)
    assert "not for your staff category" in page and officer
    assert _count(PledgeSignature) == 0


def test_signing_after_the_window_says_when_it_closed(app, client, login_as, in_english):
    pledge = open_pledge()
    login_as(factories.user())
    with time_machine.travel("2026-12-01 03:00 +0000", tick=False):
        page = client.post(
            f"/pledges/{pledge.id}/sign", data={"agree": "y", "password": factories.PASSWORD}
        ).get_data(as_text=True)
    assert "Signing this pledge closed on 30 November 2026." in page
    assert _count(PledgeSignature) == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title_th", "", "This field is required."),
        ("opens_on", "not a date", "Not a valid date value."),
        ("opens_on", "", "Enter a date."),
        ("closes_on", "2026-10-15", "Signing cannot close before it opens."),
        ("closes_on", "2027-12-01", "Choose a day in the fiscal year"),
        ("category_ids", [], "Choose at least one staff category."),
    ],
)
def test_a_bad_draft_keeps_the_input_and_writes_nothing(
    app, client, login_as, in_english, field, value, message
):
    login_as(factories.officer())
    data = _draft_form(**{field: value}, body_th="ข้อความที่พิมพ์ไว้")
    page = client.post(f"/pledges/new?fy={FY}", data=data).get_data(as_text=True)
    assert message in page and "ข้อความที่พิมพ์ไว้" in page
    assert _count(Pledge) == 0


def test_the_officer_drafts_opens_and_closes_a_pledge(app, client, login_as, in_english):
    login_as(factories.officer())
    response = client.post(f"/pledges/new?fy={FY}", data=_draft_form(), follow_redirects=True)
    assert "The draft has been saved." in response.get_data(as_text=True)
    pledge = db.session.scalar(sa.select(Pledge))
    assert client.post(f"/pledges/{pledge.id}/open", follow_redirects=True).status_code == 200
    db.session.refresh(pledge)
    assert pledge.status == "open" and pledge.content_sha256
    edit = client.get(f"/pledges/{pledge.id}/edit", follow_redirects=True).get_data(as_text=True)
    assert "its text can no longer change" in edit
    page = client.post(f"/pledges/{pledge.id}", data={"closes_on": "2026-11-01"}).get_data(as_text=True)
    assert "Choose a day from today to the end of the fiscal year" in page
    client.post(f"/pledges/{pledge.id}/close")
    db.session.refresh(pledge)
    assert pledge.status == "closed"


def test_the_officer_records_a_paper_form_and_bad_input_is_kept(app, client, login_as, in_english):
    pledge = open_pledge()
    person = factories.person()
    login_as(factories.officer())
    url = f"/pledges/{pledge.id}/on-behalf/{person.id}"
    page = client.post(url, data={"signed_on": "2026-11-25", "note": "ประชุมกองช่าง"}).get_data(as_text=True)
    assert "The date cannot be in the future." in page and "ประชุมกองช่าง" in page
    assert _count(PledgeSignature) == 0
    response = client.post(
        url, data={"signed_on": "2026-11-10", "note": "ประชุมกองช่าง"}, follow_redirects=True
    )
    assert "has been recorded" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(PledgeSignature.method)) == "on_behalf"


def test_who_may_see_what(app, client, login_as):
    officer = factories.officer()
    pledge = open_pledge(by=officer)
    draft = services.create_pledge(
        FY + 1,
        services.PledgeInput(
            title_th="ร่าง",
            body_th="ร่าง",
            opens_on=date(2027, 10, 1),
            closes_on=date(2027, 10, 31),
            category_ids=factories.categories("local_official"),
        ),
        by=officer,
    )
    mine = services.record_on_behalf(
        pledge, officer.person, by=officer, note="กระดาษ", signed_on=date(2026, 11, 2)
    )
    login_as(factories.user())
    for url in (
        "/pledges/manage",
        f"/pledges/new?fy={FY}",
        f"/pledges/{pledge.id}/compliance",
        f"/pledges/{draft.id}/edit",
        f"/pledges/{pledge.id}/on-behalf/{officer.person_id}",
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(f"/pledges/{pledge.id}/close").status_code == 403
    assert client.post(f"/pledges/{pledge.id}", data={"closes_on": "2026-12-01"}).status_code == 403
    assert client.get(f"/pledges/{draft.id}").status_code == 404
    assert client.get(f"/pledges/signatures/{mine.id}").status_code == 404  # someone else's
    assert client.get(f"/pledges/{pledge.id}").status_code == 200


def test_the_public_page_shows_the_text_and_counts_never_names(app, client, in_english):
    officer = factories.officer()
    pledge = open_pledge(by=officer)
    signer = factories.user(first_name_en="Somchai", first_name_th="สมชาย")
    services.sign(pledge, signer, agreed=True, password=factories.PASSWORD, address="192.0.2.1")
    page = client.get(f"/public/pledge/{FY}").get_data(as_text=True)
    assert "ไม่รับสินบน" in page or "I will uphold honesty." in page
    assert (
        "Signed by 1 of the 2 people asked to sign (50.0%)." in page
        and "Opened for signing on 20 November 2026" in page
    )
    assert "Somchai" not in page and "สมชาย" not in page
    assert 'data-testid="no-pledge"' in client.get(f"/public/pledge/{FY - 1}").get_data(as_text=True)
    assert client.get("/public/pledge/99999").status_code == 404


def test_the_compliance_page_costs_the_same_statements_for_more_people(
    app, client, login_as, count_statements
):
    officer = factories.officer()
    pledge = open_pledge(by=officer)
    login_as(officer)
    dept = factories.department()
    for _ in range(3):
        factories.user(dept=dept)
    url = f"/pledges/{pledge.id}/compliance?status=all"
    client.get(url)
    few = count_statements.page(client, url)
    for _ in range(12):
        services.sign(
            pledge,
            factories.user(dept=factories.department()),
            agreed=True,
            password=factories.PASSWORD,
            address="192.0.2.1",
        )
    assert count_statements.page(client, url) == few


def test_the_officer_is_offered_this_years_pledge_then_next_years(app, client, login_as):
    officer = login_as(factories.officer())
    assert f"/pledges/new?fy={FY}" in client.get("/pledges/manage").get_data(as_text=True)
    open_pledge(by=officer)
    assert f"/pledges/new?fy={FY + 1}" in client.get("/pledges/manage").get_data(as_text=True)
