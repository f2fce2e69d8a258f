"""Random text in every training form: never a server error, always escaped output, nothing half-written."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from ethics_hr.core.models import utc_now
from tests import factories

TEXT = st.text(min_size=0, max_size=60)


@given(day=TEXT, start=TEXT, capacity=TEXT, place=TEXT, url=TEXT, hours=TEXT)
def test_the_session_form_survives_any_text(client, login_as, day, start, capacity, place, url, hours):
    course = factories.course()
    login_as(factories.officer())
    response = client.post(
        "/training/sessions/new",
        data={
            "course_id": str(course.id),
            "day": day,
            "start_time": start,
            "end_time": "12:00",
            "capacity": capacity,
            "place": place,
            "online_url": url,
            "hours": hours,
            "status": "open",
        },
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200 and "<script" in place:
        assert "<script" not in response.get_data(as_text=True).split("<main", 1)[1]


@given(code=TEXT, numbers=TEXT, walk_in=TEXT, status=TEXT, title=TEXT)
def test_check_in_invitations_walk_ins_and_courses_survive_any_text(
    client, login_as, code, numbers, walk_in, status, title
):
    s = factories.session(starts_at=utc_now() - timedelta(minutes=5))
    login_as(factories.officer())
    assert client.post("/training/checkin", data={"code": code}).status_code == 200
    assert client.post(
        f"/training/sessions/{s.id}/invite", data={"employee_numbers": numbers}
    ).status_code in (200, 302)
    assert (
        client.post(
            f"/training/sessions/{s.id}/walk-in", data={"employee_number": walk_in, "status": status}
        ).status_code
        == 302
    )
    assert client.post(f"/training/sessions/{s.id}/attendance", data={"status-1": status}).status_code == 302
    assert client.post(
        "/training/courses/new",
        data={"code": title, "title_th": title, "default_hours": title, "topic_id": title},
    ).status_code in (200, 302)
