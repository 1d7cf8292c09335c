import rules

from samskab.groups.predicates import is_group_network_staff
from samskab.networks.predicates import is_network_staff, is_superuser

from .predicates import (
    is_comment_author,
    is_comment_open,
    is_comment_phase,
    is_comment_staff,
    is_consultation_staff,
    is_draft,
    is_editable,
    is_entitled_voter,
    is_group_drafter,
    is_group_of_member,
    is_member_contact,
    is_proposal_phase,
    is_published,
    is_visible,
    is_voting_open,
)

runs = is_superuser | is_consultation_staff

# A consultation's page is public once it leaves the draft; staff see drafts, and so do
# the members of the theme group that prepares one.
rules.add_perm("decisions.view_consultation", is_visible | runs | (is_draft & is_group_drafter))
# Secretariat staff create their network's consultations (the object is the network).
rules.add_perm("decisions.add_consultation", is_superuser | is_network_staff)
# Text, options and dates can change until voting opens; the preparing theme group's
# members change its draft (the secretariat opens it: run_consultation).
rules.add_perm(
    "decisions.change_consultation", (runs & is_editable) | (is_draft & is_group_drafter)
)
# A theme group's members prepare a draft consultation for the group (the object is the
# group); staff of its network may too.
rules.add_perm(
    "decisions.draft_consultation", is_superuser | is_group_of_member | is_group_network_staff
)
# Open proposals, open voting, close, publish (the service checks the phase).
rules.add_perm("decisions.run_consultation", runs)
# An entitled contact of a municipality in the frozen electorate, until the deadline.
rules.add_perm("decisions.vote", is_voting_open & is_entitled_voter)
# Turnout (who has voted, not how) for the network's members and staff.
rules.add_perm("decisions.view_turnout", is_visible & (is_member_contact | runs))
# Counts only once the results are published: not even staff see them before.
rules.add_perm("decisions.view_results", is_published)
# Contacts of member municipalities propose options during the proposal phase.
rules.add_perm("decisions.propose_option", is_proposal_phase & is_member_contact)
# Staff accept or decline proposals while the ballot can still change.
rules.add_perm("decisions.review_proposal", runs & is_editable)
# Staff turn the chosen options into theme groups once the results are published.
rules.add_perm("decisions.create_groups", runs & is_published)
# Member municipalities' contacts and the secretariat discuss the options while proposals
# are open and until the deadline.
rules.add_perm("decisions.comment_option", is_comment_phase & (is_member_contact | runs))
# Delete one's own comment (the secretariat may delete any); report anyone's.
rules.add_perm("decisions.delete_comment", is_comment_author | is_superuser | is_comment_staff)
rules.add_perm("decisions.report_comment", rules.is_authenticated & is_comment_open)
# Hide and restore comments: the consultation network's secretariat.
rules.add_perm("decisions.moderate_comment", is_superuser | is_comment_staff)
