import pytest

from samskab.groups.models import GroupMembership

from .factories import EventFactory, GroupMembershipFactory, ThemeGroupFactory

SECRET_LINK = "https://meet.example/secret-room-4711"
SECRET_DETAILS = "Dørkode 9911"


@pytest.fixture
def group(dk_network):
    return ThemeGroupFactory(network=dk_network)


@pytest.fixture
def group_member(group):
    return GroupMembershipFactory(group=group).user


@pytest.fixture
def coordinator(group):
    return GroupMembershipFactory(group=group, role=GroupMembership.Role.COORDINATOR).user


@pytest.fixture
def event(dk_network):
    return EventFactory(network=dk_network)


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
