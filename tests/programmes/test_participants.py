"""Item 2 of Programmes II: an accepted municipality's people registered to every session of
their track in one step (the events' registrations), the list kept by the municipality, a
session declined with a substitute."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from samskab.events.models import Registration
from samskab.programmes import selectors, services
from samskab.programmes.models import Application, Participant, Substitution

from .conftest import complete_answers, make_call

pytestmark = pytest.mark.django_db


def url(name, *args, lang="en"):
    with translation.override(lang):
        return reverse(f"programmes:{name}", args=args)


@pytest.fixture
def world(staff_user, dk_network, member_org):
    call = make_call(staff_user, dk_network, year=2030)
    edition = call.edition
    services.edition_save(
        actor=staff_user,
        programme=edition.programme,
        data={},
        tracks=["Lederspor", "Medarbejderspor"],
        edition=edition,
    )
    leaders, employees = list(edition.tracks.all())
    application = Application.objects.create(
        call=call,
        organisation=member_org,
        status=Application.Status.ACCEPTED,
        form_version=call.form.current(),
        answers=complete_answers(member_org.name),
    )
    start = timezone.now() + datetime.timedelta(days=30)
    sessions = []
    for n, tracks in enumerate([[leaders, employees], [employees], [employees]], start=1):
        starts = start + datetime.timedelta(days=n)
        sessions.append(
            services.session_create(
                actor=staff_user,
                edition=edition,
                data={
                    "kind": "course_day",
                    "title": f"{n}. kursusdag",
                    "starts_at": starts,
                    "ends_at": starts + datetime.timedelta(hours=6),
                    "format": "online",
                },
                topics={t.pk: {"da": "Emne"} for t in tracks},
            )
        )
    people = services.participants_set(
        actor=staff_user,
        application=application,
        rows=[
            {"name": "Lis Leder", "title": "Chef", "email": "lis@testby.dk", "track": leaders},
            {"name": "Mads Medarbejder", "email": "mads@testby.dk", "track": employees},
            {"name": "Uden Adresse", "track": employees},
        ],
    )
    return {
        "edition": edition,
        "application": application,
        "leaders": leaders,
        "employees": employees,
        "sessions": sessions,
        "people": people,
    }


def test_the_people_list_is_prefilled_from_the_application(world):
    rows = selectors.participants_from_answers(
        world["application"], [world["leaders"], world["employees"]]
    )
    assert [(r["name"], r["track"]) for r in rows] == [
        ("Lis Leder", world["leaders"]),
        ("Mads Medarbejder", world["employees"]),
    ]


def test_one_step_registers_everyone_to_every_session_of_their_track(
    world, staff_user, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        counts = services.edition_register(actor=staff_user, edition=world["edition"])
    assert counts == {"registered": 4, "already": 0, "without_email": 1}
    by_email = {}
    for r in Registration.objects.active():
        by_email.setdefault(r.email, set()).add(r.event.title)
    assert by_email == {
        "lis@testby.dk": {"1. kursusdag"},
        "mads@testby.dk": {"1. kursusdag", "2. kursusdag", "3. kursusdag"},
    }
    assert all(r.status == "confirmed" for r in Registration.objects.all())
    assert len(mail.outbox) == 4  # the events' confirmation
    assert any(a[0].endswith(".ics") for a in mail.outbox[0].attachments)
    again = services.edition_register(actor=staff_user, edition=world["edition"])
    assert again["registered"] == 0 and again["already"] == 4


def test_capacity_is_the_events_own(world, staff_user):
    event = world["sessions"][0].event
    event.capacity = 1
    event.save()
    services.edition_register(actor=staff_user, edition=world["edition"])
    statuses = sorted(event.registrations.values_list("status", flat=True))
    assert statuses == ["confirmed", "waiting"]


@pytest.mark.parametrize("who", ["org_editor", "admin_contact", "other_network_staff"])
def test_only_the_secretariat_registers_the_edition(request, world, who):
    with pytest.raises(PermissionDenied):
        services.edition_register(actor=request.getfixturevalue(who), edition=world["edition"])
    assert not Registration.objects.exists()


def test_the_municipalitys_contact_keeps_the_list(world, admin_contact, other_org_editor):
    services.participants_set(
        actor=admin_contact,
        application=world["application"],
        rows=[{"name": "Ny Person", "email": "ny@testby.dk", "track": world["employees"]}],
    )
    assert list(Participant.objects.values_list("name", flat=True)) == ["Ny Person"]
    with pytest.raises(PermissionDenied):
        services.participants_set(actor=other_org_editor, application=world["application"], rows=[])
    with pytest.raises(ValidationError):
        services.participants_set(
            actor=admin_contact,
            application=world["application"],
            rows=[{"name": "A", "email": "a@x.dk"}, {"name": "B", "email": "A@x.dk"}],
        )
    assert Participant.objects.count() == 1


def test_a_participant_declines_one_day_and_names_a_substitute(world, staff_user, admin_contact):
    services.edition_register(actor=staff_user, edition=world["edition"])
    mads = world["people"][1]
    second = world["sessions"][1]
    services.session_decline(
        actor=admin_contact,
        participant=mads,
        session=second,
        substitute_name="Sofie Stedfortræder",
        substitute_email="sofie@testby.dk",
    )
    active = set(second.event.registrations.active().values_list("email", "organisation"))
    assert active == {("sofie@testby.dk", world["application"].organisation.name)}
    assert Registration.objects.filter(email="mads@testby.dk").active().count() == 2
    # Registering again leaves the declined day alone.
    assert services.edition_register(actor=staff_user, edition=world["edition"])["registered"] == 0
    with pytest.raises(ValidationError):
        services.session_decline(actor=admin_contact, participant=mads, session=second)


def test_decline_refuses_a_session_outside_the_track_and_others(
    world, staff_user, other_org_editor
):
    services.edition_register(actor=staff_user, edition=world["edition"])
    lis = world["people"][0]
    with pytest.raises(ValidationError):
        services.session_decline(actor=staff_user, participant=lis, session=world["sessions"][2])
    with pytest.raises(PermissionDenied):
        services.session_decline(
            actor=other_org_editor, participant=lis, session=world["sessions"][0]
        )
    with pytest.raises(ValidationError):
        services.session_decline(
            actor=staff_user,
            participant=lis,
            session=world["sessions"][0],
            substitute_name="Kun navn",
        )
    assert not Substitution.objects.exists()
    assert Registration.objects.active().filter(email="lis@testby.dk").count() == 1


# --- pages --------------------------------------------------------------------------------


def test_contact_edits_the_list_through_the_form(client, world, admin_contact):
    client.force_login(admin_contact)
    path = url("participants", world["application"].pk)
    page = client.get(path)
    assert page.status_code == 200 and "Lis Leder" in page.content.decode()
    data = {"p-TOTAL_FORMS": "2", "p-INITIAL_FORMS": "0"}
    data.update({"p-0-name": "Anna", "p-0-email": "anna@testby.dk"})
    data.update({"p-0-track": str(world["employees"].pk), "p-1-email": "x@testby.dk"})
    response = client.post(path, data)
    assert response.status_code == 200
    assert "Give the participant&#x27;s name." in response.content.decode()
    data.pop("p-1-email")
    assert client.post(path, data).status_code == 302
    assert list(Participant.objects.values_list("name", flat=True)) == ["Anna"]


def test_staff_register_in_one_step_from_the_edition_page(client, world, staff_user):
    client.force_login(staff_user)
    edition = world["edition"]
    page = client.get(url("edition", edition.programme.slug, edition.year))
    assert "Register every municipality" in page.content.decode()
    response = client.post(url("register", edition.programme.slug, edition.year), follow=True)
    assert "4 new registrations" in response.content.decode()
    assert Registration.objects.active().count() == 4


def test_decline_page(client, world, staff_user, admin_contact, plain_user):
    services.edition_register(actor=staff_user, edition=world["edition"])
    mads = world["people"][1]
    path = url("session_decline", world["application"].pk, mads.pk)
    client.force_login(plain_user)
    assert client.get(path).status_code == 403
    client.force_login(admin_contact)
    assert client.get(path).status_code == 200
    response = client.post(
        path, {"session": str(world["sessions"][2].pk), "substitute_name": "Sofie"}
    )
    assert "Give both the substitute" in response.content.decode()
    response = client.post(
        path,
        {
            "session": str(world["sessions"][2].pk),
            "substitute_name": "Sofie",
            "substitute_email": "sofie@testby.dk",
        },
    )
    assert response.status_code == 302
    assert Substitution.objects.get().email == "sofie@testby.dk"
