import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.test import Client
from pytest_factoryboy import register

from samskab.networks.models import Role

from .factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
    UserFactory,
)

register(NetworkFactory)
register(OrganisationFactory)
register(MembershipFactory)
register(UserFactory)
register(PersonFactory)
register(RoleFactory)

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105


@pytest.fixture(autouse=True)
def _complete_logins(monkeypatch):
    """``client.force_login`` gives the session of a completed allauth log-in, second
    factor included; tests of sessions without it use ``force_login_without_second_factor``
    or log in through the real log-in pages."""
    monkeypatch.setattr(Client, "force_login", login)


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # Argon2 costs about 0.35 s per user; the production setting is tested in tests/core.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def dk_network(db):
    return NetworkFactory()


@pytest.fixture
def no_network(db):
    return NetworkFactory(
        slug="sunne-kommuner",
        name="Sunne kommuner",
        country="NO",
        default_language="nb",
        time_zone="Europe/Oslo",
        hosts="sunne.testserver",
    )


@pytest.fixture
def member_org(dk_network):
    return MembershipFactory(network=dk_network).organisation


@pytest.fixture
def other_org(dk_network):
    return MembershipFactory(network=dk_network).organisation


def make_user_with_role(network, kind, organisation=None, mfa=False):
    user = UserFactory()
    person = PersonFactory(user=user, name=user.name, organisation=organisation)
    if kind is not None:
        RoleFactory(
            network=network,
            person=person,
            kind=kind,
            organisation=organisation if kind != Role.Kind.SECRETARIAT else None,
        )
    if mfa:
        TOTP.activate(user, TOTP_SECRET)
    return user


@pytest.fixture
def plain_user(dk_network):
    return make_user_with_role(dk_network, None)


@pytest.fixture
def staff_user(dk_network):
    """Secretariat staff of the Danish network, with an authenticator app."""
    user = make_user_with_role(dk_network, Role.Kind.SECRETARIAT, mfa=True)
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def other_network_staff(no_network):
    return make_user_with_role(no_network, Role.Kind.SECRETARIAT, mfa=True)


@pytest.fixture
def org_editor(dk_network, member_org):
    return make_user_with_role(dk_network, Role.Kind.ORG_EDITOR, member_org)


@pytest.fixture
def other_org_editor(dk_network, other_org):
    return make_user_with_role(dk_network, Role.Kind.ORG_EDITOR, other_org)


@pytest.fixture
def admin_contact(dk_network, member_org):
    return make_user_with_role(dk_network, Role.Kind.ADMIN_CONTACT, member_org)


@pytest.fixture
def political_contact(dk_network, member_org):
    return make_user_with_role(dk_network, Role.Kind.POLITICAL_CONTACT, member_org)


_plain_force_login = Client.force_login


def force_login_without_second_factor(client, user):
    """A session with no record of how it was made (as a direct call to
    ``django.contrib.auth.login`` would make): staff with an authenticator reach nothing."""
    _plain_force_login(client, user)
    return client


def login(client, user, backend=None):
    """Log a user in through the session, as allauth would after a completed log-in
    (including the second factor for users with an authenticator app, which staff pages
    and the admin require). ``client.force_login`` does this in every test (see
    ``_complete_logins``)."""
    from allauth.account.internal.flows.login import record_authentication
    from django.test import RequestFactory

    _plain_force_login(client, user, backend)
    request = RequestFactory().get("/")
    request.session = client.session
    record_authentication(request, user, "password", email=user.email)
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is not None:
        record_authentication(request, user, "mfa", id=totp.pk, type=totp.type)
    request.session.save()
    return client


__all__ = ["Authenticator", "force_login_without_second_factor", "login", "make_user_with_role"]
