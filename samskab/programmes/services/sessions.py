"""An edition's sessions: each is an ``events.Event`` (made and changed through the events
services, so registrations, e-mails and the .ics work as for any event) that belongs to
one or more of the edition's tracks, with a topic per track in da/nb/en."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskab.core.guards import require
from samskab.events import services as event_services
from samskab.events.models import Event

from ..models import Edition, Session, SessionTrack, Track

LANGUAGES = ("da", "nb", "en")
# What a session's form may set on its event; the rest keeps the events' defaults.
SESSION_EVENT_FIELDS = (
    "title",
    "kind",
    "description",
    "starts_at",
    "ends_at",
    "format",
    "venue",
    "address",
    "online_url",
    "practical_details",
    "capacity",
)
ONLY_STAFF = gettext_lazy("Only the secretariat plans the sessions.")


def _check_tracks(edition: Edition, topics: dict) -> dict[int, dict]:
    """``topics``: {track id: {"da": ..., "nb": ..., "en": ...}} for the tracks the session
    belongs to. At least one, all of this edition."""
    if not topics:
        raise ValidationError({"tracks": _("Choose at least one track for the session.")})
    own = set(Track.objects.filter(edition=edition).values_list("id", flat=True))
    cleaned = {}
    for track_id, texts in topics.items():
        if track_id not in own:
            raise ValidationError({"tracks": _("The track belongs to another edition.")})
        cleaned[track_id] = {lang: (texts or {}).get(lang, "").strip() for lang in LANGUAGES}
    return cleaned


def _event_data(data: dict) -> dict:
    event_data = {k: data[k] for k in SESSION_EVENT_FIELDS if k in data}
    if event_data.get("kind") not in Session.KINDS:
        raise ValidationError({"kind": _("Choose course day, network meeting or conference.")})
    for key in ("description", "venue", "address", "online_url", "practical_details"):
        if key in event_data and event_data[key] is None:
            event_data[key] = ""
    return event_data


def _set_topics(session: Session, topics: dict[int, dict]) -> None:
    session.session_tracks.exclude(track_id__in=topics).delete()
    existing = {st.track_id: st for st in session.session_tracks.all()}
    for track_id, texts in topics.items():
        row = existing.get(track_id) or SessionTrack(session=session, track_id=track_id)
        for lang in LANGUAGES:
            setattr(row, f"topic_{lang}", texts[lang])
        row.full_clean(exclude=["session", "track"])
        row.save()


@transaction.atomic
def session_create(*, actor, edition: Edition, data: dict, topics: dict) -> Session:
    """Add a session to the edition: its event (for invited people: the participants are
    registered by the secretariat) and its tracks with their topics."""
    require(actor, "programmes.manage_sessions", edition, ONLY_STAFF)
    topics = _check_tracks(edition, topics)
    event_data = _event_data(data)
    event_data.setdefault("audience", Event.Audience.INVITED)
    event = event_services.event_create(
        actor=actor, network=edition.programme.network, data=event_data
    )
    session = Session.objects.create(edition=edition, event=event)
    _set_topics(session, topics)
    return session


@transaction.atomic
def session_update(*, actor, session: Session, data: dict, topics: dict) -> Session:
    """Change a session's event (participants are told when the time or place moves, by
    the events service) and its tracks and topics."""
    require(actor, "programmes.manage_sessions", session.edition, ONLY_STAFF)
    topics = _check_tracks(session.edition, topics)
    event_services.event_update(actor=actor, event=session.event, data=_event_data(data))
    _set_topics(session, topics)
    return session


@transaction.atomic
def session_remove(*, actor, session: Session) -> None:
    """Take a session out of the edition. An event nobody signed up for goes with it; one
    with registrations is cancelled (everyone signed up is told) and stays in the events'
    history."""
    require(actor, "programmes.manage_sessions", session.edition, ONLY_STAFF)
    event = session.event
    session.delete()
    if event.registrations.exists():
        event_services.event_cancel(actor=actor, event=event)
    else:
        event.delete()
