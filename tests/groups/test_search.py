"""Theme groups and their resources in the one search box: a group is found by its page
text and by a former name; public resources are found, members-only ones are not; the
contacts' phone and e-mail and the member list never reach the index."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from samskab.groups import services
from samskab.groups.models import GroupContact, GroupResource, ThemeGroup
from samskab.search import selectors
from samskab.search.models import SearchDocument, SearchTerm
from tests.factories import PersonFactory, UserFactory

from .conftest import fresh
from .factories import GroupMembershipFactory

pytestmark = pytest.mark.django_db

PURPOSE = "At styrke trivsel gennem naboskabsfællesskaber i udsatte boligområder."


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def indexed_group(dk_network, staff_user, capture) -> ThemeGroup:
    with capture():
        return services.group_create(
            actor=fresh(staff_user),
            network=dk_network,
            data={
                "name": "Gode Naboer",
                "lead": "En temagruppe om naboskab.",
                "purpose": PURPOSE,
                "background": "Mange føler sig alene i deres opgang.",
                "target_group": "Boligsociale medarbejdere.",
                "focus": "Eksempler på emner:\n\n- Gårdfester\n- Trappeopgange",
            },
        )


def found(network, query, doc_type) -> list[str]:
    return [
        h.object_id
        for h in selectors.search(query=query, network=network).hits
        if h.doc_type == doc_type
    ]


def page(client, query) -> str:
    response = client.get("/da/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def api(client, query) -> dict:
    response = client.get("/api/v1/search", {"q": query})
    assert response.status_code == 200
    return response.json()


def add_resource(actor, group, capture, **data) -> GroupResource:
    with capture():
        return services.resource_create(actor=fresh(actor), group=group, data=data)


def test_a_group_is_found_by_its_purpose_on_the_page_and_the_api(indexed_group, client):
    html = page(client, "naboskabsfællesskaber")
    assert 'href="/da/groups/gode-naboer/"' in html
    assert "Temagruppe" in html  # the type, in Danish
    results = api(client, "naboskabsfællesskaber")["results"]
    assert [(r["type"], r["id"]) for r in results] == [("theme_group", str(indexed_group.pk))]
    assert results[0]["title"] == "Gode Naboer"
    # The focus and target group are searchable too.
    assert found(indexed_group.network, "gårdfester", "theme_group") == [str(indexed_group.pk)]
    assert found(indexed_group.network, "boligsociale", "theme_group") == [str(indexed_group.pk)]


def test_the_type_label_is_translated(indexed_group, client):
    assert api(client, "naboskab")["results"][0]["type_label"] in ("Theme group", "Temagruppe")
    response = client.get("/nb/search/", {"q": "naboskab"})
    assert "Temagruppe" in response.content.decode()
    response = client.get("/en/search/", {"q": "naboskab"})
    assert "Theme group" in response.content.decode()


def test_a_renamed_group_is_found_by_its_new_and_its_former_name(
    indexed_group, staff_user, capture, client
):
    with capture():
        services.group_rename(actor=fresh(staff_user), group=indexed_group, name="Naboskab Nu")
    pk = str(indexed_group.pk)
    network = indexed_group.network
    assert found(network, "naboskab nu", "theme_group") == [pk]
    assert found(network, "gode naboer", "theme_group") == [pk]
    doc = SearchDocument.objects.get(doc_type="theme_group", object_id=pk)
    assert doc.title == "Naboskab Nu"
    assert doc.url == "/da/groups/naboskab-nu/"
    data = api(client, "gode naboer")
    assert [r["title"] for r in data["results"]] == ["Naboskab Nu"]


def test_contacts_and_members_never_reach_the_index(
    indexed_group, staff_user, capture, client, dk_network
):
    person = PersonFactory(
        name="Kontakt Hemmelighedsfuld",
        phone="+45 00 11 22 33",
        email="kontaktperson.skjult@kommune.example",
        public_consent=True,
    )
    member = UserFactory(name="Medlem Anonymiseret")
    GroupMembershipFactory(group=indexed_group, user=member)
    with capture():
        services.group_update(
            actor=fresh(staff_user), group=indexed_group, data={"contacts": [person]}
        )
    assert GroupContact.objects.filter(group=indexed_group).exists()
    doc = SearchDocument.objects.get(doc_type="theme_group", object_id=str(indexed_group.pk))
    stored = " ".join([doc.title, doc.summary, doc.body, doc.terms_mid, doc.terms_body]).lower()
    for secret in ("hemmelighedsfuld", "skjult", "kontaktperson", "22 33", "anonymiseret"):
        assert secret not in stored
    assert not SearchTerm.objects.filter(form__icontains="anonymiseret").exists()
    for query in ("hemmelighedsfuld", "kontaktperson skjult", "anonymiseret"):
        assert selectors.search(query=query, network=dk_network).total == 0
    output = page(client, "naboskab") + str(api(client, "naboskab"))
    assert "kontaktperson.skjult" not in output
    assert "Anonymiseret" not in output


def test_a_public_resource_is_found_and_a_members_only_one_is_not(
    indexed_group, staff_user, capture, client
):
    network = indexed_group.network
    public = add_resource(
        staff_user,
        indexed_group,
        capture,
        title="Håndbog i gårdmiljøer",
        description="Sådan kommer I i gang med fællesspisning.",
        url="https://haandbog.example/",
    )
    secret = add_resource(
        staff_user,
        indexed_group,
        capture,
        title="Referat fra styregruppens lukkede møde",
        description="Budgetforhandlinger og tolkningsspørgsmål.",
        file=SimpleUploadedFile("referat.txt", b"Referat", content_type="text/plain"),
        members_only=True,
    )
    assert found(network, "gårdmiljøer", "resource") == [str(public.pk)]
    assert found(network, "fællesspisning", "resource") == [str(public.pk)]
    html = page(client, "gårdmiljøer")
    assert f"/da/groups/gode-naboer/resources/{public.pk}/download/" in html
    assert "Ressource" in html
    assert found(network, "styregruppens", "resource") == []
    assert found(network, "budgetforhandlinger", "resource") == []
    assert selectors.search(query="budgetforhandlinge", network=network).suggestion is None
    output = page(client, "referat") + str(api(client, "referat lukkede"))
    assert "styregruppens" not in output.lower()
    assert f"resources/{secret.pk}/" not in output


def test_making_a_resource_members_only_removes_it_and_public_again_adds_it(
    indexed_group, staff_user, capture, client
):
    network = indexed_group.network
    resource = add_resource(
        staff_user,
        indexed_group,
        capture,
        title="Tjekliste for gårdfester",
        url="https://x.example/",
    )
    assert found(network, "tjekliste", "resource") == [str(resource.pk)]
    with capture():
        services.resource_update(
            actor=fresh(staff_user), resource=resource, data={"members_only": True}
        )
    assert found(network, "tjekliste", "resource") == []
    assert api(client, "tjekliste")["total"] == 0
    with capture():
        services.resource_update(
            actor=fresh(staff_user), resource=resource, data={"members_only": False}
        )
    assert found(network, "tjekliste", "resource") == [str(resource.pk)]
    with capture():
        services.resource_delete(actor=fresh(staff_user), resource=resource)
    assert found(network, "tjekliste", "resource") == []


def test_a_renamed_group_moves_its_resources_links_and_deleting_it_empties_the_index(
    indexed_group, staff_user, capture
):
    resource = add_resource(
        staff_user,
        indexed_group,
        capture,
        title="Tjekliste for gårdfester",
        url="https://x.example/",
    )
    with capture():
        services.group_rename(actor=fresh(staff_user), group=indexed_group, name="Naboskab Nu")
    doc = SearchDocument.objects.get(doc_type="resource", object_id=str(resource.pk))
    assert doc.url == f"/da/groups/naboskab-nu/resources/{resource.pk}/download/"
    assert found(indexed_group.network, "naboskab nu", "resource") == [str(resource.pk)]
    with capture():
        indexed_group.delete()
    assert not SearchDocument.objects.exists()


def test_a_norwegian_group_is_indexed_in_norwegian(no_network, capture):
    with capture():
        group = ThemeGroup.objects.create(
            network=no_network,
            name="Friluftsliv for alle",
            slug="friluftsliv",
            purpose="Ut i naturen.",
        )
    doc = SearchDocument.objects.get(doc_type="theme_group", object_id=str(group.pk))
    assert doc.language == "nb"
    assert doc.url == "/nb/groups/friluftsliv/"
    assert doc.facets["network"] == [[no_network.slug, no_network.name]]


def test_the_demo_groups_and_public_resources_are_in_the_index(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--quiet")
    groups = {str(pk) for pk in ThemeGroup.objects.values_list("pk", flat=True)}
    public = {
        str(pk)
        for pk in GroupResource.objects.filter(members_only=False).values_list("pk", flat=True)
    }
    assert groups and public
    assert GroupResource.objects.filter(members_only=True).exists()

    def indexed(doc_type):
        return set(
            SearchDocument.objects.filter(doc_type=doc_type).values_list("object_id", flat=True)
        )

    assert indexed("theme_group") == groups
    assert indexed("resource") == public
    renamed = ThemeGroup.objects.filter(aliases__isnull=False).first()
    assert renamed is not None
    former = renamed.aliases.first().name
    assert str(renamed.pk) in found(renamed.network, former, "theme_group")
