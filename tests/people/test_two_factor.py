"""Two-step login: enrolment with a QR code, the code after the password, recovery codes, the requirement."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import threading
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, unquote, urlsplit

import pyotp
import pytest
import sqlalchemy as sa
import time_machine

from ethics_hr import config
from ethics_hr.core.audit import AuditEntry
from ethics_hr.core.errors import RuleViolation
from ethics_hr.extensions import db
from ethics_hr.people import services
from ethics_hr.people.models import RecoveryCode, User
from tests import factories

pytestmark = pytest.mark.usefixtures("in_english")

START = datetime(2026, 12, 2, 3, 0, 10, tzinfo=UTC)  # 10 s into a 30-second step
SETUP = "/account/two-factor/setup"
WRONG = "This code is not correct."
USED = "This code has just been used."
MALFORMED = "Enter the 6-digit code from your app, or a recovery code"


@pytest.fixture(autouse=True)
def clock():
    """Every test runs at START, the clock stopped: codes are computed for known moments."""
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def post_login(client, user, password: str = factories.PASSWORD):
    return client.post("/login", data={"login": user.person.employee_number, "password": password})


def post_code(client, code: str):
    return client.post("/login/code", data={"code": code})


def logged_in(client) -> bool:
    return client.get("/home").status_code == 200


def code_at(secret: str, when: datetime) -> str:
    return pyotp.TOTP(secret).at(when)


def enrol(user: User, when: datetime = START - timedelta(minutes=10)) -> list[str]:
    """Turn two-step login on through the service, as the setup page does; return the recovery codes."""
    secret = services.new_secret()
    with time_machine.travel(when, tick=False):
        enrolment = services.enable_two_factor(user, secret, code_at(secret, when))
    db.session.commit()
    return enrolment.recovery_codes


def setup_secret(client) -> str:
    with client.session_transaction() as session:
        return session["two_factor_setup_secret"]


def qr_image(page: str) -> bytes:
    match = re.search(r'src="data:image/png;base64,([^"]+)"', page)
    assert match, "the page shows the QR code as an image of its own"
    return base64.b64decode(match.group(1))


def decode_qr(png: bytes, tmp_path) -> str | None:
    """Read a QR code image as a phone would (ZBar's zbarimg), or None where ZBar is not installed."""
    if shutil.which("zbarimg") is None:
        return None
    path = tmp_path / "qr.png"
    path.write_bytes(png)
    scanned = subprocess.run(["zbarimg", "--quiet", "--raw", str(path)], capture_output=True, text=True)
    assert scanned.returncode == 0, scanned.stderr
    return scanned.stdout.strip()


# ---------------------------------------------------------------- enrolment


def test_the_setup_page_shows_a_qr_code_of_the_otpauth_address_and_the_key(client, login_as, tmp_path):
    user = login_as(factories.user(employee_number="4401-0007"))
    page = client.get(SETUP).get_data(as_text=True)
    secret = setup_secret(client)
    uri = services.provisioning_uri(secret, user)
    png = qr_image(page)
    assert png == base64.b64decode(services.qr_data_uri(uri).split(",", 1)[1])
    scanned = decode_qr(png, tmp_path)
    assert scanned in (uri, None)  # what a phone reads is the address, where ZBar can check it
    parts = urlsplit(uri)
    assert (parts.scheme, parts.netloc) == ("otpauth", "totp")
    assert unquote(parts.path) == "/Ethics HR:4401-0007"
    query = parse_qs(parts.query)
    assert query["secret"] == [secret] and query["issuer"] == ["Ethics HR"]
    assert pyotp.parse_uri(uri).secret == secret
    # The key for typing by hand, in groups of four; nothing is stored before the first code.
    assert " ".join(secret[i : i + 4] for i in range(0, 32, 4)) in re.sub(r"<[^>]+>", "", page)
    db.session.refresh(user)
    assert user.totp_secret is None and user.totp_enabled_at is None


def test_the_setup_page_keeps_its_secret_when_reloaded(client, login_as):
    login_as(factories.user())
    client.get(SETUP)
    first = setup_secret(client)
    client.get(SETUP)
    assert setup_secret(client) == first


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("12345", "Enter the 6-digit code your app shows."),
        ("abcdef", "Enter the 6-digit code your app shows."),
        ("", "This field is required."),
    ],
)
def test_a_malformed_setup_code_is_refused_next_to_the_field(client, login_as, typed, message):
    user = login_as(factories.user())
    client.get(SETUP)
    response = client.post(SETUP, data={"code": typed})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert re.search(r'data-field="code">' + re.escape(message), page)
    assert f'value="{typed}"' in page or not typed
    db.session.refresh(user)
    assert user.totp_enabled_at is None
    assert db.session.scalar(sa.select(sa.func.count(RecoveryCode.id))) == 0


