"""Writes for events and registrations. Each is one transaction and validates first.

Capacity is exact under concurrency: every function that changes who holds a place first
locks the event row (``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite the transaction
starts with ``BEGIN IMMEDIATE``, so writers queue). Only confirmed registrations take a
place; the waiting list is served first come, first served.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from samskab.accounts.models import Person
from samskab.core.text import fold_line_breaks, single_line

from . import emails
from .models import Answer, CalendarToken, Event, Invitation, Question, Registration, new_code


@dataclass(frozen=True)
class Attendee:
    """Someone signed up without their own log-in: a colleague, a volunteer, the public."""

    name: str
    email: str
    organisation: str = ""


def _lock(event: Event) -> Event:
    return Event.objects.select_for_update().select_related("network").get(pk=event.pk)


def _is_organiser(actor, event) -> bool:
    return actor is not None and actor.has_perm("events.manage_registrations", event)


def places_left(event: Event) -> int | None:
    if event.capacity is None:
        return None
    taken = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED).count()
    return max(event.capacity - taken, 0)


def _has_room(event: Event) -> bool:
    left = places_left(event)
    return left is None or left > 0


def _unique_code(event: Event) -> str:
    while True:
        code = new_code()
        if not Registration.objects.filter(event=event, code=code).exists():
            return code


def clean_answers(event: Event, answers: dict | None) -> dict[int, str]:
    """Check answers ``{question_id: value}`` against the event's questions."""
    answers = answers or {}
    cleaned, errors = {}, []
    for question in event.questions.all():
        value = str(answers.get(question.pk, answers.get(str(question.pk), "")) or "").strip()
        if question.kind == Question.Kind.YES_NO and value not in ("", "yes", "no"):
            errors.append(_("Answer “%(q)s” with yes or no.") % {"q": question.label})
        if question.kind == Question.Kind.CHOICE and value and value not in question.choice_list():
            errors.append(_("Choose one of the options for “%(q)s”.") % {"q": question.label})
        if question.required and not value:
            errors.append(_("Please answer “%(q)s”.") % {"q": question.label})
        cleaned[question.pk] = value[:2000]
    if errors:
        raise ValidationError(errors)
    return cleaned


def _check_guest_limits(actor, event: Event) -> None:
    """One account signs up a bounded number of guests: ``EVENT_GUESTS_PER_EVENT`` active
    ones for an event and ``EVENT_GUESTS_PER_HOUR`` across events (each gets a mail and may
    take a place). The caller holds the event's lock, so the first limit is exact."""
    made = Registration.objects.filter(registered_by=actor)
    per_event = settings.EVENT_GUESTS_PER_EVENT
    if made.active().filter(event=event).count() >= per_event:
        raise ValidationError(
            ngettext(
                "You have signed up %(count)s guest for this event, the most one person may. "
                "The organisers can add more participants.",
                "You have signed up %(count)s guests for this event, the most one person may. "
                "The organisers can add more participants.",
                per_event,
            )
            % {"count": per_event}
        )
    per_hour = settings.EVENT_GUESTS_PER_HOUR
    since = timezone.now() - datetime.timedelta(hours=1)
    if made.filter(created_at__gte=since).count() >= per_hour:
        raise ValidationError(
            ngettext(
                "You have signed up %(count)s guest in the last hour, the most one person may. "
                "Please try again later.",
                "You have signed up %(count)s guests in the last hour, the most one person may. "
                "Please try again later.",
                per_hour,
            )
            % {"count": per_hour}
        )


def _fill_from_waiting_list(event: Event) -> list[Registration]:
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


