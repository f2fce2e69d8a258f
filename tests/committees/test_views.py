"""The committee screens: who may open them, the order form's bad inputs, the warning, the printout."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime

import lxml.html
import pytest
import sqlalchemy as sa
import time_machine

from ethics_hr.committees.models import AppointmentOrder, Committee, Membership
from ethics_hr.committees.services import is_committee_member
from ethics_hr.core.access import requires
from ethics_hr.core.settings import get_settings
from ethics_hr.core.uploads import StoredFile
from ethics_hr.extensions import db
from tests import factories

TODAY = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False):
        yield


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def _text(response) -> str:
    return response.get_data(as_text=True)


@pytest.fixture
def committee():
    c = factories.committee(name_th="คณะกรรมการจริยธรรมเทศบาลทดสอบ")
    factories.order(
        c,
        [(factories.person(first_name_th="ประธาน"), "chair"), factories.outsider("ดร.สุวิทย์ ทองประเสริฐ")],
        effective_on=date(2025, 7, 21),
        number=231,
    )
    return c


# ---------------------------------------------------------------- access


OFFICER_ONLY = [
    ("GET", "/committees/new"),
    ("GET", "/committees/{c}/edit"),
    ("GET", "/committees/{c}/dissolve"),
    ("POST", "/committees/{c}/reinstate"),
    ("GET", "/committees/{c}/print"),
    ("GET", "/committees/{c}/orders/new"),
    ("GET", "/committees/orders/{o}/edit"),
    ("POST", "/committees/orders/{o}/delete"),
    ("GET", "/committees/terms-ending"),
    ("GET", "/committees/orders/next-number"),
    ("GET", "/committees/people.json?q=EMP"),
]
EVERYONE = [("GET", "/committees/"), ("GET", "/committees/{c}")]


def _urls(routes, committee):
    order = committee.orders[0]
    return [(method, path.format(c=committee.id, o=order.id)) for method, path in routes]


def test_anonymous_visitors_are_sent_to_log_in(client, committee):
    for method, url in _urls(OFFICER_ONLY + EVERYONE, committee):
        response = client.open(url, method=method)
        assert response.status_code == 302, url
        assert "/login" in response.headers["Location"], url


def test_employees_get_403_on_the_officers_pages(client, login_as, committee):
    login_as(factories.user())
    for method, url in _urls(OFFICER_ONLY, committee):
        assert client.open(url, method=method).status_code == 403, url


def test_employees_see_the_list_and_the_current_composition(client, login_as, committee):
    login_as(factories.user())
    for method, url in _urls(EVERYONE, committee):
        assert client.open(url, method=method).status_code == 200, url


def test_unknown_committees_and_orders_are_404(client, login_as):
    login_as(factories.officer())
    for url in (
        "/committees/999",
        "/committees/999/edit",
        "/committees/999/orders/new",
        "/committees/orders/999/edit",
    ):
        assert client.get(url).status_code == 404, url
    assert client.get("/committees/orders/999/document").status_code == 404


def test_committees_are_in_everyones_menu(client, login_as):
    login_as(factories.user())
    assert 'href="/committees/"' in _text(client.get("/home"))


# ---------------------------------------------------------------- reading


def test_the_list_shows_each_committee_its_chair_and_member_count(client, login_as, committee):
    login_as(factories.user())
    html = _text(client.get("/committees/"))
    assert "คณะกรรมการจริยธรรมเทศบาลทดสอบ" in html
    assert "ประธาน" in html
    assert re.search(r'<td class="text-end">\s*2\s*</td>', html)


def test_an_employee_sees_the_composition_but_not_the_history(client, login_as, committee):
    login_as(factories.user())
    html = _text(client.get(f"/committees/{committee.id}"))
    assert "ดร.สุวิทย์ ทองประเสริฐ" in html
    assert 'data-testid="order"' not in html


def test_the_officer_sees_every_order_of_the_committee(client, login_as, committee):
    factories.order(
        committee,
        [(factories.person(), "chair")],
        effective_on=date(2027, 1, 1),
        replaces=committee.orders[0],
    )
    login_as(factories.officer())
    html = _text(client.get(f"/committees/{committee.id}"))
    assert html.count('data-testid="order"') == 2


def test_the_printout_is_in_thai_with_thai_numerals_even_for_an_english_reader(client, login_as, committee):
    login_as(factories.officer(locale="en"))
    get_settings().thai_numerals_in_documents = True
    db.session.commit()

    html = _text(client.get(f"/committees/{committee.id}/print"))

    assert '<html lang="th">' in html
    assert "๒๓๑/๒๕๖๘" in html
    assert '<span class="word">ทองประเสริฐ</span>' in html
    assert "ประธานกรรมการ" in html
    assert "css/print.css" in html


def test_the_printout_uses_arabic_numerals_when_the_organisation_prefers(client, login_as, committee):
    login_as(factories.officer())
    get_settings().thai_numerals_in_documents = False
    db.session.commit()
    assert "231/2568" in _text(client.get(f"/committees/{committee.id}/print"))


def test_the_scanned_order_is_served_to_logged_in_users_only(client, login_as, committee, app):
    from werkzeug.datastructures import FileStorage

    from ethics_hr.core.uploads import save_upload

    order = committee.orders[0]
    order.document = save_upload(FileStorage(io.BytesIO(factories.PDF_BYTES), filename="231.pdf"))
    db.session.commit()
    url = f"/committees/orders/{order.id}/document"

    assert client.get(url).status_code == 302
    login_as(factories.user())
    response = client.get(url)
    assert response.status_code == 200
    assert response.data == factories.PDF_BYTES
    assert response.headers["Content-Type"] == "application/pdf"


def test_terms_ending_soon_are_listed_for_the_officer_and_on_the_home_page(client, login_as):
    c = factories.committee()
    leaving = factories.person(first_name_th="ย้ายออก")
    factories.order(
        c,
        [(factories.person(), "chair"), (leaving, "member", None, date(2027, 1, 15))],
        effective_on=date(2026, 1, 5),
    )
    login_as(factories.officer())

    assert "ย้ายออก" in _text(client.get("/committees/terms-ending"))
    home = _text(client.get("/home"))
    assert 'data-testid="home-terms-ending"' in home
    assert "ย้ายออก" in home


def test_a_member_sees_their_committees_on_the_home_page(client, login_as, committee):
    user = factories.user()
    factories.order(committee, [(user.person, "secretary")], effective_on=date(2026, 1, 5))
    login_as(user)
    html = _text(client.get("/home"))
    assert 'data-testid="home-committees"' in html
    assert 'data-testid="home-terms-ending"' not in html


def test_the_next_number_follows_the_year_of_the_signing_date(client, login_as, committee):
    login_as(factories.officer())
    assert client.get("/committees/orders/next-number?signed_on=2025-08-01").json == {
        "number": 232,
        "year_be": 2568,
    }
    assert client.get("/committees/orders/next-number?signed_on=2026-01-02").json == {
        "number": 1,
        "year_be": 2569,
    }


def test_people_are_suggested_by_employee_number(client, login_as):
    factories.person(employee_number="EMP9001", first_name_th="สมหญิง")
    login_as(factories.officer())
    assert client.get("/committees/people.json?q=emp900").json == ["EMP9001 · นายสมหญิง ใจดี"]


# ---------------------------------------------------------------- committees


def test_the_officer_adds_a_committee(client, login_as):
    login_as(factories.officer())
    response = client.post(
        "/committees/new",
        data={
            "name_th": "คณะทำงานส่งเสริมจริยธรรม",
            "name_en": "",
            "kind": "advisory_team",
            "mandate": "ให้คำปรึกษา",
        },
    )
    assert response.status_code == 302
    assert db.session.scalar(sa.select(Committee.kind)) == "advisory_team"


def test_a_committee_without_a_name_is_refused_and_nothing_written(client, login_as):
    login_as(factories.officer())
    html = _text(
        client.post("/committees/new", data={"name_th": "", "kind": "other", "mandate": "ข้อความที่พิมพ์"})
    )
    assert 'data-field="name_th"' in html
    assert "ข้อความที่พิมพ์" in html
    assert _count(Committee) == 0


def test_the_officer_dissolves_a_committee_and_undoes_it(client, login_as, committee):
    login_as(factories.officer())
    response = client.post(
        f"/committees/{committee.id}/dissolve", data={"dissolved_on": "2026-11-30", "note": "คำสั่ง"}
    )
    assert response.status_code == 302
    assert db.session.get(Committee, committee.id).dissolved_on == date(2026, 11, 30)
    client.post(f"/committees/{committee.id}/reinstate")
    db.session.expire_all()
    assert db.session.get(Committee, committee.id).dissolved_on is None


def test_a_dissolution_without_a_date_is_refused(client, login_as, committee):
    login_as(factories.officer())
    html = _text(client.post(f"/committees/{committee.id}/dissolve", data={"dissolved_on": "", "note": "x"}))
    assert 'data-field="dissolved_on"' in html
    assert db.session.get(Committee, committee.id).dissolved_on is None


# ---------------------------------------------------------------- the order form


def _order_form(committee, chair, secretary, **overrides) -> dict:
    data = {
        "number": "5",
        "title": "แต่งตั้งคณะกรรมการจริยธรรม",
        "signed_on": "2026-11-20",
        "signed_by_name": "นายประเสริฐ วงศ์ใหญ่",
        "signed_by_position": "นายกเทศมนตรี",
        "effective_on": "2026-11-20",
        "ends_on": "",
        "replaces_id": "None",
        "members-0-person": chair.employee_number,
        "members-0-role": "chair",
        "members-1-person": secretary.employee_number,
        "members-1-role": "secretary",
        "members-2-outside_name": "นางดวงใจ ศรีอ่อน",
        "members-2-outside_organisation": "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ",
        "members-2-position": "ท้องถิ่นอำเภอ",
        "members-2-role": "member",
        "members-3-role": "member",
        "submit": "1",
    }
    return data | overrides


def test_the_new_order_form_suggests_the_next_free_number(client, login_as, committee):
    factories.order(committee, [(factories.person(), "chair")], number=17, signed_on=date(2026, 3, 1))
    login_as(factories.officer())
    html = _text(client.get(f"/committees/{committee.id}/orders/new"))
    assert re.search(r'id="number"[^>]*value="18"', html)
    assert "/ 2569" in html


def test_the_officer_records_an_order_with_a_chair_a_secretary_and_an_outsider(client, login_as):
    c = factories.committee()
    chair, secretary = factories.person(), factories.person()
    login_as(factories.officer())

    response = client.post(f"/committees/{c.id}/orders/new", data=_order_form(c, chair, secretary))

    assert response.status_code == 302
    order = db.session.scalar(sa.select(AppointmentOrder))
    assert (order.number, order.year_be) == (5, 2569)
    assert [m.role for m in order.members] == ["chair", "secretary", "member"]
    html = _text(client.get(f"/committees/{c.id}"))
    assert "นางดวงใจ ศรีอ่อน" in html


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"number": ""}, "number"),
        ({"number": "abc"}, "number"),
        ({"number": "0"}, "number"),
        ({"title": ""}, "title"),
        ({"signed_on": ""}, "signed_on"),
        ({"signed_on": "31/02/2026"}, "signed_on"),
        ({"effective_on": ""}, "effective_on"),
        ({"signed_by_name": ""}, "signed_by_name"),
        ({"ends_on": "2026-11-19"}, "ends_on"),
        ({"members-0-person": "NOBODY"}, "members-0-person"),
        ({"members-3-person": "{secretary}"}, "members-3-person"),
        ({"members-2-outside_name": "", "members-2-outside_organisation": "หน่วยงาน"}, "members-2-person"),
        ({"members-1-starts_on": "2026-01-01"}, "members-1-starts_on"),
        ({"members-1-role": "king"}, "members-1-role"),
    ],
)
def test_bad_order_input_is_shown_next_to_its_field_and_nothing_is_written(
    client, login_as, overrides, field
):
    c = factories.committee()
    chair, secretary = factories.person(), factories.person()
    login_as(factories.officer())
    overrides = {k: v.format(secretary=secretary.employee_number) for k, v in overrides.items()}

    html = _text(
        client.post(f"/committees/{c.id}/orders/new", data=_order_form(c, chair, secretary, **overrides))
    )

    assert f'data-field="{field}"' in html
    assert "แต่งตั้งคณะกรรมการจริยธรรม" in html or field == "title"  # what was typed stays
    assert "นายประเสริฐ วงศ์ใหญ่" in html or field == "signed_by_name"
    assert _count(AppointmentOrder) == 0
    assert _count(Membership) == 0


def test_an_order_number_used_already_is_shown_next_to_the_number(client, login_as, committee):
    login_as(factories.officer())
    data = _order_form(
        committee,
        factories.person(),
        factories.person(),
        number="231",
        signed_on="2025-08-01",
        effective_on="2025-08-01",
    )
    html = _text(client.post(f"/committees/{committee.id}/orders/new", data=data))
    assert 'data-field="number"' in html
    assert _count(AppointmentOrder) == 1


def test_an_order_without_members_is_refused(client, login_as):
    c = factories.committee()
    login_as(factories.officer())
    data = _order_form(c, factories.person(), factories.person())
    for key in [k for k in data if k.startswith("members-") and not k.endswith("-role")]:
        data[key] = ""
    html = _text(client.post(f"/committees/{c.id}/orders/new", data=data))
    assert 'class="alert alert-danger"' in html
    assert _count(AppointmentOrder) == 0


def test_no_chair_is_a_warning_the_officer_accepts_with_a_second_submit(client, login_as):
    c = factories.committee()
    login_as(factories.officer())
    data = _order_form(c, factories.person(), factories.person(), **{"members-0-role": "member"})

    first = _text(client.post(f"/committees/{c.id}/orders/new", data=data))
    assert 'data-testid="no-chair-warning"' in first
    assert 'name="accept_without_chair"' in first
    assert _count(AppointmentOrder) == 0

    second = client.post(f"/committees/{c.id}/orders/new", data=data | {"accept_without_chair": "y"})
    assert second.status_code == 302
    assert _count(AppointmentOrder) == 1


def test_the_chosen_pdf_is_kept_through_the_no_chair_warning(client, login_as):
    c = factories.committee()
    login_as(factories.officer())
    data = _order_form(c, factories.person(), factories.person(), **{"members-0-role": "member"})

    first = _text(
        client.post(
            f"/committees/{c.id}/orders/new",
            data=data | {"document": (io.BytesIO(factories.PDF_BYTES), "order-5.pdf")},
            content_type="multipart/form-data",
        )
    )
    token = re.search(r'name="kept_upload" value="([0-9a-f]+)"', first).group(1)
    assert "order-5.pdf" in first
    assert _count(StoredFile) == 0

    client.post(
        f"/committees/{c.id}/orders/new",
        data=data | {"accept_without_chair": "y", "kept_upload": token},
        content_type="multipart/form-data",
    )

    order = db.session.scalar(sa.select(AppointmentOrder))
    assert order.document.original_name == "order-5.pdf"


def test_a_file_that_is_not_a_pdf_is_refused_next_to_the_file_field(client, login_as):
    c = factories.committee()
    login_as(factories.officer())
    data = _order_form(c, factories.person(), factories.person())
    html = _text(
        client.post(
            f"/committees/{c.id}/orders/new",
            data=data | {"document": (io.BytesIO(b"MZ\x90\x00 not a pdf"), "order.pdf")},
            content_type="multipart/form-data",
        )
    )
    assert 'data-field="document"' in html
    assert _count(AppointmentOrder) == 0
    assert _count(StoredFile) == 0


def test_a_pdf_carrying_javascript_is_refused_next_to_the_file_field_with_the_form_kept(
    client, login_as, in_english
):
    c = factories.committee()
    login_as(factories.officer())
    data = _order_form(c, factories.person(), factories.person(), title="แต่งตั้งคณะกรรมการ ฉบับที่ 5")
    active = b"%PDF-1.7\n1 0 obj\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\n"
    response = client.post(
        f"/committees/{c.id}/orders/new",
        data=data | {"document": (io.BytesIO(active + b"%%EOF\n"), "order.pdf")},
        content_type="multipart/form-data",
    )
    html = _text(response)
    page = lxml.html.fromstring(html)
    message = page.xpath('//*[@data-field="document"]')
    assert message and "JavaScript or actions" in message[0].text_content()
    assert page.xpath('//input[@name="title"]/@value') == ["แต่งตั้งคณะกรรมการ ฉบับที่ 5"]
    assert 'name="kept_upload"' not in html  # the refused file is not kept for the next submit
    assert _count(AppointmentOrder) == 0
    assert _count(StoredFile) == 0


def test_a_file_over_the_limit_is_refused_next_to_the_file_field_with_the_form_kept(
    app, client, login_as, in_english, monkeypatch
):
    from ethics_hr.config import TestingConfig

    monkeypatch.setenv("ETHICS_HR_MAX_UPLOAD_MB", "2")
    limits = TestingConfig()
    app.config.update(MAX_UPLOAD_BYTES=limits.MAX_UPLOAD_BYTES, MAX_CONTENT_LENGTH=limits.MAX_CONTENT_LENGTH)
    c = factories.committee()
    login_as(factories.officer())
    data = _order_form(c, factories.person(), factories.person(), title="แต่งตั้งคณะกรรมการ ฉบับที่ 5")
    # 3.5 MB: over the limit of 2 MB, and over the request limit (limit + 1 MB) that gave a 413 before.
    big = factories.PDF_BYTES + b"0" * (3 * 1024 * 1024 + 512 * 1024)
    response = client.post(
        f"/committees/{c.id}/orders/new",
        data=data | {"document": (io.BytesIO(big), "order.pdf")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    page = lxml.html.fromstring(_text(response))
    message = page.xpath('//*[@data-field="document"]')
    assert message and "larger than 2 MB" in message[0].text_content()
    assert page.xpath('//input[@name="title"]/@value') == ["แต่งตั้งคณะกรรมการ ฉบับที่ 5"]
    assert _count(AppointmentOrder) == 0
    assert _count(StoredFile) == 0

    far_too_big = b"0" * (limits.MAX_CONTENT_LENGTH + 1)
    response = client.post(
        f"/committees/{c.id}/orders/new",
        data=data | {"document": (io.BytesIO(far_too_big), "order.pdf")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    assert "File too large" in _text(response)


def test_more_member_rows_are_added_without_saving(client, login_as):
    c = factories.committee()
    login_as(factories.officer())
    data = _order_form(c, factories.person(), factories.person()) | {"add_rows": "1"}
    data.pop("submit")
    html = _text(client.post(f"/committees/{c.id}/orders/new", data=data))
    assert 'name="members-8-person"' in html
    assert _count(AppointmentOrder) == 0


def _first_submit_button(html: str, *, form_attribute: str):
    """The button Enter in a text field presses: the form's first submit button in document order."""
    form = lxml.html.fromstring(html).xpath(f"//form[@{form_attribute}]")[0]
    return form.xpath(".//button[not(@type) or @type='submit'] | .//input[@type='submit']")[0]


