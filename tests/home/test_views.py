"""The home page: the line under the greeting, and the first-run card an administrator sees."""

from __future__ import annotations

import re

import pytest

from ethics_hr.core.settings import save_settings
from tests import factories

pytestmark = pytest.mark.usefixtures("in_english")


def about_line(html: str) -> str:
    return re.search(r'data-testid="home-about">([^<]*)<', html).group(1).strip()


def test_the_line_under_the_greeting_has_no_stray_separator_without_position_or_department(client, login_as):
    user = login_as(factories.admin(position=""))
    assert user.person.department is None
    line = about_line(client.get("/home").get_data(as_text=True))
    assert line.startswith("Today is") and "·" not in line


def test_the_line_under_the_greeting_joins_position_department_and_date(client, login_as):
    dept = factories.department(name_en="Office of the Clerk")
    login_as(factories.officer(position="HR officer", dept=dept))
    parts = about_line(client.get("/home").get_data(as_text=True)).split(" · ")
    assert parts[:2] == ["HR officer", "Office of the Clerk"] and parts[2].startswith("Today is")


def test_only_an_administrator_sees_the_first_run_steps_until_they_are_done(client, login_as):
    login_as(factories.officer())
    assert 'data-testid="home-setup"' not in client.get("/home").get_data(as_text=True)
    login_as(factories.admin())
    html = client.get("/home").get_data(as_text=True)
    assert 'data-testid="home-setup"' in html and 'href="/admin/setup/name"' in html


def test_a_page_says_the_name_is_not_set_rather_than_a_placeholder(client, login_as):
    login_as(factories.admin())
    html = client.get("/home").get_data(as_text=True)
    assert "(organisation name not set)" in html
    assert "Your organisation" not in html and "หน่วยงานของท่าน" not in html
    save_settings(name_th="เทศบาลตำบลบ้านสวน", name_en="Ban Suan Subdistrict Municipality")
    html = client.get("/home").get_data(as_text=True)
    assert "Ban Suan Subdistrict Municipality" in html and "(organisation name not set)" not in html
