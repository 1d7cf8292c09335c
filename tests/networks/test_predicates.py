import datetime

import pytest
from django.utils import timezone

from samskab.events.predicates import coordinated_group_ids
from samskab.networks.models import Role
from samskab.networks.predicates import role_network_ids, staff_network_ids
from tests.factories import RoleFactory

pytestmark = pytest.mark.django_db


def test_role_network_ids_are_the_networks_of_current_roles_of_those_kinds(
    admin_contact, dk_network, no_network
):
    person = admin_contact.person
    RoleFactory(network=no_network, person=person, kind=Role.Kind.SECRETARIAT, organisation=None)
    RoleFactory(
        network=no_network,
        person=person,
        kind=Role.Kind.POLITICAL_CONTACT,
        until=timezone.localdate() - datetime.timedelta(days=1),  # ended yesterday
    )
    contacts = {Role.Kind.ADMIN_CONTACT, Role.Kind.POLITICAL_CONTACT}
    assert role_network_ids(admin_contact, contacts) == {dk_network.pk}
    assert role_network_ids(admin_contact, {Role.Kind.ORG_EDITOR}) == set()
    assert staff_network_ids(admin_contact) == {no_network.pk}


def test_role_network_ids_of_an_anonymous_user_are_empty():
    from django.contrib.auth.models import AnonymousUser

    assert role_network_ids(AnonymousUser(), set(Role.Kind)) == set()


def test_forget_access_clears_roles_and_group_memberships_together(
    admin_contact, dk_network, django_assert_num_queries
):
    """One per-user cache (``user_cached``): asked twice, the database answers once; after
    ``forget_access`` a new role and a new membership show at once."""
    from samskab.groups.models import GroupMembership, ThemeGroup
    from samskab.groups.predicates import is_group_member
    from samskab.networks.predicates import forget_access

    group = ThemeGroup.objects.create(network=dk_network, name="Mad", slug="mad")
    with django_assert_num_queries(2):
        assert staff_network_ids(admin_contact) == set()
        assert staff_network_ids(admin_contact) == set()
        assert not is_group_member(admin_contact, group)
        assert not is_group_member(admin_contact, group)
    RoleFactory(
        network=dk_network,
        person=admin_contact.person,
        kind=Role.Kind.SECRETARIAT,
        organisation=None,
    )
    assert coordinated_group_ids(admin_contact) == set()
    GroupMembership.objects.create(
        group=group, user=admin_contact, status="active", role="coordinator"
    )
    assert staff_network_ids(admin_contact) == set()  # still remembered
    assert coordinated_group_ids(admin_contact) == set()  # the events app's, on the same cache
    forget_access(admin_contact)
    assert staff_network_ids(admin_contact) == {dk_network.pk}
    assert is_group_member(admin_contact, group)
    assert coordinated_group_ids(admin_contact) == {group.pk}
