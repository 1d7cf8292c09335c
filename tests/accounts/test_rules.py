"""Permission matrices for people: who changes a person's record, who sees contact details
the person did not agree to show, who changes consent, who confirms a request to join an
organisation. A person with their own log-in keeps their own details; the organisation's
editors keep the records of its people without one."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import PersonFactory, RoleFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "plain_user",
    "the_person",
    "org_editor",
    "other_org_editor",
    "admin_contact",
    "staff_user",
    "other_network_staff",
    "superuser",
]


@pytest.fixture
def contact(dk_network, member_org, django_user_model):
    """A contact of ``member_org`` with a log-in of their own."""
    user = django_user_model.objects.create_user(email="self@test.example", password="x")
    person = PersonFactory(organisation=member_org, user=user)
    RoleFactory(network=dk_network, person=person, organisation=member_org)
    return person


@pytest.fixture
def record(dk_network, member_org):
    """A contact of ``member_org`` without a log-in: the organisation keeps the record."""
    person = PersonFactory(organisation=member_org)
    RoleFactory(network=dk_network, person=person, organisation=member_org)
    return person


@pytest.fixture
def actor(request, contact, django_user_model):
    name = request.param
    if name == "anonymous":
        return AnonymousUser()
    if name == "the_person":
        return contact.user
    if name == "superuser":
        return django_user_model.objects.create_superuser(email="root@test.example", password="x")
    return request.getfixturevalue(name)


def matrix(allowed):
    return pytest.mark.parametrize(
        ("actor", "expected"), [(r, r in allowed) for r in ROLES], indirect=["actor"]
    )


@matrix({"the_person", "staff_user", "superuser"})
def test_change_person_with_own_log_in(actor, expected, contact):
    assert actor.has_perm("accounts.change_person", contact) is expected


@matrix({"org_editor", "staff_user", "superuser"})
def test_change_person_without_log_in(actor, expected, record):
    assert actor.has_perm("accounts.change_person", record) is expected


@matrix({"the_person", "staff_user", "superuser"})
def test_view_private_contact_with_own_log_in(actor, expected, contact):
    assert actor.has_perm("accounts.view_person_private_contact", contact) is expected


@matrix({"org_editor", "staff_user", "superuser"})
def test_view_private_contact_without_log_in(actor, expected, record):
    assert actor.has_perm("accounts.view_person_private_contact", record) is expected


@matrix({"the_person", "staff_user", "superuser"})
def test_change_consent_with_own_log_in(actor, expected, contact):
    assert actor.has_perm("accounts.change_person_consent", contact) is expected


@matrix({"staff_user", "superuser"})
def test_change_consent_without_log_in(actor, expected, record):
    assert actor.has_perm("accounts.change_person_consent", record) is expected


@matrix({"the_person", "superuser"})  # Django gives an active superuser every permission
def test_join_organisation(actor, expected, contact):
    assert actor.has_perm("accounts.join_organisation", contact) is expected


@matrix({"org_editor", "staff_user", "superuser"})
def test_decide_join_request(actor, expected, member_org):
    assert actor.has_perm("accounts.decide_join_request", member_org) is expected


@matrix({"superuser"})  # Django gives an active superuser every permission
def test_erase_person_with_own_log_in(actor, expected, contact):
    assert actor.has_perm("accounts.erase_person", contact) is expected


@matrix({"org_editor", "staff_user", "superuser"})
def test_erase_person_without_log_in(actor, expected, record):
    assert actor.has_perm("accounts.erase_person", record) is expected


@matrix({"the_person", "superuser"})
def test_manage_account(actor, expected, contact):
    assert actor.has_perm("accounts.manage_account", contact.user) is expected