@pytest.mark.parametrize("with_warning", [False, True])
def test_enter_in_a_field_of_the_order_form_saves_the_order(client, login_as, with_warning):
    c = factories.committee()
    login_as(factories.officer())
    if with_warning:  # the no-chair warning adds its own button at the top of the form
        data = _order_form(c, factories.person(), factories.person(), **{"members-0-role": "member"})
        html = _text(client.post(f"/committees/{c.id}/orders/new", data=data))
        assert 'data-testid="no-chair-warning"' in html
    else:
        html = _text(client.get(f"/committees/{c.id}/orders/new"))
    button = _first_submit_button(html, form_attribute="data-order-form")
    assert (button.get("name"), button.get("value")) == ("submit", "1")
    assert "add_rows" in html  # the rows button is still there, after it

    data = _order_form(c, factories.person(), factories.person())
    data.pop("submit")
    data[button.get("name")] = button.get("value")  # what the browser sends for Enter
    assert client.post(f"/committees/{c.id}/orders/new", data=data).status_code == 302
    assert _count(AppointmentOrder) == 1


def test_the_officer_corrects_an_order(client, login_as, committee):
    order = committee.orders[0]
    login_as(factories.officer())
    form = _text(client.get(f"/committees/orders/{order.id}/edit"))
    assert "ดร.สุวิทย์ ทองประเสริฐ" in form

    data = _order_form(
        committee,
        factories.person(),
        factories.person(),
        number="231",
        signed_on="2025-07-21",
        effective_on="2025-07-21",
        title="แก้ไขแล้ว",
    )
    assert client.post(f"/committees/orders/{order.id}/edit", data=data).status_code == 302
    db.session.expire_all()
    assert db.session.get(AppointmentOrder, order.id).title == "แก้ไขแล้ว"


