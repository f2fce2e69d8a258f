"""The first run: from an empty migrated database and `create-admin` to an organisation ready for a plan.

The administrator walks every first-run step in the browser test client, bad inputs first, then good ones; the
personnel officer it creates activates their account and adds the first plan item (the areas came with the
migrations).
"""

from __future__ import annotations

import io
import re
import struct
import zlib

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from ethics_hr import MIGRATIONS_DIR, create_app
from ethics_hr.core.access import PERSONNEL
from ethics_hr.core.settings import get_settings
from ethics_hr.core.uploads import StoredFile
from ethics_hr.extensions import db
from ethics_hr.people.models import Department, Person, User
from ethics_hr.plans.models import PlanItem
from tests.conftest import IsolatedClient, postgres_migrations_url

PASSWORD = "a long admin secret 2569"


def tiny_png() -> bytes:
    """A valid 1×1 PNG, made here so the test needs no image file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x1e\x3a\x8a")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _empty_postgres(url: str) -> str:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def migrated_app(request, tmp_path):
    """An app on a database built by `flask db upgrade` alone: no demo, no init-data, nobody."""
    if request.param == "postgresql":
        url = _empty_postgres(postgres_migrations_url("first run"))
    else:
        url = f"sqlite:///{tmp_path / 'first-run.sqlite'}"
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "INSTANCE_PATH": str(tmp_path),
            "UPLOAD_FOLDER": str(tmp_path / "uploads"),
        },
        env="testing",
    )
    app.test_client_class = IsolatedClient
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        yield app
        db.session.remove()
        db.engine.dispose()


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def field_error(html: str, name: str) -> str:
    """The error text shown next to a field, or '' when there is none."""
    found = re.search(rf'data-field="{name}">([^<]*)<', html)
    return found.group(1) if found else ""


def value_of(html: str, name: str) -> str | None:
    found = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', html) or re.search(
        rf'<input[^>]*value="([^"]*)"[^>]*name="{name}"', html
    )
    return found.group(1) if found else None


def steps_done(html: str) -> dict[str, bool]:
    return {key: done == "yes" for key, done in re.findall(r'data-step="(\w+)" data-done="(\w+)"', html)}


def test_an_empty_install_leads_the_administrator_to_an_organisation_ready_for_its_first_plan(migrated_app):
    app = migrated_app
    result = app.test_cli_runner().invoke(
        args=[
            "create-admin",
            "--employee-number",
            "ADM-1",
            "--first-name",
            "ผู้ดูแล",
            "--last-name",
            "ระบบ",
            "--password",
            PASSWORD,
        ]
    )
    assert result.exit_code == 0, result.output
    client = app.test_client()
    response = client.post("/login", data={"login": "ADM-1", "password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"].endswith("/home")

    # The home page says the name is not set (never "หน่วยงานของท่าน") and lists every step, none done.
    home = page(client, "/home")
    assert "หน่วยงานของท่าน" not in home
    assert "ยังไม่ได้ตั้งชื่อหน่วยงาน" in home
    assert 'data-testid="home-setup"' in home
    assert steps_done(home) == dict.fromkeys(("name", "logo", "calendar", "departments", "officer"), False)
    for endpoint in ("/admin/setup/name", "/admin/setup/logo", "/admin/setup/calendar"):
        assert f'href="{endpoint}"' in home
    about = re.search(r'data-testid="home-about">([^<]*)<', home).group(1)
    assert not about.strip().startswith("·"), about

    # 1. The name: required; what was typed stays; nothing saved until it is valid.
    html = client.post("/admin/setup/name", data={"name_th": "  ", "name_en": "Ban Suan"}).get_data(
        as_text=True
    )
    assert field_error(html, "name_th")
    assert value_of(html, "name_en") == "Ban Suan"
    assert not get_settings().is_named
    response = client.post(
        "/admin/setup/name",
        data={"name_th": "เทศบาลตำบลบ้านสวน", "name_en": "Ban Suan Subdistrict Municipality"},
    )
    assert response.headers["Location"].endswith("/admin/setup/logo")

    # 2. The logo: a file that is no image is refused next to the field; a PNG is kept and served.
    html = client.post(
        "/admin/setup/logo", data={"logo": (io.BytesIO(b"not an image"), "logo.png")}
    ).get_data(as_text=True)
    assert field_error(html, "logo")
    html = client.post("/admin/setup/logo", data={}).get_data(as_text=True)
    assert field_error(html, "logo")
    assert db.session.scalar(sa.select(sa.func.count(StoredFile.id))) == 0
    response = client.post("/admin/setup/logo", data={"logo": (io.BytesIO(tiny_png()), "ตรา.png")})
    assert response.headers["Location"].endswith("/admin/setup/calendar")
    logo = client.get("/logo")
    assert logo.status_code == 200 and logo.mimetype == "image/png"
    assert 'class="app-logo"' in page(client, "/home")

    # 3. Fiscal year, time zone, numbers: a short list led by Bangkok; a zone or month not offered is refused.
    html = page(client, "/admin/setup/calendar")
    zones = re.findall(r'<option[^>]*value="([^"]+)"', html.split('name="timezone"')[1].split("</select>")[0])
    assert zones[0] == "Asia/Bangkok" and len(zones) <= 12
    bad = {
        "fiscal_year_start_month": "13",
        "timezone": "Mars/Olympus",
        "default_locale": "th",
        "thai_numerals_in_documents": "y",
    }
    html = client.post("/admin/setup/calendar", data=bad).get_data(as_text=True)
    assert field_error(html, "timezone") and field_error(html, "fiscal_year_start_month")
    assert not get_settings().has_confirmed("calendar")
    good = bad | {"fiscal_year_start_month": "10", "timezone": "Asia/Bangkok"}
    response = client.post("/admin/setup/calendar", data=good)
    assert response.headers["Location"].endswith("/admin/setup/departments")

    # 4. Departments with Thai short codes: a space in the code, no name, a code used twice are refused.
    html = client.post("/admin/setup/departments", data={"code": "ส ป", "name_th": "สำนักปลัด"}).get_data(
        as_text=True
    )
    assert field_error(html, "code") and value_of(html, "name_th") == "สำนักปลัด"
    html = client.post("/admin/setup/departments", data={"code": "สป", "name_th": ""}).get_data(as_text=True)
    assert field_error(html, "name_th") and value_of(html, "code") == "สป"
    assert db.session.scalar(sa.select(sa.func.count(Department.id))) == 0
    for code, name in (("สป", "สำนักปลัด"), ("กค", "กองคลัง")):
        response = client.post(
            "/admin/setup/departments", data={"code": code, "name_th": name, "name_en": ""}
        )
        assert response.status_code == 302
    html = client.post("/admin/setup/departments", data={"code": "สป", "name_th": "ซ้ำ"}).get_data(
        as_text=True
    )
    assert field_error(html, "code")
    html = page(client, "/admin/setup/departments")
    assert "สำนักปลัด" in html and "กองคลัง" in html and 'href="/admin/setup/officer"' in html

    # 5. The first personnel officer: bad inputs first; then a person, an account and an activation slip.
    office = db.session.scalar(sa.select(Department).where(Department.code == "สป"))
    category = db.session.scalar(sa.text("SELECT id FROM staff_category WHERE code = 'local_official'"))
    officer = {
        "employee_number": "HR-01",
        "prefix": "นาง",
        "first_name_th": "สมศรี",
        "last_name_th": "ขยันงาน",
        "position": "นักทรัพยากรบุคคลชำนาญการ",
        "staff_category_id": str(category),
        "department_id": str(office.id),
        "email": "somsri@bansuan.go.th",
    }
    html = client.post(
        "/admin/setup/officer", data=officer | {"first_name_th": "", "email": "not-an-email"}
    ).get_data(as_text=True)
    assert field_error(html, "first_name_th") and field_error(html, "email")
    assert value_of(html, "employee_number") == "HR-01"
    html = client.post("/admin/setup/officer", data=officer | {"employee_number": "ADM-1"}).get_data(
        as_text=True
    )
    assert field_error(html, "employee_number")
    assert db.session.scalar(sa.select(sa.func.count(Person.id))) == 1  # the administrator alone
    html = client.post("/admin/setup/officer", data=officer).get_data(as_text=True)
    link = re.search(r'data-testid="slip-link">[^<]*(/activate/[\w-]+)<', html).group(1)
    assert re.search(r'data-testid="slip-code">\w+<', html)
    user = db.session.scalar(sa.select(User).join(Person).where(Person.employee_number == "HR-01"))
    assert user.roles == {PERSONNEL} and not user.is_activated

    # Every step ticked: the checklist says so and the home page no longer shows it.
    html = page(client, "/admin/setup")
    assert steps_done(html) == dict.fromkeys(("name", "logo", "calendar", "departments", "officer"), True)
    home = page(client, "/home")
    assert 'data-testid="home-setup"' not in home
    assert "เทศบาลตำบลบ้านสวน" in home

    # The officer sets a password from the slip and adds the first plan and its first item (areas exist).
    officer_client = app.test_client()
    response = officer_client.post(
        link, data={"password": "hr office secret 2569", "confirm": "hr office secret 2569"}
    )
    assert response.status_code == 302
    response = officer_client.post(
        "/plans/new",
        data={"title_th": "แผนพัฒนาบุคลากร", "first_fiscal_year": "2570", "last_fiscal_year": "2572"},
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    plan_url = response.headers["Location"]
    plan_id = int(plan_url.rstrip("/").rsplit("/", 1)[1])
    form = page(officer_client, f"/plans/{plan_id}/items/new")
    areas = re.findall(r'<option[^>]*value="(\d+)"', form.split('name="area_id"')[1].split("</select>")[0])
    assert areas, "the plan item form offers no area: the dead end of a new install"
    response = officer_client.post(
        f"/plans/{plan_id}/items/new",
        data={
            "name": "อบรมคุณธรรมจริยธรรม",
            "area_id": areas[0],
            "target_participants": "40",
            "fiscal_year": "2570",
            "quarter": "1",
            "responsible_department_id": str(office.id),
            "department_ids": [str(office.id)],
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(PlanItem.id))) == 1


def test_the_upgrade_empties_a_placeholder_stored_as_the_name_and_keeps_a_real_one(tmp_path):
    for stored, expected in (("หน่วยงานของท่าน", ""), ("เทศบาลตำบลบ้านสวน", "เทศบาลตำบลบ้านสวน")):
        url = f"sqlite:///{tmp_path / f'upgrade-{len(expected)}.sqlite'}"
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_PATH": str(tmp_path)}, env="testing")
        with app.app_context():
            upgrade(directory=MIGRATIONS_DIR, revision="0010")
            db.session.execute(
                sa.text(
                    "INSERT INTO organisation_settings (id, name_th, name_en, fiscal_year_start_month, "
                    "timezone, default_locale, thai_numerals_in_documents, question_answer_days, "
                    "acknowledgment_requires_password, ethics_hours_required, created_at, updated_at) VALUES "
                    "(1, :th, 'Your organisation', 10, 'Asia/Bangkok', 'th', 1, 15, 1, 6, "
                    "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                ),
                {"th": stored},
            )
            db.session.commit()
            upgrade(directory=MIGRATIONS_DIR)
            row = db.session.execute(
                sa.text("SELECT name_th, name_en, setup_confirmed FROM organisation_settings")
            )
            assert tuple(row.one()) == (expected, "", "[]")
            db.session.remove()
            db.engine.dispose()
