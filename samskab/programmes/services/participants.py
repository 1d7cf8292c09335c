"""An accepted municipality's people in the edition, registered to all the sessions of
their track in one step through the events' registration services (so capacity, the
waiting list, the e-mails and the .ics work as for any event); a participant declines one
session and names a substitute from the same municipality."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.core.guards import require
from samskab.core.text import single_line
from samskab.events import services as event_services
from samskab.events.models import Registration
from samskab.events.services.registrations import cancel, register

from ..models import Application, Edition, Participant, Session, Substitution


@transaction.atomic
def participants_set(*, actor, application: Application, rows: list[dict]) -> list[Participant]:
    """Replace the municipality's people list (empty rows are skipped). Everyone registered
    already stays registered; ``edition_register`` registers the new ones."""
    require(
        actor,
        "programmes.manage_participants",
        application,
        _("Only the municipality and the secretariat keep its list of participants."),
    )
    edition_id = application.call.edition_id
    cleaned, seen = [], set()
    for row in rows:
        name = single_line(row.get("name") or "")
        if not name:
            continue
        email = (row.get("email") or "").strip().lower()
        if email:
            try:
                validate_email(email)
            except ValidationError as exc:
                raise ValidationError(
                    _("“%(email)s” is not an e-mail address.") % {"email": email}
                ) from exc
            if email in seen:
                raise ValidationError(_("%(email)s is on the list twice.") % {"email": email})
            seen.add(email)
        track = row.get("track")
        if track is not None and track.edition_id != edition_id:
            raise ValidationError(_("The track belongs to another edition."))
        cleaned.append((name, single_line(row.get("title") or ""), email, track))
    existing = {p.email or f"#{p.pk}": p for p in application.participants.all()}
    kept = []
    for position, (name, title, email, track) in enumerate(cleaned):
        participant = existing.pop(email, None) if email else None
        participant = participant or Participant(application=application)
        participant.name, participant.title, participant.email = name, title, email
        participant.track, participant.position = track, position
        participant.full_clean(exclude=["application", "track"])
        participant.save()
        kept.append(participant)
    Participant.objects.filter(pk__in=[p.pk for p in existing.values()]).delete()
    return kept


@transaction.atomic
def edition_register(*, actor, edition: Edition) -> dict:
    """Register the people of every accepted municipality to every coming session of their
    track, in one step. Whoever is registered already, or declined that session, is left
    alone; people without an e-mail address cannot be registered (counted)."""
    require(
        actor,
        "programmes.manage_sessions",
        edition,
        _("Only the secretariat registers the participants."),
    )
    now = timezone.now()
    sessions = list(
        Session.objects.filter(edition=edition, event__cancelled_at=None, event__starts_at__gt=now)
        .select_related("event__network")
        .prefetch_related("session_tracks")
    )
    participants = list(
        Participant.objects.filter(
            application__call__edition=edition,
            application__status=Application.Status.ACCEPTED,
            track__isnull=False,
        ).select_related("application__organisation")
    )
    declined = set(
        Substitution.objects.filter(session__edition=edition).values_list(
            "participant_id", "session_id"
        )
    )
    active = set(
        Registration.objects.active()
        .filter(event__programme_session__edition=edition)
        .values_list("event_id", "email")
    )
    counts = {"registered": 0, "already": 0, "without_email": 0}
    for participant in participants:
        if not participant.email:
            counts["without_email"] += 1
            continue
        for session in sessions:
            if participant.track_id not in {st.track_id for st in session.session_tracks.all()}:
                continue
            if (participant.pk, session.pk) in declined:
                continue
            if (session.event_id, participant.email) in active:
                counts["already"] += 1
                continue
            event_services.registration_create(
                actor=actor,
                event=session.event,
                attendee=event_services.Attendee(
                    name=participant.name,
                    email=participant.email,
                    organisation=participant.application.organisation.name,
                ),
            )
            counts["registered"] += 1
    return counts


@transaction.atomic
def session_decline(
    *,
    actor,
    participant: Participant,
    session: Session,
    substitute_name: str = "",
    substitute_email: str = "",
    language: str = "da",
) -> Substitution:
    """The participant will not come to ``session``: their registration is cancelled (the
    place goes to the waiting list, by the events service) and the substitute they name
    from the same municipality, if any, is registered in their place."""
    require(
        actor,
        "programmes.decline_session",
        participant,
        _("Only the participant, their municipality and the secretariat may do this."),
    )
    application = participant.application
    in_track = session.session_tracks.filter(track_id=participant.track_id).exists()
    if session.edition_id != application.call.edition_id or not in_track:
        raise ValidationError({"session": _("The session is not in the participant's track.")})
    if Substitution.objects.filter(participant=participant, session=session).exists():
        raise ValidationError({"session": _("The participant has already declined this session.")})
    substitute_name = single_line(substitute_name)
    substitute_email = substitute_email.strip().lower()
    if bool(substitute_name) != bool(substitute_email):
        raise ValidationError(
            {"substitute_email": _("Give both the substitute's name and e-mail address.")}
        )
    if substitute_email and substitute_email == participant.email:
        raise ValidationError({"substitute_email": _("The substitute is someone else.")})
    event = session.event
    registration = (
        Registration.objects.active().filter(event=event, email=participant.email).first()
        if participant.email
        else None
    )
    if registration is not None:
        cancel(registration, actor=actor, notify=True)
    substitute = None
    if substitute_email:
        substitute = register(
            event=event,
            user=None,
            registered_by=actor,
            name=substitute_name,
            email=substitute_email,
            organisation=application.organisation.name,
            answers=None,
            language=language,
            organiser=True,
            check_attendee=True,
        )
    return Substitution.objects.create(
        participant=participant,
        session=session,
        name=substitute_name,
        email=substitute_email,
        registration=substitute,
    )
