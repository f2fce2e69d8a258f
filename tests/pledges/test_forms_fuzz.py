"""Random text into the pledge's forms: never a server error, whatever was typed comes back escaped."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import factories
from tests.pledges.helpers import FY
from tests.test_properties import MARK, assert_escaped, texts

DAYS = st.one_of(texts, st.sampled_from(["2026-11-05", "9999-12-31", "0001-01-01", "2026-02-30", ""]))


@pytest.fixture
def officer(client, login_as):
    return login_as(factories.officer())


@given(
    title=texts, body=texts, opens=DAYS, closes=DAYS, category=st.one_of(texts, st.sampled_from(["1", "-1"]))
)
def test_random_text_into_the_pledge_form(client, officer, title, body, opens, closes, category):
    response = client.post(
        f"/pledges/new?fy={FY}",
        data={
            "title_th": title + MARK,
            "title_en": title,
            "body_th": body + MARK,
            "body_en": body,
            "opens_on": opens,
            "closes_on": closes,
            "category_ids": category,
        },
    )
    assert_escaped(response)
    if response.status_code == 302:
        assert_escaped(client.get(response.headers["Location"]))
