"""Predicates about a user and a theme group. One set of predicates per object type:
``group`` predicates take a ThemeGroup, ``resource_*`` a GroupResource, ``suggestion_*``
a TopicSuggestion."""

import rules

from samskab.networks.predicates import staff_network_ids, user_cached

from .models import GroupMembership


def _membership(user, group) -> tuple[str, str] | None:
    """(role, status) of the user's membership of the group, or None. Remembered with
    ``networks.predicates.user_cached``, so one page asks the database once per group;
    services call ``forget_access`` after a change."""
    if group is None or not user.is_authenticated:
        return None
    return user_cached(
        user,
        ("group_membership", group.pk),
        lambda: (
            GroupMembership.objects.filter(group=group, user=user)
            .values_list("role", "status")
            .first()
        ),
    )


@rules.predicate
def is_group_member(user, group):
    """An active member (coordinators included) of this theme group."""
    membership = _membership(user, group)
    return membership is not None and membership[1] == GroupMembership.Status.ACTIVE


@rules.predicate
def is_group_coordinator(user, group):
    return _membership(user, group) == (
        GroupMembership.Role.COORDINATOR,
        GroupMembership.Status.ACTIVE,
    )


@rules.predicate
def has_group_membership(user, group):
    """A member of the group or someone who asked to join it."""
    return _membership(user, group) is not None


@rules.predicate
def is_group_network_staff(user, group):
    """Secretariat staff of the network the group belongs to."""
    return group is not None and group.network_id in staff_network_ids(user)


@rules.predicate
def is_authenticated(user):
    return user.is_authenticated


# --- resources -----------------------------------------------------------------------


@rules.predicate
def is_public_resource(user, resource):
    return resource is not None and not resource.members_only


@rules.predicate
def is_resource_group_member(user, resource):
    return resource is not None and is_group_member(user, resource.group)


@rules.predicate
def is_resource_group_manager(user, resource):
    return resource is not None and (
        is_group_coordinator(user, resource.group) or is_group_network_staff(user, resource.group)
    )


# --- topic suggestions ---------------------------------------------------------------


@rules.predicate
def is_suggestion_group_member(user, suggestion):
    return suggestion is not None and is_group_member(user, suggestion.group)


@rules.predicate
def is_suggestion_author(user, suggestion):
    return suggestion is not None and user.is_authenticated and suggestion.author_id == user.id


@rules.predicate
def is_suggestion_open(user, suggestion):
    return suggestion is not None and suggestion.status == suggestion.Status.OPEN


@rules.predicate
def is_suggestion_group_manager(user, suggestion):
    return suggestion is not None and (
        is_group_coordinator(user, suggestion.group)
        or is_group_network_staff(user, suggestion.group)
    )