@transaction.atomic
def registration_create(
    *,
    actor,
    event: Event,
    attendee: Attendee | None = None,
    answers: dict | None = None,
    language: str = "da",
) -> Registration:
    """Sign someone up.

    - ``attendee=None``: the logged-in ``actor`` signs up themselves (one click).
    - ``attendee`` and a logged-in ``actor``: a colleague or volunteer without an account.
    - ``attendee`` and no ``actor``: a member of the public, after confirming the e-mail
      address by a signed link (the caller checks the link).
    """
    authenticated = actor is not None and actor.is_authenticated
    if attendee is None:
        if not authenticated:
            raise PermissionDenied(_("Log in to sign up."))
        if not actor.has_perm("events.register_self", event):
            raise PermissionDenied(_("This event is not open to you."))
        user, registered_by = actor, None
        name, email, organisation = single_line(actor.get_full_name()), actor.email, ""
        person = Person.objects.filter(user=actor).select_related("organisation").first()
        if person is not None and person.organisation_id:
            organisation = single_line(person.organisation.name)
        language = actor.language or language
    else:
        if authenticated:
            if not actor.has_perm("events.register_guest", event):
                raise PermissionDenied(_("You may not sign up others for this event."))
            registered_by = actor
        elif event.audience != Event.Audience.PUBLIC:
            raise PermissionDenied(_("Only public events take sign-ups without an account."))
        else:
            registered_by = None
        user = None
        name, email = single_line(attendee.name), attendee.email.strip()
        organisation = single_line(attendee.organisation)
        if not name or not email:
            raise ValidationError(_("Give the participant's name and e-mail address."))
        validate_email(email)
    email = email.lower()
    cleaned = clean_answers(event, answers)

    event = _lock(event)
    organiser = authenticated and _is_organiser(actor, event)
    state = event.signup_state()
    if state == "cancelled":
        raise ValidationError(_("The event is cancelled."))
    if state == "past":
        raise ValidationError(_("The event has already started."))
    if state != "open" and not organiser:
        raise ValidationError(_("Sign-up is not open."))
    if registered_by is not None and not organiser:
        _check_guest_limits(actor, event)
    if Registration.objects.active().filter(event=event, email=email).exists():
        raise ValidationError(
            _("%(email)s is already signed up for this event.") % {"email": email}
        )

    if event.requires_approval and not organiser:
        status = Registration.Status.AWAITING_APPROVAL
    elif _has_room(event):
        status = Registration.Status.CONFIRMED
    else:
        status = Registration.Status.WAITING
    registration = Registration.objects.create(
        event=event,
        user=user,
        registered_by=registered_by,
        name=name[:200],
        email=email,
        organisation=organisation[:200],
        language=language,
        status=status,
        code=_unique_code(event),
    )
    Answer.objects.bulk_create(
        Answer(registration=registration, question_id=qid, value=value)
        for qid, value in cleaned.items()
        if value
    )
    emails.registration_received(registration)
    return registration


def _check_cancel(actor, registration, via_signed_link):
    if via_signed_link:
        return
    if actor is None or not actor.has_perm("events.cancel_registration", registration):
        raise PermissionDenied(_("You may not cancel this registration."))


@transaction.atomic
def registration_cancel(
    *, actor, registration: Registration, via_signed_link: bool = False, notify: bool = True
) -> Registration:
    """Cancel a registration. A freed place goes at once to the first on the waiting list,
    who is told by e-mail. ``via_signed_link``: the caller checked a signed cancel link."""
    _check_cancel(actor, registration, via_signed_link)
    event = _lock(registration.event)
    registration = Registration.objects.get(pk=registration.pk)
    registration.event = event
    if registration.status == Registration.Status.CANCELLED:
        return registration
    if event.starts_at <= timezone.now() and not _is_organiser(actor, event):
        raise ValidationError(
            _("The event has started; the registration can no longer be cancelled.")
        )
    was_confirmed = registration.is_confirmed
    registration.status = Registration.Status.CANCELLED
    registration.status_changed_at = timezone.now()
    registration.save(update_fields=["status", "status_changed_at"])
    by_organiser = (
        actor is not None
        and actor.is_authenticated
        and actor.id not in (registration.user_id, registration.registered_by_id)
    )
    if notify:
        emails.registration_cancelled(registration, by_organiser=by_organiser)
    if was_confirmed:
        _fill_from_waiting_list(event)
    return registration


@transaction.atomic
def registration_set_status(*, actor, registration: Registration, status: str) -> Registration:
    """An organiser moves a registration between statuses. Confirming needs a free place."""
    if not _is_organiser(actor, registration.event):
        raise PermissionDenied(_("Only the organisers may change registrations."))
    if status not in Registration.Status.values:
        raise ValidationError(_("Unknown status."))
    if status == Registration.Status.CANCELLED:
        return registration_cancel(actor=actor, registration=registration)
    event = _lock(registration.event)
    registration = Registration.objects.get(pk=registration.pk)
    registration.event = event
    old = registration.status
    if old == status:
        return registration
    if status == Registration.Status.CONFIRMED and not _has_room(event):
        raise ValidationError(
            _("The event is full. Raise the number of places or move someone else first.")
        )
    if (
        status == Registration.Status.CONFIRMED
        and Registration.objects.active()
        .filter(event=event, email=registration.email)
        .exclude(pk=registration.pk)
        .exists()
    ):
        raise ValidationError(_("This address already has another active registration."))
    registration.status = status
    registration.status_changed_at = timezone.now()
    if status == Registration.Status.WAITING:
        # Back of the queue, like a new sign-up.
        registration.created_at = registration.status_changed_at
    registration.save(update_fields=["status", "status_changed_at", "created_at"])
    if status == Registration.Status.CONFIRMED:
        if old == Registration.Status.WAITING:
            emails.off_waiting_list(registration)
        else:
            emails.registration_approved(registration)
    elif old == Registration.Status.CANCELLED or status == Registration.Status.WAITING:
        emails.registration_received(registration)
    if old == Registration.Status.CONFIRMED:
        _fill_from_waiting_list(event)
    return registration


