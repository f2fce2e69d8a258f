"""The login throttle behind a reverse proxy: it slows guessers, and no stranger can lock anyone out."""

from __future__ import annotations

import pytest

from ethics_hr.people.devices import COOKIE
from tests import factories

pytestmark = pytest.mark.usefixtures("in_english")

WRONG = "The login or the password is not correct."
THROTTLED = "Too many failed attempts. Wait 15 minutes"
ACCOUNT_THROTTLED = "Too many failed attempts at this account today"
SMALL = {
    "LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS": "3 per 15 minutes",
    "LOGIN_LIMIT_PER_ADDRESS": "6 per 15 minutes",
    "LOGIN_LIMIT_PER_ACCOUNT": "12 per day",
}


def post_login(client, login: str, password: str = factories.PASSWORD, *, at: str | None = None):
    """Post the login form; `at` is the client's address as the proxy forwards it."""
    headers = {"X-Forwarded-For": at} if at else {}
    return client.post("/login", data={"login": login, "password": password}, headers=headers)


def logs_in(response) -> bool:
    return response.status_code == 302 and response.headers["Location"] == "/home"


@pytest.fixture
def proxied(behind_proxies):
    """The application behind one trusted proxy, with small login limits."""
    return behind_proxies(1, **SMALL)


def known_device(app, user, *, at: str):
    """A browser where the user has logged in (and out again): it carries the signed device cookie."""
    browser = app.test_client()
    assert logs_in(post_login(browser, user.person.employee_number, at=at))
    assert browser.get_cookie(COOKIE) is not None
    browser.post("/logout", headers={"X-Forwarded-For": at})
    return browser


# ---------------------------------------------------------------- the client's address behind a proxy


def test_behind_one_trusted_proxy_two_clients_are_counted_apart(proxied):
    user = factories.user()
    first, second = proxied.test_client(), proxied.test_client()
    for n in range(6):
        post_login(first, f"nobody-{n}", "a guess", at="198.51.100.7")
    assert post_login(first, user.person.employee_number, at="198.51.100.7").status_code == 429
    assert logs_in(post_login(second, user.person.employee_number, at="198.51.100.8"))


def test_without_trusted_proxies_the_forwarded_header_is_ignored(behind_proxies):
    direct = behind_proxies(0, **SMALL)
    user = factories.user()
    first, second = direct.test_client(), direct.test_client()
    for n in range(6):
        post_login(first, f"nobody-{n}", "a guess", at="198.51.100.7")
    # Anyone can write the header: without a proxy to trust, both come from the one connecting address.
    response = post_login(second, user.person.employee_number, at="198.51.100.8")
    assert response.status_code == 429
    assert THROTTLED in response.get_data(as_text=True)


def test_only_the_trusted_proxy_s_own_entry_of_the_header_counts(proxied):
    user = factories.user()
    guesser, other = proxied.test_client(), proxied.test_client()
    for n in range(6):  # the guesser writes a fresh address of its own in front each time
        post_login(guesser, f"nobody-{n}", "a guess", at=f"10.0.0.{n}, 198.51.100.7")
    assert post_login(guesser, user.person.employee_number, at="10.9.9.9, 198.51.100.7").status_code == 429
    assert logs_in(post_login(other, user.person.employee_number, at="198.51.100.7, 198.51.100.9"))


# ---------------------------------------------------------------- nobody can lock out an office or an account


def test_a_flood_of_made_up_names_stops_only_its_own_address(proxied):
    user = factories.user()
    device = known_device(proxied, user, at="198.51.100.20")
    flooder = proxied.test_client()
    for n in range(30):
        post_login(flooder, f"9{n:04d}", "a guess", at="198.51.100.20")
    assert (
        post_login(proxied.test_client(), user.person.employee_number, at="198.51.100.20").status_code == 429
    )
    # Another address, and the user's own browser at the flooded address itself, are not affected.
    assert logs_in(post_login(proxied.test_client(), user.person.employee_number, at="198.51.100.21"))
    assert logs_in(post_login(device, user.person.employee_number, at="198.51.100.20"))


