"""Creating, changing and cancelling events, and writing to their participants."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskab.audit import services as audit
from samskab.audit.models import Action
from samskab.core.guards import require
from samskab.core.text import fold_line_breaks, single_line

from .. import emails
from ..models import AgendaItem, Event, Invitation, Question
from ._common import fill_from_waiting_list, lock

EVENT_FIELDS = [
    "title",
    "description",
    "kind",
    "theme_group",
    "starts_at",
    "ends_at",
    "format",
    "venue",
    "address",
    "online_url",
    "practical_details",
    "contact_name",
    "contact_email",
    "audience",
    "capacity",
    "signup_opens_at",
    "signup_closes_at",
    "requires_approval",
    "reminder_hours",
    "materials",
]
# A change to these is news for the participants.
NOTIFY_FIELDS = [
    "starts_at",
    "ends_at",
    "format",
    "venue",
    "address",
    "online_url",
    "practical_details",
]


# What the audit trail keeps of an event (the contact's name and address are personal data
# of someone the trail cannot erase them with).
AUDIT_FIELDS = [f for f in EVENT_FIELDS if f not in ("contact_name", "contact_email")]


def _record(actor, event: Event, action: str, before: dict, after: dict) -> None:
    audit.record(
        actor=actor,
        network=event.network,
        action=action,
        obj=event,
        before=before,
        after=after,
        label=event.title,
    )


def _validate(event):
    fold_line_breaks(event)
    event.full_clean(exclude=["network", "created_by"])


AGENDA_FIELDS = ["position", "time", "title", "description"]
QUESTION_FIELDS = ["position", "label", "kind", "choices", "required"]


@transaction.atomic
def event_create(
    *,
    actor,
    network,
    data: dict,
    invitations: list[str] | None = None,
    agenda: list[dict] | None = None,
    questions: list[dict] | None = None,
) -> Event:
    """Create an event with its agenda and sign-up questions (``agenda``/``questions``: the
    rows of the forms' cleaned data, see ``_save_rows``)."""
    require(actor, "events.add_event", network, _("You may not create events in this network."))
    _check_group_choice(actor, network, data.get("theme_group"))
    event = Event(
        network=network, created_by=actor, **{k: v for k, v in data.items() if k in EVENT_FIELDS}
    )
    if not event.contact_email and actor.email:
        event.contact_name = event.contact_name or actor.get_full_name()
        event.contact_email = actor.email
    _validate(event)
    event.save()
    _set_invitations(event, invitations)
    _save_rows(event, AgendaItem, AGENDA_FIELDS, agenda)
    _save_rows(event, Question, QUESTION_FIELDS, questions)
    _record(actor, event, Action.EVENT_CREATED, {}, audit.snapshot(event, AUDIT_FIELDS))
    return event


def _save_rows(event, model, fields, rows) -> None:
    """Save an event's agenda items or questions from cleaned form rows: a row with ``id``
    (an instance of this event) changes it, or deletes it with ``DELETE``; a row without
    changes nothing when empty and adds an item otherwise."""
    for row in rows or []:
        if not row:
            continue
        instance = row.get("id")
        if instance is not None and instance.event_id != event.pk:
            raise ValidationError(_("This item belongs to another event."))
        if row.get("DELETE"):
            if instance is not None:
                instance.delete()
            continue
        instance = instance or model(event=event)
        for field in fields:
            if field in row:
                setattr(instance, field, row[field])
        instance.full_clean(exclude=["event"])
        instance.save()


def _check_group_choice(actor, network, group) -> None:
    """Secretariat staff may choose any theme group of the network, or none; coordinators
    only a group they coordinate."""
    from samskab.groups.predicates import is_group_coordinator

    if actor.has_perm("networks.manage_network", network):
        return
    if group is None:
        raise ValidationError({"theme_group": _("Choose one of your theme groups.")})
    if not is_group_coordinator(actor, group):
        raise PermissionDenied(_("You may only organise events for theme groups you coordinate."))


def _set_invitations(event, emails_list):
    if emails_list is None:
        return
    wanted = {e.strip().lower() for e in emails_list if e.strip()}
    event.invitations.exclude(email__in=wanted).delete()
    existing = set(event.invitations.values_list("email", flat=True))
    new = sorted(wanted - existing)
    Invitation.objects.bulk_create(Invitation(event=event, email=e) for e in new)
    if event.audience == Event.Audience.INVITED and not event.is_cancelled and not event.is_past:
        for email in new:
            emails.invitation(event=event, email=email)


def _describe_changes(old: Event, new: Event) -> list:
    """What changed, as lazy text: each participant's mail says it in their language (the
    organiser's language is the one active here)."""
    changes = []
    if old.starts_at != new.starts_at or old.ends_at != new.ends_at:
        changes.append(gettext_lazy("The time has changed."))
    if (old.format, old.venue, old.address) != (new.format, new.venue, new.address):
        changes.append(gettext_lazy("The place or form has changed."))
    if old.online_url != new.online_url or old.practical_details != new.practical_details:
        changes.append(gettext_lazy("The practical details have changed."))
    return changes


@transaction.atomic
def event_update(
    *,
    actor,
    event: Event,
    data: dict,
    invitations: list[str] | None = None,
    agenda: list[dict] | None = None,
    questions: list[dict] | None = None,
    notify: bool = True,
) -> Event:
    """Save changes, with the agenda and the sign-up questions. Moving the event (time,
    place, link) tells everyone signed up; more places move people up from the waiting
    list."""
    require(actor, "events.change_event", event, _("Only the organisers may change this event."))
    locked = lock(event)
    if locked.is_cancelled:
        raise ValidationError(_("A cancelled event cannot be changed."))
    old = Event.objects.get(pk=event.pk)
    if "theme_group" in data and data["theme_group"] != old.theme_group:
        _check_group_choice(actor, locked.network, data["theme_group"])
    for key, value in data.items():
        if key in EVENT_FIELDS:
            setattr(locked, key, value)
    _validate(locked)
    changes = _describe_changes(old, locked)
    if changes:
        locked.sequence += 1
    locked.save()
    before, after = (audit.snapshot(e, AUDIT_FIELDS) for e in (old, locked))
    if before != after:
        _record(actor, locked, Action.EVENT_CHANGED, before, after)
    _set_invitations(locked, invitations)
    _save_rows(locked, AgendaItem, AGENDA_FIELDS, agenda)
    _save_rows(locked, Question, QUESTION_FIELDS, questions)
    if changes and notify and locked.ends_at > timezone.now():
        for registration in locked.registrations.active():
            registration.event = locked
            emails.event_changed(registration, changes=changes)
    fill_from_waiting_list(locked)
    return locked


@transaction.atomic
def event_cancel(*, actor, event: Event, message: str = "") -> Event:
    """Cancel the event; everyone signed up (any active status) is told."""
    require(actor, "events.change_event", event, _("Only the organisers may cancel this event."))
    event = lock(event)
    if event.is_cancelled:
        return event
    event.cancelled_at = timezone.now()
    event.sequence += 1
    event.save(update_fields=["cancelled_at", "sequence", "updated_at"])
    _record(
        actor,
        event,
        Action.EVENT_CANCELLED,
        {"cancelled_at": None},
        {"cancelled_at": event.cancelled_at},
    )
    for registration in event.registrations.active():
        registration.event = event
        emails.event_cancelled(registration, message=message)
    return event


def event_message_participants(*, actor, event: Event, subject: str, body: str) -> int:
    """E-mail every confirmed participant (one mail each; addresses are not shared)."""
    require(
        actor,
        "events.manage_registrations",
        event,
        _("Only the organisers may write to the participants."),
    )
    subject, body = single_line(subject), body.strip()
    if not subject or not body:
        raise ValidationError(_("Write a subject and a message."))
    count = 0
    with transaction.atomic():
        for registration in event.registrations.confirmed().select_related("event__network"):
            if registration.email:
                emails.organiser_message(registration, subject=subject, body=body)
                count += 1
    return count
