"""The bell, the notices, my choices, and the administrator's kinds, mail server and outbox."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from ethics_hr.extensions import db
from ethics_hr.notifications import registry
from ethics_hr.notifications.models import (
    Notice,
    NotificationSetting,
    OutboxMessage,
    OutboxStatus,
    SmtpSettings,
)
from ethics_hr.notifications.sender import MAX_ATTEMPTS, deliver_due
from ethics_hr.notifications.services import Message, notify
from tests import factories
from tests.notifications.conftest import hello, recipient


def give_notices(user, n: int, *, link: str | None = None) -> None:
    for i in range(n):
        notify(recipient(user), kind="test_reminder", target=f"t{i}", render=hello, link=link)
    db.session.commit()


def page_text(response) -> str:
    return response.get_data(as_text=True)


# --- the bell and the notices --------------------------------------------------------------------------


def test_the_bell_shows_my_unread_count_with_one_query(app, client, login_as, org, count_statements):
    user = login_as(factories.user())
    give_notices(user, 3)
    give_notices(factories.user(), 5)  # someone else's
    with count_statements() as seen:
        html = page_text(client.get("/home"))
    counts = [s for s in seen if "FROM notice" in s and "count(" in s.lower()]
    badge = re.search(r'data-testid="bell-count">([^<]+)<', html)
    assert badge and badge.group(1) == "3"
    assert len(counts) == 1


def test_the_bell_has_no_badge_when_all_is_read_and_none_for_visitors(app, client, login_as, org):
    assert 'data-testid="bell"' not in page_text(client.get("/login"))
    login_as(factories.user())
    html = page_text(client.get("/home"))
    assert 'data-testid="bell"' in html and "bell-count" not in html


def test_my_notices_are_listed_newest_first_and_paginated(app, client, login_as, org):
    user = login_as(factories.user())
    give_notices(user, app.config["PER_PAGE"] + 2)
    first = page_text(client.get("/notifications/"))
    assert first.count('data-testid="notice"') == app.config["PER_PAGE"]
    second = page_text(client.get("/notifications/?page=2"))
    assert second.count('data-testid="notice"') == 2


def test_marking_one_as_read_lowers_the_count(app, client, login_as, org):
    user = login_as(factories.user())
    give_notices(user, 2)
    notice = db.session.scalar(sa.select(Notice).order_by(Notice.id))
    response = client.post(f"/notifications/{notice.id}/read")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Notice, notice.id).read_at is not None
    assert re.search(r'data-testid="bell-count">1<', page_text(client.get("/home")))


def test_opening_a_notice_marks_it_read_and_follows_its_link_inside_the_site(app, client, login_as, org):
    user = login_as(factories.user())
    notify(recipient(user), kind="test_reminder", target="a", render=hello, link="/home")
    notify(recipient(user), kind="test_reminder", target="b", render=hello, link="https://evil.example/")
    db.session.commit()
    inside, outside = db.session.scalars(sa.select(Notice).order_by(Notice.id)).all()
    assert client.post(f"/notifications/{inside.id}/read", data={"open": "1"}).location.endswith("/home")
    assert client.post(f"/notifications/{outside.id}/read", data={"open": "1"}).location.endswith(
        "/notifications/"
    )


def test_mark_all_as_read(app, client, login_as, org):
    user = login_as(factories.user())
    other = factories.user()
    give_notices(user, 3)
    give_notices(other, 2)
    client.post("/notifications/read-all")
    unread = db.session.execute(
        sa.select(Notice.user_id, sa.func.count()).where(Notice.read_at.is_(None)).group_by(Notice.user_id)
    ).all()
    assert dict(unread) == {other.id: 2}


def test_another_persons_notice_is_not_found(app, client, login_as, org):
    other = factories.user()
    give_notices(other, 1)
    notice = db.session.scalar(sa.select(Notice))
    login_as(factories.user())
    assert client.post(f"/notifications/{notice.id}/read").status_code == 404
    assert db.session.scalar(sa.select(Notice.read_at)) is None


def test_reading_changes_nothing_on_get(app, client, login_as, org):
    user = login_as(factories.user())
    give_notices(user, 1)
    notice = db.session.scalar(sa.select(Notice))
    assert client.get(f"/notifications/{notice.id}/read").status_code == 405


def test_notices_are_escaped(app, client, login_as, org):
    user = login_as(factories.user())
    notify(
        recipient(user), kind="test_reminder", target="x", render=lambda r: Message("<script>x</script>", "b")
    )
    db.session.commit()
    html = page_text(client.get("/notifications/"))
    assert "<script>x</script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html


@pytest.mark.parametrize(
    "url",
    ["/notifications/", "/notifications/preferences", "/admin/notifications/", "/admin/notifications/outbox"],
)
def test_anonymous_visitors_are_sent_to_log_in(app, client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/login" in response.location


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/admin/notifications/"),
        ("get", "/admin/notifications/kinds/test_reminder"),
        ("post", "/admin/notifications/kinds/test_reminder"),
        ("post", "/admin/notifications/kinds/test_reminder/reset"),
        ("get", "/admin/notifications/smtp"),
        ("post", "/admin/notifications/smtp"),
        ("post", "/admin/notifications/smtp/test"),
        ("get", "/admin/notifications/outbox"),
        ("get", "/admin/notifications/outbox/1"),
        ("post", "/admin/notifications/outbox/1/resend"),
    ],
)
def test_administration_is_forbidden_to_employees_and_officers(app, client, login_as, method, url):
    login_as(factories.officer())
    assert getattr(client, method)(url).status_code == 403


# --- my choices ---------------------------------------------------------------------------------------


def test_i_can_turn_off_an_optional_kind_but_not_a_mandatory_one(app, client, login_as, org):
    user = login_as(factories.user())
    html = page_text(client.get("/notifications/preferences"))
    assert 'value="test_mandatory"' in html and re.search(r'value="test_mandatory"[^>]*disabled', html)
    # everything unticked, including a forged mandatory one: only optional kinds go off
    client.post("/notifications/preferences", data={"kind": ["welcome"]})
    off = registry.opted_out_kinds(user.id)
    assert "test_reminder" in off and "test_email_only" in off
    assert "test_mandatory" not in off and "welcome" not in off
    assert not notify(recipient(user), kind="test_reminder", target="t", render=hello)
    assert notify(recipient(user), kind="test_mandatory", target="t", render=hello)
    client.post("/notifications/preferences", data={"kind": ["test_reminder"]})
    assert "test_reminder" not in registry.opted_out_kinds(user.id)


def test_the_user_menu_links_to_my_notifications(app, client, login_as):
    login_as(factories.user())
    assert "/notifications/preferences" in page_text(client.get("/home"))


# --- the administrator ----------------------------------------------------------------------------------


def test_the_admin_index_links_to_the_notification_pages(app, client, login_as):
    login_as(factories.admin())
    html = page_text(client.get("/admin/"))
    for url in ("/admin/notifications/", "/admin/notifications/smtp", "/admin/notifications/outbox"):
        assert f'href="{url}"' in html


def test_the_administrator_changes_a_kinds_timing(app, client, login_as):
    login_as(factories.admin())
    assert "test_reminder" in page_text(client.get("/admin/notifications/"))
    form = {
        "enabled": "y",
        "email": "y",
        "inapp": "y",
        "days_before": "14, 3 ,1",
        "repeat_days": "5",
        "hour": "9",
    }
    response = client.post("/admin/notifications/kinds/test_reminder", data=form)
    assert response.status_code == 302
    s = registry.kind_settings("test_reminder")
    assert (s.enabled, s.mandatory, s.days_before, s.repeat_days, s.hour) == (True, False, (14, 3, 1), 5, 9)
    client.post("/admin/notifications/kinds/test_reminder/reset")
    assert registry.kind_settings("test_reminder").days_before == (7, 1)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"days_before": "7, soon"}, "days_before"),
        ({"days_before": "400"}, "days_before"),
        ({"hour": "24"}, "hour"),
        ({"hour": ""}, "hour"),
        ({"repeat_days": "0"}, "repeat_days"),
        ({"email": "", "inapp": ""}, "inapp"),
    ],
)
def test_bad_kind_settings_are_refused_next_to_the_field(app, client, login_as, changes, field):
    login_as(factories.admin())
    form = {
        "enabled": "y",
        "email": "y",
        "inapp": "y",
        "days_before": "7, 1",
        "repeat_days": "7",
        "hour": "8",
    }
    form.update(changes)
    response = client.post("/admin/notifications/kinds/test_reminder", data=form)
    html = page_text(response)
    assert response.status_code == 200
    assert f'data-field="{field}"' in html or (field == "inapp" and "invalid-feedback" in html)
    if changes.get("days_before"):
        assert changes["days_before"] in html  # what was typed stays
    assert db.session.scalar(sa.select(sa.func.count()).select_from(NotificationSetting)) == 0


def test_an_unknown_kind_is_not_found(app, client, login_as):
    login_as(factories.admin())
    assert client.get("/admin/notifications/kinds/nope").status_code == 404


def test_smtp_settings_are_saved_and_the_password_is_never_shown(app, client, login_as):
    login_as(factories.admin())
    form = {
        "host": "smtp.bansuan.go.th",
        "port": "587",
        "security": "starttls",
        "username": "hr",
        "password": "s3cret-pass",
        "sender": "hr@bansuan.go.th",
    }
    assert client.post("/admin/notifications/smtp", data=form).status_code == 302
    html = page_text(client.get("/admin/notifications/smtp"))
    assert "s3cret-pass" not in html and "smtp.bansuan.go.th" in html
    client.post("/admin/notifications/smtp", data={**form, "password": ""})  # empty keeps it
    assert db.session.get(SmtpSettings, 1).password == "s3cret-pass"
    client.post("/admin/notifications/smtp", data={**form, "password": "", "clear_password": "y"})
    db.session.expire_all()
    assert db.session.get(SmtpSettings, 1).password == ""


def test_the_smtp_password_is_not_in_the_audit_log(app, client, login_as):
    from ethics_hr.core.audit import AuditEntry

    login_as(factories.admin())
    form = {"host": "h", "port": "25", "security": "none", "password": "s3cret-pass", "sender": "a@b.org"}
    client.post("/admin/notifications/smtp", data=form)
    changes = " ".join(db.session.scalars(sa.select(AuditEntry.changes)))
    assert "smtp_settings" in " ".join(db.session.scalars(sa.select(AuditEntry.entity_type)))
    assert "s3cret-pass" not in changes


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"port": "0"}, "port"),
        ({"port": "abc"}, "port"),
        ({"sender": "not an address"}, "sender"),
        ({"sender": ""}, "sender"),
        ({"host": "smtp host with spaces"}, "host"),
    ],
)
def test_bad_smtp_settings_are_refused_next_to_the_field(app, client, login_as, changes, field):
    login_as(factories.admin())
    form = {
        "host": "smtp.example.org",
        "port": "25",
        "security": "none",
        "sender": "a@example.org",
        **changes,
    }
    response = client.post("/admin/notifications/smtp", data=form)
    assert response.status_code == 200
    assert f'data-field="{field}"' in page_text(response)
    assert db.session.get(SmtpSettings, 1) is None


def test_send_me_a_test_email(app, client, login_as, smtp_server):
    admin = login_as(factories.admin(email="admin@bansuan.go.th"))
    response = client.post("/admin/notifications/smtp/test", follow_redirects=True)
    assert "admin@bansuan.go.th" in page_text(response)
    (mail,) = smtp_server.messages
    assert mail["To"] == "admin@bansuan.go.th"
    assert db.session.scalar(sa.select(OutboxMessage.user_id)) == admin.id


def test_a_failing_test_email_shows_the_error(app, client, login_as, smtp_server):
    login_as(factories.admin(email="admin@bansuan.go.th"))
    smtp_server.stop()
    html = page_text(client.post("/admin/notifications/smtp/test", follow_redirects=True))
    assert "alert-danger" in html and "Error" in html


def test_the_outbox_shows_a_failed_message_with_its_error_and_sends_it_again(
    app, client, login_as, smtp_server
):
    import time_machine

    from tests.notifications.test_sender import START

    user = factories.user()
    with time_machine.travel(START, tick=False) as clock:
        notify(recipient(user), kind="test_email_only", target="t", render=hello)
        db.session.commit()
        smtp_server.on_message = lambda m: "451 mailbox busy"
        for _ in range(MAX_ATTEMPTS):
            deliver_due()
            clock.shift(24 * 3600)
    message = db.session.scalar(sa.select(OutboxMessage))
    assert message.status == OutboxStatus.FAILED
    login_as(factories.admin())
    html = page_text(client.get("/admin/notifications/outbox?status=failed"))
    assert f'data-message="{message.id}"' in html and "451 mailbox busy" in html
    assert "451 mailbox busy" in page_text(client.get(f"/admin/notifications/outbox/{message.id}"))
    assert f'data-message="{message.id}"' not in page_text(
        client.get("/admin/notifications/outbox?status=sent")
    )
    assert f'data-message="{message.id}"' not in page_text(
        client.get("/admin/notifications/outbox?kind=other")
    )

    smtp_server.on_message = None
    client.post(f"/admin/notifications/outbox/{message.id}/resend")
    db.session.expire_all()
    assert (message.status, message.attempts) == ("pending", 0)
    assert deliver_due() == 1
    assert len(smtp_server.messages) == 1
    # a message that is not failed cannot be sent again
    client.post(f"/admin/notifications/outbox/{message.id}/resend")
    db.session.expire_all()
    assert message.status == "sent"


def test_an_unknown_outbox_message_is_not_found(app, client, login_as):
    login_as(factories.admin())
    assert client.get("/admin/notifications/outbox/999").status_code == 404
    assert client.post("/admin/notifications/outbox/999/resend").status_code == 404


def test_posts_without_the_csrf_token_change_nothing(app, client, login_as, org):
    app.config["WTF_CSRF_ENABLED"] = True
    user = login_as(factories.user())
    give_notices(user, 1)
    client.post("/notifications/read-all")
    notice = db.session.scalar(sa.select(Notice))
    client.post(f"/notifications/{notice.id}/read")
    client.post("/notifications/preferences", data={})
    db.session.expire_all()
    assert db.session.scalar(sa.select(Notice.read_at)) is None
    assert registry.opted_out_kinds(user.id) == set()


@given(text=st.text(max_size=80))
def test_random_text_in_the_admin_forms_never_breaks_them(app, client, login_as, text):
    login_as(factories.admin())
    probe = f"{text}<x-probe>"
    for url, form in (
        (
            "/admin/notifications/kinds/test_reminder",
            {"days_before": probe, "repeat_days": text, "hour": text},
        ),
        ("/admin/notifications/smtp", {"host": probe, "port": text, "username": probe, "sender": probe}),
    ):
        response = client.post(url, data=form)
        assert response.status_code == 200  # refused, shown again
        assert "<x-probe>" not in page_text(response)
    assert (
        client.get("/admin/notifications/outbox", query_string={"status": text, "kind": text}).status_code
        == 200
    )


def test_the_outbox_and_notices_pages_cost_the_same_queries_for_more_rows(
    app, client, login_as, org, count_statements
):
    from ethics_hr.notifications.services import Attachment

    admin = login_as(factories.admin())

    def add(n: int, start: int) -> None:
        for i in range(start, start + n):
            notify(
                recipient(admin),
                kind="test_reminder",
                target=f"t{i}",
                render=hello,
                attachments=[Attachment("a.ics", b"x", "text/calendar")],
            )
        db.session.commit()

    add(3, 0)
    few = (
        count_statements.page(client, "/admin/notifications/outbox"),
        count_statements.page(client, "/notifications/"),
    )
    add(30, 3)
    many = (
        count_statements.page(client, "/admin/notifications/outbox"),
        count_statements.page(client, "/notifications/"),
    )
    assert few == many


def test_a_notice_reads_in_the_language_of_the_page_not_the_one_it_was_written_in(app, client, login_as, org):
    user = login_as(factories.user(locale="th"))
    give_notices(user, 1)
    thai = page_text(client.get("/notifications/"))
    user.preferred_locale = "en"
    db.session.commit()
    english = page_text(client.get("/notifications/"))
    assert "Welcome to the ethics programme" in english
    assert "Welcome to the ethics programme" not in thai
    assert "25 November 2026" in english


def test_a_notice_written_before_both_languages_were_kept_shows_what_it_had(app, org):
    old = Notice(user_id=factories.user().id, kind="k", target="t", title="แจ้งเตือน", body="ข้อความ")
    db.session.add(old)
    db.session.commit()
    assert old.title_in("en") == "แจ้งเตือน" and old.body_in("en") == "ข้อความ"


def test_the_outbox_names_the_kind_what_a_message_is_about_and_its_status_in_words(app, client, login_as):
    from datetime import UTC, datetime

    from ethics_hr.training import notices as training_notices

    user = factories.user()
    course = factories.course(title_th="ประมวลจริยธรรมสำหรับพนักงานใหม่")
    session = factories.session(course_=course, starts_at=datetime(2026, 12, 2, 2, 0, tzinfo=UTC))
    notify(
        recipient(user),
        kind=training_notices.INVITATION,
        target=training_notices.target_of(session),
        period="enrolled",
        render=hello,
    )
    db.session.commit()
    message = db.session.scalar(sa.select(OutboxMessage))
    login_as(factories.admin())  # Thai, the organisation's language
    for url in ("/admin/notifications/outbox", f"/admin/notifications/outbox/{message.id}"):
        html = page_text(client.get(url))
        visible = re.sub(r'(title|value)="[^"]*"', "", html)  # attributes are no reading matter
        assert "training_session:" not in visible and "training.invitation" not in visible
        assert "รุ่นการอบรม: ประมวลจริยธรรมสำหรับพนักงานใหม่ 2 ธ.ค. 2569 09:00 น." in html
        assert str(registry.get_kind(training_notices.INVITATION).label) in html
        assert "รอส่ง" in html and ">pending<" not in html
