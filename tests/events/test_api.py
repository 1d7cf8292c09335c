import datetime

import pytest
from django.utils import timezone

from samskab.events.models import Event

from .conftest import SECRET_DETAILS, SECRET_LINK
from .factories import EventFactory

pytestmark = pytest.mark.django_db


def test_list_upcoming_public_fields_only(client, dk_network, no_network, group):
    EventFactory(network=dk_network, title="Open", theme_group=group)
    EventFactory(network=dk_network, title="For account holders", audience=Event.Audience.LOGGED_IN)
    EventFactory(
        network=dk_network,
        title="Members",
        theme_group=group,
        audience=Event.Audience.GROUP_MEMBERS,
    )
    EventFactory(network=no_network, title="Norwegian")
    past = timezone.now() - datetime.timedelta(days=5)
    EventFactory(
        network=dk_network, title="Past", starts_at=past, ends_at=past + datetime.timedelta(hours=1)
    )
    response = client.get("/api/v1/events")
    assert response.status_code == 200
    data = response.json()
    assert [e["title"] for e in data["items"]] == ["Open", "For account holders"]
    item = data["items"][0]
    assert item["theme_group"] == {"name": group.name, "slug": group.slug}
    assert item["time_zone"] == "Europe/Copenhagen"
    assert set(item) == {
        "id",
        "network",
        "title",
        "description",
        "kind",
        "format",
        "starts_at",
        "ends_at",
        "time_zone",
        "venue",
        "address",
        "audience",
        "capacity",
        "signup_opens_at",
        "signup_closes_at",
        "cancelled",
        "theme_group",
        "url",
    }
    assert SECRET_LINK not in response.content.decode()
    assert SECRET_DETAILS not in response.content.decode()
    past_titles = [e["title"] for e in client.get("/api/v1/events?past=true").json()["items"]]
    assert past_titles == ["Past"]
    filtered = client.get(f"/api/v1/events?theme_group={group.slug}").json()["items"]
    assert [e["title"] for e in filtered] == ["Open"]


def test_detail_and_closed_events(client, dk_network, group, staff_user):
    open_event = EventFactory(network=dk_network)
    closed = EventFactory(network=dk_network, audience=Event.Audience.ADMIN_CONTACTS)
    assert client.get(f"/api/v1/events/{open_event.pk}").status_code == 200
    client.force_login(staff_user)  # the API shows what everyone may see, whoever asks
    assert client.get(f"/api/v1/events/{closed.pk}").status_code == 404
    assert client.get("/api/v1/events/999999").status_code == 404


def test_api_list_has_fixed_query_count(client, dk_network, django_assert_max_num_queries):
    for _ in range(5):
        EventFactory(network=dk_network)
    client.get("/api/v1/events")
    with django_assert_max_num_queries(6):
        client.get("/api/v1/events")
    for _ in range(10):
        EventFactory(network=dk_network)
    with django_assert_max_num_queries(6):
        assert len(client.get("/api/v1/events").json()["items"]) == 15


def test_closed_event_ics_needs_login(client, dk_network, group):
    from django.urls import reverse

    closed = EventFactory(
        network=dk_network, theme_group=group, audience=Event.Audience.GROUP_MEMBERS
    )
    response = client.get(reverse("events:ics", args=[closed.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_reminder_task_through_the_tasks_api(dk_network, mailoutbox):
    from samskab.events.tasks import send_event_reminders

    from .factories import RegistrationFactory

    now = timezone.now()
    event = EventFactory(
        network=dk_network,
        starts_at=now + datetime.timedelta(hours=3),
        ends_at=now + datetime.timedelta(hours=4),
        reminder_hours=24,
    )
    RegistrationFactory(event=event)
    result = send_event_reminders.enqueue()
    assert result.return_value == 1


def test_list_links_to_the_next_and_previous_offsets(client, dk_network):
    """Issue 20, defect 12: next and previous pages as absolute URLs (limit and offset)."""
    for n in range(7):
        EventFactory(network=dk_network, title=f"Møde {n}")
    first = client.get("/api/v1/events?limit=3").json()
    assert first["count"] == 7 and first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/events?limit=3&offset=3"
    second = client.get(first["next"]).json()
    assert second["previous"] == "http://testserver/api/v1/events?limit=3&offset=0"
    last = client.get(second["next"]).json()
    assert last["next"] is None and len(last["items"]) == 1
    titles = [e["title"] for page in (first, second, last) for e in page["items"]]
    assert sorted(titles) == [f"Møde {n}" for n in range(7)]
