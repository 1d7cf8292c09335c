"""Writes for theme groups, split by reader: the groups themselves, membership and
follows, resources, topic suggestions. Each is one transaction, checks its rule with the
actor (``core.guards.require``) and validates before it saves."""

from .groups import PAGE_FIELDS, RESERVED_SLUGS, group_create, group_rename, group_update
from .membership import (
    group_follow,
    group_join,
    group_leave,
    group_unfollow,
    membership_accept,
    membership_decline,
    membership_remove,
    membership_set_role,
)
from .resources import (
    ALLOWED_RESOURCE_EXTENSIONS,
    MAX_RESOURCE_BYTES,
    resource_create,
    resource_delete,
    resource_update,
)
from .suggestions import (
    suggestion_create,
    suggestion_decide,
    suggestion_support,
    suggestion_withdraw_support,
)

__all__ = [
    "ALLOWED_RESOURCE_EXTENSIONS",
    "MAX_RESOURCE_BYTES",
    "PAGE_FIELDS",
    "RESERVED_SLUGS",
    "group_create",
    "group_follow",
    "group_join",
    "group_leave",
    "group_rename",
    "group_unfollow",
    "group_update",
    "membership_accept",
    "membership_decline",
    "membership_remove",
    "membership_set_role",
    "resource_create",
    "resource_delete",
    "resource_update",
    "suggestion_create",
    "suggestion_decide",
    "suggestion_support",
    "suggestion_withdraw_support",
]
