import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation

from samskab.groups.models import GroupMembership
from samskab.networks.models import Role
from samskab.news import services
from tests.conftest import make_user_with_role
from tests.groups.factories import GroupMembershipFactory, ThemeGroupFactory

ROLES = [
    "anonymous",
    "logged_in",
    "member",
    "coordinator",
    "other_group_coordinator",
    "secretariat",
    "other_secretariat",
]

SEED_BODY = """Mandag 18. august møttes de ikke-politiske kontaktene i medlemskommunene våre.

## Fremme medborgerskap

Sentralt på nettverkssamlingen stod ønsket om å jobbe for økt medvirkning.

- robuste lokalsamfunn
- temagrupper

> Folkehelse på tvers.
"""


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _no_language_left_over():
    """A request leaves its language active in the thread; a service called by the next
    test would answer in it. Every test starts with none (the site's default)."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def group(dk_network):
    return ThemeGroupFactory(network=dk_network, name="Mental Sundhed", slug="mental-sundhed")


@pytest.fixture
def other_group(dk_network):
    return ThemeGroupFactory(network=dk_network, name="Fællesspisning", slug="faellesspisning")


@pytest.fixture
def coordinator(group):
    return GroupMembershipFactory(group=group, role=GroupMembership.Role.COORDINATOR).user


@pytest.fixture
def member(group):
    return GroupMembershipFactory(group=group).user


@pytest.fixture
def other_group_coordinator(other_group):
    return GroupMembershipFactory(group=other_group, role=GroupMembership.Role.COORDINATOR).user


@pytest.fixture
def secretariat(dk_network):
    return make_user_with_role(dk_network, Role.Kind.SECRETARIAT, mfa=True)


@pytest.fixture
def users(
    dk_network,
    plain_user,
    member,
    coordinator,
    other_group_coordinator,
    secretariat,
    other_network_staff,
):
    return {
        "anonymous": AnonymousUser(),
        "logged_in": plain_user,
        "member": member,
        "coordinator": coordinator,
        "other_group_coordinator": other_group_coordinator,
        "secretariat": secretariat,
        "other_secretariat": other_network_staff,
    }


def fresh(user):
    """A new user object, as a new request would have (no remembered roles)."""
    if not user.is_authenticated:
        return user
    return type(user).objects.get(pk=user.pk)


def write(
    actor,
    network,
    *,
    title="Administrativ samling 2014",
    language="da",
    groups=(),
    tags=(),
    publish=True,
    at=None,
    **extra,
):
    article = services.article_create(
        actor=actor,
        network=network,
        language=language,
        data={
            "title": title,
            "lead": "Nå skal vi fremme medborgerskapet lokalt.",
            "body": SEED_BODY,
            "tags": list(tags),
            "theme_groups": list(groups),
            **extra,
        },
    )
    if publish:
        services.article_publish(actor=actor, article=article, at=at)
    return article


@pytest.fixture
def published(secretariat, dk_network, group):
    return write(secretariat, dk_network, title="Offentlig nyhed", groups=[group])


@pytest.fixture
def draft(secretariat, dk_network, group):
    return write(secretariat, dk_network, title="Hemmelig kladde", groups=[group], publish=False)


@pytest.fixture
def scheduled(secretariat, dk_network, group):
    return write(
        secretariat,
        dk_network,
        title="Kommende nyhed",
        groups=[group],
        at=timezone.now() + datetime.timedelta(days=2),
    )