def test_a_wrong_setup_code_turns_nothing_on(client, login_as):
    user = login_as(factories.user())
    with time_machine.travel(START, tick=False):
        client.get(SETUP)
        right = code_at(setup_secret(client), START)
        wrong = f"{(int(right) + 1) % 1000000:06d}"
        page = client.post(SETUP, data={"code": wrong}).get_data(as_text=True)
    assert "This code does not match" in page
    db.session.refresh(user)
    assert user.totp_secret is None and user.totp_enabled_at is None


def test_a_current_code_turns_it_on_and_shows_ten_recovery_codes_once(client, login_as):
    user = login_as(factories.user())
    with time_machine.travel(START, tick=False):
        client.get(SETUP)
        secret = setup_secret(client)
        # Thai digits, as a Thai keyboard types them, are the same code.
        typed = code_at(secret, START).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
        response = client.post(SETUP, data={"code": typed})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    shown = re.findall(r"<li>([A-Z2-9]{4} [A-Z2-9]{4} [A-Z2-9]{4})</li>", page)
    assert len(shown) == 10 and len(set(shown)) == 10
    db.session.refresh(user)
    assert user.totp_secret == secret and user.totp_enabled_at is not None
    # Only hashes are kept, and the secret never comes back.
    hashes = set(db.session.scalars(sa.select(RecoveryCode.code_hash).where(RecoveryCode.user_id == user.id)))
    assert len(hashes) == 10
    assert not any(code.replace(" ", "") in " ".join(hashes) for code in shown)
    with client.session_transaction() as session:
        assert "two_factor_setup_secret" not in session
    assert client.get(SETUP).headers["Location"] == "/account/two-factor"
    status = client.get("/account/two-factor").get_data(as_text=True)
    assert "10 unused recovery codes left." in status
    assert secret not in status and secret[:4] not in status.split("two-factor-status")[1]
    # The audit log records that it was turned on, never the secret.
    entries = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.entity_type == "user_account")).all()
    recorded = " ".join(entry.changes for entry in entries)
    assert "totp_enabled_at" in recorded and secret not in recorded


def test_the_recovery_codes_download_as_a_text_file(client, login_as):
    login_as(factories.user())
    codes = "ABCDEFGHJKLM NPQRSTUVWXYZ"
    response = client.post("/account/two-factor/recovery-codes.txt", data={"codes": codes})
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith('attachment; filename="recovery-codes.txt"')
    text = response.get_data(as_text=True)
    assert "1. ABCD EFGH JKLM\r\n2. NPQR STUV WXYZ" in text
    assert client.post("/account/two-factor/recovery-codes.txt", data={"codes": "=cmd|x"}).status_code == 400


# ---------------------------------------------------------------- logging in


def test_login_asks_for_the_code_after_the_password_and_logs_in_only_then(client):
    user = factories.user()
    enrol(user)
    with time_machine.travel(START, tick=False):
        response = post_login(client, user)
        assert response.headers["Location"] == "/login/code"
        assert not logged_in(client)
        response = post_code(client, code_at(user.totp_secret, START))
    assert response.headers["Location"] == "/home"
    assert logged_in(client)
    db.session.refresh(user)
    assert user.last_login_at is not None


def test_the_code_of_the_step_before_or_after_passes_but_not_two_steps_away(client):
    user = factories.user()
    enrol(user)
    with time_machine.travel(START, tick=False):
        post_login(client, user)
        page = post_code(client, code_at(user.totp_secret, START - timedelta(seconds=70))).get_data(
            as_text=True
        )
        assert WRONG in page
        assert post_code(client, code_at(user.totp_secret, START + timedelta(seconds=30))).status_code == 302


