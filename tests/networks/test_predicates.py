import datetime

import pytest
from django.utils import timezone

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
