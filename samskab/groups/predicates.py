import rules

from .models import GroupMembership


@rules.predicate
def is_group_member(user, group):
    """An active member (coordinators included) of this theme group."""
    if group is None or not user.is_authenticated:
        return False
    return GroupMembership.objects.filter(
        group=group, user=user, status=GroupMembership.Status.ACTIVE
    ).exists()


@rules.predicate
def is_group_coordinator(user, group):
    if group is None or not user.is_authenticated:
        return False
    return GroupMembership.objects.filter(
        group=group,
        user=user,
        status=GroupMembership.Status.ACTIVE,
        role=GroupMembership.Role.COORDINATOR,
    ).exists()