def test_the_same_code_is_refused_a_second_time(client, app, clock):
    user = factories.user()
    enrol(user)
    code = code_at(user.totp_secret, START)
    with time_machine.travel(START, tick=False):
        post_login(client, user)
        assert post_code(client, code).status_code == 302
        other = app.test_client()
        post_login(other, user)
        response = post_code(other, code)
        assert USED in response.get_data(as_text=True)
        assert not logged_in(other)
    # The next step's code lets the second browser in.
    clock.shift(timedelta(seconds=30))
    assert post_code(other, code_at(user.totp_secret, START + timedelta(seconds=30))).status_code == 302
    assert logged_in(other)


def test_a_malformed_code_is_explained_and_not_counted(client, app):
    app.config["LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS"] = "2 per 15 minutes"
    user = factories.user()
    enrol(user)
    with time_machine.travel(START, tick=False):
        post_login(client, user)
        for typed in ("12 34", "hello", "1234567"):
            response = post_code(client, typed)
            assert response.status_code == 200
            page = response.get_data(as_text=True)
            assert MALFORMED in page and f'value="{typed}"' in page
        assert post_code(client, code_at(user.totp_secret, START)).status_code == 302


def test_wrong_codes_count_on_the_login_throttle_and_a_new_password_does_not_clear_them(client, app):
    app.config["LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS"] = "3 per 15 minutes"
    user = factories.user()
    enrol(user)
    with time_machine.travel(START, tick=False):
        right = code_at(user.totp_secret, START)
        wrong = f"{(int(right) + 500000) % 1000000:06d}"
        post_login(client, user)
        assert WRONG in post_code(client, wrong).get_data(as_text=True)
        assert WRONG in post_code(client, wrong).get_data(as_text=True)
        # The right password again forgets nothing before the second factor.
        assert post_login(client, user).headers["Location"] == "/login/code"
        assert WRONG in post_code(client, wrong).get_data(as_text=True)
        response = post_code(client, right)
        assert response.status_code == 429
        assert "Too many failed attempts" in response.get_data(as_text=True)
        assert post_login(client, user).status_code == 429
        assert not logged_in(client)
    db.session.refresh(user)
    assert user.totp_last_step is not None and user.last_login_at is None


def test_a_recovery_code_logs_in_once_and_only_once(client, app):
    user = factories.user()
    codes = enrol(user)
    typed = "-".join(codes[3][i : i + 4] for i in range(0, 12, 4)).lower()  # as printed, in any case
    with time_machine.travel(START, tick=False):
        post_login(client, user)
        assert post_code(client, typed).headers["Location"] == "/home"
        assert "9 unused recovery codes left." in client.get("/account/two-factor").get_data(as_text=True)
        client.post("/logout")
        post_login(client, user)
        assert WRONG in post_code(client, typed).get_data(as_text=True)
        assert not logged_in(client)
        assert post_code(client, codes[4]).status_code == 302


def test_the_code_must_follow_the_password_within_five_minutes(client):
    user = factories.user()
    enrol(user)
    with time_machine.travel(START, tick=False) as traveller:
        post_login(client, user)
        traveller.shift(timedelta(minutes=5, seconds=1))
        response = post_code(client, code_at(user.totp_secret, START + timedelta(minutes=5, seconds=1)))
        assert response.headers["Location"] == "/login"
        assert "More than 5 minutes passed" in client.get("/login").get_data(as_text=True)
        assert not logged_in(client)
        assert client.get("/login/code").headers["Location"] == "/login"
    db.session.refresh(user)
    assert user.last_login_at is None


def test_the_code_page_without_a_password_first_goes_back_to_the_login(client):
    assert client.get("/login/code").headers["Location"] == "/login"
    assert client.post("/login/code", data={"code": "123456"}).headers["Location"] == "/login"


def test_a_pending_login_ends_when_the_sessions_end(client):
    user = factories.user()
    enrol(user)
    with time_machine.travel(START, tick=False):
        post_login(client, user)
        services.end_sessions(user)  # e.g. the administrator reset, or a password change elsewhere
        assert post_code(client, code_at(user.totp_secret, START)).headers["Location"] == "/login"


