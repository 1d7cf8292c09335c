"""Theme group pages, split by reader: the group's own pages, membership, resources and
topic suggestions. Every view fetches and checks through ``core.guards.guard`` with the
getters in ``getters.py``."""

from .members import group_follow, group_join, group_leave, group_members, membership_action
from .pages import following, group_create, group_detail, group_edit, group_list
from .resources import resource_delete, resource_download, resource_edit, resources_manage
from .suggestions import suggestion_decide, suggestion_support, suggestions

__all__ = [
    "following",
    "group_create",
    "group_detail",
    "group_edit",
    "group_follow",
    "group_join",
    "group_leave",
    "group_list",
    "group_members",
    "membership_action",
    "resource_delete",
    "resource_download",
    "resource_edit",
    "resources_manage",
    "suggestion_decide",
    "suggestion_support",
    "suggestions",
]
