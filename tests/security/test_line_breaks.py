"""A line break in a title, name or subject never breaks a calendar, a sign-up or a mail.

Forms and services put single-line fields on one line; the calendar and the mail code do
not trust the database either (rows written before, or by other means, may hold breaks).
"""

import icalendar
import pytest
from django.urls import reverse

from samskab.cases import services as case_services
from samskab.cases.models import Case
from samskab.cases.taxonomy import seed
from samskab.core.tasks import send_email
from samskab.core.text import fold_line_breaks, single_line
from samskab.events import services as event_services
from samskab.events.models import Event, Registration
from samskab.groups.models import ThemeGroup
from tests.cases.factories import CaseFactory
from tests.events.factories import EventFactory, RegistrationFactory, ThemeGroupFactory
from tests.events.test_views import _form_data

pytestmark = pytest.mark.django_db

BROKEN = "Temamøde\r\nBcc: stranger@evil.example\nX-Injected: 1"


def _calendar(content: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(content)


def _event_with_broken_title(network, **kwargs) -> Event:
    event = EventFactory(network=network, **kwargs)
    # Straight to the database, as an older row or another writer would have it.
    Event.objects.filter(pk=event.pk).update(
        title=BROKEN, contact_name="Anne\nKjær", venue="Rådhuset\r\nSal 2"
    )
    event.refresh_from_db()
    return event


def _assert_one_line(text: str):
    assert "\n" not in text and "\r" not in text, repr(text)


# --- calendars ------------------------------------------------------------------------------


def test_ics_of_an_event_with_a_line_break_in_its_title(client, dk_network):
    event = _event_with_broken_title(dk_network)
    response = client.get(reverse("events:ics", args=[event.pk]))
    assert response.status_code == 200
    vevent = _calendar(response.content).walk("VEVENT")[0]
    assert str(vevent["SUMMARY"]) == single_line(BROKEN)
    assert "Sal 2" in str(vevent["LOCATION"]) and "\n" not in str(vevent["LOCATION"])
    # no property of its own came out of the title
    assert b"\r\nBcc:" not in response.content and b"\r\nX-INJECTED" not in response.content


def test_feeds_with_a_line_break_in_a_title_or_group_name(client, dk_network):
    group = ThemeGroupFactory(network=dk_network)
    ThemeGroup.objects.filter(pk=group.pk).update(name="Ældre\nog sundhed")
    _event_with_broken_title(dk_network, theme_group=group)
    feed = client.get(reverse("events:network_feed"))
    assert feed.status_code == 200
    assert len(_calendar(feed.content).walk("VEVENT")) == 1
    group_feed = client.get(reverse("events:group_feed", args=[group.slug]))
    assert group_feed.status_code == 200
    _assert_one_line(str(_calendar(group_feed.content)["X-WR-CALNAME"]))


# --- sign-up and the mails about it --------------------------------------------------------


def test_sign_up_for_an_event_with_a_line_break_in_its_title(
    client, dk_network, plain_user, mailoutbox, django_capture_on_commit_callbacks
):
    event = _event_with_broken_title(dk_network)
    client.force_login(plain_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:register", args=[event.pk]))
    assert response.status_code == 302
    assert Registration.objects.filter(event=event, user=plain_user).exists()
    (mail,) = mailoutbox
    _assert_one_line(mail.subject)
    assert "Temamøde Bcc: stranger@evil.example" in mail.subject
    assert mail.to == [plain_user.email] and not mail.bcc
    ics = next(content for _name, content, _type in mail.attachments)
    assert str(_calendar(ics).walk("VEVENT")[0]["SUMMARY"]) == single_line(BROKEN)


def test_organiser_message_with_a_line_break_in_the_subject(
    dk_network, staff_user, mailoutbox, django_capture_on_commit_callbacks
):
    event = _event_with_broken_title(dk_network)
    RegistrationFactory(event=event)
    with django_capture_on_commit_callbacks(execute=True):
        sent = event_services.event_message_participants(
            actor=staff_user, event=event, subject="Nyt\r\nBcc: x@evil.example", body="Hej"
        )
    assert sent == 1 and len(mailoutbox) == 1
    _assert_one_line(mailoutbox[0].subject)


def test_the_mail_task_puts_any_subject_on_one_line(mailoutbox):
    send_email.call(subject="Hej\r\nBcc: x@evil.example", body="Tekst", to=["a@test.example"])
    (mail,) = mailoutbox
    assert mail.subject == "Hej Bcc: x@evil.example" and not mail.bcc


def test_follower_mail_for_a_case_with_a_line_break_in_its_title(
    dk_network, member_org, plain_user, org_editor, mailoutbox, django_capture_on_commit_callbacks
):
    seed(*_taxonomy_models())
    case = CaseFactory(network=dk_network, organisation=member_org)
    Case.objects.filter(pk=case.pk).update(title=BROKEN)
    case.refresh_from_db()
    case_services.case_follow(actor=plain_user, case=case)
    with django_capture_on_commit_callbacks(execute=True):
        case_services.comment_create(actor=org_editor, case=case, text="Godt arbejde!")
    (mail,) = mailoutbox  # not lost in the worker
    assert mail.to == [plain_user.email]
    _assert_one_line(mail.subject)


def _taxonomy_models():
    from samskab.cases.models import InterventionType, Topic

    return Topic, InterventionType


# --- forms and services put single-line fields on one line ---------------------------------


def test_event_form_folds_line_breaks_in_single_line_fields(client, dk_network, staff_user):
    client.force_login(staff_user)
    data = _form_data(title="Ny\r\nworkshop", venue="Rådhuset\nSal 2")
    data["agenda-0-title"] = "Vel\nkomst"
    data["questions-0-label"] = "Kost\r\nbehov"
    response = client.post(reverse("events:create"), data)
    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.title, event.venue) == ("Ny workshop", "Rådhuset Sal 2")
    assert event.agenda_items.get().title == "Vel komst"
    assert event.questions.get().label == "Kost behov"


def test_event_services_fold_line_breaks(dk_network, staff_user, plain_user):
    event = EventFactory(network=dk_network)
    event = event_services.event_update(
        actor=staff_user, event=event, data={"title": "A\nB", "contact_name": "C\r\nD"}
    )
    event.refresh_from_db()
    assert (event.title, event.contact_name) == ("A B", "C D")
    guest = event_services.registration_create(
        actor=plain_user,
        event=event,
        attendee=event_services.Attendee("Vera\nFrivillig", "vera@test.example", "Center\r\n1"),
    )
    guest.refresh_from_db()
    assert (guest.name, guest.organisation) == ("Vera Frivillig", "Center 1")


def test_guest_form_folds_line_breaks(client, dk_network, plain_user):
    event = EventFactory(network=dk_network)
    client.force_login(plain_user)
    response = client.post(
        reverse("events:register_guest", args=[event.pk]),
        {"name": "Vera\r\nFrivillig", "email": "vera@test.example", "organisation": ""},
    )
    assert response.status_code == 302
    assert Registration.objects.get(email="vera@test.example").name == "Vera Frivillig"


def test_case_form_and_services_fold_line_breaks(client, dk_network, member_org, org_editor):
    from tests.cases.test_workflow import form_data

    seed(*_taxonomy_models())
    client.force_login(org_editor)
    response = client.post(
        "/da/cases/new/",
        form_data(member_org, title="Frugt\r\ni frikvarteret", contact_name="Anne\nKjær"),
    )
    assert response.status_code == 302
    case = Case.objects.get()
    assert (case.title, case.contact_name) == ("Frugt i frikvarteret", "Anne Kjær")
    case = case_services.case_update(
        actor=org_editor, case=case, data={"quote_speaker": "Borgmester\nX", "links": []}
    )
    case.refresh_from_db()
    assert case.quote_speaker == "Borgmester X"
    case_services.case_update(
        actor=org_editor, case=case, data={"links": [("Side\r\nét", "https://x.example/")]}
    )
    assert case.links.get().title == "Side ét"


def test_single_line_helpers():
    assert single_line(" a\r\n\r\n  b\tc\u2028d\x00e ") == "a b c d e"
    assert single_line(None) == ""
    event = Event(title="x\ny", description="keeps\nits lines")
    fold_line_breaks(event)
    assert event.title == "x y" and event.description == "keeps\nits lines"
