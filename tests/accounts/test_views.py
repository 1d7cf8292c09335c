import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse

from samskab.accounts.models import Person
from samskab.networks.models import Role
from tests.conftest import login, make_user_with_role
from tests.factories import PASSWORD, PersonFactory, RoleFactory

pytestmark = pytest.mark.django_db
User = get_user_model()

PROTECTED = [
    "/da/me/",
    "/da/me/edit/",
    "/da/me/data.json",
    "/da/me/erase/",
    "/da/me/organisation/withdraw/",
    "/da/organisations/{slug}/people/",
    "/da/organisations/{slug}/people/requests/{pk}/",
    "/da/people/{pk}/edit/",
    "/da/people/{pk}/erase/",
]


@pytest.mark.parametrize("path", PROTECTED)
def test_protected_pages_send_anonymous_visitors_to_log_in(client, member_org, path):
    person = PersonFactory(organisation=member_org)
    response = client.get(path.format(slug=member_org.slug, pk=person.pk))
    assert response.status_code == 302
    assert "/accounts/login/" in response.headers["Location"]


def test_sign_up_requires_verification_and_creates_the_person(
    client, dk_network, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/accounts/signup/",
            {
                "name": "Nina Ny",
                "email": "Nina@Test.example",
                "password1": "a-long-and-good-passphrase",
                "password2": "a-long-and-good-passphrase",
            },
        )
    assert response.status_code == 302
    user = User.objects.get(email="nina@test.example")
    assert user.name == "Nina Ny"
    assert user.language == "en"
    assert Person.objects.get(user=user).name == "Nina Ny"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mailoutbox) == 1 and "confirm-email" in mailoutbox[0].body
    # Not verified: cannot get in yet.
    response = client.post(
        "/en/accounts/login/",
        {"login": "nina@test.example", "password": "a-long-and-good-passphrase"},
    )
    assert response.headers["Location"].endswith("/accounts/confirm-email/")


