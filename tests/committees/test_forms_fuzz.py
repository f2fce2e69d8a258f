"""Random text in every committee form: never a server error, always escaped output."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests import factories

TEXT = st.text(max_size=60)
MARK = "<script>x</script>"


@given(name=TEXT, kind=TEXT, mandate=TEXT)
def test_the_committee_form_survives_random_text(client, login_as, name, kind, mandate):
    login_as(factories.officer())
    response = client.post("/committees/new", data={"name_th": name + MARK, "kind": kind, "mandate": mandate})
    assert response.status_code in (200, 302)
    assert MARK not in response.get_data(as_text=True)


@given(number=TEXT, title=TEXT, signed_on=TEXT, person=TEXT, outsider=TEXT, role=TEXT, start=TEXT)
def test_the_order_form_survives_random_text(
    client, login_as, number, title, signed_on, person, outsider, role, start
):
    login_as(factories.officer())
    committee = factories.committee()
    data = {
        "number": number,
        "title": title + MARK,
        "signed_on": signed_on,
        "signed_by_name": MARK,
        "effective_on": "2026-11-20",
        "replaces_id": "None",
        "members-0-person": person,
        "members-0-outside_name": outsider + MARK,
        "members-0-role": role,
        "members-0-starts_on": start,
        "submit": "1",
    }
    response = client.post(f"/committees/{committee.id}/orders/new", data=data)
    assert response.status_code in (200, 302)
    assert MARK not in response.get_data(as_text=True)
