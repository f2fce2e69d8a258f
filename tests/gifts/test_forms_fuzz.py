"""Random text into the gift register's forms: never a server error, whatever was typed comes back escaped."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import factories
from tests.test_properties import MARK, assert_escaped, texts


@pytest.fixture
def person(client, login_as):
    return login_as(factories.user())


@given(
    day=st.one_of(texts, st.sampled_from(["2026-01-05", "9999-12-31", "0001-01-01", "2026-02-30"])),
    giver=texts,
    what=texts,
    value=st.one_of(texts, st.sampled_from(["1e400", "-0", "3000.001", "1" * 40, "inf", "2,500"])),
    occasion=st.one_of(texts, st.sampled_from(["1", "2147483648", "-1"])),
    outcome=st.one_of(texts, st.sampled_from(["kept", "pending"])),
)
def test_random_text_into_the_gift_form(client, person, day, giver, what, value, occasion, outcome):
    response = client.post(
        "/gifts/new",
        data={
            "received_on": day,
            "giver_name": giver,
            "giver_organisation": giver,
            "description": what + MARK,
            "value_baht": value,
            "occasion_id": occasion,
            "outcome": outcome,
            "note": what,
        },
    )
    assert_escaped(response)
    if response.status_code == 302:
        assert_escaped(client.get(response.headers["Location"]))