def test_sign_up_with_bad_input_shows_errors_in_the_language(client, dk_network):
    response = client.post(
        "/da/accounts/signup/",
        {"name": "", "email": "ikke-en-adresse", "password1": "kort", "password2": "andet"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "data-error-summary" in body
    assert "Ret venligst følgende" in body
    assert not User.objects.exists()


def test_failed_log_ins_are_rate_limited(client, plain_user):
    for _ in range(5):
        response = client.post(
            "/en/accounts/login/", {"login": plain_user.email, "password": "wrong"}
        )
        assert response.status_code == 200
    response = client.post("/en/accounts/login/", {"login": plain_user.email, "password": PASSWORD})
    body = response.content.decode()
    assert "Too many failed login attempts" in body
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_mail(client, plain_user, mailoutbox):
    client.post("/en/accounts/password/reset/", {"email": plain_user.email})
    assert len(mailoutbox) == 1
    assert "/accounts/password/reset/key/" in mailoutbox[0].body


def test_staff_without_an_authenticator_must_set_one_up(client, dk_network):
    user = make_user_with_role(dk_network, Role.Kind.SECRETARIAT, mfa=False)
    client.force_login(user)
    response = client.get("/da/members/")
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password again before activating; that page is reachable.
    response = client.get(reverse("mfa_activate_totp"), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))


def test_staff_with_an_authenticator_and_other_users_pass(client, staff_user, plain_user):
    client.force_login(staff_user)
    assert client.get("/da/members/").status_code == 200
    client.force_login(plain_user)
    assert client.get("/da/members/").status_code == 200


def test_staff_log_in_asks_for_the_second_factor(client, staff_user):
    response = client.post("/en/accounts/login/", {"login": staff_user.email, "password": PASSWORD})
    assert response.headers["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


def test_profile_edit_saves_and_records_consent(client, plain_user):
    client.force_login(plain_user)
    response = client.post(
        "/en/me/edit/",
        {
            "name": "New Name",
            "title": "Konsulent",
            "phone": "+45 01 02 03 04",
            "email": "a@b.example",
            "public_consent": "on",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(user=plain_user)
    assert person.public_consent and person.consent_changed_at is not None
    plain_user.refresh_from_db()
    assert plain_user.name == "New Name"


def test_profile_edit_with_bad_input_keeps_what_was_typed(client, plain_user):
    client.force_login(plain_user)
    response = client.post("/en/me/edit/", {"name": "", "title": "Chef", "email": "not-mail"})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="Chef"' in body
    assert "data-error-summary" in body
    assert Person.objects.get(user=plain_user).title != "Chef"


def test_data_export_contains_everything_about_me(client, dk_network, member_org):
    user = make_user_with_role(dk_network, Role.Kind.ADMIN_CONTACT, member_org)
    client.force_login(user)
    response = client.get("/en/me/data.json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == user.email
    assert data["person"]["organisation"] == member_org.name
    assert data["person"]["roles"][0]["role"] == "admin_contact"
    assert data["account"]["email_addresses"][0]["verified"] is True


def test_erase_needs_the_password_and_anonymises(
    client, dk_network, member_org, mailoutbox, django_capture_on_commit_callbacks
):
    user = make_user_with_role(dk_network, Role.Kind.ADMIN_CONTACT, member_org)
    person = Person.objects.get(user=user)
    client.force_login(user)
    response = client.post("/en/me/erase/", {"confirm": "on", "password": "wrong"})
    assert response.status_code == 200
    assert User.objects.filter(pk=user.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/me/erase/", {"confirm": "on", "password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    person.refresh_from_db()
    assert person.name == "Slettet person" and person.email == "" and person.phone == ""
    assert person.erased_at is not None
    # The role stays, pointing at the anonymous person.
    assert Role.objects.filter(person=person).count() == 1
    assert mailoutbox[-1].to == [user.email]
    assert "_auth_user_id" not in client.session


def test_people_management_by_organisation_editor(client, member_org, org_editor):
    client.force_login(org_editor)
    url = f"/en/organisations/{member_org.slug}/people/"
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"name": "Ole Ny", "title": "Leder", "phone": "", "email": "ole@kommune.example"}
    )
    assert response.status_code == 302
    person = Person.objects.get(name="Ole Ny")
    assert person.organisation == member_org and not person.public_consent
    response = client.post(
        f"/en/people/{person.pk}/edit/",
        {"name": "Ole Ny", "title": "Chef", "email": "", "phone": ""},
    )
    assert response.status_code == 302
    response = client.post(f"/en/people/{person.pk}/erase/")
    person.refresh_from_db()
    assert person.erased_at is not None


def test_people_management_is_refused_with_a_message(client, member_org, other_org_editor):
    client.force_login(other_org_editor)
    response = client.get(f"/en/organisations/{member_org.slug}/people/")
    assert response.status_code == 403
    assert "Only the organisation" in response.content.decode()
    person = PersonFactory(organisation=member_org)
    assert client.post(f"/en/people/{person.pk}/edit/", {"name": "X"}).status_code == 403
    assert client.post(f"/en/people/{person.pk}/erase/").status_code == 403
    person.refresh_from_db()
    assert person.name != "X" and person.erased_at is None


def test_people_with_their_own_log_in_cannot_be_erased_by_others(
    client, member_org, org_editor, dk_network
):
    other = make_user_with_role(dk_network, Role.Kind.ADMIN_CONTACT, member_org)
    person = Person.objects.get(user=other)
    client.force_login(org_editor)
    assert client.post(f"/en/people/{person.pk}/erase/").status_code == 403


def test_admin_scopes_staff_to_their_own_network(client, dk_network, no_network, staff_user):
    from tests.factories import MembershipFactory

    own = MembershipFactory(network=dk_network, organisation__name="Egen Kommune")
    foreign = MembershipFactory(
        network=no_network,
        organisation__name="Fremmed kommune",
        organisation__country="NO",
        organisation__code="4601",
    )
    login(client, staff_user)
    body = client.get("/en/admin/networks/membership/").content.decode()
    assert "Egen Kommune" in body and "Fremmed kommune" not in body
    assert client.get(f"/en/admin/networks/membership/{foreign.pk}/change/").status_code == 302
    assert client.get(f"/en/admin/networks/membership/{own.pk}/change/").status_code == 200
    assert client.get(f"/en/admin/networks/network/{no_network.pk}/change/").status_code == 302


def test_admin_is_closed_to_non_staff(client, org_editor):
    client.force_login(org_editor)
    response = client.get("/en/admin/")
    assert response.status_code == 302 and "/admin/login/" in response.headers["Location"]


def test_admin_is_in_danish(client, staff_user):
    login(client, staff_user)
    body = client.get("/da/admin/").content.decode()
    assert "Samskab-administration" in body
    assert "Medlemskaber" in body


def test_admin_erase_action(client, dk_network, member_org, staff_user):
    person = PersonFactory(organisation=member_org, name="Til Sletning")
    RoleFactory(network=dk_network, person=person, organisation=member_org)
    login(client, staff_user)
    client.post(
        "/en/admin/accounts/person/", {"action": "erase_people", "_selected_action": [person.pk]}
    )
    person.refresh_from_db()
    assert person.name == "Slettet person"
