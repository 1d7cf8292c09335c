"""Item 1 of Programmes II: an edition's tracks and sessions (events) with topics per
track, the staff pages that plan them and the edition page that shows them."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from samskab.events.models import Event, Registration
from samskab.programmes import selectors, services
from samskab.programmes.models import Session, SessionTrack

from .conftest import CPH

pytestmark = pytest.mark.django_db


def url(name, *args, lang="da"):
    with translation.override(lang):
        return reverse(f"programmes:{name}", args=args)


@pytest.fixture
def edition(staff_user, dk_network):
    programme = services.programme_save(
        actor=staff_user, network=dk_network, data={"name": "Netværk for Fællesskabsagenter"}
    )
    return services.edition_save(
        actor=staff_user,
        programme=programme,
        data={"year": 2030},
        tracks=["Lederspor", "Medarbejderspor"],
    )


def tracks_of(edition):
    leaders, employees = list(edition.tracks.all())
    return leaders, employees


def day(n, hour=9):
    return datetime.datetime(2030, 3, n, hour, 0, tzinfo=CPH)


def session_data(n=1, **extra):
    data = {
        "kind": "course_day",
        "title": f"{n}. kursusdag",
        "starts_at": day(n),
        "ends_at": day(n, 15),
        "format": "on_site",
        "venue": "Sund By Huset",
    }
    data.update(extra)
    return data


def topic(da, nb="", en=""):
    return {"da": da, "nb": nb, "en": en}


def add_session(staff, edition, n=1, both=True):
    leaders, employees = tracks_of(edition)
    topics = {
        employees.pk: topic(
            "Hvordan samarbejder man med frivillige?",
            "Hvordan samarbeider man med frivillige?",
            "How do we work with volunteers?",
        )
    }
    if both:
        topics[leaders.pk] = topic(
            "Ledelse af velfærd", "Ledelse av velferd", "Leading welfare and staff"
        )
    return services.session_create(
        actor=staff, edition=edition, data=session_data(n), topics=topics
    )


# --- services -----------------------------------------------------------------------------


def test_a_session_is_an_event_for_invited_people_with_topics_per_track(staff_user, edition):
    session = add_session(staff_user, edition)
    event = session.event
    assert event.kind == "course_day" and event.network_id == edition.programme.network_id
    assert event.audience == Event.Audience.INVITED
    rows = {r.track.name: r for r in session.session_tracks.select_related("track")}
    assert set(rows) == {"Lederspor", "Medarbejderspor"}
    assert rows["Medarbejderspor"].topic_en == "How do we work with volunteers?"
    with translation.override("nb"):
        assert SessionTrack.objects.get(pk=rows["Lederspor"].pk).topic == "Ledelse av velferd"


def test_a_topic_missing_in_english_falls_back_to_danish(staff_user, edition):
    leaders, _e = tracks_of(edition)
    session = services.session_create(
        actor=staff_user,
        edition=edition,
        data=session_data(),
        topics={leaders.pk: topic("Kun dansk")},
    )
    with translation.override("en"):
        assert SessionTrack.objects.get(session=session).topic == "Kun dansk"


@pytest.mark.parametrize("who", ["org_editor", "other_network_staff", "admin_contact"])
def test_only_the_secretariat_plans_sessions(request, edition, who):
    actor = request.getfixturevalue(who)
    leaders, _e = tracks_of(edition)
    with pytest.raises(PermissionDenied):
        services.session_create(
            actor=actor, edition=edition, data=session_data(), topics={leaders.pk: topic("x")}
        )
    assert not Event.objects.exists() and not Session.objects.exists()


def test_bad_input_saves_nothing(staff_user, edition, other_network_staff):
    leaders, _e = tracks_of(edition)
    with pytest.raises(ValidationError) as no_track:
        services.session_create(actor=staff_user, edition=edition, data=session_data(), topics={})
    assert "tracks" in no_track.value.message_dict
    with pytest.raises(ValidationError) as bad_kind:
        services.session_create(
            actor=staff_user,
            edition=edition,
            data=session_data(kind="workshop"),
            topics={leaders.pk: topic("x")},
        )
    assert "kind" in bad_kind.value.message_dict
    with pytest.raises(ValidationError):
        services.session_create(
            actor=staff_user,
            edition=edition,
            data=session_data(ends_at=day(1, 8)),
            topics={leaders.pk: topic("x")},
        )
    assert not Event.objects.exists() and not Session.objects.exists()


def test_a_track_of_another_edition_is_refused(staff_user, edition):
    other = services.edition_save(
        actor=staff_user, programme=edition.programme, data={"year": 2031}, tracks=["Andet"]
    )
    foreign = other.tracks.get()
    with pytest.raises(ValidationError):
        services.session_create(
            actor=staff_user, edition=edition, data=session_data(), topics={foreign.pk: topic("x")}
        )
    assert not Session.objects.exists()


def test_update_moves_the_event_and_changes_the_tracks(staff_user, edition):
    session = add_session(staff_user, edition)
    leaders, employees = tracks_of(edition)
    services.session_update(
        actor=staff_user,
        session=session,
        data=session_data(4, title="4. kursusdag"),
        topics={leaders.pk: topic("Kompetence og lederudfordring")},
    )
    session.refresh_from_db()
    assert session.event.title == "4. kursusdag" and session.event.starts_at == day(4)
    assert list(session.session_tracks.values_list("track_id", "topic_da")) == [
        (leaders.pk, "Kompetence og lederudfordring")
    ]


def test_remove_deletes_an_empty_event_and_cancels_one_with_registrations(
    staff_user, edition, plain_user
):
    empty = add_session(staff_user, edition, 1)
    services.session_remove(actor=staff_user, session=empty)
    assert not Event.objects.filter(pk=empty.event_id).exists()

    booked = add_session(staff_user, edition, 2)
    Registration.objects.create(
        event=booked.event, name="A", email="a@example.org", status="confirmed", code="ABC234"
    )
    services.session_remove(actor=staff_user, session=booked)
    event = Event.objects.get(pk=booked.event_id)
    assert event.is_cancelled and not Session.objects.exists()


def test_removing_a_track_with_topics_needs_confirmation(staff_user, edition):
    add_session(staff_user, edition)
    with pytest.raises(ValidationError) as exc:
        services.edition_save(
            actor=staff_user,
            programme=edition.programme,
            data={},
            tracks=["Lederspor"],
            edition=edition,
        )
    assert "Medarbejderspor" in exc.value.message_dict["tracks"][0]
    assert edition.tracks.count() == 2
    services.edition_save(
        actor=staff_user,
        programme=edition.programme,
        data={},
        tracks=["Lederspor"],
        edition=edition,
        confirm_remove=True,
    )
    assert list(edition.tracks.values_list("name", flat=True)) == ["Lederspor"]
    assert SessionTrack.objects.count() == 1


# --- selectors ----------------------------------------------------------------------------


def test_the_table_has_a_cell_per_track_and_marks_sessions_outside_a_track(staff_user, edition):
    add_session(staff_user, edition, 2, both=False)
    add_session(staff_user, edition, 1)
    tracks = list(edition.tracks.all())
    sessions = selectors.sessions_of(edition)
    rows = selectors.session_table(edition, tracks, sessions)
    assert [r["session"].event.title for r in rows] == ["1. kursusdag", "2. kursusdag"]
    assert [c["in_track"] for c in rows[1]["cells"]] == [False, True]


# --- pages --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "words", "heading"),
    [
        ("da", "Hvordan samarbejder man med frivillige?", "Mødedage og emner pr. spor"),
        ("nb", "Hvordan samarbeider man med frivillige?", "Samlinger og temaer per spor"),
        ("en", "How do we work with volunteers?", "Sessions and topics by track"),
    ],
)
def test_edition_page_shows_timeline_and_table_in_three_languages(
    client, staff_user, edition, lang, words, heading
):
    add_session(staff_user, edition)
    response = client.get(url("edition", edition.programme.slug, edition.year, lang=lang))
    text = response.content.decode()
    assert response.status_code == 200
    assert words in text and heading in text
    assert "1. kursusdag" in text
    assert "Tilføj en session" not in text and "Add a session" not in text


EDITION_PAGE_QUERIES = 7  # measured: the same for 1, 8 and 24 sessions


@pytest.mark.parametrize("n", [1, 8, 24])
def test_the_edition_page_costs_the_same_queries_however_many_sessions(
    client, staff_user, edition, n, django_assert_num_queries
):
    for i in range(1, n + 1):
        add_session(staff_user, edition, i)
    path = url("edition", edition.programme.slug, edition.year)
    client.get(path)
    with django_assert_num_queries(EDITION_PAGE_QUERIES):
        assert client.get(path).status_code == 200


def test_staff_add_a_session_through_the_form(client, staff_user, edition):
    leaders, employees = tracks_of(edition)
    client.force_login(staff_user)
    page = client.get(url("session_create", edition.programme.slug, edition.year, lang="en"))
    assert page.status_code == 200 and "Topic in Norwegian" in page.content.decode()
    response = client.post(
        url("session_create", edition.programme.slug, edition.year, lang="en"),
        {
            "kind": "network_meeting",
            "title": "Netværksmøde",
            "starts_at": "2030-05-01T10:00",
            "ends_at": "2030-05-01T16:00",
            "format": "on_site",
            "venue": "Aarhus",
            f"track_{employees.pk}": "on",
            f"topic_{employees.pk}_da": "Fælles møde for fællesskabsagenter og medarbejdere",
            f"topic_{employees.pk}_en": "A joint meeting for champions and staff",
        },
    )
    assert response.status_code == 302
    session = Session.objects.get()
    assert session.event.kind == "network_meeting"
    assert session.event.starts_at == datetime.datetime(2030, 5, 1, 10, 0, tzinfo=CPH)
    assert list(session.tracks.all()) == [employees]


def test_the_form_shows_errors_in_the_users_language_and_saves_nothing(client, staff_user, edition):
    leaders, _e = tracks_of(edition)
    client.force_login(staff_user)
    response = client.post(
        url("session_create", edition.programme.slug, edition.year, lang="en"),
        {
            "kind": "course_day",
            "title": "Dag",
            "starts_at": "2030-05-01T10:00",
            "ends_at": "2030-05-01T09:00",
            "format": "on_site",
            f"topic_{leaders.pk}_da": "Emne uden spor",
        },
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Give the venue for a session on site." in text
    assert "Tick the track, or empty its topics" in text
    assert not Event.objects.exists()
    response = client.post(
        url("session_create", edition.programme.slug, edition.year, lang="en"),
        {
            "kind": "course_day",
            "title": "Dag",
            "starts_at": "2030-05-01T10:00",
            "ends_at": "2030-05-01T09:00",
            "format": "online",
            f"track_{leaders.pk}": "on",
        },
    )
    assert "The event cannot end before it starts." in response.content.decode()
    assert not Event.objects.exists()


def test_edit_and_remove_pages(client, staff_user, edition):
    session = add_session(staff_user, edition)
    client.force_login(staff_user)
    args = (edition.programme.slug, edition.year, session.pk)
    page = client.get(url("session_edit", *args, lang="en"))
    assert "How do we work with volunteers?" in page.content.decode()
    confirm = client.get(url("session_remove", *args, lang="en"))
    assert "topics in every track are removed with it" in confirm.content.decode()
    assert client.post(url("session_remove", *args, lang="en")).status_code == 302
    assert not Session.objects.exists()


def test_edition_form_warns_before_a_track_with_topics_goes(client, staff_user, edition):
    add_session(staff_user, edition)
    client.force_login(staff_user)
    path = url("edition_edit", edition.programme.slug, edition.year, lang="en")
    response = client.post(path, {"year": "2030", "tracks": "Lederspor"})
    assert response.status_code == 200
    assert "Remove tracks with their topics" in response.content.decode()
    assert edition.tracks.count() == 2
    response = client.post(path, {"year": "2030", "tracks": "Lederspor", "confirm_remove": "on"})
    assert response.status_code == 302 and edition.tracks.count() == 1


@pytest.mark.parametrize("who", ["plain_user", "other_network_staff", "admin_contact"])
def test_others_may_not_open_the_session_pages(request, client, edition, staff_user, who):
    session = add_session(staff_user, edition)
    client.force_login(request.getfixturevalue(who))
    args = (edition.programme.slug, edition.year)
    assert client.get(url("session_create", *args)).status_code == 403
    assert client.get(url("session_edit", *args, session.pk)).status_code == 403
    assert client.post(url("session_remove", *args, session.pk)).status_code == 403
    assert Session.objects.exists()


def test_a_session_of_another_edition_is_not_found(client, staff_user, edition):
    other = services.edition_save(
        actor=staff_user, programme=edition.programme, data={"year": 2031}, tracks=["A"]
    )
    session = add_session(staff_user, edition)
    client.force_login(staff_user)
    assert (
        client.get(url("session_edit", other.programme.slug, 2031, session.pk)).status_code == 404
    )
