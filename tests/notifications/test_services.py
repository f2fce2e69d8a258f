"""notify and notify_many: who gets what, once, in which language."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from ethics_hr.extensions import db
from ethics_hr.notifications import registry
from ethics_hr.notifications.models import Notice, NotificationOptOut, OutboxAttachment, OutboxMessage
from ethics_hr.notifications.services import (
    Attachment,
    Message,
    NotificationKind,
    Recipient,
    addressed_by_name,
    kind_settings,
    notify,
    notify_many,
    queue_many,
    register_kind,
    render_message,
)
from tests import factories
from tests.notifications.conftest import hello, recipient


def count(model, **where) -> int:
    query = sa.select(sa.func.count()).select_from(model)
    for key, value in where.items():
        query = query.where(getattr(model, key) == value)
    return db.session.scalar(query)


def test_notify_writes_a_notice_and_an_outbox_row(app, org):
    user = factories.user(locale="th")
    assert notify(
        recipient(user), kind="test_reminder", target="code:1", period="w1", render=hello, link="/x"
    )
    db.session.commit()
    notice = db.session.scalar(sa.select(Notice))
    mail = db.session.scalar(sa.select(OutboxMessage))
    assert (notice.user_id, notice.kind, notice.target, notice.period, notice.link) == (
        user.id,
        "test_reminder",
        "code:1",
        "w1",
        "/x",
    )
    assert mail.user_id == user.id and mail.email == user.person.email and mail.status == "pending"
    assert mail.recipient == f"user:{user.id}"
    assert notice.title == mail.subject


def test_notify_twice_writes_once_and_renders_once(app, org):
    user = factories.user()
    calls = []

    def render(r):
        calls.append(r)
        return hello(r)

    assert notify(recipient(user), kind="test_reminder", target="code:1", period="w1", render=render)
    assert not notify(recipient(user), kind="test_reminder", target="code:1", period="w1", render=render)
    db.session.commit()
    assert sorted(c.locale for c in calls) == ["en", "th"]  # once in each language the notice keeps
    assert count(Notice) == 1 and count(OutboxMessage) == 1
    # another period is another message
    assert notify(recipient(user), kind="test_reminder", target="code:1", period="w2", render=render)


def test_message_is_in_the_recipients_language_with_the_organisation_name(app, org):
    thai, english = factories.user(locale="th"), factories.user(locale="en")
    for user in (thai, english):
        notify(recipient(user), kind="test_reminder", target="t", period="", render=hello)
    db.session.commit()
    by_user = {m.user_id: m for m in db.session.scalars(sa.select(OutboxMessage))}
    assert "เทศบาลเมืองบ้านสวน" in by_user[thai.id].subject
    assert "ยินดีต้อนรับ" in by_user[thai.id].subject
    assert "25 พฤศจิกายน 2569" in by_user[thai.id].body_text
    assert by_user[thai.id].locale == "th"
    assert "Ban Suan Town Municipality" in by_user[english.id].subject
    assert "Welcome" in by_user[english.id].subject
    assert "25 November 2026" in by_user[english.id].body_text
    assert by_user[english.id].locale == "en"


def test_a_person_without_a_preferred_language_gets_the_organisations(app, org):
    user = factories.user(locale=None)
    notify(recipient(user), kind="test_reminder", target="t", render=hello)
    db.session.commit()
    assert db.session.scalar(sa.select(OutboxMessage.locale)) == "th"


def test_opt_out_is_respected_for_an_optional_kind(app, org):
    user = factories.user()
    registry.set_opt_outs(user.id, wanted=set())
    assert "test_reminder" in registry.opted_out_kinds(user.id)
    assert not notify(recipient(user), kind="test_reminder", target="t", render=hello)
    assert count(Notice) == 0 and count(OutboxMessage) == 0


def test_mandatory_kind_ignores_opt_out_and_cannot_be_opted_out(app, org):
    user = factories.user()
    registry.set_opt_outs(user.id, wanted=set())
    assert "test_mandatory" not in registry.opted_out_kinds(user.id)
    # even a stale opt-out row (the kind became mandatory later) does not stop it
    db.session.add(NotificationOptOut(user_id=user.id, kind="test_mandatory"))
    db.session.commit()
    assert notify(recipient(user), kind="test_mandatory", target="t", render=hello)
    db.session.commit()
    assert count(Notice) == 1 and count(OutboxMessage) == 1


def test_a_kind_the_administrator_made_mandatory_ignores_opt_outs(app, org):
    user = factories.user()
    registry.set_opt_outs(user.id, wanted=set())
    registry.save_kind_settings("test_reminder", enabled=True, mandatory=True, email=True, inapp=True)
    assert notify(recipient(user), kind="test_reminder", target="t", render=hello)


def test_a_kind_turned_off_sends_nothing(app, org):
    user = factories.user()
    registry.save_kind_settings("test_reminder", enabled=False, mandatory=False, email=True, inapp=True)
    assert not notify(recipient(user), kind="test_reminder", target="t", render=hello)
    assert notify_many([recipient(user)], kind="test_reminder", target="t", render=hello) == 0
    assert count(Notice) == 0 and count(OutboxMessage) == 0


def test_channels_follow_the_kind_settings(app, org):
    user = factories.user()
    notify(recipient(user), kind="test_email_only", target="t", render=hello)
    registry.save_kind_settings("test_reminder", enabled=True, mandatory=False, email=False, inapp=True)
    notify(recipient(user), kind="test_reminder", target="t", render=hello)
    db.session.commit()
    assert count(OutboxMessage, kind="test_email_only") == 1 and count(Notice, kind="test_email_only") == 0
    assert count(OutboxMessage, kind="test_reminder") == 0 and count(Notice, kind="test_reminder") == 1


def test_an_anonymous_asker_gets_only_an_email_with_no_account(app, org):
    assert notify("asker@example.org", kind="test_reminder", target="question:9", render=hello)
    assert not notify("asker@example.org", kind="test_reminder", target="question:9", render=hello)
    db.session.commit()
    mail = db.session.scalar(sa.select(OutboxMessage))
    assert mail.user_id is None and mail.email == "asker@example.org"
    assert mail.recipient == "email:asker@example.org"
    assert count(Notice) == 0


def test_a_person_without_email_gets_only_the_notice(app, org):
    user = factories.user(email=None)
    assert notify(recipient(user), kind="test_reminder", target="t", render=hello)
    db.session.commit()
    assert count(Notice) == 1 and count(OutboxMessage) == 0


def test_a_changed_email_address_does_not_make_a_second_message(app, org):
    user = factories.user()
    notify(recipient(user), kind="test_reminder", target="t", render=hello)
    moved = Recipient(user.id, "new@example.org", "th")
    assert not notify(moved, kind="test_reminder", target="t", render=hello)


def test_attachments_are_stored_with_the_message(app, org):
    user = factories.user()
    ics = Attachment("session.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar; method=REQUEST")
    notify(recipient(user), kind="test_reminder", target="t", render=hello, attachments=[ics])
    db.session.commit()
    stored = db.session.scalar(sa.select(OutboxAttachment))
    assert stored.filename == "session.ics" and stored.content.startswith(b"BEGIN:VCALENDAR")


def test_a_shorter_notice_text_can_be_given(app, org):
    user = factories.user()
    notify(
        recipient(user),
        kind="test_reminder",
        target="t",
        render=lambda r: Message("S", "long text", "", "short"),
    )
    db.session.commit()
    assert db.session.scalar(sa.select(Notice.body)) == "short"
    assert db.session.scalar(sa.select(OutboxMessage.body_text)) == "long text"


def test_an_unknown_kind_is_refused(app):
    with pytest.raises(LookupError):
        notify("a@example.org", kind="no_such_kind", target="t", render=hello)


def test_registering_a_code_twice_with_other_settings_is_refused(app):
    register_kind(NotificationKind("test_mandatory", "again", mandatory=True))  # same settings: fine
    with pytest.raises(ValueError):
        register_kind(NotificationKind("test_mandatory", "again", mandatory=False))


def test_kind_settings_come_from_the_registration_until_the_administrator_changes_them(app):
    s = kind_settings("test_reminder")
    assert (s.days_before, s.repeat_days, s.hour, s.customised) == ((7, 1), 7, 8, False)
    registry.save_kind_settings(
        "test_reminder", enabled=True, mandatory=False, email=True, inapp=True, days_before=(1, 3), hour=9
    )
    s = kind_settings("test_reminder")
    assert (s.days_before, s.repeat_days, s.hour, s.customised) == ((3, 1), None, 9, True)
    registry.reset_kind_settings("test_reminder")
    assert kind_settings("test_reminder").hour == 8


def test_notify_many_reaches_everyone_once_and_a_second_run_adds_nothing(app, org, people):
    everyone = [recipient(u) for u in people]
    assert notify_many(everyone, kind="test_reminder", target="code:1", period="w1", render=hello) == 10
    db.session.commit()
    assert count(Notice) == 10 and count(OutboxMessage) == 10
    assert notify_many(everyone, kind="test_reminder", target="code:1", period="w1", render=hello) == 0
    locales = dict(db.session.execute(sa.select(OutboxMessage.user_id, OutboxMessage.locale)).all())
    assert {locales[u.id] for u in people if u.preferred_locale == "en"} == {"en"}
    assert {locales[u.id] for u in people if u.preferred_locale == "th"} == {"th"}


def test_notify_many_after_a_crash_half_way_adds_only_what_is_missing(app, org, people):
    everyone = [recipient(u) for u in people]
    for r in everyone[:4]:  # the first run got this far
        notify(r, kind="test_reminder", target="code:1", period="w1", render=hello)
    db.session.commit()
    rendered = []

    def render(r):
        rendered.append(r.id)
        return hello(r)

    assert notify_many(everyone, kind="test_reminder", target="code:1", period="w1", render=render) == 6
    assert sorted(set(rendered)) == sorted(r.id for r in everyone[4:])


def test_notify_many_skips_opted_out_people_and_takes_targets_per_recipient(app, org, people):
    registry.set_opt_outs(people[0].id, wanted=set())
    n = notify_many(
        [recipient(u) for u in people],
        kind="test_reminder",
        target=lambda r: f"person:{r.id}",
        link=lambda r: f"/people/{r.id}",
        render=hello,
    )
    db.session.commit()
    assert n == 9
    assert count(Notice, user_id=people[0].id) == 0
    notice = db.session.scalar(sa.select(Notice).where(Notice.user_id == people[1].id))
    assert notice.target == f"person:{people[1].id}" and notice.link == f"/people/{people[1].id}"


def test_notify_many_with_nothing_new_costs_the_same_queries_for_more_people(app, org, count_statements):
    users = [factories.user() for _ in range(30)]

    def statements_for(group) -> int:
        everyone = [recipient(u) for u in group]
        notify_many(everyone, kind="test_reminder", target="code:1", render=hello)
        db.session.commit()
        with count_statements() as seen:
            notify_many(everyone, kind="test_reminder", target="code:1", render=hello)
        return len(seen)

    assert statements_for(users[:5]) == statements_for(users)


def test_queue_many_ignores_rows_already_queued(app):
    rows = [
        {
            "kind": "k",
            "target": "t",
            "period": "p",
            "email": f"p{i}@example.org",
            "subject": "s",
            "body_text": "b",
        }
        for i in range(5)
    ]
    assert queue_many(rows) == 5
    assert queue_many([*rows, {**rows[0], "email": "x@example.org"}]) == 1
    db.session.commit()
    assert count(OutboxMessage) == 6


@pytest.mark.own_connections
def test_two_writers_at_once_queue_one_message(app, org):
    user = factories.user()
    r = recipient(user)
    barrier = threading.Barrier(2)
    errors = []

    def write():
        with app.app_context():
            try:
                barrier.wait()
                notify(r, kind="test_reminder", target="race", render=hello)
                db.session.commit()
            except Exception as error:  # pragma: no cover - reported below
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=write) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert count(OutboxMessage) == 1 and count(Notice) == 1


def test_a_message_rendered_once_per_language_reads_as_if_rendered_for_each_person(app, org, people):
    people[0].person.first_name_en = people[0].person.first_name_th = 'Tom "<b>" & Jerry'
    db.session.commit()
    everyone = [recipient(u) for u in people] + [Recipient(None, "desk@example.org", "th", "")]
    renderings = []

    def welcome(r: Recipient) -> Message:
        renderings.append(r.locale)
        return render_message(f"{r.name} · hello", "notifications/email/welcome", link="/home", name=r.name)

    def each(kind: str, render) -> dict:
        assert notify_many(everyone, kind=kind, target="code:1", period="w1", render=render) == 11
        rows = db.session.execute(
            sa.select(
                OutboxMessage.email,
                OutboxMessage.subject,
                OutboxMessage.body_text,
                OutboxMessage.body_html,
            ).where(OutboxMessage.kind == kind)
        )
        notices = db.session.execute(
            sa.select(Notice.user_id, Notice.title, Notice.body, Notice.title_en, Notice.body_en).where(
                Notice.kind == kind
            )
        )
        return {row[0]: row[1:] for row in rows} | {row[0]: row[1:] for row in notices}

    by_person = each("test_reminder", welcome)
    # Each person in their language and in the other one (for their notice), and the desk.
    assert len(renderings) == 10 + 10 + 1
    renderings.clear()
    once = each("test_mandatory", addressed_by_name(welcome))
    assert sorted(renderings) == ["en", "th", "th"]  # per language, and the address without a name
    assert once == by_person
    _, text, html = once[people[0].person.email]
    assert "Tom &#34;&lt;b&gt;&#34; &amp; Jerry" in html and 'Tom "<b>" & Jerry' in text and "<b>" not in html
    assert not any("Dear" in body or "เรียน" in body for body in once["desk@example.org"][1:])
