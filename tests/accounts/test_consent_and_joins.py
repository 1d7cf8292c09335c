"""Consent is the person's own (or recorded by the secretariat, with who and when);
organisation editors see and change only the records their organisation keeps; joining an
organisation is a request its editors or the secretariat confirm."""

import pytest
from django.core.exceptions import PermissionDenied

from samskab.accounts import services
from samskab.accounts.models import Person
from samskab.networks.models import Role
from tests.conftest import make_user_with_role
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_account(member_org, django_user_model):
    """Someone at ``member_org`` with a log-in of their own who did not consent."""
    user = django_user_model.objects.create_user(
        email="bo@test.example", password="x", name="Bo Borger", language="en"
    )
    return Person.objects.create(
        user=user,
        name="Bo Borger",
        organisation=member_org,
        phone="+45 00 99 99 99",
        email="bo.private@test.example",
        public_consent=False,
    )


# --- seeing and changing others' details ----------------------------------------------------


def test_editor_does_not_see_unconsented_details_of_a_person_with_own_log_in(
    client, member_org, org_editor, own_account
):
    record = PersonFactory(
        organisation=member_org, email="record@kommune.example", phone="+45 00 12 12 12"
    )
    agreed = PersonFactory(
        organisation=member_org, email="agreed@kommune.example", public_consent=True
    )
    client.force_login(org_editor)
    body = client.get(f"/en/organisations/{member_org.slug}/people/").content.decode()
    assert "Bo Borger" in body
    assert "bo.private@test.example" not in body and "+45 00 99 99 99" not in body
    assert f"/people/{own_account.pk}/edit/" not in body
    # The records the organisation keeps (no log-in) and consenting people: shown.
    assert "record@kommune.example" in body and "+45 00 12 12 12" in body
    assert f"/people/{record.pk}/edit/" in body
    assert agreed.email in body


def test_editor_cannot_change_consent_or_rename_a_person_with_own_log_in(
    client, org_editor, own_account
):
    client.force_login(org_editor)
    url = f"/en/people/{own_account.pk}/edit/"
    assert client.get(url).status_code == 403
    response = client.post(
        url, {"name": "Renamed", "title": "", "phone": "", "email": "", "public_consent": "on"}
    )
    assert response.status_code == 403
    own_account.refresh_from_db()
    own_account.user.refresh_from_db()
    assert not own_account.public_consent and own_account.consent_changed_at is None
    assert own_account.name == "Bo Borger" and own_account.user.name == "Bo Borger"
    with pytest.raises(PermissionDenied):
        services.person_update(actor=org_editor, person=own_account, data={"public_consent": True})
    with pytest.raises(PermissionDenied):
        services.person_update(actor=org_editor, person=own_account, data={"name": "X"})
    own_account.refresh_from_db()
    assert own_account.name == "Bo Borger" and not own_account.public_consent


