"""Permission matrix for the networks rules, over the roles that matter."""

import pytest
from django.contrib.auth.models import AnonymousUser

from samskab.networks.models import Role
from tests.conftest import make_user_with_role

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "plain_user",
    "admin_contact",
    "political_contact",
    "org_editor",
    "other_org_editor",
    "staff_user",
    "other_network_staff",
    "superuser",
]


@pytest.fixture
def actor(request, django_user_model):
    name = request.param
    if name == "anonymous":
        return AnonymousUser()
    if name == "superuser":
        return django_user_model.objects.create_superuser(email="root@test.example", password="x")
    return request.getfixturevalue(name)


def matrix(rule, allowed):
    return pytest.mark.parametrize(
        ("actor", "expected"), [(r, r in allowed) for r in ROLES], indirect=["actor"]
    )


@matrix("networks.manage_network", {"staff_user", "superuser"})
def test_manage_network(actor, expected, dk_network, member_org):
    assert actor.has_perm("networks.manage_network", dk_network) is expected


@matrix("networks.view_audit", {"staff_user", "superuser"})
def test_view_audit(actor, expected, dk_network, member_org):
    assert actor.has_perm("networks.view_audit", dk_network) is expected


@matrix("networks.change_organisation", {"staff_user", "org_editor", "superuser"})
def test_change_organisation(actor, expected, member_org):
    assert actor.has_perm("networks.change_organisation", member_org) is expected


@matrix("networks.access_admin", {"staff_user", "other_network_staff", "superuser"})
def test_access_admin(actor, expected, member_org):
    assert actor.has_perm("networks.access_admin") is expected


@matrix("networks.view_directory", set(ROLES))
def test_view_directory(actor, expected, member_org):
    assert actor.has_perm("networks.view_directory") is expected


def test_ended_role_gives_no_permission(dk_network, member_org):
    import datetime

    user = make_user_with_role(dk_network, Role.Kind.ORG_EDITOR, member_org)
    Role.objects.filter(person__user=user).update(until=datetime.date(2000, 1, 1))
    assert not user.has_perm("networks.change_organisation", member_org)


def test_staff_of_a_network_cannot_change_an_organisation_outside_it(dk_network, no_network):
    from tests.factories import MembershipFactory

    norwegian = MembershipFactory(
        network=no_network, organisation__country="NO", organisation__code="0301"
    ).organisation
    staff = make_user_with_role(dk_network, Role.Kind.SECRETARIAT)
    assert not staff.has_perm("networks.change_organisation", norwegian)
