"""Events: created, changed and cancelled by the organisers, in the trail."""

import datetime

import pytest
from django.utils import timezone

from samskab.audit.models import Action, AuditEntry
from samskab.events import services as events
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_creating_an_event(dk_network, staff_user, entries):
    starts = (timezone.now() + datetime.timedelta(days=5)).replace(microsecond=0)
    event = events.event_create(
        actor=staff_user,
        network=dk_network,
        data={
            "title": "Temadag om trivsel",
            "kind": "theme_meeting",
            "starts_at": starts,
            "ends_at": starts + datetime.timedelta(hours=3),
            "format": "online",
            "online_url": "https://meet.example/room",
            "audience": "public",
        },
    )
    [(action, before, after)] = entries()
    assert action == Action.EVENT_CREATED and before == {}
    assert after["title"] == "Temadag om trivsel" and after["starts_at"] == starts.isoformat()
    assert "contact_email" not in after  # the contact's address stays out of the trail
    assert AuditEntry.objects.get().object_id == str(event.pk)


def test_changing_an_event_keeps_only_what_changed(dk_network, staff_user, entries):
    event = EventFactory(network=dk_network, venue="Rådhuset")
    events.event_update(
        actor=staff_user,
        event=event,
        data={"venue": "Biblioteket", "capacity": 40},
        notify=False,
    )
    assert entries() == [
        (
            Action.EVENT_CHANGED,
            {"venue": "Rådhuset", "capacity": None},
            {"venue": "Biblioteket", "capacity": 40},
        ),
    ]


def test_saving_an_event_unchanged_records_nothing(dk_network, staff_user):
    event = EventFactory(network=dk_network)
    events.event_update(actor=staff_user, event=event, data={"venue": event.venue})
    assert not AuditEntry.objects.exists()


def test_cancelling_an_event(dk_network, staff_user, entries):
    event = EventFactory(network=dk_network)
    events.event_cancel(actor=staff_user, event=event, message="Sygdom.")
    events.event_cancel(actor=staff_user, event=event)  # already cancelled: nothing more
    [(action, before, after)] = entries()
    assert action == Action.EVENT_CANCELLED
    assert before == {"cancelled_at": None} and after["cancelled_at"]
