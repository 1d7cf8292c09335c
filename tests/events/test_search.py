"""Events in the one search box: events every reader may see are found (page and API),
events for a closed audience and cancelled events are not, and the online link, the
practical details and the contact's e-mail never reach the index."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.utils import timezone

from samskab.events import services
from samskab.events.models import AgendaItem, Event
from samskab.events.search import is_searchable
from samskab.search import selectors
from samskab.search.models import SearchDocument, SearchTerm

from .conftest import SECRET_DETAILS, SECRET_LINK
from .factories import EventFactory, ThemeGroupFactory

pytestmark = pytest.mark.django_db


def event_data(**overrides) -> dict:
    starts = (timezone.now() + datetime.timedelta(days=20)).replace(microsecond=0)
    data = {
        "title": "Krolfturnering for seniorer",
        "description": "Vi spiller krolf og taler om bevægelse i hverdagen.",
        "kind": Event.Kind.GATHERING,
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=3),
        "format": Event.Format.HYBRID,
        "venue": "Rådhushallen",
        "address": "Torvet 1, 0000 Eksempelby",
        "online_url": SECRET_LINK,
        "practical_details": SECRET_DETAILS,
        "contact_name": "Sekretariatet",
        "contact_email": "hemmelig.kontakt@sundby.example",
        "audience": Event.Audience.PUBLIC,
    }
    return {**data, **overrides}


@pytest.fixture
def create(staff_user, dk_network, django_capture_on_commit_callbacks):
    def make(**overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return services.event_create(
                actor=staff_user, network=dk_network, data=event_data(**overrides)
            )

    return make


@pytest.fixture
def update(staff_user, django_capture_on_commit_callbacks):
    def change(event, **data):
        with django_capture_on_commit_callbacks(execute=True):
            return services.event_update(actor=staff_user, event=event, data=data)

    return change


def found(network, query) -> list[str]:
    return [
        h.object_id
        for h in selectors.search(query=query, network=network).hits
        if h.doc_type == "event"
    ]


def page(client, query) -> str:
    response = client.get("/da/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def api(client, query) -> dict:
    response = client.get("/api/v1/search", {"q": query})
    assert response.status_code == 200
    return response.json()


def test_a_public_event_is_found_by_a_word_of_its_title_on_the_page_and_the_api(create, client):
    event = create()
    html = page(client, "krolfturnering")
    assert f'href="/da/events/{event.pk}/"' in html
    assert "<mark>Krolfturnering</mark> for seniorer" in html
    assert "Arrangement" in html  # the type, in Danish

    data = api(client, "krolfturnering")
    events = [r for r in data["results"] if r["type"] == "event"]
    assert [r["id"] for r in events] == [str(event.pk)]
    assert events[0]["title"] == "Krolfturnering for seniorer"
    assert events[0]["url"].endswith(f"/events/{event.pk}/")
    type_facet = next(f for f in data["facets"] if f["key"] == "type")
    assert [v["value"] for v in type_facet["values"]] == ["event"]


def test_the_document_holds_the_public_text_date_language_and_facets(
    create, dk_network, django_capture_on_commit_callbacks
):
    event = create()
    with django_capture_on_commit_callbacks(execute=True):
        AgendaItem.objects.create(event=event, title="Velkomst og opvarmning", position=1)
    doc = SearchDocument.objects.get(doc_type="event", object_id=str(event.pk))
    assert doc.language == "da"
    assert doc.network_id == dk_network.pk
    assert doc.date == timezone.localtime(event.starts_at).date()
    assert doc.facets["year"] == [[str(doc.date.year), str(doc.date.year)]]
    assert doc.facets["network"] == [[dk_network.slug, dk_network.name]]
    assert found(dk_network, "opvarmning") == [str(event.pk)]  # the agenda is public
    assert found(dk_network, "rådhushallen") == [str(event.pk)]  # so is the venue


def test_the_online_link_details_and_contact_email_never_reach_the_index_or_the_output(
    create, client, dk_network
):
    event = create()
    doc = SearchDocument.objects.get(doc_type="event", object_id=str(event.pk))
    stored = " ".join(
        [doc.title, doc.summary, doc.body, doc.terms_title, doc.terms_mid, doc.terms_body]
    )
    for secret in ("secret", "4711", "meet.example", "9911", "dørkode", "hemmelig"):
        assert secret not in stored.lower()
    assert not SearchTerm.objects.filter(term__in=["4711", "9911", "secret", "hemmelig"]).exists()

    for query in ("secret room 4711", "dørkode 9911", "hemmelig kontakt"):
        assert found(dk_network, query) == []
    html = page(client, "krolfturnering")
    body = str(api(client, "krolfturnering"))
    for output in (html, body):
        assert SECRET_LINK not in output
        assert "secret-room" not in output
        assert "9911" not in output
        assert "hemmelig.kontakt" not in output


@pytest.mark.parametrize(
    "audience",
    [
        Event.Audience.GROUP_MEMBERS,
        Event.Audience.CONTACTS,
        Event.Audience.ADMIN_CONTACTS,
        Event.Audience.POLITICAL_CONTACTS,
        Event.Audience.INVITED,
    ],
)
def test_an_event_for_a_closed_audience_is_not_found_and_its_words_do_not_leak(
    audience, create, client, dk_network
):
    group = ThemeGroupFactory(network=dk_network, name="Krolfklubben", slug="krolfklubben")
    create(audience=audience, theme_group=group)
    assert not SearchDocument.objects.filter(doc_type="event").exists()
    assert found(dk_network, "krolfturnering") == []
    # A misspelling gets no "did you mean" from the closed event's words.
    results = selectors.search(query="krolfturnerin", network=dk_network)
    assert results.total == 0
    assert "krolf" not in (results.suggestion or "").lower()
    assert "rolfturnering" not in page(client, "krolfturnerin").lower()
    assert not api(client, "krolfturnerin")["suggestion"]


def test_a_cancelled_event_is_taken_out_with_its_vocabulary(
    create, staff_user, dk_network, client, django_capture_on_commit_callbacks
):
    event = create()
    assert found(dk_network, "krolfturnering") == [str(event.pk)]
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(actor=staff_user, event=event, message="Aflyst")
    assert found(dk_network, "krolfturnering") == []
    assert not SearchDocument.objects.filter(doc_type="event").exists()
    assert not SearchTerm.objects.filter(form__icontains="krolf").exists()
    assert not selectors.search(query="krolfturnerin", network=dk_network).suggestion
    assert "krolfturnering" not in page(client, "krolfturnerin").lower()
    assert "</mark> for seniorer" not in page(client, "krolfturnering")


def test_changing_the_audience_to_a_closed_one_removes_the_event_and_back_adds_it(
    create, update, dk_network, client
):
    group = ThemeGroupFactory(network=dk_network)
    event = create(theme_group=group)
    assert found(dk_network, "krolfturnering") == [str(event.pk)]
    event = update(event, audience=Event.Audience.GROUP_MEMBERS)
    assert found(dk_network, "krolfturnering") == []
    assert api(client, "krolfturnering")["total"] == 0
    event = update(event, audience=Event.Audience.PUBLIC)
    assert found(dk_network, "krolfturnering") == [str(event.pk)]


def test_an_edited_title_is_found_and_the_old_one_is_not(create, update, dk_network):
    event = create()
    update(event, title="Petanque i parken")
    assert found(dk_network, "petanque") == [str(event.pk)]
    assert found(dk_network, "krolfturnering") == []


def test_a_deleted_event_is_removed(create, dk_network, django_capture_on_commit_callbacks):
    event = create()
    with django_capture_on_commit_callbacks(execute=True):
        event.delete()
    assert found(dk_network, "krolfturnering") == []
    assert not SearchDocument.objects.exists()


def test_the_theme_group_name_finds_its_events_and_follows_a_rename(
    create, staff_user, dk_network, django_capture_on_commit_callbacks
):
    from samskab.groups import services as group_services

    group = ThemeGroupFactory(network=dk_network, name="Bevægelsesglæde", slug="bevaegelse")
    event = create(theme_group=group)
    assert str(event.pk) in found(dk_network, "bevægelsesglæde")
    with django_capture_on_commit_callbacks(execute=True):
        group_services.group_rename(actor=staff_user, group=group, name="Motionsvenner")
    assert str(event.pk) in found(dk_network, "motionsvenner")
    doc = SearchDocument.objects.get(doc_type="event", object_id=str(event.pk))
    from samskab.search.analysis import analyse

    assert set(analyse("Motionsvenner", "da")) <= set(doc.terms_mid.split())
    assert not set(analyse("Bevægelsesglæde", "da")) & set(doc.terms_mid.split())
    with django_capture_on_commit_callbacks(execute=True):
        group.delete()
    assert str(event.pk) not in found(dk_network, "motionsvenner")
    assert found(dk_network, "krolfturnering") == [str(event.pk)]


def test_a_norwegian_event_is_indexed_in_norwegian_for_its_own_network(
    no_network, dk_network, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        event = EventFactory(network=no_network, title="Temamøte om friluftsliv")
    doc = SearchDocument.objects.get(doc_type="event", object_id=str(event.pk))
    assert doc.language == "nb"
    assert doc.url == f"/nb/events/{event.pk}/"
    assert found(no_network, "friluftsliv") == [str(event.pk)]
    assert found(dk_network, "friluftsliv") == []  # events are not shared across networks


@pytest.mark.parametrize("audience", Event.Audience.values)
def test_indexed_exactly_when_an_anonymous_reader_may_see_the_event(
    audience, dk_network, django_capture_on_commit_callbacks
):
    """Search results are the same for every reader: an event is indexed when (and only
    when) a reader without an account may open its page, and it is not cancelled."""
    group = ThemeGroupFactory(network=dk_network)
    with django_capture_on_commit_callbacks(execute=True):
        event = EventFactory(network=dk_network, audience=audience, theme_group=group)
    visible = AnonymousUser().has_perm("events.view_event", event)
    assert is_searchable(event) == visible
    assert SearchDocument.objects.filter(doc_type="event").exists() == visible


def test_the_demo_events_every_reader_may_see_are_in_the_index(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--quiet")
    searchable = {str(e.pk) for e in Event.objects.all() if is_searchable(e)}
    closed = {str(e.pk) for e in Event.objects.all() if not is_searchable(e)}
    assert searchable and closed
    indexed = set(
        SearchDocument.objects.filter(doc_type="event").values_list("object_id", flat=True)
    )
    assert indexed == searchable
    public = Event.objects.filter(audience=Event.Audience.PUBLIC, cancelled_at=None).first()
    assert str(public.pk) in found(public.network, public.title)
