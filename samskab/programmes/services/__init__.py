"""Every write of the programmes app (re-exported here: ``services.application_submit``)."""

from .applications import (
    application_save,
    application_start,
    application_submit,
    application_withdraw,
)
from .cases import application_to_case
from .champions import champion_add, champion_remove, edition_invite_champions
from .decisions import decision_set
from .participants import (
    edition_register,
    participants_set,
    session_decline,
)
from .reviewers import reviewer_invitation_accept, reviewer_invite, reviewer_revoke
from .reviews import criteria_set, review_save
from .sessions import session_create, session_remove, session_update
from .setup import call_save, edition_copy, edition_save, programme_save

__all__ = [
    "application_save",
    "application_start",
    "application_to_case",
    "application_submit",
    "application_withdraw",
    "call_save",
    "champion_add",
    "champion_remove",
    "edition_invite_champions",
    "criteria_set",
    "review_save",
    "reviewer_invitation_accept",
    "reviewer_invite",
    "reviewer_revoke",
    "session_create",
    "session_remove",
    "session_update",
    "decision_set",
    "edition_copy",
    "edition_register",
    "participants_set",
    "session_decline",
    "edition_save",
    "programme_save",
]