def test_guesses_at_an_account_from_one_address_do_not_lock_the_account(proxied):
    admin = factories.admin()
    stranger = proxied.test_client()
    for _ in range(3):
        response = post_login(stranger, admin.person.employee_number, "a guess", at="203.0.113.5")
        assert WRONG in response.get_data(as_text=True)
    assert post_login(stranger, admin.person.employee_number, at="203.0.113.5").status_code == 429
    assert logs_in(post_login(proxied.test_client(), admin.person.employee_number, at="198.51.100.30"))


def test_a_flood_at_one_account_from_many_addresses_does_not_stop_its_known_device(proxied):
    user = factories.user(email="target@example.org")
    device = known_device(proxied, user, at="198.51.100.40")
    for n in range(4):  # the account's ceiling (12) from four addresses, one of them the user's own
        address = "198.51.100.40" if n == 0 else f"203.0.113.{n}"
        for _ in range(3):
            post_login(proxied.test_client(), user.person.employee_number, "a guess", at=address)
    # Guessing stops from everywhere the account has not logged in before...
    fresh = post_login(proxied.test_client(), user.person.email, at="198.51.100.41")
    assert fresh.status_code == 429
    assert ACCOUNT_THROTTLED in fresh.get_data(as_text=True)
    # ...but the user's own browser, even at a flooded address, takes the right password.
    assert logs_in(post_login(device, user.person.employee_number, at="198.51.100.40"))


def flood(app, user, *, first: int) -> None:
    """Guess at an account from four strangers' addresses until its ceiling (12) is reached."""
    for n in range(4):
        for _ in range(3):
            post_login(app.test_client(), user.person.employee_number, "a guess", at=f"203.0.113.{first + n}")


def test_a_known_device_is_known_to_its_own_accounts_only(proxied):
    victim, stranger = factories.user(), factories.user()
    strangers_browser = known_device(proxied, stranger, at="203.0.113.50")
    flood(proxied, victim, first=60)
    assert post_login(strangers_browser, victim.person.employee_number, at="203.0.113.50").status_code == 429


def test_a_device_cookie_cannot_be_made_up(proxied):
    user = factories.user()
    device = known_device(proxied, user, at="198.51.100.60")
    flood(proxied, user, first=70)
    value = device.get_cookie(COOKIE).value
    forged = proxied.test_client()
    forged.set_cookie(COOKIE, value[:-2] + ("xy" if value[-2:] != "xy" else "yz"))
    assert post_login(forged, user.person.employee_number, at="198.51.100.60").status_code == 429
    copied = proxied.test_client()  # the very cookie, as only the user's browser holds it
    copied.set_cookie(COOKIE, value)
    assert logs_in(post_login(copied, user.person.employee_number, at="198.51.100.60"))


def test_a_known_device_has_its_own_limit_of_guesses(proxied):
    user = factories.user()
    device = known_device(proxied, user, at="198.51.100.70")
    for _ in range(3):
        post_login(device, user.person.employee_number, "a guess", at="198.51.100.70")
    assert post_login(device, user.person.employee_number, at="198.51.100.70").status_code == 429


def test_a_wrong_current_password_counts_toward_the_throttle(proxied):
    user = factories.user()
    browser = proxied.test_client()
    assert logs_in(post_login(browser, user.person.employee_number, at="198.51.100.80"))
    form = {
        "current_password": "a guess",
        "new_password": "a new long secret",
        "confirm": "a new long secret",
    }
    for _ in range(3):
        assert browser.post("/account/password", data=form).status_code == 200
    form["current_password"] = factories.PASSWORD
    response = browser.post("/account/password", data=form)
    assert response.status_code == 429
    assert THROTTLED in response.get_data(as_text=True)
