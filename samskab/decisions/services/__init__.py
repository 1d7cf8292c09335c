"""Writes for consultations. Each is one transaction, checks its rule with the actor and
validates before it saves. Views, forms, admin, API and commands call these.

By topic: ``consultations`` (set-up and options), ``phases`` (proposals, voting, closing,
publishing, the reminder), ``proposals``, ``ballots``, ``comments`` (on options),
``outcomes`` (theme groups from the chosen options).
"""

from .ballots import ballot_cast
from .comments import (
    comment_create,
    comment_delete,
    comment_hide,
    comment_report,
    comment_restore,
)
from .consultations import (
    CONSULTATION_FIELDS,
    RESERVED_SLUGS,
    consultation_create,
    consultation_update,
    option_delete,
    option_save,
)
from .outcomes import groups_create
from .phases import (
    REMINDER_BEFORE,
    consultation_close,
    consultation_open_proposals,
    consultation_open_voting,
    consultation_publish,
    reminders_send,
)
from .proposals import proposal_create, proposal_review

__all__ = [
    "CONSULTATION_FIELDS",
    "REMINDER_BEFORE",
    "RESERVED_SLUGS",
    "ballot_cast",
    "comment_create",
    "comment_delete",
    "comment_hide",
    "comment_report",
    "comment_restore",
    "consultation_close",
    "consultation_create",
    "consultation_open_proposals",
    "consultation_open_voting",
    "consultation_publish",
    "consultation_update",
    "groups_create",
    "option_delete",
    "option_save",
    "proposal_create",
    "proposal_review",
    "reminders_send",
]