def test_the_login_keeps_its_next_address_through_the_second_step(client):
    user = factories.user()
    enrol(user)
    with time_machine.travel(START, tick=False):
        data = {"login": user.person.employee_number, "password": factories.PASSWORD}
        assert client.post("/login?next=/codes/", data=data).headers["Location"] == "/login/code"
        assert post_code(client, code_at(user.totp_secret, START)).headers["Location"] == "/codes/"


# ---------------------------------------------------------------- turning off, new recovery codes


def test_turning_it_off_needs_the_password_and_a_code(client, login_as):
    user = login_as(factories.user())
    enrol(user)
    with time_machine.travel(START, tick=False):
        code = code_at(user.totp_secret, START)
        page = client.post(
            "/account/two-factor/off", data={"off-password": "not it", "off-code": code}
        ).get_data(as_text=True)
        assert "The password is not correct." in page
        page = client.post(
            "/account/two-factor/off", data={"off-password": factories.PASSWORD, "off-code": "000000"}
        ).get_data(as_text=True)
        assert WRONG in page or USED in page
        db.session.refresh(user)
        assert user.two_factor_enabled
        response = client.post(
            "/account/two-factor/off", data={"off-password": factories.PASSWORD, "off-code": code}
        )
    assert response.headers["Location"] == "/account/two-factor"
    db.session.refresh(user)
    assert not user.two_factor_enabled and user.totp_secret is None
    assert db.session.scalar(sa.select(sa.func.count(RecoveryCode.id))) == 0


def test_new_recovery_codes_replace_the_old_ones(client, login_as, app):
    user = login_as(factories.user())
    old = enrol(user)
    with time_machine.travel(START, tick=False):
        response = client.post(
            "/account/two-factor/recovery-codes",
            data={"codes-password": factories.PASSWORD, "codes-code": code_at(user.totp_secret, START)},
        )
    new = [
        c.replace(" ", "") for c in re.findall(r"<li>([A-Z2-9 ]{14})</li>", response.get_data(as_text=True))
    ]
    assert len(new) == 10 and not set(new) & set(old)
    other = app.test_client()
    post_login(other, user)
    assert WRONG in post_code(other, old[0]).get_data(as_text=True)
    assert post_code(other, new[0]).status_code == 302


# ---------------------------------------------------------------- required for administrators and officers


def test_the_requirement_is_on_in_production_and_off_in_development_and_tests(monkeypatch):
    monkeypatch.setenv("ETHICS_HR_SECRET_KEY", "k" * 40)
    monkeypatch.setenv("ETHICS_HR_DATABASE_URL", "sqlite://")
    assert config.ProductionConfig().REQUIRE_TWO_FACTOR is True
    assert config.DevelopmentConfig().REQUIRE_TWO_FACTOR is False
    assert config.TestingConfig().REQUIRE_TWO_FACTOR is False
    monkeypatch.setenv("ETHICS_HR_REQUIRE_TWO_FACTOR", "off")
    assert config.ProductionConfig().REQUIRE_TWO_FACTOR is False


def test_an_officer_without_two_step_login_can_only_enrol_when_it_is_required(client, app):
    app.config["REQUIRE_TWO_FACTOR"] = True
    officer = factories.officer()
    assert post_login(client, officer).headers["Location"] == "/home"
    for url in ("/home", "/people/", "/account/password", f"/people/{officer.person_id}"):
        assert client.get(url).headers["Location"] == SETUP, url
    assert client.post("/people/accounts/open").headers["Location"] == SETUP
    page = client.get(SETUP).get_data(as_text=True)
    assert "Your role needs two-step login" in page
    assert client.post("/language/th", data={"next": SETUP}).headers["Location"] == SETUP
    assert client.get("/static/css/app.css").status_code in (200, 304)
    with time_machine.travel(START, tick=False):
        client.post(SETUP, data={"code": code_at(setup_secret(client), START)})
    assert client.get("/people/").status_code == 200
    client.post("/logout")
    # From now on the password alone is not enough.
    assert post_login(client, officer).headers["Location"] == "/login/code"


