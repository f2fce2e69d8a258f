"""The gift register's pages: bad input kept and shown next to its field, other people's gifts a 404."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
import time_machine

from ethics_hr.extensions import db
from ethics_hr.gifts import services
from ethics_hr.gifts.models import Gift, GiftAnnouncement, GiftDecision
from tests import factories
from tests.gifts.helpers import gift_input, occasion_id

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def _form(**kw) -> dict:
    return {
        "received_on": "2026-11-02",
        "giver_name": "Good Build Co., Ltd.",
        "giver_organisation": "",
        "description": "A fruit basket",
        "value_baht": "1500",
        "occasion_id": str(occasion_id()),
        "outcome": "pending",
        "note": "",
    } | kw


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count(model.id)))


def test_a_person_records_a_gift_and_sees_it(app, client, login_as, in_english, clock):
    user = login_as(factories.user())
    response = client.post("/gifts/new", data=_form(value_baht="4500"), follow_redirects=True)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "the head of the agency decides what becomes of them by 2 December 2026" in page
    gift = db.session.scalar(sa.select(Gift))
    assert gift.person_id == user.person_id and gift.recorded_by_id == user.id
    assert "A fruit basket" in client.get("/gifts/").get_data(as_text=True)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("value_baht", "-100", "Enter a value above 0 and below 100,000,000 baht."),
        ("value_baht", "abc", "Not a valid decimal value."),
        ("value_baht", "", "This field is required."),
        ("received_on", "2026-12-25", "The day received cannot be in the future."),
        ("received_on", "not a date", "Not a valid date value."),
        ("giver_name", "", "This field is required."),
        ("description", "", "This field is required."),
        ("occasion_id", "", "Choose the occasion."),
        ("outcome", "sold", "Choose what was done with the gift."),
    ],
)
def test_bad_input_is_shown_next_to_its_field_kept_and_nothing_written(
    app, client, login_as, in_english, clock, field, value, message
):
    login_as(factories.user())
    response = client.post("/gifts/new", data=_form(**{field: value, "note": "kept note <b>"}))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f'data-field="{field}">{message}</div>' in page
    assert "kept note &lt;b&gt;" in page
    assert _count(Gift) == 0


def test_bad_input_speaks_thai_to_a_thai_user(app, client, login_as, clock):
    login_as(factories.user(locale="th"))
    page = client.post("/gifts/new", data=_form(value_baht="-1")).get_data(as_text=True)
    assert 'data-field="value_baht">' in page and "Enter a value above 0" not in page
    assert _count(Gift) == 0


def test_another_persons_gift_is_a_404(app, client, login_as, clock):
    owner = factories.user()
    gift = services.record_gift(owner.person, gift_input(), by=owner)
    login_as(factories.user())
    assert client.get(f"/gifts/{gift.id}").status_code == 404
    assert client.get(f"/gifts/{gift.id}/edit").status_code == 404
    assert client.post(f"/gifts/{gift.id}/edit", data=_form(value_baht="1")).status_code == 404
    db.session.refresh(gift)
    assert gift.value_baht == 1500


def test_an_employee_cannot_open_the_register_or_decide(app, client, login_as, clock):
    owner = factories.user()
    gift = services.record_gift(owner.person, gift_input(value_baht="5000"), by=owner)
    login_as(owner)
    assert client.get("/gifts/register").status_code == 403
    assert client.post(f"/gifts/register/{gift.id}", data={"outcome": "kept"}).status_code == 403
    assert client.get("/gifts/export/2570.csv").status_code == 403
    assert client.get("/gifts/announcement").status_code == 403
    assert _count(GiftDecision) == 0


def test_a_person_edits_until_the_head_decides(app, client, login_as, in_english, clock):
    owner, head = factories.user(), factories.admin()
    gift = services.record_gift(owner.person, gift_input(value_baht="5000"), by=owner)
    login_as(owner)
    assert client.post(f"/gifts/{gift.id}/edit", data=_form(value_baht="5200")).status_code == 302
    services.decide(gift, "handed_over", "", by=head)
    response = client.post(f"/gifts/{gift.id}/edit", data=_form(value_baht="1"))
    assert "can no longer be changed" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Gift, gift.id).value_baht == 5200
    assert "Correct the record" not in client.get(f"/gifts/{gift.id}").get_data(as_text=True)
    assert client.get(f"/gifts/{gift.id}/edit").headers["Location"] == f"/gifts/{gift.id}"


def test_the_head_sees_what_is_due_and_records_a_decision(app, client, login_as, in_english, clock):
    owner = factories.user()
    gift = services.record_gift(
        owner.person, gift_input(value_baht="5000", received_on=date(2026, 10, 1)), by=owner
    )
    login_as(factories.admin())
    page = client.get("/gifts/register?fy=2570").get_data(as_text=True)
    assert "Overdue since 31 Oct 2026" in page
    response = client.post(f"/gifts/register/{gift.id}", data={"outcome": "", "note": "x"})
    assert 'data-field="outcome">Choose keep, return or hand to the organisation.</div>' in response.get_data(
        as_text=True
    )
    assert _count(GiftDecision) == 0
    response = client.post(f"/gifts/register/{gift.id}", data={"outcome": "returned", "note": "Sent back"})
    assert response.status_code == 302
    assert db.session.scalar(sa.select(GiftDecision.outcome)) == "returned"
    assert "Overdue since" not in client.get("/gifts/register?fy=2570&view=overdue").get_data(as_text=True)


def test_the_register_exports_csv_and_xlsx(app, client, login_as, in_english, clock):
    owner = factories.user()
    services.record_gift(owner.person, gift_input(description="=HYPERLINK(1)", value_baht="5000"), by=owner)
    login_as(factories.officer())
    csv = client.get("/gifts/export/2570.csv")
    assert csv.status_code == 200 and "'=HYPERLINK(1)" in csv.get_data().decode("utf-8-sig")
    xlsx = client.get("/gifts/export/2570.xlsx")
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"
    assert client.get("/gifts/export/2570.pdf").status_code == 404


def test_the_announcement_and_the_yearly_report_are_public(app, client, login_as, in_english, clock):
    nil = client.get("/public/gifts/2569").get_data(as_text=True)
    assert 'data-testid="nil-report"' in nil and 'data-testid="no-announcement"' in nil
    login_as(factories.officer())
    bad = client.post(
        "/gifts/announcement?fy=2570",
        data={"title_th": "", "body_th": "ข้อความ", "announced_on": "2026-10-01"},
    )
    assert 'data-field="title_th">This field is required.</div>' in bad.get_data(as_text=True)
    assert _count(GiftAnnouncement) == 0
    future = client.post(
        "/gifts/announcement?fy=2570",
        data={"title_th": "ประกาศ", "body_th": "ข้อความ", "announced_on": "2027-01-01"},
    )
    assert "cannot be in the future" in future.get_data(as_text=True)
    assert _count(GiftAnnouncement) == 0
    ok = client.post(
        "/gifts/announcement?fy=2570",
        data={
            "title_th": "ประกาศนโยบายไม่รับของขวัญ",
            "title_en": "No Gift Policy announcement",
            "body_th": "ข้อความ",
            "body_en": "We neither give nor accept gifts.",
            "announced_on": "2026-10-01",
        },
    )
    assert ok.status_code == 302
    owner = factories.user()
    services.record_gift(owner.person, gift_input(value_baht="500", outcome="returned"), by=owner)
    client.get("/auth/logout")
    page = client.get("/public/gifts/2570").get_data(as_text=True)
    assert "We neither give nor accept gifts." in page and 'data-testid="nil-report"' not in page
    assert "Returned to the giver" in page


def test_the_officers_home_shows_the_gifts_waiting_and_the_employees_does_not(
    app, client, login_as, in_english, clock
):
    owner = factories.user()
    services.record_gift(owner.person, gift_input(value_baht="5000", received_on=date(2026, 10, 1)), by=owner)
    login_as(owner)
    assert 'data-testid="home-gifts-waiting"' not in client.get("/home").get_data(as_text=True)
    login_as(factories.officer())
    page = client.get("/home").get_data(as_text=True)
    assert 'data-testid="home-gifts-waiting"' in page and "overdue: 1" in page


def test_the_register_opens_at_the_year_of_the_oldest_gift_waiting(app, client, login_as, in_english, clock):
    owner = factories.user()
    last_year = services.record_gift(
        owner.person, gift_input(value_baht="5000", received_on=date(2026, 9, 1)), by=owner
    )
    login_as(factories.officer())
    page = client.get("/gifts/register").get_data(as_text=True)
    assert f"/gifts/register/{last_year.id}" in page and "FY 2026 (B.E. 2569)" in page
    assert f"/gifts/register/{last_year.id}" not in client.get("/gifts/register?fy=2570").get_data(
        as_text=True
    )


def test_the_register_is_paginated(app, client, login_as, in_english, clock):
    app.config["PER_PAGE"] = 2
    owner = factories.user()
    gifts = [
        services.record_gift(owner.person, gift_input(giver_name=f"Giver {n}", value_baht="100"), by=owner)
        for n in range(3)
    ]
    login_as(factories.officer())
    first = client.get("/gifts/register?fy=2570&view=all").get_data(as_text=True)
    second = client.get("/gifts/register?fy=2570&view=all&page=2").get_data(as_text=True)
    assert "1–2 of 3" in first and "3–3 of 3" in second
    assert f'/gifts/register/{gifts[2].id}"' in second and f'/gifts/register/{gifts[2].id}"' not in first


def test_the_yearly_report_downloads_as_csv_and_xlsx_and_a_nil_year_too(app, client, in_english, clock):
    owner = factories.user()
    services.record_gift(owner.person, gift_input(value_baht="500", outcome="returned"), by=owner)
    csv = client.get("/public/gifts/2570/report.csv").get_data().decode("utf-8-sig")
    assert "Returned to the giver,1,500" in csv and "Total,1,500" in csv
    assert "Total,0,0" in client.get("/public/gifts/2569/report.csv").get_data().decode("utf-8-sig")
    assert client.get("/public/gifts/2570/report.xlsx").data[:2] == b"PK"
    assert client.get("/public/gifts/2570/report.pdf").status_code == 404
