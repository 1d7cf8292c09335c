"""Item 3 of Programmes II: community champions recorded with their consent, target and
most per edition, progress, private to the municipality and the secretariat, invited as
guests to the network meetings and the conference, cancel by the events' signed link,
export and erasure."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from samskab.accounts import personal_data
from samskab.events.emails import cancel_link
from samskab.events.models import Registration
from samskab.programmes import services
from samskab.programmes.models import Application, Champion

from .conftest import complete_answers, make_call

pytestmark = pytest.mark.django_db


def url(name, *args, lang="en"):
    with translation.override(lang):
        return reverse(f"programmes:{name}", args=args)


@pytest.fixture
def world(staff_user, dk_network, member_org):
    call = make_call(staff_user, dk_network, year=2030)
    edition = call.edition
    edition.champion_target, edition.champion_max = 2, 3
    edition.save()
    application = Application.objects.create(
        call=call,
        organisation=member_org,
        status=Application.Status.ACCEPTED,
        form_version=call.form.current(),
        answers=complete_answers(member_org.name),
    )
    track = edition.tracks.get()
    start = timezone.now() + datetime.timedelta(days=30)
    sessions = []
    for n, kind in enumerate(["course_day", "network_meeting", "conference"], start=1):
        starts = start + datetime.timedelta(days=n)
        sessions.append(
            services.session_create(
                actor=staff_user,
                edition=edition,
                data={
                    "kind": kind,
                    "title": kind,
                    "starts_at": starts,
                    "ends_at": starts + datetime.timedelta(hours=5),
                    "format": "online",
                },
                topics={track.pk: {"da": "Emne"}},
            )
        )
    return {"edition": edition, "application": application, "sessions": sessions}


def add(actor, application, n=1, **extra):
    data = {"name": f"Frivillig {n}", "email": f"frivillig{n}@example.org", "consent": True}
    data.update(extra)
    return services.champion_add(actor=actor, application=application, **data)


def test_consent_is_recorded_when_and_to_what(world, admin_contact):
    with translation.override("en"):
        champion = add(admin_contact, world["application"], area="Nordbyen")
    assert champion.consented_at is not None and champion.created_by == admin_contact
    assert champion.consent_text.startswith("I agree that the network keeps my name")
    with pytest.raises(ValidationError) as exc:
        add(admin_contact, world["application"], 2, consent=False)
    assert "consent" in exc.value.message_dict
    assert Champion.objects.count() == 1


def test_the_most_per_municipality_is_the_editions(world, admin_contact):
    for n in range(3):
        add(admin_contact, world["application"], n)
    with pytest.raises(ValidationError):
        add(admin_contact, world["application"], 9)
    assert Champion.objects.count() == 3


@pytest.mark.parametrize("who", ["other_org_editor", "plain_user", "other_network_staff"])
def test_only_the_municipality_and_staff_record_champions(request, world, who):
    with pytest.raises(PermissionDenied):
        add(request.getfixturevalue(who), world["application"])
    assert not Champion.objects.exists()


def test_champions_are_invited_as_guests_to_network_meeting_and_conference(
    world, admin_contact, staff_user
):
    add(admin_contact, world["application"], 1)
    add(admin_contact, world["application"], 2, email="")
    counts = services.edition_invite_champions(actor=staff_user, edition=world["edition"])
    assert counts == {"invited": 2, "already": 0}
    kinds = set(Registration.objects.active().values_list("event__kind", flat=True))
    assert kinds == {"network_meeting", "conference"}
    again = services.edition_invite_champions(actor=staff_user, edition=world["edition"])
    assert again == {"invited": 0, "already": 2}
    with pytest.raises(PermissionDenied):
        services.edition_invite_champions(actor=admin_contact, edition=world["edition"])


def test_a_champion_cancels_by_the_signed_link(client, world, admin_contact, staff_user):
    add(admin_contact, world["application"], 1)
    services.edition_invite_champions(actor=staff_user, edition=world["edition"])
    registration = Registration.objects.filter(event__kind="conference").get()
    link = cancel_link(registration)
    assert client.get(link).status_code == 200
    client.post(link)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


def test_removing_a_champion_cancels_their_invitations(world, admin_contact, staff_user):
    champion = add(admin_contact, world["application"], 1)
    services.edition_invite_champions(actor=staff_user, edition=world["edition"])
    services.champion_remove(actor=admin_contact, champion=champion)
    assert not Champion.objects.exists()
    assert not Registration.objects.active().exists()


def test_export_and_erasure_cover_champions(world, admin_contact, plain_user):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=plain_user, email=plain_user.email, defaults={"verified": True, "primary": True}
    )
    add(admin_contact, world["application"], 1, email=plain_user.email)
    section = next(s for s in personal_data.sections() if s.name == "programmes")
    exported = section.export(plain_user, None)
    assert exported["champion"][0]["name"] == "Frivillig 1"
    assert exported["champion"][0]["consent"]
    section.erase(plain_user, None)
    assert not Champion.objects.exists()


def test_champions_page_shows_progress_and_is_private(client, world, admin_contact, plain_user):
    add(admin_contact, world["application"], 1)
    path = url("champions", world["application"].pk)
    client.force_login(plain_user)
    assert client.get(path).status_code == 404
    client.force_login(admin_contact)
    text = client.get(path).content.decode()
    assert "1 of 2" in text and "Frivillig 1" in text
    response = client.post(path, {"name": "Uden samtykke"})
    assert "A champion is recorded only with the consent they gave." in response.content.decode()
    assert client.post(path, {"name": "Med samtykke", "consent": "on"}).status_code == 302
    assert "2 of 2" in client.get(path).content.decode()
    with translation.override("da"):
        text = client.get(url("champions", world["application"].pk, lang="da")).content.decode()
    assert "2 af 2" in text
