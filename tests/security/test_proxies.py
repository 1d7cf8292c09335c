"""Rate limits count by the client's address: X-Forwarded-For is believed only when it
comes from one of our own proxies (TRUSTED_PROXIES), and then only the part they wrote."""

import pytest
from django.test import RequestFactory

from samskab.core.client_ip import client_ip
from tests.events.factories import EventFactory
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"  # the Django test client connects from here, as nginx does
TOO_MANY_LOG_INS = "Too many failed login attempts"
TOO_MANY_SIGN_UPS = "Too many sign-ups from here"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY]


def ip_of(remote_addr, forwarded=None):
    meta = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **meta))


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert ip_of("127.0.0.1", "198.51.100.7") == "127.0.0.1"
    assert ip_of("203.0.113.9", "198.51.100.7") == "203.0.113.9"


def test_behind_a_trusted_proxy_the_right_most_untrusted_address_is_the_client(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8", "2001:db8:ffff::/48"]
    assert ip_of("127.0.0.1", "198.51.100.7") == "198.51.100.7"
    # What the client wrote itself stands to the left of what our proxy appended.
    assert ip_of("127.0.0.1", "6.6.6.6, 1.2.3.4, 198.51.100.7") == "198.51.100.7"
    # Two layers of our own proxies.
    assert ip_of("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3") == "198.51.100.7"
    assert ip_of("2001:db8:ffff::1", "2001:db8:1::5") == "2001:db8:1::5"
    assert ip_of("::ffff:127.0.0.1", "::ffff:198.51.100.7") == "198.51.100.7"
    # No header, or one our proxy cannot have written: the proxy's own address.
    assert ip_of("127.0.0.1") == "127.0.0.1"
    assert ip_of("127.0.0.1", "198.51.100.7, not-an-address") == "127.0.0.1"
    # Only our proxies are believed: a client that connects directly is itself.
    assert ip_of("203.0.113.9", "198.51.100.7") == "203.0.113.9"


def fail_log_in(client, email, forwarded=None):
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    response = client.post(
        "/en/accounts/login/", {"login": email, "password": "wrong"}, headers=headers
    )
    assert response.status_code == 200
    return response


def log_in(client, email, forwarded=None):
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return client.post(
        "/en/accounts/login/", {"login": email, "password": PASSWORD}, headers=headers
    )


def test_spoofed_header_from_an_untrusted_client_does_not_escape_the_limit(
    client, plain_user, settings
):
    settings.TRUSTED_PROXIES = []
    for i in range(10):
        fail_log_in(client, f"nobody{i}@test.example", forwarded=f"198.51.100.{i}")
    response = log_in(client, plain_user.email, forwarded="198.51.100.200")
    assert TOO_MANY_LOG_INS in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_one_clients_failures_do_not_lock_out_another_behind_the_proxy(
    client, plain_user, behind_proxy
):
    for i in range(10):
        fail_log_in(client, f"nobody{i}@test.example", forwarded="203.0.113.5")
    attacker = log_in(client, plain_user.email, forwarded="203.0.113.5")
    assert TOO_MANY_LOG_INS in attacker.content.decode()
    response = log_in(client, plain_user.email, forwarded="198.51.100.7")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(plain_user.pk)


def test_behind_the_proxy_a_client_cannot_spoof_its_way_past_the_limit(
    client, plain_user, behind_proxy
):
    for i in range(10):
        fail_log_in(client, f"nobody{i}@test.example", forwarded=f"10.9.9.{i}, 203.0.113.5")
    response = log_in(client, plain_user.email, forwarded="10.9.9.99, 203.0.113.5")
    assert TOO_MANY_LOG_INS in response.content.decode()


def test_the_per_account_limit_holds_across_addresses_and_for_the_admin_door(
    client, staff_user, behind_proxy
):
    for i in range(5):
        fail_log_in(client, staff_user.email.upper(), forwarded=f"198.51.100.{i}")
    # The admin's log-in page takes no password itself; it leads to allauth's...
    response = client.post(
        "/en/admin/login/?next=/en/admin/",
        {"username": staff_user.email, "password": PASSWORD},
        headers={"X-Forwarded-For": "198.51.100.50"},
    )
    assert response.headers["Location"].startswith("/en/accounts/login/")
    assert "_auth_user_id" not in client.session
    # ...which refuses even the right password for that account now, from anywhere.
    response = log_in(client, staff_user.email, forwarded="198.51.100.50")
    assert TOO_MANY_LOG_INS in response.content.decode()


def sign_up(client, event, email, forwarded=None):
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    data = {"name": "Nina", "email": email, "consent": "on"}
    return client.post(f"/en/events/{event.pk}/register/public/", data, headers=headers)


@pytest.fixture
def event(dk_network):
    return EventFactory(network=dk_network)


def test_public_sign_up_limit_ignores_a_spoofed_header(client, event, settings):
    settings.TRUSTED_PROXIES = []
    for i in range(10):
        response = sign_up(client, event, f"p{i}@test.example", forwarded=f"198.51.100.{i}")
        assert "Check your e-mail" in response.content.decode()
    response = sign_up(client, event, "p-last@test.example", forwarded="198.51.100.99")
    assert TOO_MANY_SIGN_UPS in response.content.decode()


def test_public_sign_up_limit_is_per_client_behind_the_proxy(client, event, behind_proxy):
    for i in range(10):
        sign_up(client, event, f"p{i}@test.example", forwarded="203.0.113.5")
    response = sign_up(client, event, "p-last@test.example", forwarded="203.0.113.5")
    assert TOO_MANY_SIGN_UPS in response.content.decode()
    response = sign_up(client, event, "other@test.example", forwarded="198.51.100.7")
    assert "Check your e-mail" in response.content.decode()
