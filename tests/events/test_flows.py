"""The flows that moved from the views into services and selectors: the public sign-up by
signed link, the cancel link, agenda and questions saved with the event, the calendar
address, waiting-list positions and counts."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError

from samskab.events import emails, selectors, services
from samskab.events.models import AgendaItem, CalendarToken, Event, Question, Registration
from samskab.events.services.public_signup import SignupLinkExpired, SignupLinkInvalid

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _request(event, actor, *, email="pia@test.example", ip="192.0.2.1"):
    links = []
    services.public_signup_request(
        actor=actor,
        event=event,
        name="Pia",
        email=email,
        client_ip=ip,
        confirm_url=lambda token: links.append(token) or f"https://x.example/{token}",
    )
    return links[0]


def test_public_sign_up_request_then_confirm(event, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        token = _request(event, AnonymousUser())
    assert [m.to for m in mailoutbox] == [["pia@test.example"]]
    assert not Registration.objects.exists()  # nothing before the address is confirmed
    registration = services.public_signup_confirm(event=event, token=token)
    assert registration.email == "pia@test.example" and registration.user is None


def test_public_sign_up_request_is_for_anonymous_visitors_of_public_events(dk_network, plain_user):
    public = EventFactory(network=dk_network)
    closed = EventFactory(network=dk_network, audience=Event.Audience.LOGGED_IN)
    for event, actor in ((public, None), (public, plain_user), (closed, AnonymousUser())):
        with pytest.raises(PermissionDenied):
            _request(event, actor)


def test_public_sign_up_request_is_rate_limited(event, settings):
    from django.core.cache import cache

    cache.clear()
    for _ in range(services.public_signup.PUBLIC_SIGNUP_LIMIT):
        _request(event, AnonymousUser(), ip="192.0.2.7")
    with pytest.raises(ValidationError):
        _request(event, AnonymousUser(), ip="192.0.2.7")


def test_confirm_verifies_the_link_itself(dk_network, event):
    other = EventFactory(network=dk_network)
    token = _request(event, AnonymousUser(), email="ola@test.example")
    with pytest.raises(SignupLinkInvalid):
        services.public_signup_confirm(event=other, token=token)
    with pytest.raises(SignupLinkInvalid):
        services.public_signup_confirm(event=event, token=token + "x")
    forged = signing.dumps({"e": event.pk, "n": "X", "m": "x@test.example"}, salt="other")
    with pytest.raises(SignupLinkInvalid):
        services.public_signup_confirm(event=event, token=forged)
    assert not Registration.objects.exists()


def test_confirm_refuses_an_expired_link(event, settings, monkeypatch):
    token = _request(event, AnonymousUser(), email="old@test.example")
    monkeypatch.setattr(services.public_signup, "PUBLIC_SIGNUP_MAX_AGE", -1)
    with pytest.raises(SignupLinkExpired):
        services.public_signup_confirm(event=event, token=token)


def test_cancel_by_link_verifies_the_link(event):
    registration = RegistrationFactory(event=event)
    with pytest.raises(ValidationError):
        services.registration_cancel_by_link(token="nonsense")
    token = emails.cancel_link(registration).rstrip("/").split("/")[-1]
    services.registration_cancel_by_link(token=token)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


def test_registration_cancel_needs_an_actor_with_the_rule(event, plain_user):
    registration = RegistrationFactory(event=event)
    for actor in (None, AnonymousUser(), plain_user):
        with pytest.raises(PermissionDenied):
            services.registration_cancel(actor=actor, registration=registration)


def test_agenda_and_questions_are_saved_with_the_event(staff_user, dk_network, event):
    agenda = [
        {"title": "Velkomst", "position": 1},
        {},  # an empty extra form
        {"title": "Frokost", "position": 2, "DELETE": True},  # added and deleted at once
    ]
    questions = [{"label": "Kost?", "kind": Question.Kind.TEXT, "position": 1}]
    data = {
        f: getattr(event, f)
        for f in ("title", "kind", "starts_at", "ends_at", "format", "audience")
    }
    created = services.event_create(
        actor=staff_user, network=dk_network, data=data, agenda=agenda, questions=questions
    )
    assert [a.title for a in created.agenda_items.all()] == ["Velkomst"]
    assert [q.label for q in created.questions.all()] == ["Kost?"]

    item = created.agenda_items.get()
    services.event_update(
        actor=staff_user,
        event=created,
        data={},
        agenda=[{"id": item, "title": "Goddag", "position": 1}],
        questions=[{"id": created.questions.get(), "DELETE": True}],
    )
    assert list(AgendaItem.objects.filter(event=created).values_list("title", flat=True)) == [
        "Goddag"
    ]
    assert not Question.objects.filter(event=created).exists()


def test_event_update_refuses_rows_of_another_event(staff_user, dk_network, event):
    other = EventFactory(network=dk_network)
    foreign = AgendaItem.objects.create(event=other, title="Fremmed")
    with pytest.raises(ValidationError):
        services.event_update(
            actor=staff_user, event=event, data={}, agenda=[{"id": foreign, "title": "Mit"}]
        )
    foreign.refresh_from_db()
    assert foreign.title == "Fremmed"


def test_calendar_address_is_made_by_the_service_only(plain_user):
    assert selectors.calendar_token_of(plain_user) is None  # reading makes nothing
    with pytest.raises(PermissionDenied):
        services.calendar_token_reset(actor=AnonymousUser())
    first = services.calendar_token_reset(actor=plain_user)
    second = services.calendar_token_reset(actor=plain_user)
    assert list(CalendarToken.objects.filter(user=plain_user)) == [second]
    assert first.token != second.token


def test_waiting_positions_and_counts(dk_network):
    event = EventFactory(network=dk_network, capacity=1)
    RegistrationFactory(event=event, status=Registration.Status.CONFIRMED)
    first = RegistrationFactory(event=event, status=Registration.Status.WAITING)
    second = RegistrationFactory(event=event, status=Registration.Status.WAITING)
    assert selectors.waiting_position(first) == 1
    assert selectors.waiting_position(second) == 2
    assert selectors.places_left(event) == 0
    counts = selectors.status_counts(event)
    assert counts[Registration.Status.CONFIRMED] == 1 and counts[Registration.Status.WAITING] == 2
