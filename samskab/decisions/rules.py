import rules

from samskab.networks.predicates import is_network_staff, is_superuser

from .predicates import (
    is_consultation_staff,
    is_editable,
    is_entitled_voter,
    is_member_contact,
    is_proposal_phase,
    is_published,
    is_visible,
    is_voting_open,
)

runs = is_superuser | is_consultation_staff

# A consultation's page is public once it leaves the draft; staff see drafts.
rules.add_perm("decisions.view_consultation", is_visible | runs)
# Secretariat staff create their network's consultations (the object is the network).
rules.add_perm("decisions.add_consultation", is_superuser | is_network_staff)
# Text, options and dates can change until voting opens.
rules.add_perm("decisions.change_consultation", runs & is_editable)
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
