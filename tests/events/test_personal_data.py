import datetime

import pytest
from django.utils import timezone

from samskab.accounts import personal_data
from samskab.accounts.services import personal_data_export, user_erase
from samskab.events.models import Registration
from samskab.events.services import Attendee, registration_create

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_sections_cover_the_events_models():
    covered = {m for s in personal_data.sections() for m in s.models}
    for model in ("events.Registration", "events.Answer", "events.CalendarToken", "events.Event"):
        assert model in covered


def test_export_includes_own_and_guest_registrations(event, plain_user):
    registration_create(actor=plain_user, event=event)
    registration_create(
        actor=plain_user, event=event, attendee=Attendee("Vera", "vera@test.example")
    )
    # a colleague signed this user up by e-mail address, without linking the account
    other = EventFactory(network=event.network)
    RegistrationFactory(event=other, email=plain_user.email.lower(), name="By colleague")
    data = personal_data_export(user=plain_user)["events"]
    assert {r["event"] for r in data["registrations"]} == {event.title, other.title}
    assert data["registrations_made_for_others"][0]["email"] == "vera@test.example"


def test_erase_cancels_future_and_anonymises(
    event, plain_user, django_capture_on_commit_callbacks, mailoutbox
):
    event.capacity = 1
    event.save()
    mine = registration_create(actor=plain_user, event=event)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITING)
    past = timezone.now() - datetime.timedelta(days=10)
    old_event = EventFactory(
        network=event.network, starts_at=past, ends_at=past + datetime.timedelta(hours=1)
    )
    old = RegistrationFactory(
        event=old_event, user=plain_user, email=plain_user.email, attended=True
    )
    guest = registration_create(
        actor=plain_user,
        event=EventFactory(network=event.network),
        attendee=Attendee("Vera", "vera@test.example"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        user_erase(actor=plain_user, user=plain_user)
    mine.refresh_from_db()
    old.refresh_from_db()
    waiting.refresh_from_db()
    guest.refresh_from_db()
    assert mine.status == "cancelled" and mine.email == "" and mine.user is None
    assert waiting.status == "confirmed"  # the freed place went to the waiting list
    assert old.name == "–" and old.email == "" and old.attended is True
    assert guest.registered_by is None and guest.email == "vera@test.example"