def test_editor_keeps_a_record_without_log_in_but_never_its_consent(client, member_org, org_editor):
    record = PersonFactory(organisation=member_org, name="Ole Ny", public_consent=False)
    client.force_login(org_editor)
    url = f"/en/people/{record.pk}/edit/"
    body = client.get(url).content.decode()
    assert 'name="public_consent"' not in body
    assert record.email in body  # the editor keeps this record
    response = client.post(
        url,
        {"name": "Ole Nyere", "title": "Chef", "phone": "", "email": "", "public_consent": "on"},
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.name == "Ole Nyere" and not record.public_consent
    with pytest.raises(PermissionDenied):
        services.person_update(actor=org_editor, person=record, data={"public_consent": True})
    # Adding a person: no consent either.
    response = client.post(
        f"/en/organisations/{member_org.slug}/people/",
        {"name": "Nina", "title": "", "phone": "", "email": "", "public_consent": "on"},
    )
    assert response.status_code == 302
    assert not Person.objects.get(name="Nina").public_consent


def test_the_secretariat_records_consent_as_such(client, staff_user, member_org):
    record = PersonFactory(organisation=member_org)
    client.force_login(staff_user)
    url = f"/en/people/{record.pk}/edit/"
    assert 'name="public_consent"' in client.get(url).content.decode()
    client.post(
        url,
        {"name": record.name, "title": "", "phone": "", "email": "", "public_consent": "on"},
    )
    record.refresh_from_db()
    assert record.public_consent and record.consent_changed_by == staff_user
    assert record.consent_changed_at is not None


def test_consent_given_by_oneself_is_recorded_as_such(client, plain_user, staff_user, member_org):
    Person.objects.filter(user=plain_user).update(organisation=member_org)
    client.force_login(plain_user)
    client.post(
        "/en/me/edit/",
        {
            "name": "Plain",
            "title": "",
            "organisation": member_org.pk,
            "phone": "",
            "email": "",
            "public_consent": "on",
        },
    )
    person = Person.objects.get(user=plain_user)
    assert person.consent_changed_by == plain_user
    assert "recorded by you" in client.get("/en/me/").content.decode()
    data = services.personal_data_export(user=plain_user)
    assert data["person"]["consent_recorded_by"] == "self"
    services.person_update(actor=staff_user, person=person, data={"public_consent": False})
    data = services.personal_data_export(user=plain_user)
    assert data["person"]["consent_recorded_by"] == "secretariat"


# --- joining an organisation ---------------------------------------------------------------


@pytest.fixture
def editor_da(org_editor):
    org_editor.language = "da"
    org_editor.save()
    return org_editor


def ask_to_join(client, user, organisation, title="Fake director"):
    user.language = "en"
    user.save()
    client.force_login(user)
    return client.post(
        "/en/me/edit/",
        {
            "name": user.name,
            "title": title,
            "organisation": organisation.pk,
            "phone": "",
            "email": "",
        },
    )


def test_joining_an_organisation_is_a_request_not_a_fact(
    client,
    dk_network,
    member_org,
    plain_user,
    editor_da,
    staff_user,
    other_org_editor,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    staff_user.language = "en"
    staff_user.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = ask_to_join(client, plain_user, member_org)
    assert response.status_code == 302
    person = Person.objects.get(user=plain_user)
    assert person.organisation is None and person.requested_organisation == member_org
    assert person.title == "Fake director"
    # My page shows the pending state.
    body = client.get("/en/me/").content.decode()
    assert "Awaiting confirmation" in body and member_org.name in body
    # Not among the organisation's people, nor on its public pages.
    assert person not in member_org.people.all()
    client.force_login(other_org_editor)
    body = client.get(f"/en/organisations/{member_org.slug}/").content.decode()
    assert plain_user.name not in body
    body = client.get("/en/members/").content.decode()
    assert plain_user.name not in body
    # The organisation's editor (in Danish) and the secretariat were told.
    to = {m.to[0]: m for m in mailoutbox}
    assert set(to) == {editor_da.email, staff_user.email}
    assert "beder om at komme med i" in to[editor_da.email].subject
    assert "asks to join" in to[staff_user.email].subject
    assert f"/da/organisations/{member_org.slug}/people/" in to[editor_da.email].body
    assert plain_user.email in to[editor_da.email].body
    # The editor sees the request apart from the people list.
    client.force_login(editor_da)
    body = client.get(f"/en/organisations/{member_org.slug}/people/").content.decode()
    assert "Asking to join" in body and "Fake director" in body


def test_editor_confirms_a_request_and_the_person_is_told(
    client, member_org, plain_user, org_editor, mailoutbox, django_capture_on_commit_callbacks
):
    ask_to_join(client, plain_user, member_org)
    person = Person.objects.get(user=plain_user)
    client.force_login(org_editor)
    url = f"/en/organisations/{member_org.slug}/people/requests/{person.pk}/"
    assert client.post(url, {"decision": "maybe"}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "confirm"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.organisation == member_org and person.requested_organisation is None
    assert mailoutbox[-1].to == [plain_user.email]
    assert "now listed" in mailoutbox[-1].subject
    assert client.post(url, {"decision": "confirm"}).status_code == 404  # nothing pending
    body = client.get(f"/en/organisations/{member_org.slug}/people/").content.decode()
    assert "Fake director" in body


def test_editor_declines_a_request(
    client, member_org, plain_user, org_editor, mailoutbox, django_capture_on_commit_callbacks
):
    ask_to_join(client, plain_user, member_org)
    person = Person.objects.get(user=plain_user)
    client.force_login(org_editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/organisations/{member_org.slug}/people/requests/{person.pk}/",
            {"decision": "decline"},
        )
    person.refresh_from_db()
    assert person.organisation is None and person.requested_organisation is None
    assert "declined" in mailoutbox[-1].subject and mailoutbox[-1].to == [plain_user.email]


def test_only_the_organisations_editors_and_secretariat_decide(
    client, member_org, plain_user, other_org_editor, dk_network
):
    ask_to_join(client, plain_user, member_org)
    person = Person.objects.get(user=plain_user)
    url = f"/en/organisations/{member_org.slug}/people/requests/{person.pk}/"
    other = make_user_with_role(dk_network, None)
    for user in (other_org_editor, other, plain_user):
        client.force_login(user)
        assert client.post(url, {"decision": "confirm"}).status_code == 403
        with pytest.raises(PermissionDenied):
            services.person_join_confirm(actor=user, person=person)
    person.refresh_from_db()
    assert person.organisation is None and person.requested_organisation == member_org
    # Nor can a user attach themselves by calling the service directly.
    with pytest.raises(PermissionDenied):
        services.person_update(actor=other, person=person, data={"organisation": member_org})


def test_withdrawing_and_leaving(client, member_org, other_org, plain_user):
    ask_to_join(client, plain_user, member_org)
    assert client.post("/en/me/organisation/withdraw/").status_code == 302
    person = Person.objects.get(user=plain_user)
    assert person.requested_organisation is None and person.organisation is None
    Person.objects.filter(pk=person.pk).update(organisation=member_org)
    ask_to_join(client, plain_user, other_org)
    person.refresh_from_db()
    assert person.organisation == member_org and person.requested_organisation == other_org
    # Leaving needs nobody's confirmation (and takes back the request).
    client.post("/en/me/edit/", {"name": "P", "title": "", "organisation": "", "email": ""})
    person.refresh_from_db()
    assert person.organisation is None and person.requested_organisation is None


def test_an_editor_joins_their_own_organisation_at_once(client, member_org, dk_network):
    editor = make_user_with_role(dk_network, Role.Kind.ORG_EDITOR, member_org)
    Person.objects.filter(user=editor).update(organisation=None)
    ask_to_join(client, editor, member_org, title="Projektleder")
    person = Person.objects.get(user=editor)
    assert person.organisation == member_org and person.requested_organisation is None


def test_consent_recorded_in_the_admin_is_recorded_as_the_secretariats(
    client, staff_user, member_org
):
    record = PersonFactory(organisation=member_org, name="Adm Person")
    client.force_login(staff_user)
    response = client.post(
        f"/en/admin/accounts/person/{record.pk}/change/",
        {
            "name": "Adm Person",
            "title": "",
            "organisation": member_org.pk,
            "phone": "",
            "email": "",
            "public_consent": "on",
            "user": "",
            "roles-TOTAL_FORMS": "0",
            "roles-INITIAL_FORMS": "0",
            "roles-MIN_NUM_FORMS": "0",
            "roles-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    record.refresh_from_db()
    assert record.public_consent and record.consent_changed_by == staff_user
