"""Every events rule over the roles. Columns: anonymous, plain user, group member, group
coordinator, org editor, admin contact, political contact, secretariat of this network,
secretariat of another network, the event's creator, superuser."""

import pytest
from django.contrib.auth.models import AnonymousUser

from samskab.events.models import Event, Invitation, Registration
from tests.factories import UserFactory

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "plain_user",
    "group_member",
    "coordinator",
    "org_editor",
    "admin_contact",
    "political_contact",
    "staff_user",
    "other_network_staff",
    "creator",
    "superuser",
]


@pytest.fixture
def creator(db):
    return UserFactory()


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True)


def user_for(request, role):
    return AnonymousUser() if role == "anonymous" else request.getfixturevalue(role)


def make_event(dk_network, group, creator, audience):
    return EventFactory(
        network=dk_network, theme_group=group, audience=audience, created_by=creator
    )


def row(*allowed):
    assert set(allowed) <= set(ROLES), set(allowed) - set(ROLES)
    return set(allowed)


ORGANISERS = row("coordinator", "staff_user", "creator", "superuser")

VIEW = {
    Event.Audience.PUBLIC: set(ROLES),
    Event.Audience.LOGGED_IN: set(ROLES),
    Event.Audience.GROUP_MEMBERS: ORGANISERS | {"group_member"},
    Event.Audience.ADMIN_CONTACTS: ORGANISERS | {"admin_contact"},
    Event.Audience.POLITICAL_CONTACTS: ORGANISERS | {"political_contact"},
    Event.Audience.CONTACTS: ORGANISERS | {"admin_contact", "political_contact"},
    Event.Audience.INVITED: ORGANISERS,
}
REGISTER_SELF = {
    Event.Audience.PUBLIC: set(ROLES) - {"anonymous"},
    Event.Audience.LOGGED_IN: set(ROLES) - {"anonymous"},
    **{a: VIEW[a] for a in VIEW if a not in Event.OPEN_AUDIENCES},
}
REGISTER_GUEST = {
    Event.Audience.PUBLIC: set(ROLES) - {"anonymous"},
    Event.Audience.LOGGED_IN: set(ROLES) - {"anonymous"},
    **{a: ORGANISERS for a in VIEW if a not in Event.OPEN_AUDIENCES},
}


@pytest.mark.parametrize("audience", list(VIEW))
@pytest.mark.parametrize("role", ROLES)
def test_view_event(request, dk_network, group, creator, audience, role):
    event = make_event(dk_network, group, creator, audience)
    assert user_for(request, role).has_perm("events.view_event", event) == (role in VIEW[audience])


@pytest.mark.parametrize("audience", list(VIEW))
@pytest.mark.parametrize("role", ROLES)
def test_register_self(request, dk_network, group, creator, audience, role):
    event = make_event(dk_network, group, creator, audience)
    assert user_for(request, role).has_perm("events.register_self", event) == (
        role in REGISTER_SELF[audience]
    )


@pytest.mark.parametrize("audience", list(VIEW))
@pytest.mark.parametrize("role", ROLES)
def test_register_guest(request, dk_network, group, creator, audience, role):
    event = make_event(dk_network, group, creator, audience)
    assert user_for(request, role).has_perm("events.register_guest", event) == (
        role in REGISTER_GUEST[audience]
    )


@pytest.mark.parametrize("audience", [Event.Audience.PUBLIC, Event.Audience.LOGGED_IN])
@pytest.mark.parametrize("role", ROLES)
def test_register_without_account(request, dk_network, group, creator, audience, role):
    event = make_event(dk_network, group, creator, audience)
    # Superusers hold every permission (Django's ModelBackend); the view sends any
    # logged-in user to the one-click sign-up instead.
    expected = role == "superuser" or (role == "anonymous" and audience == "public")
    assert user_for(request, role).has_perm("events.register_without_account", event) == expected


@pytest.mark.parametrize("perm", ["events.change_event", "events.manage_registrations"])
@pytest.mark.parametrize("role", ROLES)
def test_organiser_rules(request, dk_network, group, creator, perm, role):
    event = make_event(dk_network, group, creator, Event.Audience.PUBLIC)
    assert user_for(request, role).has_perm(perm, event) == (role in ORGANISERS)


@pytest.mark.parametrize("role", ROLES)
def test_organiser_rules_event_without_group(request, dk_network, creator, role):
    event = EventFactory(network=dk_network, created_by=creator)
    expected = role in {"staff_user", "creator", "superuser"}
    assert user_for(request, role).has_perm("events.change_event", event) == expected


@pytest.mark.parametrize("role", ROLES)
def test_add_event(request, dk_network, group, role):
    expected = role in {"coordinator", "staff_user", "superuser"}
    assert user_for(request, role).has_perm("events.add_event", dk_network) == expected


@pytest.mark.parametrize("role", ROLES + ["participant", "colleague"])
def test_cancel_registration(request, dk_network, group, creator, role):
    event = make_event(dk_network, group, creator, Event.Audience.PUBLIC)
    participant, colleague = UserFactory(), UserFactory()
    registration = RegistrationFactory(event=event, user=participant, registered_by=colleague)
    user = {"participant": participant, "colleague": colleague}.get(role) or user_for(request, role)
    expected = role in ORGANISERS | {"participant", "colleague"}
    assert user.has_perm("events.cancel_registration", registration) == expected


def test_invited_person_may_view_and_register(dk_network, creator):
    event = EventFactory(network=dk_network, audience=Event.Audience.INVITED, created_by=creator)
    guest = UserFactory(email="Invitee@Test.example")
    assert not guest.has_perm("events.view_event", event)
    Invitation.objects.create(event=event, email="invitee@test.example")
    guest = type(guest).objects.get(pk=guest.pk)
    assert guest.has_perm("events.view_event", event)
    assert guest.has_perm("events.register_self", event)
    assert not guest.has_perm("events.register_guest", event)


def test_registration_status_enum_is_stable():
    assert set(Registration.Status.values) == {
        "confirmed",
        "waiting",
        "awaiting_approval",
        "cancelled",
    }


@pytest.mark.parametrize("role", ROLES)
def test_have_calendar(request, dk_network, role):
    expected = role != "anonymous"
    assert user_for(request, role).has_perm("events.have_calendar", dk_network) == expected


def test_every_events_rule_is_checked_by_a_view_guard_and_a_service():
    """Each rule above guards a URL (``view.guarded_by``) or is what a service checks with
    ``require``; a rule nothing checks fails here."""
    import inspect

    import rules
    from django.urls import get_resolver

    from samskab.events import services

    guarded = set()
    for pattern in get_resolver("samskab.events.urls").url_patterns:
        guarded.add(getattr(pattern.callback, "guarded_by", None))
    required = inspect.getsource(services)
    for module in ("registrations", "events", "public_signup", "calendars"):
        required += inspect.getsource(getattr(services, module))
    names = {name for name in rules.permissions.permissions if name.startswith("events.")}
    for name in names - {"events.view_event"}:  # view_event guards pages, not writes
        assert f'"{name}"' in required, f"no service requires {name}"
    for name in names - {"events.register_without_account"}:  # its door is the public form
        assert name in guarded, f"no events view is guarded by {name}"
    for pattern in get_resolver("samskab.events.urls").url_patterns:
        assert hasattr(pattern.callback, "guarded_by"), f"{pattern.name} has no guard"
