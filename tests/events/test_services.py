import datetime

import icalendar
import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from samskab.events import services
from samskab.events.models import Event, Invitation, Question, Registration
from samskab.events.services import Attendee
from tests.factories import UserFactory

from .conftest import SECRET_LINK
from .factories import EventFactory, QuestionFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def sign_up(event, user=None, **kwargs):
    return services.registration_create(actor=user or UserFactory(), event=event, **kwargs)


def ics_of(message):
    for _filename, content, mimetype in message.attachments:
        if mimetype == "text/calendar":
            return icalendar.Calendar.from_ical(content)
    return None


def test_one_click_sign_up_confirms_and_mails_private_ics(
    event, plain_user, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = sign_up(event, plain_user)
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.user == plain_user and registration.email == plain_user.email
    assert len(registration.code) == 6
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [plain_user.email]
    assert registration.code in mail.body
    assert SECRET_LINK in mail.body
    cal = ics_of(mail)
    vevent = cal.walk("VEVENT")[0]
    assert SECRET_LINK in str(vevent["DESCRIPTION"]) + str(vevent.get("LOCATION", ""))
    assert str(vevent["URL"]).endswith(f"/events/{event.pk}/")


def test_capacity_waiting_list_in_order_and_promotion(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    event.capacity = 2
    event.save()
    first, second, third, fourth = (sign_up(event) for _ in range(4))
    assert [r.status for r in (first, second, third, fourth)] == [
        "confirmed",
        "confirmed",
        "waiting",
        "waiting",
    ]
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(actor=first.user, registration=first)
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert third.status == "confirmed" and fourth.status == "waiting"
    told = [m for m in mailoutbox if m.to == [third.email]]
    assert len(told) == 1 and SECRET_LINK in told[0].body and ics_of(told[0])


def test_waiting_list_mail_never_carries_the_link(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    event.capacity = 0
    event.save()
    with django_capture_on_commit_callbacks(execute=True):
        registration = sign_up(event)
    assert registration.status == "waiting"
    assert SECRET_LINK not in mailoutbox[0].body
    assert "9911" not in mailoutbox[0].body
    assert ics_of(mailoutbox[0]) is None


def test_unlimited_capacity(event):
    assert all(sign_up(event).status == "confirmed" for _ in range(5))


def test_cancelling_a_waiting_registration_promotes_nobody(event):
    event.capacity = 1
    event.save()
    _a, b, c = sign_up(event), sign_up(event), sign_up(event)
    services.registration_cancel(actor=b.user, registration=b)
    c.refresh_from_db()
    assert c.status == "waiting"


def test_duplicate_sign_up_refused_and_allowed_after_cancel(event, plain_user):
    first = sign_up(event, plain_user)
    with pytest.raises(ValidationError):
        sign_up(event, plain_user)
    services.registration_cancel(actor=plain_user, registration=first)
    assert sign_up(event, plain_user).status == "confirmed"


def test_approval_required(event, staff_user, mailoutbox, django_capture_on_commit_callbacks):
    event.requires_approval = True
    event.capacity = 1
    event.save()
    a, b = sign_up(event), sign_up(event)
    assert a.status == b.status == "awaiting_approval"
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_approve(actor=staff_user, registration=a)
    a.refresh_from_db()
    assert a.status == "confirmed" and SECRET_LINK in mailoutbox[-1].body
    services.registration_approve(actor=staff_user, registration=b)
    b.refresh_from_db()
    assert b.status == "waiting"
    with pytest.raises(PermissionDenied):
        services.registration_approve(actor=a.user, registration=b)


def test_questions_required_choice_and_yes_no(event, plain_user):
    diet = QuestionFactory(event=event, label="Diet", required=True)
    choice = QuestionFactory(event=event, label="Track", kind=Question.Kind.CHOICE, choices="A\nB")
    yes_no = QuestionFactory(event=event, label="Dinner", kind=Question.Kind.YES_NO)
    with pytest.raises(ValidationError):
        sign_up(event, plain_user, answers={})
    with pytest.raises(ValidationError):
        sign_up(event, plain_user, answers={diet.pk: "x", choice.pk: "C"})
    with pytest.raises(ValidationError):
        sign_up(event, plain_user, answers={diet.pk: "x", yes_no.pk: "maybe"})
    registration = sign_up(
        event, plain_user, answers={diet.pk: "Vegetarian", choice.pk: "B", yes_no.pk: "yes"}
    )
    assert {a.question.label: a.value for a in registration.answers.all()} == {
        "Diet": "Vegetarian",
        "Track": "B",
        "Dinner": "yes",
    }


def test_guest_sign_up_by_colleague(
    event, plain_user, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        guest = services.registration_create(
            actor=plain_user,
            event=event,
            attendee=Attendee("Vera Frivillig", "Vera@Frivillig.example", "Frivilligcenter"),
        )
    assert guest.user is None and guest.registered_by == plain_user
    assert guest.email == "vera@frivillig.example"
    assert mailoutbox[0].to == ["vera@frivillig.example"]
    assert "/events/cancel/" in mailoutbox[0].body  # a way to cancel without an account
    # The colleague may still sign up themselves.
    assert sign_up(event, plain_user).status == "confirmed"


def test_guest_sign_up_not_allowed_for_closed_audience(
    dk_network, group, group_member, coordinator
):
    event = EventFactory(
        network=dk_network, theme_group=group, audience=Event.Audience.GROUP_MEMBERS
    )
    with pytest.raises(PermissionDenied):
        services.registration_create(
            actor=group_member, event=event, attendee=Attendee("X", "x@test.example")
        )
    # ... but the group's coordinators (organisers) may.
    assert services.registration_create(
        actor=coordinator, event=event, attendee=Attendee("X", "x@test.example")
    )


def test_public_sign_up_without_account_only_for_public_events(dk_network):
    public = EventFactory(network=dk_network)
    closed = EventFactory(network=dk_network, audience=Event.Audience.LOGGED_IN)
    registration = services.registration_create(
        actor=AnonymousUser(), event=public, attendee=Attendee("Pia", "pia@test.example")
    )
    assert registration.status == "confirmed" and registration.user is None
    with pytest.raises(PermissionDenied):
        services.registration_create(
            actor=AnonymousUser(), event=closed, attendee=Attendee("Pia", "pia@test.example")
        )
    with pytest.raises(PermissionDenied):  # no actor is never enough
        services.registration_create(
            actor=None, event=public, attendee=Attendee("Ole", "ole@test.example")
        )


@pytest.mark.parametrize(
    "audience, who, allowed",
    [
        (Event.Audience.LOGGED_IN, "plain_user", True),
        (Event.Audience.GROUP_MEMBERS, "plain_user", False),
        (Event.Audience.GROUP_MEMBERS, "group_member", True),
        (Event.Audience.ADMIN_CONTACTS, "admin_contact", True),
        (Event.Audience.ADMIN_CONTACTS, "political_contact", False),
        (Event.Audience.POLITICAL_CONTACTS, "political_contact", True),
        (Event.Audience.CONTACTS, "political_contact", True),
        (Event.Audience.CONTACTS, "org_editor", False),
        (Event.Audience.INVITED, "plain_user", False),
    ],
)
def test_audience_decides_who_may_sign_up(request, dk_network, group, audience, who, allowed):
    event = EventFactory(network=dk_network, audience=audience, theme_group=group)
    user = request.getfixturevalue(who)
    if allowed:
        assert sign_up(event, user).status == "confirmed"
    else:
        with pytest.raises(PermissionDenied):
            sign_up(event, user)


def test_invited_only(dk_network, plain_user):
    event = EventFactory(network=dk_network, audience=Event.Audience.INVITED)
    Invitation.objects.create(event=event, email=plain_user.email.lower())
    assert sign_up(event, plain_user).status == "confirmed"


@pytest.mark.parametrize(
    "opens, closes, ok",
    [
        (1, None, False),  # opens tomorrow
        (None, -1, False),  # closed yesterday
        (-1, 1, True),
    ],
)
def test_sign_up_window(event, opens, closes, ok):
    now = timezone.now()
    event.signup_opens_at = now + datetime.timedelta(days=opens) if opens else None
    event.signup_closes_at = now + datetime.timedelta(days=closes) if closes else None
    event.save()
    if ok:
        assert sign_up(event).status == "confirmed"
    else:
        with pytest.raises(ValidationError):
            sign_up(event)


def test_organiser_may_add_guests_outside_the_window(event, staff_user):
    event.signup_closes_at = timezone.now() - datetime.timedelta(hours=1)
    event.save()
    registration = services.registration_create(
        actor=staff_user, event=event, attendee=Attendee("Late", "late@test.example")
    )
    assert registration.status == "confirmed"


def test_no_sign_up_to_cancelled_or_started_event(event, staff_user):
    services.event_cancel(actor=staff_user, event=event)
    with pytest.raises(ValidationError):
        sign_up(event)
    started = EventFactory(
        network=event.network, starts_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    with pytest.raises(ValidationError):
        sign_up(started)


def test_set_status_respects_capacity_and_fills_from_waiting_list(event, staff_user):
    event.capacity = 1
    event.save()
    a, b = sign_up(event), sign_up(event)
    with pytest.raises(ValidationError):
        services.registration_set_status(actor=staff_user, registration=b, status="confirmed")
    services.registration_set_status(actor=staff_user, registration=a, status="waiting")
    a.refresh_from_db()
    b.refresh_from_db()
    assert b.status == "confirmed"
    assert a.status == "waiting"  # at the back of the queue
    with pytest.raises(PermissionDenied):
        services.registration_set_status(actor=a.user, registration=a, status="confirmed")


def test_raising_capacity_moves_people_up(event, staff_user):
    event.capacity = 1
    event.save()
    sign_up(event)
    waiting = sign_up(event)
    services.event_update(actor=staff_user, event=event, data={"capacity": 2})
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def test_moving_the_event_tells_everyone(
    event, staff_user, mailoutbox, django_capture_on_commit_callbacks
):
    event.capacity = 1
    event.save()
    confirmed, waiting = sign_up(event), sign_up(event)
    mailoutbox.clear()
    new_start = event.starts_at + datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        updated = services.event_update(
            actor=staff_user,
            event=event,
            data={"starts_at": new_start, "ends_at": new_start + datetime.timedelta(hours=2)},
        )
    assert updated.sequence == 1
    assert {m.to[0] for m in mailoutbox} == {confirmed.email, waiting.email}
    to_confirmed = next(m for m in mailoutbox if m.to == [confirmed.email])
    to_waiting = next(m for m in mailoutbox if m.to == [waiting.email])
    assert SECRET_LINK in to_confirmed.body and SECRET_LINK not in to_waiting.body
    assert ics_of(to_confirmed).walk("VEVENT")[0]["SEQUENCE"] == 1
    assert SECRET_LINK not in ics_of(to_waiting).to_ical().decode().replace("\r\n ", "")
    # A change of the description alone is no news.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(actor=staff_user, event=updated, data={"description": "New"})
    assert mailoutbox == []


def test_cancelling_the_event(
    event, staff_user, plain_user, mailoutbox, django_capture_on_commit_callbacks
):
    registration = sign_up(event)
    mailoutbox.clear()
    with pytest.raises(PermissionDenied):
        services.event_cancel(actor=plain_user, event=event)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(actor=staff_user, event=event, message="Illness")
    event.refresh_from_db()
    assert event.is_cancelled
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [registration.email]
    assert "Illness" in mailoutbox[0].body
    vevent = ics_of(mailoutbox[0]).walk("VEVENT")[0]
    assert vevent["STATUS"] == "CANCELLED"
    assert SECRET_LINK not in mailoutbox[0].body


def test_check_in_by_code_and_attendance(event, staff_user):
    a, b, c = sign_up(event), sign_up(event), sign_up(event)
    registration, first = services.registration_check_in(
        actor=staff_user, event=event, code=f" {a.code.lower()} "
    )
    assert registration == a and first
    assert services.registration_check_in(actor=staff_user, event=event, code=a.code)[1] is False
    with pytest.raises(ValidationError):
        services.registration_check_in(actor=staff_user, event=event, code="XXXXXX")
    with pytest.raises(PermissionDenied):
        services.registration_check_in(actor=b.user, event=event, code=b.code)
    services.registration_cancel(actor=c.user, registration=c)
    with pytest.raises(ValidationError):
        services.registration_check_in(actor=staff_user, event=event, code=c.code)
    came = services.registrations_set_attendance(actor=staff_user, event=event, attended_ids={a.pk})
    assert came == 1
    b.refresh_from_db()
    assert b.attended is False


def test_message_all_confirmed(event, staff_user, mailoutbox, django_capture_on_commit_callbacks):
    event.capacity = 2
    event.save()
    a, b, _waiting = sign_up(event), sign_up(event), sign_up(event)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        count = services.event_message_participants(
            actor=staff_user, event=event, subject="Parking", body="Use gate B."
        )
    assert count == 2
    assert sorted(m.to[0] for m in mailoutbox) == sorted([a.email, b.email])
    assert all("Use gate B." in m.body and len(m.to) == 1 for m in mailoutbox)
    with pytest.raises(PermissionDenied):
        services.event_message_participants(actor=a.user, event=event, subject="x", body="y")


def test_reminders_are_sent_once(dk_network, mailoutbox, django_capture_on_commit_callbacks):
    now = timezone.now()
    soon = EventFactory(
        network=dk_network,
        starts_at=now + datetime.timedelta(hours=20),
        ends_at=now + datetime.timedelta(hours=22),
        reminder_hours=24,
    )
    later = EventFactory(
        network=dk_network,
        starts_at=now + datetime.timedelta(days=5),
        ends_at=now + datetime.timedelta(days=5, hours=2),
        reminder_hours=24,
    )
    none = EventFactory(
        network=dk_network,
        starts_at=now + datetime.timedelta(hours=2),
        ends_at=now + datetime.timedelta(hours=3),
        reminder_hours=None,
    )
    confirmed = RegistrationFactory(event=soon)
    RegistrationFactory(event=soon, status=Registration.Status.WAITING)
    RegistrationFactory(event=later)
    RegistrationFactory(event=none)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_event_reminders() == 1
    assert [m.to for m in mailoutbox] == [[confirmed.email]]
    assert SECRET_LINK in mailoutbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_event_reminders() == 0
    assert len(mailoutbox) == 1


def test_reminder_command(dk_network, capsys):
    from django.core.management import call_command

    call_command("send_event_reminders")
    assert "0 reminder" in capsys.readouterr().out


def test_event_create_by_coordinator_only_for_own_group(
    dk_network, group, coordinator, plain_user, staff_user
):
    from .factories import ThemeGroupFactory

    now = timezone.now()
    data = {
        "title": "Møde",
        "starts_at": now + datetime.timedelta(days=3),
        "ends_at": now + datetime.timedelta(days=3, hours=1),
        "format": "online",
        "audience": "group_members",
        "kind": "theme_meeting",
    }
    event = services.event_create(
        actor=coordinator, network=dk_network, data=dict(data, theme_group=group)
    )
    assert event.created_by == coordinator and event.contact_email == coordinator.email
    other = ThemeGroupFactory(network=dk_network)
    with pytest.raises(PermissionDenied):
        services.event_create(
            actor=coordinator, network=dk_network, data=dict(data, theme_group=other)
        )
    with pytest.raises(PermissionDenied):
        services.event_create(
            actor=plain_user, network=dk_network, data=dict(data, theme_group=group)
        )
    with pytest.raises(ValidationError):
        services.event_create(
            actor=staff_user, network=dk_network, data=dict(data, theme_group=None)
        )  # members-only needs a group
    bad = dict(data, audience="public", ends_at=now)
    with pytest.raises(ValidationError):
        services.event_create(actor=staff_user, network=dk_network, data=bad)


def test_times_are_stored_in_utc_and_shown_in_network_time(dk_network, no_network):
    import zoneinfo

    start = datetime.datetime(2027, 6, 1, 10, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Oslo"))
    event = EventFactory(
        network=no_network, starts_at=start, ends_at=start + datetime.timedelta(hours=1)
    )
    event.refresh_from_db()
    assert event.starts_at == start
    assert event.starts_at.astimezone(datetime.UTC).hour == 8


def test_mail_is_written_in_the_participants_language(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(
            actor=AnonymousUser(),
            event=event,
            language="nb",
            attendee=Attendee("Ola", "ola@test.example"),
        )
        services.registration_create(
            actor=AnonymousUser(),
            event=event,
            language="da",
            attendee=Attendee("Mette", "mette@test.example"),
        )
    by_address = {m.to[0]: m for m in mailoutbox}
    assert by_address["ola@test.example"].subject.startswith("Du er påmeldt")
    assert "Bekreftelseskoden din" in by_address["ola@test.example"].body
    assert by_address["mette@test.example"].subject.startswith("Du er tilmeldt")


def test_invited_people_get_an_invitation_once(
    dk_network, staff_user, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(network=dk_network, audience=Event.Audience.INVITED)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(
            actor=staff_user, event=event, data={}, invitations=["A@test.example", "b@test.example"]
        )
    assert sorted(m.to[0] for m in mailoutbox) == ["a@test.example", "b@test.example"]
    assert all(SECRET_LINK not in m.body for m in mailoutbox)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(
            actor=staff_user, event=event, data={}, invitations=["a@test.example", "c@test.example"]
        )
    assert len(mailoutbox) == 3 and mailoutbox[-1].to == ["c@test.example"]
    assert set(event.invitations.values_list("email", flat=True)) == {
        "a@test.example",
        "c@test.example",
    }
