import datetime
import io
import re

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from samskab.events.models import CalendarToken, Event, Question, Registration
from tests.factories import UserFactory

from .conftest import SECRET_DETAILS, SECRET_LINK
from .factories import EventFactory, QuestionFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"events:{name}", args=args)


def assert_no_secrets(content):
    text = content.decode() if isinstance(content, bytes) else content
    text = text.replace("\r\n ", "").replace("\\,", ",")  # unfold iCalendar lines
    assert SECRET_LINK not in text
    assert "secret-room" not in text
    assert SECRET_DETAILS not in text


# --- every protected view, anonymously ----------------------------------------------------

ORGANISER_VIEWS = [
    ("edit", "GET"),
    ("cancel", "GET"),
    ("participants", "GET"),
    ("message", "GET"),
    ("check_in", "GET"),
    ("attendance", "GET"),
]


@pytest.mark.parametrize(
    "name, method",
    ORGANISER_VIEWS
    + [
        ("register", "POST"),
        ("register_guest", "GET"),
    ],
)
def test_protected_views_send_anonymous_to_login(client, event, name, method):
    response = getattr(client, method.lower())(url(name, event.pk))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    "path",
    [
        lambda e, r: url("export", e.pk, "csv"),
        lambda e, r: url("export", e.pk, "xlsx"),
        lambda e, r: url("registration_status", e.pk, r.pk),
        lambda e, r: url("registration_cancel", e.pk, r.pk),
        lambda e, r: reverse("events:create"),
        lambda e, r: reverse("events:mine"),
        lambda e, r: reverse("events:calendar_reset"),
    ],
)
def test_more_protected_views_anonymous(client, event, path):
    registration = RegistrationFactory(event=event)
    response = client.post(path(event, registration), {"status": "confirmed"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    registration.refresh_from_db()
    assert registration.status == "confirmed"


@pytest.mark.parametrize("name, method", ORGANISER_VIEWS)
def test_organiser_views_forbidden_for_others(client, event, plain_user, name, method):
    client.force_login(plain_user)
    response = getattr(client, method.lower())(url(name, event.pk))
    assert response.status_code == 403


@pytest.mark.parametrize("name", [n for n, _m in ORGANISER_VIEWS])
def test_organiser_views_open_for_staff(client, event, staff_user, name):
    client.force_login(staff_user)
    assert client.get(url(name, event.pk)).status_code == 200


def test_create_forbidden_for_plain_user(client, plain_user):
    client.force_login(plain_user)
    assert client.get(reverse("events:create")).status_code == 403


def test_closed_event_page(client, dk_network, group, plain_user, group_member):
    event = EventFactory(
        network=dk_network, theme_group=group, audience=Event.Audience.GROUP_MEMBERS
    )
    response = client.get(event.get_absolute_url())
    assert response.status_code == 302
    client.force_login(plain_user)
    assert client.get(event.get_absolute_url()).status_code == 403
    client.force_login(group_member)
    assert client.get(event.get_absolute_url()).status_code == 200


def test_event_of_another_network_is_404(client, dk_network, no_network):
    event = EventFactory(network=no_network)
    assert client.get(event.get_absolute_url()).status_code == 404


# --- lists --------------------------------------------------------------------------------


def test_list_filters_pagination_and_empty_state(client, dk_network, group):
    assert "No events are planned" in client.get(url("list")).content.decode()
    EventFactory(network=dk_network, title="Online meeting", format=Event.Format.ONLINE)
    EventFactory(
        network=dk_network,
        title="Workshop on site",
        kind=Event.Kind.WORKSHOP,
        format=Event.Format.ON_SITE,
        theme_group=group,
    )
    content = client.get(url("list")).content.decode()
    assert "Online meeting" in content and "Workshop on site" in content
    content = client.get(url("list"), {"kind": "workshop"}).content.decode()
    assert "Online meeting" not in content and "Workshop on site" in content
    content = client.get(url("list"), {"form": "online"}).content.decode()
    assert "Online meeting" in content and "Workshop on site" not in content
    content = client.get(url("list"), {"group": group.pk}).content.decode()
    assert "Online meeting" not in content and "Workshop on site" in content
    content = client.get(url("list"), {"kind": "conference"}).content.decode()
    assert "No events match the filters." in content
    # bad input is ignored, not an error
    assert client.get(url("list"), {"group": "x", "page": "999"}).status_code == 200


def test_list_paginates(client, dk_network):
    for _ in range(21):
        EventFactory(network=dk_network)
    content = client.get(url("list")).content.decode()
    assert content.count('class="event-list__item') == 20 and 'rel="next"' in content
    assert (
        client.get(url("list"), {"page": 2}).content.decode().count('class="event-list__item') == 1
    )


def test_list_htmx_returns_fragment(client, event):
    response = client.get(url("list"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "<html" not in response.content.decode()
    assert event.title in response.content.decode()


def test_month_view(client, dk_network):
    start = (timezone.now() + datetime.timedelta(days=40)).replace(hour=10)
    event = EventFactory(
        network=dk_network,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        title="Month event",
    )
    local = timezone.localtime(event.starts_at)
    response = client.get(url("month", local.year, local.month))
    assert response.status_code == 200
    assert "Month event" in response.content.decode()
    assert client.get(url("month")).status_code == 200
    assert client.get(url("month", 2026, 13)).status_code == 404


def test_past_view(client, dk_network):
    past = timezone.now() - datetime.timedelta(days=3)
    EventFactory(
        network=dk_network,
        title="Was here",
        starts_at=past,
        ends_at=past + datetime.timedelta(hours=1),
        materials="[Slides](https://x.example)",
    )
    assert "Was here" in client.get(url("past")).content.decode()


# --- the online link reaches confirmed participants only -----------------------------------


def test_detail_hides_link_from_public_and_non_confirmed(client, event, plain_user):
    event.capacity = 1
    event.save()
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert_no_secrets(response.content)
    client.force_login(plain_user)
    assert_no_secrets(client.get(event.get_absolute_url()).content)
    RegistrationFactory(event=event)  # takes the only place
    client.post(url("register", event.pk))
    assert Registration.objects.get(user=plain_user).status == "waiting"
    assert_no_secrets(client.get(event.get_absolute_url()).content)
    assert_no_secrets(client.get(url("ics", event.pk)).content)


def test_detail_shows_link_to_confirmed(client, event, plain_user):
    client.force_login(plain_user)
    response = client.post(url("register", event.pk))
    assert response.status_code == 302
    registration = Registration.objects.get(user=plain_user)
    content = client.get(event.get_absolute_url()).content.decode()
    assert SECRET_LINK in content and SECRET_DETAILS in content and registration.code in content
    ics = icalendar.Calendar.from_ical(client.get(url("ics", event.pk)).content)
    vevent = ics.walk("VEVENT")[0]
    assert SECRET_LINK in str(vevent["DESCRIPTION"]) and SECRET_LINK in str(vevent["LOCATION"])
    # ... and loses it once cancelled
    client.post(url("registration_cancel", event.pk, registration.pk))
    assert_no_secrets(client.get(event.get_absolute_url()).content)


def test_public_ics_parses_and_links_back(client, event):
    response = client.get(url("ics", event.pk))
    assert response["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(response.content)
    vevent = cal.walk("VEVENT")[0]
    assert str(vevent["URL"]) == f"http://testserver/en/events/{event.pk}/"
    assert vevent["SUMMARY"] == event.title
    assert vevent.decoded("DTSTART") == event.starts_at
    assert_no_secrets(response.content)


def test_feeds_never_carry_the_link(client, dk_network, group, plain_user):
    event = EventFactory(network=dk_network, theme_group=group)
    closed = EventFactory(
        network=dk_network,
        theme_group=group,
        title="Members only",
        audience=Event.Audience.GROUP_MEMBERS,
    )
    RegistrationFactory(event=event, user=plain_user, email=plain_user.email)
    client.force_login(plain_user)
    network_feed = client.get(url("network_feed"))
    group_feed = client.get(url("group_feed", group.slug))
    client.post(reverse("events:calendar_reset"))
    token = plain_user.event_calendar_token.token
    client.logout()
    personal = client.get(url("personal_feed", token))
    for response in (network_feed, group_feed, personal):
        assert response.status_code == 200
        assert_no_secrets(response.content)
        cal = icalendar.Calendar.from_ical(response.content)
        uids = [str(v["UID"]) for v in cal.walk("VEVENT")]
        assert f"event-{event.pk}@127.0.0.1" in uids
        assert all(str(v["URL"]).startswith("http://testserver/") for v in cal.walk("VEVENT"))
    assert closed.title not in network_feed.content.decode()
    assert client.get(url("personal_feed", "wrong-token")).status_code == 404


def test_personal_feed_lists_only_own_sign_ups(client, dk_network, plain_user):
    mine = EventFactory(network=dk_network, title="Mine")
    EventFactory(network=dk_network, title="Not mine")
    RegistrationFactory(event=mine, user=plain_user, email=plain_user.email)
    client.force_login(plain_user)
    assert ".ics" not in client.get(reverse("events:mine")).content.decode()
    assert not CalendarToken.objects.filter(user=plain_user).exists()  # a GET writes nothing
    content = client.post(reverse("events:calendar_reset"), follow=True).content.decode()
    token = re.search(r"/calendar/([^\"/]+)\.ics", content).group(1)
    feed = client.get(url("personal_feed", token)).content.decode()
    assert "Mine" in feed and "Not mine" not in feed
    client.post(reverse("events:calendar_reset"))
    assert client.get(url("personal_feed", token)).status_code == 404


def test_api_never_carries_the_link(client, event, plain_user):
    RegistrationFactory(event=event, user=plain_user, email=plain_user.email)
    client.force_login(plain_user)  # even a confirmed participant gets public fields only
    listing = client.get("/api/v1/events")
    detail = client.get(f"/api/v1/events/{event.pk}")
    for response in (listing, detail):
        assert response.status_code == 200
        assert_no_secrets(response.content)
    assert detail.json()["title"] == event.title
    assert detail.json()["url"].endswith(f"/events/{event.pk}/")
    assert "online_url" not in detail.json() and "practical_details" not in detail.json()


# --- sign-up flows -----------------------------------------------------------------------


def test_sign_up_with_questions(client, event, plain_user):
    question = QuestionFactory(event=event, label="Dietary needs", required=True)
    yes_no = QuestionFactory(event=event, label="Dinner?", kind=Question.Kind.YES_NO, required=True)
    client.force_login(plain_user)
    content = client.get(event.get_absolute_url()).content.decode()
    assert "Dietary needs" in content
    response = client.post(url("register", event.pk), {f"q_{question.pk}": ""})
    assert response.status_code == 200 and not Registration.objects.exists()
    response = client.post(
        url("register", event.pk), {f"q_{question.pk}": "Vegan", f"q_{yes_no.pk}": "yes"}
    )
    assert response.status_code == 302
    assert Registration.objects.get().answers.count() == 2


def test_sign_up_colleague(
    client, event, plain_user, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(plain_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("register_guest", event.pk),
            {
                "name": "Vera Frivillig",
                "email": "vera@frivillig.example",
                "organisation": "Frivilligcenter",
            },
        )
    assert response.status_code == 302
    guest = Registration.objects.get(email="vera@frivillig.example")
    assert guest.registered_by == plain_user and guest.user is None
    # the colleague sees and may cancel the guest on the event page
    assert "Vera Frivillig" in client.get(event.get_absolute_url()).content.decode()
    # the guest cancels through the link in their e-mail
    link = re.search(r"http://\S+/events/cancel/\S+/", mailoutbox[0].body).group(0)
    client.logout()
    path = link.split("http://127.0.0.1:8000")[-1]
    assert client.get(path).status_code == 200
    client.post(path)
    guest.refresh_from_db()
    assert guest.status == "cancelled"
    assert client.get(path.replace("/cancel/", "/cancel/x")).status_code == 404


def test_public_sign_up_with_email_confirmation(
    client, event, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("register_public", event.pk),
            {
                "name": "Pia Borger",
                "email": "pia@borger.example",
                "organisation": "",
                "consent": "on",
            },
        )
    assert response.status_code == 200 and "Check your e-mail" in response.content.decode()
    assert not Registration.objects.exists()
    link = re.search(r"http://testserver(/\S+/register/confirm/\S+/)", mailoutbox[0].body)
    path = link.group(1)
    assert client.get(path).status_code == 200  # a mail scanner's GET changes nothing
    assert not Registration.objects.exists()
    response = client.post(path)
    assert "You are signed up" in response.content.decode()
    registration = Registration.objects.get()
    assert registration.email == "pia@borger.example" and registration.user is None
    client.post(path)  # twice: still one
    assert Registration.objects.count() == 1
    assert client.get(path[:-5] + "xxxx/").status_code == 400


def test_public_sign_up_needs_public_event(client, dk_network, plain_user):
    event = EventFactory(network=dk_network, audience=Event.Audience.LOGGED_IN)
    response = client.get(url("register_public", event.pk))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(plain_user)
    response = client.get(url("register_public", event.pk))
    assert response["Location"] == url("register", event.pk)


def test_registration_cancel_by_stranger_forbidden(client, event, plain_user):
    registration = RegistrationFactory(event=event)
    client.force_login(plain_user)
    response = client.post(url("registration_cancel", event.pk, registration.pk))
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.status == "confirmed"


# --- organisers --------------------------------------------------------------------------


def test_participants_list_exports_and_status_changes(client, event, staff_user):
    question = QuestionFactory(event=event, label="Diet")
    event.capacity = 1
    event.save()
    first = RegistrationFactory(event=event, name="=HYPERLINK(1)")
    first.answers.create(question=question, value="Vegan")
    second = RegistrationFactory(event=event, status=Registration.Status.WAITING, name="Bo")
    client.force_login(staff_user)
    content = client.get(url("participants", event.pk)).content.decode()
    assert "Vegan" in content and first.code in content and "Bo" in content
    csv_text = client.get(url("export", event.pk, "csv")).content.decode("utf-8-sig")
    assert "Vegan" in csv_text and "'=HYPERLINK(1)" in csv_text
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(client.get(url("export", event.pk, "xlsx")).content))
    values = [c.value for row in workbook.active.iter_rows() for c in row]
    assert "Vegan" in values and "Bo" in values
    assert client.get(url("export", event.pk, "pdf")).status_code == 404
    # the full event refuses a second confirmed, with a message, not a 500
    response = client.post(
        url("registration_status", event.pk, second.pk), {"status": "confirmed"}, follow=True
    )
    assert "The event is full" in response.content.decode()
    client.post(url("registration_status", event.pk, first.pk), {"status": "cancelled"})
    second.refresh_from_db()
    assert second.status == "confirmed"


def test_approve_from_participants_page(client, event, staff_user):
    registration = RegistrationFactory(event=event, status=Registration.Status.AWAITING_APPROVAL)
    client.force_login(staff_user)
    client.post(url("registration_status", event.pk, registration.pk), {"action": "approve"})
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_check_in_page_and_htmx(client, event, staff_user):
    registration = RegistrationFactory(event=event)
    client.force_login(staff_user)
    response = client.post(
        url("check_in", event.pk), {"code": registration.code.lower()}, HTTP_HX_REQUEST="true"
    )
    content = response.content.decode()
    assert "<html" not in content and "is checked in" in content
    registration.refresh_from_db()
    assert registration.checked_in_at and registration.attended
    response = client.post(url("check_in", event.pk), {"code": "NOPE42"})
    assert "No registration has the code" in response.content.decode()


def test_attendance_and_no_shows(client, dk_network, staff_user):
    past = timezone.now() - datetime.timedelta(days=2)
    event = EventFactory(
        network=dk_network, starts_at=past, ends_at=past + datetime.timedelta(hours=2)
    )
    came, stayed_home = RegistrationFactory(event=event), RegistrationFactory(event=event)
    client.force_login(staff_user)
    client.post(url("attendance", event.pk), {"attended": [str(came.pk)]})
    stayed_home.refresh_from_db()
    assert stayed_home.attended is False
    content = client.get(url("participants", event.pk)).content.decode()
    assert re.search(r"<strong>1</strong>\s*no-shows", content)


def test_message_page(client, event, staff_user, mailoutbox, django_capture_on_commit_callbacks):
    RegistrationFactory(event=event)
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("message", event.pk), {"subject": "Parking", "body": "Gate B"})
    assert response.status_code == 302 and len(mailoutbox) == 1
    assert "Parking" in mailoutbox[0].subject


def _form_data(**overrides):
    start = timezone.localtime(timezone.now() + datetime.timedelta(days=20)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    data = {
        "title": "Ny workshop",
        "description": "Om samskabelse",
        "kind": "workshop",
        "theme_group": "",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + datetime.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
        "format": "on_site",
        "venue": "Rådhuset",
        "address": "Torvet 1",
        "online_url": "",
        "practical_details": "",
        "contact_name": "",
        "contact_email": "",
        "audience": "public",
        "capacity": "25",
        "signup_opens_at": "",
        "signup_closes_at": "",
        "reminder_hours": "24",
        "materials": "",
        "invitations": "",
        "agenda-TOTAL_FORMS": "1",
        "agenda-INITIAL_FORMS": "0",
        "agenda-0-position": "1",
        "agenda-0-time": "10:00",
        "agenda-0-title": "Velkomst",
        "agenda-0-description": "",
        "questions-TOTAL_FORMS": "1",
        "questions-INITIAL_FORMS": "0",
        "questions-0-position": "1",
        "questions-0-label": "Kostbehov",
        "questions-0-kind": "text",
        "questions-0-choices": "",
    }
    data.update(overrides)
    return data


def test_create_edit_and_cancel_event_without_admin(
    client, dk_network, staff_user, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(staff_user)
    assert client.get(reverse("events:create")).status_code == 200
    response = client.post(reverse("events:create"), _form_data())
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get(title="Ny workshop")
    assert event.created_by == staff_user and event.capacity == 25
    assert timezone.localtime(event.starts_at).hour == 10
    assert str(event.starts_at.tzinfo) == "UTC" or event.starts_at.utcoffset().seconds == 0
    assert [a.title for a in event.agenda_items.all()] == ["Velkomst"]
    assert [q.label for q in event.questions.all()] == ["Kostbehov"]
    RegistrationFactory(event=event, language="en")
    # bad input: an error in the form, nothing saved
    response = client.post(
        url("edit", event.pk),
        _form_data(ends_at="2000-01-01T10:00", **{"agenda-0-id": "", "questions-0-id": ""}),
    )
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    # move it: participants are told
    start = timezone.localtime(event.starts_at) + datetime.timedelta(days=1)
    data = _form_data(
        starts_at=start.strftime("%Y-%m-%dT%H:%M"),
        ends_at=(start + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
    )
    data.update({"agenda-TOTAL_FORMS": "0", "questions-TOTAL_FORMS": "0"})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url("edit", event.pk), data).status_code == 302
    assert len(mailoutbox) == 1 and "Changed" in mailoutbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("cancel", event.pk), {"message": "Sorry"})
    event.refresh_from_db()
    assert event.is_cancelled and "Cancelled" in mailoutbox[-1].subject
    assert client.get(url("edit", event.pk)).status_code == 302


def test_coordinator_creates_event_for_own_group_only(client, dk_network, group, coordinator):
    client.force_login(coordinator)
    content = client.get(reverse("events:create")).content.decode()
    assert group.name in content
    response = client.post(reverse("events:create"), _form_data(theme_group=""))
    assert response.status_code == 200 and not Event.objects.exists()
    response = client.post(reverse("events:create"), _form_data(theme_group=str(group.pk)))
    assert response.status_code == 302
    assert Event.objects.get().theme_group == group


def test_pages_in_three_languages(client, event, staff_user):
    client.force_login(staff_user)
    for lang in ("da", "nb", "en"):
        for path in (
            f"/{lang}/events/",
            f"/{lang}/events/{event.pk}/",
            f"/{lang}/events/{event.pk}/participants/",
            f"/{lang}/events/month/",
        ):
            response = client.get(path)
            assert response.status_code == 200, path
            assert f'lang="{lang}"' in response.content.decode()


def test_other_user_sees_sign_up_button(client, event):
    user = UserFactory()
    client.force_login(user)
    assert url("register", event.pk) in client.get(event.get_absolute_url()).content.decode()


def test_month_view_filters(client, dk_network):
    start = (timezone.now() + datetime.timedelta(days=3)).replace(hour=10)
    EventFactory(
        network=dk_network,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        title="Konferencen",
        kind=Event.Kind.CONFERENCE,
    )
    EventFactory(
        network=dk_network,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        title="Temamødet",
    )
    local = timezone.localtime(start)
    content = client.get(url("month", local.year, local.month), {"kind": "conference"}).content
    assert b"Konferencen" in content and "Temamødet" not in content.decode()


def test_public_sign_up_mails_are_rate_limited(
    client, event, mailoutbox, django_capture_on_commit_callbacks
):
    data = {"name": "Spam", "email": "victim@test.example", "consent": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(12):
            response = client.post(url("register_public", event.pk), data)
    assert len(mailoutbox) == 10
    assert "Too many sign-ups" in response.content.decode()


def test_waiting_list_position_is_shown(client, event, plain_user):
    event.capacity = 0
    event.save()
    RegistrationFactory(event=event, status=Registration.Status.WAITING)
    client.force_login(plain_user)
    client.post(url("register", event.pk))
    assert "number 2 on the waiting list" in client.get(event.get_absolute_url()).content.decode()
