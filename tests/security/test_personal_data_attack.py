"""A user types someone else's address as their profile e-mail and then asks for "their"
data or has "their" account erased. Records that hold only an e-mail address (a guest
registration, a case's contact, ...) belong to whoever *verified* that address, never to
whoever typed it into a profile."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from samskab.accounts.models import Person
from samskab.accounts.services import person_erase, personal_data_export, user_erase
from samskab.cases.services import revision_record
from samskab.events.models import Answer, Registration
from samskab.groups.models import GroupContact
from tests.cases.factories import CaseFactory
from tests.events.factories import EventFactory, QuestionFactory, RegistrationFactory
from tests.factories import (
    PASSWORD,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
    UserFactory,
)
from tests.groups.factories import ThemeGroupFactory

pytestmark = pytest.mark.django_db
User = get_user_model()

VICTIM = "vera.victim@kommune.example"


@pytest.fixture(autouse=True)
def _taxonomy(db):
    from samskab.cases.models import InterventionType, Topic
    from samskab.cases.taxonomy import seed

    seed(Topic, InterventionType)


@pytest.fixture
def victim_records(dk_network, other_org):
    """What the platform holds about Vera by her address alone, plus a group contact and a
    person record of hers; Vera has no account here."""
    event = EventFactory(network=dk_network)
    question = QuestionFactory(event=event, label="Diet")
    registration = RegistrationFactory(
        event=event, email=VICTIM, name="Vera Victim", organisation="Other Kommune"
    )
    Answer.objects.create(registration=registration, question=question, value="no nuts")
    case = CaseFactory(
        network=dk_network,
        organisation=other_org,
        contact_name="Vera Victim",
        contact_email=VICTIM,
        contact_phone="+45 00 11 22 33",
        contact_public=False,
    )
    revision_record(actor=None, case=case, action="edited")
    vera = PersonFactory(name="Vera Victim", email=VICTIM, organisation=other_org)
    RoleFactory(network=dk_network, person=vera, organisation=other_org)
    group = ThemeGroupFactory(network=dk_network)
    GroupContact.objects.create(group=group, person=vera)
    return {"registration": registration, "case": case, "person": vera, "group": group}


@pytest.fixture
def attacker(client, plain_user, dk_network):
    # A colleague signed the attacker up by their own (verified) log-in address.
    RegistrationFactory(
        event=EventFactory(network=dk_network, title="Mallory's own"), email=plain_user.email
    )
    client.force_login(plain_user)
    response = client.post(
        "/en/me/edit/",
        {"name": "Mallory", "title": "", "phone": "", "email": VICTIM},
    )
    assert response.status_code == 302
    assert Person.objects.get(user=plain_user).email == VICTIM  # the contact e-mail is free
    return plain_user


def test_profile_e_mail_does_not_reach_anothers_data_in_the_export(
    client, attacker, victim_records
):
    response = client.get("/en/me/data.json")
    body = response.content.decode()
    data = json.loads(body)
    # Changing the profile e-mail changed nothing about whose data one reaches.
    assert [r["event"] for r in data["events"]["registrations"]] == ["Mallory's own"]
    assert data["case_contacts"]["contact_person_of"] == []
    assert data["group_contacts"] == []
    assert data["person"]["roles"] == []
    assert victim_records["registration"].code not in body
    assert "no nuts" not in body
    assert "+45 00 11 22 33" not in body
    assert "Vera Victim" not in body


def test_erasing_ones_own_account_leaves_anothers_data_alone(
    client, attacker, victim_records, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/me/erase/", {"confirm": "on", "password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=attacker.pk).exists()
    registration = Registration.objects.get(pk=victim_records["registration"].pk)
    assert registration.name == "Vera Victim" and registration.email == VICTIM
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.answers.get().value == "no nuts"
    case = victim_records["case"]
    case.refresh_from_db()
    assert case.contact_name == "Vera Victim" and case.contact_email == VICTIM
    assert case.contact_phone == "+45 00 11 22 33"
    assert all(r.data["contact"]["email"] == VICTIM for r in case.revisions.all())
    vera = victim_records["person"]
    vera.refresh_from_db()
    assert vera.name == "Vera Victim" and vera.erased_at is None
    assert GroupContact.objects.filter(person=vera).exists()
    assert vera.roles.count() == 1


def test_erasing_a_person_record_by_its_typed_address_leaves_anothers_data_alone(
    dk_network, member_org, staff_user, victim_records
):
    """An editor (or the secretariat) erasing a person without a log-in: the address on
    that record was typed by someone, so it identifies no one."""
    typed = PersonFactory(name="Typed", email=VICTIM, organisation=member_org)
    person_erase(actor=staff_user, person=typed)
    registration = Registration.objects.get(pk=victim_records["registration"].pk)
    assert registration.email == VICTIM and registration.answers.exists()
    case = victim_records["case"]
    case.refresh_from_db()
    assert case.contact_email == VICTIM and case.contact_phone == "+45 00 11 22 33"


def test_an_unverified_address_of_ones_account_finds_nothing(victim_records):
    user = UserFactory()
    EmailAddress.objects.create(user=user, email=VICTIM, verified=False, primary=False)
    data = personal_data_export(user=user)
    assert data["events"]["registrations"] == []
    assert data["case_contacts"]["contact_person_of"] == []
    user_erase(actor=user, user=user)
    case = victim_records["case"]
    case.refresh_from_db()
    assert case.contact_email == VICTIM


def test_ones_own_verified_address_still_finds_ones_own_records(dk_network):
    """The positive case: Vera gets an account and verifies her address (a second one,
    not her log-in), and now her guest registration and her case contact are hers."""
    vera = UserFactory(email="vera@private.example")
    EmailAddress.objects.create(user=vera, email=VICTIM.upper(), verified=True, primary=False)
    event = EventFactory(network=dk_network)
    guest = RegistrationFactory(event=event, email=VICTIM, name="Vera Victim")
    login_address = RegistrationFactory(
        event=EventFactory(network=dk_network), email="vera@private.example"
    )
    case = CaseFactory(network=dk_network, organisation=OrganisationFactory(), contact_email=VICTIM)
    data = personal_data_export(user=vera)
    assert {r["code"] for r in data["events"]["registrations"]} == {
        guest.code,
        login_address.code,
    }
    assert [c["case"] for c in data["case_contacts"]["contact_person_of"]] == [case.slug]
    user_erase(actor=vera, user=vera)
    guest.refresh_from_db()
    case.refresh_from_db()
    assert guest.email == "" and guest.status == Registration.Status.CANCELLED
    assert case.contact_email == ""
