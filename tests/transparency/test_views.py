"""Public evidence pages: open to anyone, stable addresses, honest when empty, nothing private."""

from __future__ import annotations

import pytest

from ethics_hr.core.args import current_fiscal_year
from tests import factories

PUBLIC_PAGES = [
    "/public/",
    "/public/codes",
    "/public/committees",
    "/public/plan/2569",
    "/public/training/2569",
    "/public/faq",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_open_without_logging_in_and_without_the_app_menu(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "public-page" in html
    assert "app-navbar" not in html and "/logout" not in html
    assert 'data-testid="language-switch"' in html


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_open_for_logged_in_people_too(client, login_as, url):
    login_as(factories.user())
    assert client.get(url).status_code == 200


def test_pages_of_the_current_year_redirect_to_the_address_naming_it(client):
    fy = current_fiscal_year()
    assert client.get("/public/plan").location.endswith(f"/public/plan/{fy}")
    assert client.get("/public/training").location.endswith(f"/public/training/{fy}")


def test_a_year_that_is_not_a_fiscal_year_is_not_found(client):
    assert client.get("/public/plan/12").status_code == 404
    assert client.get("/public/training/99999").status_code == 404


def test_a_year_without_training_says_so_in_thai(client):
    html = client.get("/public/training/2570").get_data(as_text=True)
    assert "ยังไม่มีการฝึกอบรมในปีงบประมาณ พ.ศ. 2570" in html


def test_a_year_without_training_says_so_in_english(client):
    client.post("/language/en", data={"next": "/public/training/2570"})
    html = client.get("/public/training/2570").get_data(as_text=True)
    assert "No trainings recorded for FY 2027 (B.E. 2570)" in html
    assert 'lang="en"' in html


def test_empty_pages_are_honest(client):
    assert "ยังไม่มีประมวลจริยธรรมที่เผยแพร่" in client.get("/public/codes").get_data(as_text=True)
    assert "ยังไม่มีคณะกรรมการที่เผยแพร่" in client.get("/public/committees").get_data(as_text=True)
    assert "ยังไม่มีคำตอบที่เผยแพร่" in client.get("/public/faq").get_data(as_text=True)
    plan = client.get("/public/plan/2570").get_data(as_text=True)
    assert "ยังไม่มีแผนการบริหารและพัฒนาทรัพยากรบุคคลที่มีผลบังคับใช้ในปีงบประมาณ พ.ศ. 2570" in plan


def test_index_links_every_evidence_page_of_the_current_year(client):
    html = client.get("/public/").get_data(as_text=True)
    fy = current_fiscal_year()
    for href in (
        "/public/codes",
        "/public/committees",
        f"/public/plan/{fy}",
        f"/public/training/{fy}",
        "/public/faq",
    ):
        assert f'href="{href}"' in html


def test_the_app_footer_links_the_public_pages(client, login_as):
    login_as(factories.user())
    assert 'href="/public/"' in client.get("/home").get_data(as_text=True)


def test_public_pages_carry_no_inline_script(client):
    html = client.get("/public/").get_data(as_text=True)
    assert "<script>" not in html and "evidence.js" in html
