"""Predicates about events and registrations. One predicate per object type."""

import rules

from samskab.groups.models import GroupMembership
from samskab.groups.predicates import is_group_coordinator, is_group_member
from samskab.networks.models import Role
from samskab.networks.predicates import (
    is_network_staff,
    is_superuser,
    role_network_ids,
    user_cached,
)

from .models import Event

CONTACT_KINDS = {
    Event.Audience.ADMIN_CONTACTS: {Role.Kind.ADMIN_CONTACT},
    Event.Audience.POLITICAL_CONTACTS: {Role.Kind.POLITICAL_CONTACT},
    Event.Audience.CONTACTS: {Role.Kind.ADMIN_CONTACT, Role.Kind.POLITICAL_CONTACT},
}


def contact_network_ids(user, kinds) -> set[int]:
    return role_network_ids(user, kinds)


def coordinated_group_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return user_cached(
        user,
        "coordinated_groups",
        lambda: set(
            GroupMembership.objects.filter(
                user=user,
                status=GroupMembership.Status.ACTIVE,
                role=GroupMembership.Role.COORDINATOR,
            ).values_list("group_id", flat=True)
        ),
    )


@rules.predicate
def is_event_creator(user, event):
    return event is not None and user.is_authenticated and event.created_by_id == user.id


@rules.predicate
def is_event_network_staff(user, event):
    return event is not None and is_network_staff(user, event.network)


@rules.predicate
def is_event_group_coordinator(user, event):
    return (
        event is not None
        and event.theme_group_id is not None
        and is_group_coordinator(user, event.theme_group)
    )


# The organisers: whoever created the event, the network's secretariat, the coordinators
# of the event's theme group.
is_event_organiser = is_event_creator | is_event_network_staff | is_event_group_coordinator


@rules.predicate
def is_open_event(user, event):
    """Everyone may see the event: it is for the public or for anyone with an account."""
    return event is not None and event.audience in Event.OPEN_AUDIENCES


@rules.predicate
def is_public_event(user, event):
    return event is not None and event.audience == Event.Audience.PUBLIC


@rules.predicate
def in_event_audience(user, event):
    """The user belongs to the audience the event is for."""
    if event is None:
        return False
    audience = event.audience
    if audience == Event.Audience.PUBLIC:
        return True
    if not user.is_authenticated:
        return False
    if audience == Event.Audience.LOGGED_IN:
        return True
    if audience == Event.Audience.GROUP_MEMBERS:
        return event.theme_group_id is not None and is_group_member(user, event.theme_group)
    if audience in CONTACT_KINDS:
        return event.network_id in contact_network_ids(user, CONTACT_KINDS[audience])
    if audience == Event.Audience.INVITED:
        return event.invitations.filter(email=user.email.lower()).exists()
    return False


@rules.predicate
def is_authenticated(user):
    return user.is_authenticated


@rules.predicate
def is_event_network_staff_for_network(user, network):
    return is_network_staff(user, network)


@rules.predicate
def coordinates_a_group_in(user, network):
    if network is None or not user.is_authenticated:
        return False
    return network.theme_groups.filter(id__in=coordinated_group_ids(user)).exists()


@rules.predicate
def is_registrant(user, registration):
    """The participant themselves, or the colleague who signed them up."""
    if registration is None or not user.is_authenticated:
        return False
    if user.id in (registration.user_id, registration.registered_by_id):
        return True
    # Signed up by a colleague under the address of this user's account.
    return bool(registration.email) and registration.email == user.email.lower()


@rules.predicate
def is_registration_organiser(user, registration):
    return registration is not None and (
        is_superuser(user) or is_event_organiser(user, registration.event)
    )
