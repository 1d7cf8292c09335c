"""Cancelling a registration and cancelling an event ask once: GET shows the confirm page
(what happens, who is told) and changes nothing; POST acts."""

import pytest

from samskab.events.models import Registration
from tests.conftest import make_user_with_role
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_cancel_registration_asks_first(client, dk_network, mailoutbox):
    event = EventFactory(network=dk_network, capacity=1)
    user = make_user_with_role(dk_network, None)
    mine = RegistrationFactory(event=event, user=user, email=user.email)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITING)
    client.force_login(user)
    page = client.get(f"/en/events/{event.pk}/").content.decode()
    link = f"/en/events/{event.pk}/registrations/{mine.pk}/cancel/"
    assert f'href="{link}"' in page
    response = client.get(link)
    assert response.status_code == 200
    html = response.content.decode()
    assert "You get an e-mail" in html and "first on the waiting list" in html
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert mine.status == "confirmed" and waiting.status == "waiting" and mailoutbox == []
    response = client.post(link)
    assert response.status_code == 302
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert mine.status == "cancelled" and waiting.status == "confirmed"


def test_cancel_registration_confirm_in_three_languages(client, dk_network):
    event = EventFactory(network=dk_network)
    user = make_user_with_role(dk_network, None)
    mine = RegistrationFactory(event=event, user=user, email=user.email)
    client.force_login(user)
    link = f"/events/{event.pk}/registrations/{mine.pk}/cancel/"
    for lang, text in (("da", "Ja, afmeld"), ("nb", "Ja, meld av"), ("en", "Yes, cancel")):
        assert text in client.get(f"/{lang}{link}").content.decode()


def test_cancel_registration_confirm_refused_to_strangers(client, dk_network, plain_user):
    registration = RegistrationFactory(event=EventFactory(network=dk_network))
    client.force_login(plain_user)
    link = f"/en/events/{registration.event_id}/registrations/{registration.pk}/cancel/"
    assert client.get(link).status_code == 403


def test_cancel_event_get_says_who_is_told_and_changes_nothing(client, dk_network, staff_user):
    event = EventFactory(network=dk_network)
    RegistrationFactory(event=event)
    client.force_login(staff_user)
    response = client.get(f"/en/events/{event.pk}/cancel/")
    assert response.status_code == 200
    assert "gets an e-mail that the event is cancelled" in response.content.decode()
    event.refresh_from_db()
    assert not event.is_cancelled
