"""The administrator's screens: the audit log with its filters, the chain check, organisation settings."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
import time_machine

from ethics_hr.core.audit import AuditEntry, acting_as
from ethics_hr.core.settings import OrganisationSettings
from ethics_hr.extensions import db
from ethics_hr.people.models import Department
from tests import factories

pytestmark = pytest.mark.usefixtures("in_english")


@pytest.fixture
def admin(client, login_as):
    return login_as(factories.admin())


def shown_ids(html: str) -> set[str]:
    """The record ids of the departments listed on the audit page (their codes, which are unique here)."""
    return {code for code in ("AAA", "BBB", "CCC", "DDD") if code in html}


@pytest.fixture
def history(app):
    """Department changes by two people on three Bangkok days."""
    with time_machine.travel(datetime(2026, 11, 23, 3, 0, tzinfo=UTC), tick=False), acting_as(1, "E-1 สมชาย"):
        factories.department(code="AAA")
    # 24 Nov 18:00 UTC is already 25 Nov 01:00 in Bangkok
    with time_machine.travel(datetime(2026, 11, 24, 18, 0, tzinfo=UTC), tick=False), acting_as(2, "E-2 มานี"):
        factories.department(code="BBB")
    with time_machine.travel(datetime(2026, 11, 26, 3, 0, tzinfo=UTC), tick=False), acting_as(1, "E-1 สมชาย"):
        factories.department(code="CCC")
        factories.person(employee_number="DDD")


def audit(client, **args) -> str:
    response = client.get("/admin/audit", query_string=args)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_audit_page_lists_the_latest_first(client, admin, history):
    html = audit(client)
    assert html.index("CCC") < html.index("BBB") < html.index("AAA")


def test_the_audit_page_filters_by_who(client, admin, history):
    assert shown_ids(audit(client, who="มานี")) == {"BBB"}
    assert shown_ids(audit(client, who="e-1")) == {"AAA", "CCC", "DDD"}


def test_the_audit_page_filters_by_record_type(client, admin, history):
    assert shown_ids(audit(client, what="person")) == {"DDD"}
    html = audit(client, what="department")
    assert shown_ids(html) == {"AAA", "BBB", "CCC"}


def test_the_audit_page_filters_by_bangkok_days(client, admin, history):
    assert shown_ids(audit(client, **{"from": "2026-11-25", "to": "2026-11-25"})) == {"BBB"}
    assert shown_ids(audit(client, **{"from": "2026-11-24"})) == {"BBB", "CCC", "DDD"}
    assert shown_ids(audit(client, to="2026-11-24")) == {"AAA"}


def test_the_audit_page_combines_filters_and_ignores_bad_dates(client, admin, history):
    assert shown_ids(audit(client, who="E-1", what="department", **{"from": "2026-11-26"})) == {"CCC"}
    assert shown_ids(audit(client, **{"from": "yesterday", "to": "2026-99-99"})) == {
        "AAA",
        "BBB",
        "CCC",
        "DDD",
    }


def test_the_audit_page_filters_by_record_id(client, admin, history):
    bbb = db.session.scalar(sa.text("SELECT id FROM department WHERE code = 'BBB'"))
    assert shown_ids(audit(client, what="department", entity_id=str(bbb))) == {"BBB"}


def test_the_audit_page_shows_the_changes_escaped(client, admin):
    factories.department(code="XSS", name_th="<script>alert(1)</script>")
    html = audit(client)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_the_audit_page_names_the_recorded_columns_and_words_in_the_reading_language(client, admin):
    factories.department(code="LBL", name_th="กองทดสอบ")
    html = audit(client, what="department")
    assert 'title="name_th">Name (Thai)</span>' in html and "<code>name_th</code>" not in html
    admin.preferred_locale = "th"
    db.session.commit()
    html = audit(client, what="department")
    assert "ชื่อ (ภาษาไทย)" in html and ">Name (Thai)<" not in html


def test_every_column_the_audit_log_records_has_a_label(app):
    from ethics_hr.core import audit as audit_log

    audited = [t for t in db.metadata.sorted_tables if t.name in audit_log.RECORD_TYPES]
    unnamed = [
        f"{t.name}.{c.name}" for t in audited for c in t.columns if audit_log.field_label(c.name) == c.name
    ]
    assert len(audited) > 30 and not unnamed, unnamed
    assert audit_log.field_label("position", "person") == "Position"
    assert audit_log.field_label("position", "report_measure") == "Order"  # a place in the list there


def test_the_audit_page_names_stored_statuses_as_the_pages_do(app):
    from ethics_hr.core import audit as audit_log

    assert audit_log.change_value_text("status", "published") == "Published"
    assert audit_log.change_value_text("subject", "published") == "published"  # data stays as written


def test_the_audit_page_is_paginated(app, client, admin):
    app.config["PER_PAGE"] = 5
    for _ in range(8):
        factories.department()
    assert "page=2" in audit(client)
    assert audit(client, page=99)


def test_the_chain_check_from_the_page_says_it_is_intact(client, admin):
    factories.department()
    client.post("/admin/audit/verify")
    with client.session_transaction() as session:
        [(category, message)] = session["_flashes"]
    assert category == "success"
    assert "The audit log is intact" in message


def test_the_chain_check_from_the_page_names_the_tampered_entry(client, admin):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("tampering is shown on SQLite here; tests/core/test_audit.py covers both databases")
    factories.department()
    last = db.session.scalar(sa.select(sa.func.max(AuditEntry.id)))
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_entry_no_update")
        conn.exec_driver_sql(f"UPDATE audit_entry SET actor_label = 'forged' WHERE id = {last}")
    client.post("/admin/audit/verify")
    with client.session_transaction() as session:
        [(category, message)] = session["_flashes"]
    assert category == "danger"
    assert f"tampered with at entry {last}" in message


# ---------------------------------------------------------------- settings


def settings_data(**kw) -> dict:
    return {
        "name_th": "เทศบาลตำบลบ้านสวน",
        "name_en": "Ban Suan Subdistrict Municipality",
        "fiscal_year_start_month": "10",
        "timezone": "Asia/Bangkok",
        "default_locale": "th",
        "thai_numerals_in_documents": "y",
        "acknowledgment_requires_password": "y",
        "ethics_hours_required": "6",
        "gift_report_threshold": "3000",
        "gift_report_days": "30",
        "conflict_declaration_days": "60",
    } | kw


def test_an_administrator_changes_the_organisation_settings(client, admin):
    response = client.post("/admin/settings", data=settings_data(default_locale="en"))
    assert response.headers["Location"] == "/admin/settings"
    db.session.expire_all()
    settings = db.session.get(OrganisationSettings, 1)
    assert settings.name_th == "เทศบาลตำบลบ้านสวน"
    assert settings.default_locale == "en"
    assert (settings.gift_report_threshold, settings.gift_report_days) == (3000, 30)
    assert "Ban Suan Subdistrict Municipality" in client.get("/admin/settings").get_data(as_text=True)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name_th": ""}, "name_th"),
        ({"fiscal_year_start_month": "13"}, "fiscal_year_start_month"),
        ({"fiscal_year_start_month": "ten"}, "fiscal_year_start_month"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"default_locale": "fr"}, "default_locale"),
        ({"gift_report_threshold": "-1"}, "gift_report_threshold"),
        ({"gift_report_threshold": ""}, "gift_report_threshold"),
        ({"gift_report_days": "0"}, "gift_report_days"),
        ({"gift_report_days": "thirty"}, "gift_report_days"),
    ],
)
def test_bad_settings_are_refused_next_to_the_field(client, admin, changes, field):
    html = client.post("/admin/settings", data=settings_data(**changes)).get_data(as_text=True)
    assert f'data-field="{field}"' in html
    assert 'value="เทศบาลตำบลบ้านสวน"' in html or field == "name_th"
    db.session.expire_all()
    assert db.session.get(OrganisationSettings, 1).name_th != "เทศบาลตำบลบ้านสวน"


def test_the_administration_menu_is_shown_to_administrators(client, admin):
    html = client.get("/admin/").get_data(as_text=True)
    assert "/admin/audit" in html
    assert "/admin/settings" in html


def test_the_audit_page_names_record_types_actions_and_actors_in_the_readers_language(client, login_as, app):
    from ethics_hr.core.settings import get_settings

    get_settings().default_locale = "th"
    db.session.commit()
    with time_machine.travel(datetime(2026, 11, 23, 3, 0, tzinfo=UTC), tick=False):
        with acting_as(None, "scheduler"):
            factories.department(code="AAA")
        user = factories.admin()
        db.session.commit()
        client.post("/login", data={"login": user.person.employee_number, "password": factories.PASSWORD})
        # The administrator renames the department (as the department form would, under their name).
        with acting_as(user.id, user.audit_label):
            department = db.session.scalar(sa.select(Department).where(Department.code == "AAA"))
            department.name_th = "สำนักปลัด"
            db.session.commit()
        html = client.get("/admin/audit").get_data(as_text=True)
    assert "สำนัก/กอง" in html and ">department<" not in html  # the record type, not its table
    assert "งานอัตโนมัติตามกำหนดเวลา" in html and ">scheduler<" not in html
    assert ">สร้าง<" in html and ">แก้ไข<" in html and ">create<" not in html
    # The change is the person's own, not a nameless "visitor"; its time is local, not ISO UTC.
    assert "visitor" not in html and "ผู้เข้าชมที่ไม่ได้เข้าสู่ระบบ" not in html
    assert user.audit_label in html
    assert "2026-11-23T03:00" not in html and "23 พ.ย. 2569 10:00 น." in html


def test_an_anonymous_askers_entry_shows_the_local_day_it_happened_and_no_time(client, admin):
    from ethics_hr.core.audit import anonymous, release_deferred

    # 2 Dec 2026, 06:30 in Bangkok is still 1 Dec in UTC: the entry belongs to 2 Dec, with no time,
    # and enters the log in the batch of a later morning.
    with time_machine.travel(datetime(2026, 12, 1, 23, 30, tzinfo=UTC), tick=False), anonymous():
        factories.department(code="AAA")
    with time_machine.travel(datetime(2026, 12, 3, 1, 0, tzinfo=UTC), tick=False):
        assert release_deferred() == 1
        db.session.commit()
    html = audit(client)
    row = html.split("<tbody>", 1)[1].split("</tr>", 1)[0]  # the newest entry
    assert '<td class="text-nowrap">2 Dec 2026</td>' in row
    assert "An anonymous asker" in html


def test_the_anchor_is_on_the_audit_page_in_a_file_and_on_the_public_page(client, admin):
    from ethics_hr.core.audit import anchor_chain

    assert "Not anchored yet" in audit(client)
    anchor = anchor_chain()
    db.session.commit()
    assert f"last entry {anchor.head_id}." in audit(client)
    response = client.get("/admin/audit/anchors.txt")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    assert anchor.line in response.get_data(as_text=True)
    public = client.get("/public/").get_data(as_text=True)
    assert anchor.head_hash in public and f"last entry {anchor.head_id}" in public
