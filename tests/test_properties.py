"""Random text into the forms: never a server error, and whatever was typed comes back escaped."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import factories

MARK = "<i>hx</i>"  # appended to one field: it must come back as text, never as markup
ESCAPED_MARK = "&lt;i&gt;hx&lt;/i&gt;"

THAI = "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮะัาำิีึืุูเแโใไๅ็่้๊๋์๐๑๒๓๔๕๖๗๘๙"
NASTY = "<>&\"'`/\\=%;:{}[]()\x00\x01\x08\x0b\x1b\x7f\t\r\n \u200b\u202e\ufeff"

texts = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=THAI + NASTY + "abcXYZ019@.-_", max_size=60),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            '"><img src=x onerror=alert(1)>',
            "{{ 7*7 }}",
            "%(name)s",
            "' OR 1=1 --",
            "สมชาย\x00ใจดี",
            "ก" * 300,
        ]
    ),
)


def assert_escaped(response) -> None:
    assert response.status_code < 500
    html = response.get_data(as_text=True)
    assert MARK not in html
    if response.status_code == 200:
        assert ESCAPED_MARK in html


@pytest.fixture
def officer(app, client, login_as):
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "100000 per minute"
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "100000 per minute"
    app.config["LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS"] = "100000 per minute"
    return login_as(factories.officer())


@given(login=texts, password=texts)
def test_random_text_into_the_login_form(app, login, password):
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "100000 per minute"
    app.config["LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS"] = "100000 per minute"
    response = app.test_client().post("/login", data={"login": login + MARK, "password": password})
    assert_escaped(response)


@given(
    number=texts,
    first=texts,
    last=texts,
    email=texts,
    position=texts,
    category=st.one_of(texts, st.just("valid")),
    start=texts,
)
def test_random_text_into_the_person_form(
    app, client, officer, number, first, last, email, position, category, start
):
    if category == "valid":
        category = str(factories.category().id)
    response = client.post(
        "/people/new",
        data={
            "employee_number": number,
            "first_name_th": first + MARK,
            "last_name_th": last,
            "first_name_en": first,
            "email": email,
            "position": position,
            "staff_category_id": category,
            "start_date": start,
        },
    )
    assert_escaped(response)
    if response.status_code == 302:
        assert_escaped(client.get(response.headers["Location"]))


@given(code=st.one_of(texts, st.from_regex(r"[A-Z]{2,6}", fullmatch=True)), name=texts, name_en=texts)
def test_random_text_into_the_department_form(client, officer, code, name, name_en):
    response = client.post(
        "/people/departments/new", data={"code": code, "name_th": name + MARK, "name_en": name_en}
    )
    assert_escaped(response)
    if response.status_code == 302:
        html = client.get("/people/departments").get_data(as_text=True)
        assert MARK not in html
        assert ESCAPED_MARK in html


@given(q=texts)
def test_random_text_into_the_people_search(client, officer, q):
    assert_escaped(client.get("/people/", query_string={"q": MARK + q}))


@given(who=texts, what=texts, start=texts)
def test_random_text_into_the_audit_filters(client, login_as, who, what, start):
    login_as(factories.admin())
    response = client.get("/admin/audit", query_string={"who": who + MARK, "what": what, "from": start})
    assert_escaped(response)
