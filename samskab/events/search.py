"""Events in the search index: one Document per event every reader may see.

Search results are the same for every reader, so only events whose page anyone may open
are indexed: the open audiences (``Event.OPEN_AUDIENCES``: for the public or for anyone
with an account; the title, description and agenda of those are public on the event page,
in the list, the feeds and the API). Events for theme-group members, contacts or invited
people, and cancelled events, are not indexed; a change to one of those takes it out.

Never indexed: the online link and the practical details (confirmed participants only),
the contact person's e-mail, sign-up questions, invitations and anything about the
participants.
"""

from zoneinfo import ZoneInfo

from django.db.models import Prefetch
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from samskab.search.registry import Document, SearchAdapter

from .models import AgendaItem, Event

# The audiences whose events every reader may see (the ``events.view_event`` rule lets
# anonymous readers see exactly these).
SEARCHABLE_AUDIENCES = tuple(Event.OPEN_AUDIENCES)


def is_searchable(event: Event) -> bool:
    return event.audience in SEARCHABLE_AUDIENCES and not event.is_cancelled


class EventAdapter(SearchAdapter):
    doc_type = "event"
    type_label = _("Event")

    def queryset(self):
        return Event.objects.select_related("network", "theme_group").prefetch_related(
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "time", "id"))
        )

    def document(self, event: Event) -> Document | None:
        if not is_searchable(event):
            return None
        network = event.network
        language = network.default_language or "da"
        with translation.override(language):
            url = event.get_absolute_url()
            kind = str(event.get_kind_display())
        try:
            zone = ZoneInfo(network.time_zone)
        except (KeyError, ValueError):
            zone = timezone.get_default_timezone()
        start = timezone.localtime(event.starts_at, zone).date()
        agenda = [
            "\n".join(part for part in (item.title, item.description) if part)
            for item in event.agenda_items.all()
        ]
        place = [event.venue, event.address] if event.is_on_site else []
        topics = [kind]
        if event.theme_group is not None:
            topics.insert(0, event.theme_group.name)
        return Document(
            doc_type=self.doc_type,
            object_id=str(event.pk),
            title=event.title,
            url=url,
            language=language,
            network_id=event.network_id,
            summary=event.description,
            topics=topics,
            body="\n\n".join(text for text in (*agenda, *place) if text),
            published=True,
            date=start,
            facets={
                "network": [(network.slug, network.name)],
                "year": [str(start.year)],
            },
        )


def _reindex_event(event_id) -> None:
    from samskab.core.tasks import enqueue_on_commit
    from samskab.search.tasks import index_object

    enqueue_on_commit(index_object, model="events.event", pk=str(event_id))


def _agenda_changed(sender, instance, raw=False, **kwargs):
    """The agenda is part of the event's document."""
    if not raw and instance.event_id:
        _reindex_event(instance.event_id)


def _group_saved(sender, instance, raw=False, **kwargs):
    """The theme group's name is part of its events' documents (a rename)."""
    if raw:
        return
    for event_id in Event.objects.filter(theme_group=instance).values_list("pk", flat=True):
        _reindex_event(event_id)


def _group_deleting(sender, instance, **kwargs):
    """Deleting a theme group leaves its events without one (SET_NULL, no save signal)."""
    for event_id in Event.objects.filter(theme_group=instance).values_list("pk", flat=True):
        _reindex_event(event_id)


def connect_signals() -> None:
    """What else changes an event's document: its agenda and its theme group."""
    from samskab.groups.models import ThemeGroup

    post_save.connect(_agenda_changed, sender=AgendaItem, dispatch_uid="search-event-agenda")
    post_delete.connect(
        _agenda_changed, sender=AgendaItem, dispatch_uid="search-event-agenda-delete"
    )
    post_save.connect(_group_saved, sender=ThemeGroup, dispatch_uid="search-event-group")
    pre_delete.connect(_group_deleting, sender=ThemeGroup, dispatch_uid="search-event-group-delete")
