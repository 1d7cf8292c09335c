"""The events pages, by reader: ``calendar`` (lists, month, feeds), ``signup`` (the event
page, signing up and cancelling, one's own events), ``organisers`` (editing, participants,
check-in). Every view is guarded by ``core.guards.guard``; ``common`` holds the getters."""

from .calendar import (
    event_ics,
    event_list,
    event_month,
    event_past,
    group_feed,
    network_feed,
    personal_feed,
)
from .organisers import (
    attendance,
    check_in,
    event_cancel,
    event_create,
    event_edit,
    message,
    participants,
    participants_export,
    registration_status,
)
from .signup import (
    calendar_reset,
    cancel_by_link,
    event_detail,
    my_events,
    register_guest,
    register_public,
    register_public_confirm,
    register_self,
    registration_cancel,
)

__all__ = [
    "attendance",
    "calendar_reset",
    "cancel_by_link",
    "check_in",
    "event_cancel",
    "event_create",
    "event_detail",
    "event_edit",
    "event_ics",
    "event_list",
    "event_month",
    "event_past",
    "group_feed",
    "message",
    "my_events",
    "network_feed",
    "participants",
    "participants_export",
    "personal_feed",
    "register_guest",
    "register_public",
    "register_public_confirm",
    "register_self",
    "registration_cancel",
    "registration_status",
]
