"""Guest sign-ups (colleagues or volunteers without an account) have limits, and the
organisers see who signed up whom."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from samskab.events.models import Registration

from .factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.EVENT_GUESTS_PER_EVENT = 3
    settings.EVENT_GUESTS_PER_HOUR = 5


def _add_guest(client, event, n, lang="en"):
    return client.post(
        f"/{lang}/events/{event.pk}/register/guest/",
        {"name": f"Gæst {n}", "email": f"gaest{n}@test.example", "organisation": ""},
    )


def test_guests_per_event_are_limited_with_a_form_error_in_danish(
    client, event, plain_user, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(plain_user)
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            assert _add_guest(client, event, n).status_code == 302
        response = _add_guest(client, event, 3, lang="da")
    assert response.status_code == 200
    assert "Du har tilmeldt 3 gæster til dette arrangement" in response.content.decode()
    assert Registration.objects.filter(event=event, registered_by=plain_user).count() == 3
    assert len(mailoutbox) == 3
    # a cancelled guest frees the place for another
    Registration.objects.filter(email="gaest0@test.example").update(status="cancelled")
    assert _add_guest(client, event, 3).status_code == 302


def test_guests_per_hour_are_limited_across_events(client, dk_network, plain_user):
    first, second = EventFactory(network=dk_network), EventFactory(network=dk_network)
    client.force_login(plain_user)
    for n in range(3):
        assert _add_guest(client, first, n).status_code == 302
    for n in range(3, 5):
        assert _add_guest(client, second, n).status_code == 302
    response = _add_guest(client, second, 5)
    assert response.status_code == 200
    assert "guests in the last hour" in response.content.decode()
    assert Registration.objects.filter(registered_by=plain_user).count() == 5


def test_organisers_add_participants_without_the_limit(client, event, staff_user):
    client.force_login(staff_user)
    for n in range(6):
        assert _add_guest(client, event, n).status_code == 302
    assert Registration.objects.filter(event=event).count() == 6


def test_organisers_see_who_signed_up_whom(client, event, plain_user, staff_user):
    client.force_login(plain_user)
    _add_guest(client, event, 1)
    client.force_login(staff_user)
    html = client.get(reverse("events:participants", args=[event.pk])).content.decode()
    assert f"signed up by {plain_user.name} ({plain_user.email})" in html
    csv_text = client.get(reverse("events:export", args=[event.pk, "csv"])).content.decode()
    header, row = csv_text.lstrip("\ufeff").splitlines()[:2]
    assert "Signed up by (e-mail)" in header
    assert plain_user.name in row and plain_user.email in row
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("events:export", args=[event.pk, "xlsx"])).content)
    )
    rows = [[c.value for c in r] for r in workbook.active.iter_rows()]
    column = rows[0].index("Signed up by (e-mail)")
    assert rows[1][column] == plain_user.email
    assert rows[1][column - 1] == plain_user.name
