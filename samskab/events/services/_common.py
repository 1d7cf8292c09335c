"""Pieces shared by the events services: the attendee, the event lock, the waiting list.

Capacity is exact under concurrency: every function that changes who holds a place first
locks the event row (``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite the transaction
starts with ``BEGIN IMMEDIATE``, so writers queue). Only confirmed registrations take a
place; the waiting list is served first come, first served.
"""

from dataclasses import dataclass

from django.utils import timezone

from .. import emails
from ..models import Event, Registration, new_code
from ..selectors import places_left


@dataclass(frozen=True)
class Attendee:
    """Someone signed up without their own log-in: a colleague, a volunteer, the public."""

    name: str
    email: str
    organisation: str = ""


def lock(event: Event) -> Event:
    return Event.objects.select_for_update().select_related("network").get(pk=event.pk)


def is_organiser(actor, event) -> bool:
    return actor is not None and actor.has_perm("events.manage_registrations", event)


def has_room(event: Event) -> bool:
    left = places_left(event)
    return left is None or left > 0


def unique_code(event: Event) -> str:
    while True:
        code = new_code()
        if not Registration.objects.filter(event=event, code=code).exists():
            return code


def fill_from_waiting_list(event: Event) -> list[Registration]:
    """Move people up from the waiting list, in order, while there are places. The event
    must be locked by the caller."""
    moved = []
    if event.is_cancelled:
        return moved
    left = places_left(event)
    waiting = Registration.objects.filter(event=event).waiting()
    if left is not None:
        waiting = waiting[:left]
    now = timezone.now()
    for registration in waiting:
        registration.status = Registration.Status.CONFIRMED
        registration.status_changed_at = now
        registration.save(update_fields=["status", "status_changed_at"])
        registration.event = event
        emails.off_waiting_list(registration)
        moved.append(registration)
    return moved
