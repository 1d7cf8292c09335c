import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from samskab.events import selectors
from samskab.events.models import Event, Invitation
from tests.factories import UserFactory

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def titles(qs):
    return {e.title for e in qs}


@pytest.fixture
def events(dk_network, no_network, group):
    now = timezone.now()
    past = now - datetime.timedelta(days=30)
    return {
        "public": EventFactory(network=dk_network, title="public"),
        "logged_in": EventFactory(
            network=dk_network, title="logged_in", audience=Event.Audience.LOGGED_IN
        ),
        "members": EventFactory(
            network=dk_network,
            title="members",
            theme_group=group,
            audience=Event.Audience.GROUP_MEMBERS,
        ),
        "admin": EventFactory(
            network=dk_network, title="admin", audience=Event.Audience.ADMIN_CONTACTS
        ),
        "political": EventFactory(
            network=dk_network, title="political", audience=Event.Audience.POLITICAL_CONTACTS
        ),
        "contacts": EventFactory(
            network=dk_network, title="contacts", audience=Event.Audience.CONTACTS
        ),
        "invited": EventFactory(
            network=dk_network, title="invited", audience=Event.Audience.INVITED
        ),
        "past": EventFactory(
            network=dk_network,
            title="past",
            starts_at=past,
            ends_at=past + datetime.timedelta(hours=2),
        ),
        "other_network": EventFactory(network=no_network, title="other_network"),
    }


OPEN = {"public", "logged_in"}


@pytest.mark.parametrize(
    "who, expected",
    [
        ("anonymous", OPEN),
        ("plain_user", OPEN),
        ("group_member", OPEN | {"members"}),
        ("coordinator", OPEN | {"members"}),
        ("admin_contact", OPEN | {"admin", "contacts"}),
        ("political_contact", OPEN | {"political", "contacts"}),
        ("staff_user", OPEN | {"members", "admin", "political", "contacts", "invited"}),
        ("other_network_staff", OPEN),
    ],
)
def test_upcoming_events_visibility(request, events, dk_network, who, expected):
    user = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    assert titles(selectors.upcoming_events(network=dk_network, user=user)) == expected


def test_invited_user_sees_invited_event(events, dk_network):
    user = UserFactory(email="guest@test.example")
    Invitation.objects.create(event=events["invited"], email="guest@test.example")
    assert "invited" in titles(selectors.upcoming_events(network=dk_network, user=user))


def test_creator_sees_own_closed_event(events, dk_network, plain_user):
    events["admin"].created_by = plain_user
    events["admin"].save()
    assert "admin" in titles(selectors.upcoming_events(network=dk_network, user=plain_user))


def test_past_events_and_theme_group_filter(events, dk_network, group, group_member):
    assert titles(selectors.past_events(network=dk_network)) == {"past"}
    assert titles(
        selectors.upcoming_events(network=dk_network, theme_group=group, user=group_member)
    ) == {"members"}
    assert titles(selectors.upcoming_events(network=dk_network, theme_group=group)) == set()


def test_cancelled_events_upcoming_marked_past_hidden(dk_network):
    now = timezone.now()
    EventFactory(network=dk_network, title="c-up", cancelled_at=now)
    EventFactory(
        network=dk_network,
        title="c-past",
        cancelled_at=now,
        starts_at=now - datetime.timedelta(days=3),
        ends_at=now - datetime.timedelta(days=3, hours=-1),
    )
    assert titles(selectors.upcoming_events(network=dk_network)) == {"c-up"}
    assert titles(selectors.past_events(network=dk_network)) == set()


def test_upcoming_events_fixed_queries(
    events, dk_network, group_member, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        list(selectors.upcoming_events(network=dk_network, user=group_member))


def test_event_list_partial_renders_events_and_empty_state(events, dk_network):
    from django.template.loader import render_to_string

    html = render_to_string(
        "events/partials/_event_list.html",
        {"events": selectors.upcoming_events(network=dk_network)},
    )
    assert "public" in html and f"/events/{events['public'].pk}/" in html
    assert "<html" not in html
    empty = render_to_string(
        "events/partials/_event_list.html", {"events": [], "empty_text": "Nothing planned"}
    )
    assert "Nothing planned" in empty


def test_theme_group_meetings_come_from_events(client, dk_network, group, group_member):
    """The contract with the theme-group pages: their meetings are these events."""
    from samskab.groups import selectors as group_selectors

    EventFactory(network=dk_network, theme_group=group, title="Open meeting")
    EventFactory(
        network=dk_network,
        theme_group=group,
        title="Members meeting",
        audience=Event.Audience.GROUP_MEMBERS,
    )
    meetings = group_selectors.meetings_for(group, group_member)
    assert titles(meetings["upcoming"]) == {"Open meeting", "Members meeting"}
    from django.contrib.auth.models import AnonymousUser

    assert titles(group_selectors.meetings_for(group, AnonymousUser())["upcoming"]) == {
        "Open meeting"
    }
