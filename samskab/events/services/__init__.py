"""Every write of the events app (one transaction each; each checks its rule with the
actor, or verifies the signed link it made, before it validates or saves).

- ``registrations``: sign-ups, cancellations, statuses, check-in, attendance;
- ``public_signup``: sign-up and cancellation without an account, by signed e-mail links;
- ``events``: create, change, cancel an event (with its agenda and questions), write to
  its participants;
- ``calendars``: reminders and the personal calendar address.
"""

from ._common import Attendee
from .calendars import REMINDER_LOOKAHEAD, calendar_token_reset, send_event_reminders
from .events import (
    EVENT_FIELDS,
    NOTIFY_FIELDS,
    event_cancel,
    event_create,
    event_message_participants,
    event_update,
)
from .public_signup import (
    PUBLIC_SIGNUP_MAX_AGE,
    PUBLIC_SIGNUP_SALT,
    public_signup_confirm,
    public_signup_request,
    registration_cancel_by_link,
)
from .registrations import (
    registration_approve,
    registration_cancel,
    registration_cancel_on_erasure,
    registration_check_in,
    registration_create,
    registration_set_status,
    registrations_set_attendance,
)

__all__ = [
    "EVENT_FIELDS",
    "NOTIFY_FIELDS",
    "PUBLIC_SIGNUP_MAX_AGE",
    "PUBLIC_SIGNUP_SALT",
    "REMINDER_LOOKAHEAD",
    "Attendee",
    "calendar_token_reset",
    "event_cancel",
    "event_create",
    "event_message_participants",
    "event_update",
    "public_signup_confirm",
    "public_signup_request",
    "registration_approve",
    "registration_cancel",
    "registration_cancel_by_link",
    "registration_cancel_on_erasure",
    "registration_check_in",
    "registration_create",
    "registration_set_status",
    "registrations_set_attendance",
    "send_event_reminders",
]
