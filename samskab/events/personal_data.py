"""Personal data held by events: a person's registrations (including those made for them
by a colleague, found by an address the user has verified), the guests a user signed up,
answers, the calendar feed token, and the events a user created."""

from django.db.models import Q
from django.utils import timezone

from samskab.accounts import personal_data

from .models import CalendarToken, Event, Registration

ERASED = "–"


def _own_registrations(user, person):
    """The user's own registrations and those made for one of their verified addresses;
    never by the person's contact e-mail, which anyone can type."""
    if user is None:
        return Registration.objects.none()
    emails = personal_data.verified_emails(user)
    return Registration.objects.filter(
        Q(user=user) | personal_data.email_query("email", emails)
    ).select_related("event")


def _export(user, person):
    own = [
        {
            "event": r.event.title,
            "starts_at": r.event.starts_at.isoformat(),
            "name": r.name,
            "email": r.email,
            "organisation": r.organisation,
            "status": r.status,
            "code": r.code,
            "signed_up_at": r.created_at.isoformat(),
            "checked_in_at": r.checked_in_at.isoformat() if r.checked_in_at else None,
            "attended": r.attended,
            "answers": {a.question.label: a.value for a in r.answers.select_related("question")},
        }
        for r in _own_registrations(user, person)
    ]
    made = []
    created = []
    if user is not None:
        made = [
            {"event": r.event.title, "name": r.name, "email": r.email, "status": r.status}
            for r in Registration.objects.filter(registered_by=user)
            .exclude(user=user)
            .select_related("event")
        ]
        created = [
            {"event": e.title, "starts_at": e.starts_at.isoformat()}
            for e in Event.objects.filter(created_by=user)
        ]
    return {
        "registrations": own,
        "registrations_made_for_others": made,
        "events_created": created,
        "calendar_feed": user is not None and CalendarToken.objects.filter(user=user).exists(),
    }


def _erase(user, person):
    """Future registrations are cancelled (freeing the place for the waiting list); past
    ones are kept for the event's numbers but anonymised. Answers go."""
    from .services import registration_cancel_on_erasure

    now = timezone.now()
    for registration in _own_registrations(user, person):
        if registration.event.starts_at > now and registration.status != "cancelled":
            registration_cancel_on_erasure(registration=registration)
    regs = _own_registrations(user, person)
    for registration in regs:
        registration.answers.all().delete()
    Registration.objects.filter(pk__in=[r.pk for r in regs]).update(
        user=None, name=ERASED, email="", organisation=""
    )
    if user is not None:
        Registration.objects.filter(registered_by=user).update(registered_by=None)
        CalendarToken.objects.filter(user=user).delete()
        Event.objects.filter(created_by=user).update(created_by=None)


personal_data.register(
    "events",
    export=_export,
    erase=_erase,
    models=("events.Registration", "events.Answer", "events.CalendarToken", "events.Event"),
)