def test_employees_and_committee_members_are_not_held_but_may_turn_it_on(client, app):
    app.config["REQUIRE_TWO_FACTOR"] = True
    employee = factories.user()
    post_login(client, employee)
    assert client.get("/home").status_code == 200
    assert "Two-step login is off." in client.get("/account/two-factor").get_data(as_text=True)
    assert client.get(SETUP).status_code == 200


def test_without_the_requirement_an_officer_is_not_held(client, app):
    officer = factories.officer()
    post_login(client, officer)
    assert client.get("/people/").status_code == 200


# ---------------------------------------------------------------- the administrator's reset


def test_an_administrator_resets_a_lost_phone_and_it_is_audited(client, login_as, app):
    officer = factories.officer()
    enrol(officer)
    officer_secret = officer.totp_secret
    holder = app.test_client()  # the officer's own browser, logged in with the lost phone
    with time_machine.travel(START, tick=False):
        post_login(holder, officer)
        post_code(holder, code_at(officer.totp_secret, START))
    assert logged_in(holder)
    admin = login_as(factories.admin())
    detail = client.get(f"/people/{officer.person_id}").get_data(as_text=True)
    assert "Two-step login: on since" in detail
    response = client.post(f"/people/{officer.person_id}/account/two-factor/reset")
    assert response.headers["Location"] == f"/people/{officer.person_id}"
    db.session.refresh(officer)
    assert not officer.two_factor_enabled and officer.totp_secret is None
    assert db.session.scalar(sa.select(sa.func.count(RecoveryCode.id))) == 0
    assert not logged_in(holder)  # the sessions ended
    entry = db.session.scalars(
        sa.select(AuditEntry)
        .where(AuditEntry.entity_type == "user_account", AuditEntry.entity_id == str(officer.id))
        .order_by(AuditEntry.id.desc())
    ).first()
    changes = json.loads(entry.changes)
    assert entry.actor_id == admin.id and "totp_enabled_at" in changes
    assert set(changes.get("totp_secret", [])) <= {"[redacted]"}
    assert officer_secret not in entry.changes
    assert "Two-step login: off." in client.get(f"/people/{officer.person_id}").get_data(as_text=True)


def test_only_an_administrator_may_reset_someone_s_two_step_login(client, login_as):
    employee = factories.user()
    enrol(employee)
    login_as(factories.officer())
    assert client.post(f"/people/{employee.person_id}/account/two-factor/reset").status_code == 403
    db.session.refresh(employee)
    assert employee.two_factor_enabled


def test_an_administrator_cannot_reset_their_own(client, login_as):
    admin = login_as(factories.admin())
    enrol(admin)
    client.post(f"/people/{admin.person_id}/account/two-factor/reset")
    db.session.refresh(admin)
    assert admin.two_factor_enabled


def test_the_command_line_resets_the_only_administrator_s_own(runner):
    admin = factories.admin(employee_number="ADM-1")
    enrol(admin)
    result = runner.invoke(args=["reset-two-factor", "--employee-number", "ADM-1"])
    assert result.exit_code == 0, result.output
    db.session.refresh(admin)
    assert not admin.two_factor_enabled
    again = runner.invoke(args=["reset-two-factor", "--employee-number", "ADM-1"])
    assert again.exit_code != 0 and "not on" in again.output
    assert runner.invoke(args=["reset-two-factor", "--employee-number", "nobody"]).exit_code != 0


@pytest.mark.own_connections  # real threads, each on its own connection
def test_one_code_sent_twice_at_the_same_moment_logs_in_once(app):
    user = factories.user()
    enrol(user)
    user_id, code = user.id, code_at(user.totp_secret, START)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def attempt(address: str) -> None:
        with app.test_request_context(), app.app_context():
            try:
                barrier.wait(timeout=10)
                services.authenticate_second_factor(db.session.get(User, user_id), code, address=address)
                outcomes.append("in")
            except RuleViolation as refused:
                outcomes.append(refused.message)
            finally:
                db.session.rollback()
                db.session.remove()

    threads = [threading.Thread(target=attempt, args=(f"192.0.2.{n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["This code has just been used. Wait for the next code in your app.", "in"]
