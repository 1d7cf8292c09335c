import rules

from samskab.networks.predicates import is_network_staff, is_superuser

from .predicates import (
    has_organisation_for_call,
    is_accepted_without_case,
    is_applicant,
    is_application_accepted,
    is_application_call_open,
    is_application_decidable,
    is_application_editable,
    is_application_reviewer,
    is_application_staff,
    is_application_withdrawable,
    is_call_open,
    is_call_reviewer,
    is_call_staff,
    is_edition_staff,
    is_invitation_addressee,
    is_invitation_pending,
    is_invitation_staff,
    is_participant_applicant,
    is_participant_self,
    is_participant_staff,
    is_programme_staff,
)

# The secretariat of the network sets up programmes, editions and calls (the object of
# add_programme is the network).
rules.add_perm("programmes.add_programme", is_superuser | is_network_staff)
rules.add_perm("programmes.change_programme", is_superuser | is_programme_staff)
rules.add_perm("programmes.change_edition", is_superuser | is_edition_staff)
# Editors and the administrative contact of an organisation that may apply, while the
# call is open (the deadline second included).
rules.add_perm("programmes.apply", is_call_open & has_organisation_for_call)
rules.add_perm(
    "programmes.view_application",
    is_superuser | is_application_staff | is_applicant | is_application_reviewer,
)
rules.add_perm(
    "programmes.change_application",
    is_applicant & is_application_call_open & is_application_editable,
)
rules.add_perm("programmes.withdraw_application", is_applicant & is_application_withdrawable)
# Review: the list, the export and the scores are the secretariat's and the call's named
# reviewers'; the decisions are the secretariat's.
rules.add_perm("programmes.review_call", is_superuser | is_call_staff | is_call_reviewer)
rules.add_perm(
    "programmes.review_application",
    (is_superuser | is_application_staff | is_application_reviewer) & is_application_decidable,
)
rules.add_perm(
    "programmes.decide_application",
    (is_superuser | is_application_staff) & is_application_decidable,
)
# Named reviewers: the secretariat invites them per call (and revokes them); the invitee
# accepts while the invitation holds, signed in with the invited address verified.
rules.add_perm("programmes.manage_reviewers", is_superuser | is_call_staff)
rules.add_perm("programmes.revoke_reviewer", is_superuser | is_invitation_staff)
rules.add_perm(
    "programmes.accept_reviewer_invitation", is_invitation_addressee & is_invitation_pending
)
# After selection the secretariat turns an accepted application into a draft case, once.
rules.add_perm(
    "programmes.make_case", (is_superuser | is_application_staff) & is_accepted_without_case
)
# Running an edition: its sessions (course days, network meetings, the conference) and
# their topics per track are the secretariat's.
rules.add_perm("programmes.manage_sessions", is_superuser | is_edition_staff)
# An accepted municipality's people: its editors and administrative contact keep the list,
# as does the secretariat; the secretariat registers everyone to their track's sessions.
rules.add_perm(
    "programmes.manage_participants",
    is_superuser | is_application_staff | (is_applicant & is_application_accepted),
)
# A participant declines one session and names a substitute: the participant, their
# municipality's editors and contact, the secretariat.
rules.add_perm(
    "programmes.decline_session",
    is_superuser | is_participant_staff | is_participant_applicant | is_participant_self,
)
# Champions (volunteer citizens): the list is private to their municipality (its editors
# and administrative contact, once accepted) and the secretariat.
rules.add_perm(
    "programmes.manage_champions",
    is_superuser | is_application_staff | (is_applicant & is_application_accepted),
)
