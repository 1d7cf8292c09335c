"""Reminders before events and the personal calendar address."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.core.guards import require

from .. import emails
from ..models import CalendarToken, Event, Registration

REMINDER_LOOKAHEAD = datetime.timedelta(days=31)


def send_event_reminders(*, now: datetime.datetime | None = None) -> int:
    """Send the reminders that are due. Idempotent: each confirmed registration is claimed
    (``reminded_at`` set) before its mail is queued, so a second run sends nothing."""
    now = now or timezone.now()
    sent = 0
    events = Event.objects.filter(
        cancelled_at__isnull=True,
        reminder_hours__isnull=False,
        starts_at__gt=now,
        starts_at__lte=now + REMINDER_LOOKAHEAD,
    ).select_related("network")
    for event in events:
        if event.starts_at - datetime.timedelta(hours=event.reminder_hours) > now:
            continue
        pending = event.registrations.confirmed().filter(reminded_at__isnull=True)
        for registration in pending:
            with transaction.atomic():
                claimed = Registration.objects.filter(
                    pk=registration.pk,
                    reminded_at__isnull=True,
                    status=Registration.Status.CONFIRMED,
                ).update(reminded_at=now)
                if claimed:
                    registration.event = event
                    emails.reminder(registration)
                    sent += 1
    return sent


@transaction.atomic
def calendar_token_reset(*, actor) -> CalendarToken:
    """Make the actor's personal calendar address, or a new one (the old one stops
    working)."""
    require(actor, "events.have_calendar", None, _("Log in to get your calendar address."))
    CalendarToken.objects.filter(user=actor).delete()
    return CalendarToken.objects.create(user=actor)
