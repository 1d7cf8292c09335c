import rules

from .predicates import (
    is_any_network_staff,
    is_network_staff,
    is_org_editor,
    is_staff_of_organisation_network,
    is_superuser,
)

# The member directory and organisation pages are public.
rules.add_perm("networks.view_directory", rules.always_allow)
# Secretariat staff run their own network: memberships, roles, settings.
rules.add_perm("networks.manage_network", is_superuser | is_network_staff)
# The network's audit trail: its secretariat.
rules.add_perm("networks.view_audit", is_superuser | is_network_staff)
# An organisation's details: the secretariat of a network it belongs to, or its editors.
rules.add_perm(
    "networks.change_organisation",
    is_superuser | is_staff_of_organisation_network | is_org_editor,
)
# The Django admin: superusers and the secretariat of any network.
rules.add_perm("networks.access_admin", is_superuser | is_any_network_staff)
