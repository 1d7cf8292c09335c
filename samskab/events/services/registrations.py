"""Sign-ups and what organisers do with them. Each service is one transaction, checks its
rule with the actor first, then validates, then saves."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samskab.accounts.models import Person
from samskab.core.guards import require
from samskab.core.text import single_line

from .. import emails
from ..answers import clean_answers
from ..models import Answer, Event, Registration
from ._common import Attendee, fill_from_waiting_list, has_room, is_organiser, lock, unique_code


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

    - ``attendee=None``: the logged-in ``actor`` signs up themselves (one click), by the rule
      ``events.register_self``.
    - ``attendee`` and a logged-in ``actor``: a colleague or volunteer without an account,
      by ``events.register_guest``.
    - ``attendee`` and an anonymous ``actor``: a member of the public, by
      ``events.register_without_account`` (the public form confirms the address first:
      ``public_signup_request`` / ``public_signup_confirm``).
    """
    authenticated = actor is not None and actor.is_authenticated
    if attendee is None:
        if not authenticated:
            raise PermissionDenied(_("Log in to sign up."))
        require(actor, "events.register_self", event, _("This event is not open to you."))
        name, email, organisation = single_line(actor.get_full_name()), actor.email, ""
        person = Person.objects.filter(user=actor).select_related("organisation").first()
        if person is not None and person.organisation_id:
            organisation = single_line(person.organisation.name)
        return register(
            event=event,
            user=actor,
            registered_by=None,
            name=name,
            email=email,
            organisation=organisation,
            answers=answers,
            language=actor.language or language,
            organiser=is_organiser(actor, event),
        )
    if authenticated:
        require(
            actor,
            "events.register_guest",
            event,
            _("You may not sign up others for this event."),
        )
    else:
        require(
            actor,
            "events.register_without_account",
            event,
            _("Only public events take sign-ups without an account."),
        )
    return register(
        event=event,
        user=None,
        registered_by=actor if authenticated else None,
        name=attendee.name,
        email=attendee.email,
        organisation=attendee.organisation,
        answers=answers,
        language=language,
        organiser=authenticated and is_organiser(actor, event),
        guest_limits_for=actor if authenticated else None,
        check_attendee=True,
    )


def register(
    *,
    event: Event,
    user,
    registered_by,
    name: str,
    email: str,
    organisation: str,
    answers: dict | None,
    language: str,
    organiser: bool,
    guest_limits_for=None,
    check_attendee: bool = False,
) -> Registration:
    """The saving half of a sign-up, for services that have checked who may (the caller's
    transaction is the one it runs in)."""
    name, email, organisation = single_line(name), email.strip(), single_line(organisation)
    if check_attendee:
        if not name or not email:
            raise ValidationError(_("Give the participant's name and e-mail address."))
        validate_email(email)
    email = email.lower()
    cleaned = clean_answers(event, answers)

    event = lock(event)
    state = event.signup_state()
    if state == "cancelled":
        raise ValidationError(_("The event is cancelled."))
    if state == "past":
        raise ValidationError(_("The event has already started."))
    if state != "open" and not organiser:
        raise ValidationError(_("Sign-up is not open."))
    if guest_limits_for is not None and not organiser:
        _check_guest_limits(guest_limits_for, event)
    if Registration.objects.active().filter(event=event, email=email).exists():
        raise ValidationError(
            _("%(email)s is already signed up for this event.") % {"email": email}
        )

    if event.requires_approval and not organiser:
        status = Registration.Status.AWAITING_APPROVAL
    elif has_room(event):
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
        code=unique_code(event),
    )
    Answer.objects.bulk_create(
        Answer(registration=registration, question_id=qid, value=value)
        for qid, value in cleaned.items()
        if value
    )
    emails.registration_received(registration)
    return registration


@transaction.atomic
def registration_cancel(*, actor, registration: Registration, notify: bool = True) -> Registration:
    """Cancel a registration (the participant, who signed them up, or an organiser). A freed
    place goes at once to the first on the waiting list, who is told by e-mail."""
    require(
        actor,
        "events.cancel_registration",
        registration,
        _("You may not cancel this registration."),
    )
    return cancel(registration, actor=actor, notify=notify)


@transaction.atomic
def registration_cancel_on_erasure(*, registration: Registration) -> Registration:
    """Cancel a future registration of a person whose data is being erased (called only by
    the events section of the erasure, which the accounts service guards); nobody is told."""
    return cancel(registration, actor=None, notify=False)


def cancel(registration: Registration, *, actor, notify: bool = True) -> Registration:
    """The saving half of a cancellation, for services that have checked who may."""
    event = lock(registration.event)
    registration = Registration.objects.get(pk=registration.pk)
    registration.event = event
    if registration.status == Registration.Status.CANCELLED:
        return registration
    if event.starts_at <= timezone.now() and not is_organiser(actor, event):
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
        fill_from_waiting_list(event)
    return registration


@transaction.atomic
def registration_set_status(*, actor, registration: Registration, status: str) -> Registration:
    """An organiser moves a registration between statuses. Confirming needs a free place."""
    require(
        actor,
        "events.manage_registrations",
        registration.event,
        _("Only the organisers may change registrations."),
    )
    if status not in Registration.Status.values:
        raise ValidationError(_("Unknown status."))
    if status == Registration.Status.CANCELLED:
        return cancel(registration, actor=actor)
    event = lock(registration.event)
    registration = Registration.objects.get(pk=registration.pk)
    registration.event = event
    old = registration.status
    if old == status:
        return registration
    if status == Registration.Status.CONFIRMED and not has_room(event):
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
        fill_from_waiting_list(event)
    return registration


@transaction.atomic
def registration_approve(*, actor, registration: Registration) -> Registration:
    """Approve a sign-up awaiting approval: confirmed if there is a place, else waiting list."""
    require(
        actor,
        "events.manage_registrations",
        registration.event,
        _("Only the organisers may approve sign-ups."),
    )
    event = lock(registration.event)
    registration = Registration.objects.get(pk=registration.pk)
    registration.event = event
    if registration.status != Registration.Status.AWAITING_APPROVAL:
        raise ValidationError(_("This sign-up is not awaiting approval."))
    registration.status = (
        Registration.Status.CONFIRMED if has_room(event) else Registration.Status.WAITING
    )
    registration.status_changed_at = timezone.now()
    registration.save(update_fields=["status", "status_changed_at"])
    emails.registration_approved(registration)
    return registration


@transaction.atomic
def registration_check_in(*, actor, event: Event, code: str) -> tuple[Registration, bool]:
    """Check a participant in by their confirmation code. Returns (registration, was it the
    first check-in)."""
    require(
        actor, "events.manage_registrations", event, _("Only the organisers may check people in.")
    )
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
    require(
        actor, "events.manage_registrations", event, _("Only the organisers may record attendance.")
    )
    confirmed = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
    confirmed.filter(pk__in=attended_ids).update(attended=True)
    confirmed.exclude(pk__in=attended_ids).update(attended=False, checked_in_at=None)
    return confirmed.filter(attended=True).count()
