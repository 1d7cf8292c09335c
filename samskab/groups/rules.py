import rules

from samskab.networks.predicates import is_network_staff, is_superuser

from .predicates import (
    has_group_membership,
    is_authenticated,
    is_group_coordinator,
    is_group_member,
    is_group_network_staff,
    is_public_resource,
    is_resource_group_manager,
    is_resource_group_member,
    is_suggestion_author,
    is_suggestion_group_manager,
    is_suggestion_group_member,
    is_suggestion_open,
)

group_manager = is_superuser | is_group_coordinator | is_group_network_staff

# Theme group pages are public.
rules.add_perm("groups.view_group", rules.always_allow)
# Secretariat staff create their network's groups (the object is the network).
rules.add_perm("groups.add_group", is_superuser | is_network_staff)
# Coordinators and the network's secretariat run a group: its page, name, members, resources.
rules.add_perm("groups.change_group", group_manager)
rules.add_perm("groups.manage_members", group_manager)
rules.add_perm("groups.manage_resources", group_manager)
# Who is in a group: its members and those who run it.
rules.add_perm("groups.view_members", is_group_member | group_manager)
# Anyone logged in who is neither a member nor waiting for an answer may ask to join.
rules.add_perm("groups.join_group", is_authenticated & ~has_group_membership)
# A member leaves; someone waiting withdraws the request.
rules.add_perm("groups.leave_group", has_group_membership)
rules.add_perm("groups.follow_group", is_authenticated)
# Topic suggestions: members (and those who run the group) see and make them.
rules.add_perm("groups.view_suggestions", is_group_member | group_manager)
rules.add_perm("groups.suggest_topic", is_group_member | group_manager)
# Resources: public ones for everyone, members-only ones for members and managers.
rules.add_perm(
    "groups.view_resource",
    is_public_resource | is_resource_group_member | is_superuser | is_resource_group_manager,
)
# Other members support an open suggestion (once each; they may withdraw).
rules.add_perm(
    "groups.support_suggestion",
    is_suggestion_group_member & ~is_suggestion_author & is_suggestion_open,
)
# Coordinators and the secretariat mark a suggestion planned or declined.
rules.add_perm("groups.decide_suggestion", is_superuser | is_suggestion_group_manager)