def test_the_officer_deletes_an_order(client, login_as, committee):
    order_id = committee.orders[0].id
    login_as(factories.officer())
    assert client.post(f"/committees/orders/{order_id}/delete").status_code == 302
    assert db.session.get(AppointmentOrder, order_id) is None


# ---------------------------------------------------------------- rights used by other domains


def test_a_route_guarded_by_the_predicate_opens_and_closes_by_itself(app, client, login_as):
    @app.route("/_test/committee-only")
    @requires(is_committee_member, "committee_member")
    def committee_only():
        return "ok"

    user = factories.user()
    c = factories.committee()
    factories.order(
        c,
        [(user.person, "member"), (factories.person(), "chair")],
        effective_on=date(2026, 12, 1),
        ends_on=date(2026, 12, 31),
    )
    login_as(user)

    assert client.get("/_test/committee-only").status_code == 403
    with time_machine.travel(datetime(2026, 11, 30, 17, 0, tzinfo=UTC), tick=False):  # 1 Dec, 00:00 Bangkok
        assert client.get("/_test/committee-only").status_code == 200
    # The session cookie lasts 31 days: log in again at the new time.
    with time_machine.travel(datetime(2026, 12, 31, 16, 59, tzinfo=UTC), tick=False):  # 31 Dec, 23:59 Bangkok
        login_as(user)
        assert client.get("/_test/committee-only").status_code == 200
    with time_machine.travel(datetime(2026, 12, 31, 17, 0, tzinfo=UTC), tick=False):  # 1 Jan, 00:00 Bangkok
        assert client.get("/_test/committee-only").status_code == 403


