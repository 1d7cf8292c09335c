"""Every way into a session goes through allauth: a staff member with an authenticator app
never gets a usable session from the password alone, whichever door they use."""

import datetime
import re

import pytest
import time_machine
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from django.urls import reverse

from tests.conftest import TOTP_SECRET
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

# The clock stands still in these tests, so a code computed here is the code the server
# expects (allauth accepts only the current 30-second window).
FROZEN = datetime.datetime(2026, 3, 2, 9, 0, 5, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel(FROZEN, tick=False):
        yield


def totp_code() -> str:
    return format_hotp_value(hotp_value(TOTP_SECRET, int(FROZEN.timestamp()) // 30))


@pytest.fixture
def staff_pages(dk_network):
    event = EventFactory(network=dk_network)
    RegistrationFactory(event=event, email="deltager@test.example")
    return [
        "/en/admin/",
        "/en/admin/networks/membership/",
        "/en/cases/moderation/",
        f"/en/events/{event.pk}/participants/export.csv",
    ]


def assert_refused(client, pages):
    for path in pages:
        response = client.get(path)
        assert response.status_code in (302, 403), path
        if response.status_code == 302:
            assert "/login/" in response.headers["Location"], path
    assert "_auth_user_id" not in client.session


def assert_usable(client, pages):
    for path in pages:
        assert client.get(path).status_code == 200, path


def second_factor(client):
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def test_admin_login_page_sends_to_the_allauth_log_in_keeping_next(client):
    response = client.get("/en/admin/login/", {"next": "/en/admin/networks/membership/"})
    assert response.status_code == 302
    assert response.headers["Location"] == (
        "/en/accounts/login/?next=%2Fen%2Fadmin%2Fnetworks%2Fmembership%2F"
    )
    # A foreign next is dropped in favour of the admin's index.
    response = client.get("/en/admin/login/", {"next": "https://evil.example/"})
    assert response.headers["Location"] == "/en/accounts/login/?next=%2Fen%2Fadmin%2F"
    # The admin's own redirect for anonymous visitors ends at the same place.
    response = client.get("/en/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/en/accounts/login/?next=%2Fen%2Fadmin%2F"


def test_admin_door_password_alone_gives_no_session(client, staff_user, staff_pages):
    response = client.post(
        "/en/admin/login/",
        {"username": staff_user.email, "password": PASSWORD, "next": "/en/admin/"},
    )
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/en/accounts/login/")
    assert_refused(client, staff_pages)
    # The way the admin's log-in page leads: allauth, then the second factor.
    response = client.post(
        "/en/accounts/login/?next=/en/admin/", {"login": staff_user.email, "password": PASSWORD}
    )
    assert response.headers["Location"] == reverse("mfa_authenticate")
    assert_refused(client, staff_pages)
    assert second_factor(client).headers["Location"] == "/en/admin/"
    assert_usable(client, staff_pages)


def test_allauth_door_needs_the_second_factor(client, staff_user, staff_pages):
    response = client.post("/en/accounts/login/", {"login": staff_user.email, "password": PASSWORD})
    assert response.headers["Location"] == reverse("mfa_authenticate")
    assert_refused(client, staff_pages)
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    assert_refused(client, staff_pages)
    second_factor(client)
    assert_usable(client, staff_pages)


def test_password_reset_door_needs_the_second_factor(client, staff_user, staff_pages):
    client.post("/en/accounts/password/reset/", {"email": staff_user.email})
    link = re.search(r"https?://[^/]+(/\S+/accounts/password/reset/key/\S+/)", mail.outbox[-1].body)
    response = client.get(link.group(1), follow=True)
    new_password = "another-long-passphrase-9"
    response = client.post(
        response.redirect_chain[-1][0], {"password1": new_password, "password2": new_password}
    )
    assert response.status_code == 302
    assert_refused(client, staff_pages)
    response = client.post(
        "/en/accounts/login/", {"login": staff_user.email, "password": new_password}
    )
    assert response.headers["Location"] == reverse("mfa_authenticate")
    assert_refused(client, staff_pages)
    second_factor(client)
    assert_usable(client, staff_pages)


def test_email_confirmation_door_needs_the_second_factor(client, staff_user, staff_pages):
    EmailAddress.objects.filter(user=staff_user).update(verified=False)
    response = client.post("/en/accounts/login/", {"login": staff_user.email, "password": PASSWORD})
    assert response.headers["Location"].endswith("/accounts/confirm-email/")
    assert_refused(client, staff_pages)
    link = re.search(r"https?://[^/]+(/\S+/accounts/confirm-email/\S+/)", mail.outbox[-1].body)
    response = client.post(link.group(1))
    assert EmailAddress.objects.get(user=staff_user).verified
    # Logging in on confirmation goes on to the second factor; it does not end the log-in.
    assert response.headers["Location"] == reverse("mfa_authenticate")
    assert_refused(client, staff_pages)
    second_factor(client)
    assert_usable(client, staff_pages)


def test_staff_pages_refuse_a_session_without_the_second_factor(client, staff_user, staff_pages):
    """Defence in depth: a session made without allauth's second factor (as a direct call
    to django.contrib.auth.login would make) reaches no page at all, staff pages included;
    each asks for the code, and then works."""
    from tests.conftest import force_login_without_second_factor

    force_login_without_second_factor(client, staff_user)
    for path in staff_pages:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"].startswith(reverse("mfa_reauthenticate")), path


def test_admin_refuses_a_session_without_the_second_factor(client, staff_user, staff_pages):
    """The admin asks for the code again in such a session, and then it opens."""
    from tests.conftest import force_login_without_second_factor

    force_login_without_second_factor(client, staff_user)
    response = client.get("/en/admin/")
    assert response.status_code == 302
    assert response.headers["Location"] == (
        reverse("mfa_reauthenticate") + "?next=%2Fen%2Fadmin%2F"
    )
    response = client.post(
        reverse("mfa_reauthenticate") + "?next=%2Fen%2Fadmin%2F", {"code": totp_code()}
    )
    assert response.headers["Location"] == "/en/admin/"
    assert client.get("/en/admin/").status_code == 200


def test_admin_log_in_page_refuses_a_logged_in_user_without_admin_rights(client, org_editor):
    client.force_login(org_editor)
    response = client.get("/en/admin/login/", {"next": "/en/admin/"})
    assert response.status_code == 403


def test_staff_without_an_authenticator_is_sent_to_set_one_up_from_the_admin(client, dk_network):
    from samskab.networks.models import Role
    from tests.conftest import make_user_with_role

    user = make_user_with_role(dk_network, Role.Kind.SECRETARIAT, mfa=False)
    client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert client.session["_auth_user_id"] == str(user.pk)
    for path in ("/en/admin/", "/en/admin/login/", "/en/cases/moderation/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"] == reverse("mfa_activate_totp"), path


def test_staff_setting_up_an_authenticator_may_confirm_by_an_e_mailed_code(client, dk_network):
    """Activating an authenticator asks to confirm who one is; every way allauth offers
    (the password, or a code by e-mail) stays reachable until one is set up."""
    from samskab.networks.models import Role
    from tests.conftest import make_user_with_role

    user = make_user_with_role(dk_network, Role.Kind.SECRETARIAT, mfa=False)
    client.force_login(user)
    for name in ("account_reauthenticate", "account_request_reauthentication_code"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
