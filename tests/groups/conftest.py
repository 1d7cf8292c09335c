import pytest
from django.contrib.auth.models import AnonymousUser

from samskab.groups.models import GroupMembership
from tests.conftest import make_user_with_role
from tests.factories import UserFactory

from .factories import GroupMembershipFactory, ThemeGroupFactory

ROLES = [
    "anonymous",
    "logged_in",
    "requested",
    "member",
    "coordinator",
    "secretariat",
    "other_secretariat",
    "other_group_coordinator",
]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def group(dk_network):
    return ThemeGroupFactory(
        network=dk_network,
        name="Strategisk Lokalsamfundsudvikling",
        slug="strategisk-lokalsamfundsudvikling",
    )


@pytest.fixture
def coordinator(group):
    return GroupMembershipFactory(group=group, role=GroupMembership.Role.COORDINATOR).user


@pytest.fixture
def member(group):
    return GroupMembershipFactory(group=group).user


@pytest.fixture
def requester(group):
    return GroupMembershipFactory(group=group, status=GroupMembership.Status.REQUESTED).user


@pytest.fixture
def other_group_coordinator(dk_network):
    other = ThemeGroupFactory(network=dk_network, name="Mental Sundhed", slug="mental-sundhed")
    return GroupMembershipFactory(group=other, role=GroupMembership.Role.COORDINATOR).user


@pytest.fixture
def users(
    group,
    coordinator,
    member,
    requester,
    plain_user,
    staff_user,
    other_network_staff,
    other_group_coordinator,
):
    """One user per role towards ``group``."""
    return {
        "other_group_coordinator": other_group_coordinator,
        "anonymous": AnonymousUser(),
        "logged_in": plain_user,
        "requested": requester,
        "member": member,
        "coordinator": coordinator,
        "secretariat": staff_user,
        "other_secretariat": other_network_staff,
    }


def fresh(user):
    """The user as a new request would see it (no cached roles)."""
    if not user.is_authenticated:
        return user
    return type(user).objects.get(pk=user.pk)


__all__ = ["ROLES", "UserFactory", "fresh", "make_user_with_role"]
