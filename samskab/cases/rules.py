import rules

from samskab.networks.predicates import is_superuser

from .predicates import (
    is_any_org_editor,
    is_case_org_editor,
    is_case_published,
    is_case_staff,
    is_comment_author,
    is_comment_open,
    is_comment_staff,
    is_staff_of_network,
)

# Published cases are public; drafts and submitted cases only to those who work on them.
rules.add_perm(
    "cases.view_case",
    is_case_published | is_superuser | is_case_staff | is_case_org_editor,
)
# "Add a case from your municipality": organisation editors and the secretariat (argument:
# the network).
rules.add_perm("cases.add_case", is_superuser | is_any_org_editor | is_staff_of_network)
# Change a case (drafts and published): its organisation's editors and its network's staff.
rules.add_perm("cases.change_case", is_superuser | is_case_staff | is_case_org_editor)
# Delete a case: its editors while it is unpublished; its network's staff always.
rules.add_perm(
    "cases.delete_case",
    is_superuser | is_case_staff | (is_case_org_editor & ~is_case_published),
)
# Publish, send back, see revisions and restore: the case network's secretariat.
rules.add_perm("cases.moderate_case", is_superuser | is_case_staff)
# The moderation queue (argument: the network).
rules.add_perm("cases.view_queue", is_superuser | is_staff_of_network)
# Follow and comment on a published case: any logged-in user.
rules.add_perm("cases.follow_case", rules.is_authenticated & is_case_published)
# Stop following: any logged-in user, for any case (also one unpublished since).
rules.add_perm("cases.unfollow_case", rules.is_authenticated)
rules.add_perm("cases.comment_case", rules.is_authenticated & is_case_published)
# Edit and delete one's own comment; report anyone's.
rules.add_perm("cases.change_comment", is_comment_author & is_comment_open)
rules.add_perm("cases.delete_comment", is_comment_author | is_superuser | is_comment_staff)
rules.add_perm("cases.report_comment", rules.is_authenticated & is_comment_open)
# Import cases in the exchange format (``manage.py import_cases``): the server's operator
# and superusers; no network's staff imports into the whole site.
rules.add_perm("cases.import_cases", is_superuser)
# Hide and restore comments: the case network's secretariat.
rules.add_perm("cases.moderate_comment", is_superuser | is_comment_staff)