# ---------------------------------------------------------------- no N+1


def _populate(committees: int, orders_each: int) -> list[Committee]:
    made = []
    for _ in range(committees):
        c = factories.committee()
        previous = None
        for k in range(orders_each):
            previous = factories.order(
                c,
                [(factories.person(), "chair"), factories.person(), factories.outsider(f"คนนอก {k}")],
                effective_on=date(2020 + k, 1, 6),
                replaces=previous,
            )
        made.append(c)
    return made


def test_the_list_and_a_committee_page_issue_the_same_statements_for_few_and_many(
    app, client, login_as, count_statements
):
    login_as(factories.officer())
    small = _populate(1, 1)
    few = (
        count_statements.page(client, "/committees/"),
        count_statements.page(client, f"/committees/{small[0].id}"),
    )
    large = _populate(6, 4)
    many = (
        count_statements.page(client, "/committees/"),
        count_statements.page(client, f"/committees/{large[0].id}"),
    )
    assert few == many


def test_a_malformed_page_number_is_404_not_the_first_page(client, login_as, committee):
    login_as(factories.officer())
    assert client.get("/committees/?page=2x").status_code == 404
    assert client.get("/committees/terms-ending?page=-1").status_code == 404
    assert client.get("/committees/?page=1").status_code == 200


def test_a_committee_page_in_thai_does_not_show_its_english_name(client, login_as):
    c = factories.committee(name_th="คณะกรรมการจริยธรรมเทศบาล", name_en="Municipal Ethics Committee")
    login_as(factories.officer(locale="th"))
    html = _text(client.get(f"/committees/{c.id}"))
    assert "คณะกรรมการจริยธรรมเทศบาล" in html and "Municipal Ethics Committee" not in html
