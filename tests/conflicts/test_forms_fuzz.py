"""Random text into the declarations' forms: never a server error, whatever was typed comes back escaped."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ethics_hr.conflicts import services
from tests import factories
from tests.conflicts.helpers import annual, clock, committee_member, interest
from tests.test_properties import MARK, assert_escaped, texts

numbers = st.one_of(texts, st.sampled_from(["1", "2569", "2147483648", "-1", "๒๕๖๙", "1e9", ""]))
days = st.one_of(texts, st.sampled_from(["2026-03-01", "9999-12-31", "0001-01-01", "2026-02-30"]))


@pytest.fixture(autouse=True)
def _clock():
    with clock():
        yield


@pytest.fixture
def person(client, login_as):
    return login_as(factories.user())


@given(
    kind=st.one_of(texts, st.sampled_from(["annual", "situational"])),
    fy=numbers,
    situation=texts,
    day=days,
    has=st.one_of(texts, st.sampled_from(["yes", "no"])),
    category=numbers,
    text=texts,
    question=numbers,
    index=st.sampled_from(["0", "1", "9", "10", "99", "๑"]),
)
def test_random_text_into_the_declaration_form(
    client, person, kind, fy, situation, day, has, category, text, question, index
):
    response = client.post(
        "/declarations/new",
        data={
            "kind": kind,
            "fiscal_year": fy,
            "situation": situation,
            "situation_on": day,
            "has_interests": has,
            f"interests-{index}-category_id": category,
            f"interests-{index}-description": text + MARK,
            f"interests-{index}-other_party": text,
            f"interests-{index}-relation": text,
            "question_id": question,
            "note": text + MARK,
            "confirmed": "y",
            "submit": "1",
        },
    )
    assert_escaped(response)
    if response.status_code == 302:
        assert_escaped(client.get(response.headers["Location"]))


@pytest.fixture
def declaration(app, client, login_as):
    """A declaration with interests, and a committee member logged in to decide on it."""
    owner = factories.user()
    declared = services.declare(owner.person, annual(interests=[interest()]), by=owner)
    login_as(committee_member())
    return declared


@given(outcome=st.one_of(texts, st.sampled_from(["manage", "refer", "no_conflict"])), text=texts)
def test_random_text_into_the_decision_form(client, declaration, outcome, text):
    response = client.post(
        f"/declarations/{declaration.id}",
        data={"outcome": outcome, "measure": text + MARK, "referred_to": text, "note": text + MARK},
    )
    assert_escaped(response)
    if response.status_code == 302:
        assert_escaped(client.get(response.headers["Location"]))