@transaction.atomic
def registration_approve(*, actor, registration: Registration) -> Registration:
    """Approve a sign-up awaiting approval: confirmed if there is a place, else waiting list."""
    if not _is_organiser(actor, registration.event):
        raise PermissionDenied(_("Only the organisers may approve sign-ups."))
    event = _lock(registration.event)
    registration = Registration.objects.get(pk=registration.pk)
    registration.event = event
    if registration.status != Registration.Status.AWAITING_APPROVAL:
        raise ValidationError(_("This sign-up is not awaiting approval."))
    registration.status = (
        Registration.Status.CONFIRMED if _has_room(event) else Registration.Status.WAITING
    )
    registration.status_changed_at = timezone.now()
    registration.save(update_fields=["status", "status_changed_at"])
    emails.registration_approved(registration)
    return registration


def normalise_code(code: str) -> str:
    return "".join(code.split()).upper().replace("O", "0").replace("I", "1")


@transaction.atomic
def registration_check_in(*, actor, event: Event, code: str) -> tuple[Registration, bool]:
    """Check a participant in by their confirmation code. Returns (registration, was it the
    first check-in)."""
    if not _is_organiser(actor, event):
        raise PermissionDenied(_("Only the organisers may check people in."))
    code = "".join(code.split()).upper()
    registration = Registration.objects.select_for_update().filter(event=event, code=code).first()
    if registration is None:
        raise ValidationError(_("No registration has the code %(code)s.") % {"code": code})
    if not registration.is_confirmed:
        raise ValidationError(
            _("%(name)s is not confirmed (%(status)s).")
            % {"name": registration.name, "status": registration.get_status_display()}
        )
    if registration.checked_in_at:
        return registration, False
    registration.checked_in_at = timezone.now()
    registration.attended = True
    registration.save(update_fields=["checked_in_at", "attended"])
    return registration, True


@transaction.atomic
def registrations_set_attendance(*, actor, event: Event, attended_ids: set[int]) -> int:
    """Record afterwards who came: the confirmed registrations in ``attended_ids`` attended,
    the other confirmed ones did not."""
    if not _is_organiser(actor, event):
        raise PermissionDenied(_("Only the organisers may record attendance."))
    confirmed = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
    confirmed.filter(pk__in=attended_ids).update(attended=True)
    confirmed.exclude(pk__in=attended_ids).update(attended=False, checked_in_at=None)
    return confirmed.filter(attended=True).count()


# --- events ----------------------------------------------------------------------------

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


def _validate(event):
    fold_line_breaks(event)
    event.full_clean(exclude=["network", "created_by"])


@transaction.atomic
def event_create(*, actor, network, data: dict, invitations: list[str] | None = None) -> Event:
    if not actor.has_perm("events.add_event", network):
        raise PermissionDenied(_("You may not create events in this network."))
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
    return event


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
    *, actor, event: Event, data: dict, invitations: list[str] | None = None, notify: bool = True
) -> Event:
    """Save changes. Moving the event (time, place, link) tells everyone signed up; more
    places move people up from the waiting list."""
    if not actor.has_perm("events.change_event", event):
        raise PermissionDenied(_("Only the organisers may change this event."))
    locked = _lock(event)
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
    _set_invitations(locked, invitations)
    if changes and notify and locked.ends_at > timezone.now():
        for registration in locked.registrations.active():
            registration.event = locked
            emails.event_changed(registration, changes=changes)
    _fill_from_waiting_list(locked)
    return locked


@transaction.atomic
def event_cancel(*, actor, event: Event, message: str = "") -> Event:
    """Cancel the event; everyone signed up (any active status) is told."""
    if not actor.has_perm("events.change_event", event):
        raise PermissionDenied(_("Only the organisers may cancel this event."))
    event = _lock(event)
    if event.is_cancelled:
        return event
    event.cancelled_at = timezone.now()
    event.sequence += 1
    event.save(update_fields=["cancelled_at", "sequence", "updated_at"])
    for registration in event.registrations.active():
        registration.event = event
        emails.event_cancelled(registration, message=message)
    return event


def event_message_participants(*, actor, event: Event, subject: str, body: str) -> int:
    """E-mail every confirmed participant (one mail each; addresses are not shared)."""
    if not actor.has_perm("events.manage_registrations", event):
        raise PermissionDenied(_("Only the organisers may write to the participants."))
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


# --- reminders and calendars -------------------------------------------------------------

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


def calendar_token_for(user) -> CalendarToken:
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return token


@transaction.atomic
def calendar_token_reset(*, actor) -> CalendarToken:
    CalendarToken.objects.filter(user=actor).delete()
    return CalendarToken.objects.create(user=actor)
