"""The first-run steps one by one: what makes each done, skipping the logo, the short list of time zones."""

from __future__ import annotations

import io
import re

import pytest

from ethics_hr.admin.setup import setup_steps, steps_left
from ethics_hr.core.settings import TIME_ZONES, get_settings, save_settings
from tests import factories
from tests.admin.test_first_run import tiny_png

pytestmark = pytest.mark.usefixtures("in_english")


@pytest.fixture
def admin(client, login_as):
    return login_as(factories.admin())


def done(key: str) -> bool:
    return next(step.done for step in setup_steps() if step.key == key)


def test_each_step_is_done_by_the_data_it_asks_for(app):
    assert [step.key for step in steps_left()] == ["name", "logo", "calendar", "departments", "officer"]
    save_settings(name_th="เทศบาลตำบลบ้านสวน")
    factories.department(code="สป")
    factories.officer()
    assert [step.key for step in steps_left()] == ["logo", "calendar"]


def test_an_officer_without_an_active_person_does_not_count_as_the_first_officer(app):
    factories.officer(active=False)
    assert not done("officer")


def test_the_logo_step_can_be_skipped_and_the_logo_removed(client, admin):
    response = client.post("/admin/setup/logo/skip")
    assert response.status_code == 302 and done("logo")
    client.post("/admin/setup/logo", data={"logo": (io.BytesIO(tiny_png()), "logo.png")})
    assert get_settings().logo_file_id is not None
    assert client.get("/logo").status_code == 200
    client.post("/admin/setup/logo/remove")
    assert get_settings().logo_file_id is None
    assert client.get("/logo").status_code == 404


def test_a_logo_that_is_a_pdf_is_refused_next_to_the_field(client, admin):
    html = client.post(
        "/admin/setup/logo", data={"logo": (io.BytesIO(factories.PDF_BYTES), "logo.pdf")}
    ).get_data(as_text=True)
    assert re.search(r'data-field="logo">[^<]+<', html)
    assert get_settings().logo_file_id is None and not done("logo")


def test_the_settings_page_offers_a_short_list_of_time_zones_led_by_bangkok(client, admin):
    html = client.get("/admin/settings").get_data(as_text=True)
    select = html.split('name="timezone"')[1].split("</select>")[0]
    zones = re.findall(r'value="([^"]+)"', select)
    assert zones == [key for key, _label in TIME_ZONES]
    assert "Thailand (UTC+7)" in select and "Europe/Andorra" not in select


def test_a_time_zone_stored_before_the_short_list_stays_choosable(client, admin):
    save_settings(timezone="Europe/Berlin")
    html = client.get("/admin/settings").get_data(as_text=True)
    assert 'value="Europe/Berlin" selected' in html or 'selected value="Europe/Berlin"' in html


def test_the_first_run_pages_are_for_administrators_only(client, login_as):
    login_as(factories.officer())
    for url in ("/admin/setup", "/admin/setup/name", "/admin/setup/officer"):
        assert client.get(url).status_code == 403
    assert client.post("/admin/setup/logo/skip").status_code == 403


def test_without_an_english_name_english_pages_show_the_thai_one(client, admin):
    data = {
        "name_th": "เทศบาลตำบลบ้านสวน",
        "name_en": "",
        "fiscal_year_start_month": "10",
        "timezone": "Asia/Bangkok",
        "default_locale": "en",
        "ethics_hours_required": "6",
        "gift_report_threshold": "3000",
        "gift_report_days": "30",
        "conflict_declaration_days": "60",
    }
    assert client.post("/admin/settings", data=data).status_code == 302
    assert get_settings().name_en == ""
    assert "เทศบาลตำบลบ้านสวน" in client.get("/home").get_data(as_text=True)


def test_the_checklist_leads_on_to_the_first_step_left(client, admin):
    html = client.get("/admin/setup").get_data(as_text=True)
    assert re.search(r'href="/admin/setup/name" data-testid="setup-continue">Continue: ', html)
    save_settings(name_th="เทศบาลทดสอบ")
    html = client.get("/admin/setup").get_data(as_text=True)
    assert 'href="/admin/setup/logo" data-testid="setup-continue"' in html
