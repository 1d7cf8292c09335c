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
]


@pytest.fixture
def contact(dk_network, member_org, django_user_model):
    user = django_user_model.objects.create_user(email="self@test.example", password="x")
    person = PersonFactory(organisation=member_org, user=user)
    RoleFactory(network=dk_network, person=person, organisation=member_org)
    return person


@pytest.fixture
def actor(request, contact):
    name = request.param
    if name == "anonymous":
        return AnonymousUser()
    if name == "the_person":
        return contact.user
    return request.getfixturevalue(name)


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("anonymous", False),
        ("plain_user", False),
        ("the_person", True),
        ("org_editor", True),
        ("other_org_editor", False),
        ("admin_contact", False),
        ("staff_user", True),
        ("other_network_staff", False),
    ],
    indirect=["actor"],
)
def test_change_person(actor, expected, contact):
    assert actor.has_perm("accounts.change_person", contact) is expected


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("anonymous", False),
        ("plain_user", False),
        ("the_person", True),
        ("org_editor", False),
        ("other_org_editor", False),
        ("admin_contact", False),
        ("staff_user", True),
        ("other_network_staff", False),
    ],
    indirect=["actor"],
)
def test_view_private_contact(actor, expected, contact):
    assert actor.has_perm("accounts.view_person_private_contact", contact) is expected
