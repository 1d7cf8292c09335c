"""The case bank in search: published cases are found across Danish and Norwegian, drafts
and contact details are not."""

import pytest
from django.core.management import call_command

from samskab.cases.models import Case
from samskab.search import selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--quiet")
    from samskab.networks.models import Network

    return Network.objects.get(slug="sund-by-netvaerket")


def titles(network, query, **kwargs):
    return [h.title for h in selectors.search(query=query, network=network, **kwargs).hits]


def test_every_published_case_is_indexed_and_no_draft(demo):
    from samskab.search.models import SearchDocument

    published = Case.objects.published().count()
    assert published > 40
    assert SearchDocument.objects.filter(doc_type="case").count() == published
    draft = Case.objects.exclude(status=Case.Status.PUBLISHED).first()
    if draft is not None:
        assert draft.title not in titles(demo, draft.title)


def test_danish_words_find_norwegian_cases_and_back(demo):
    norwegian = Case.objects.published().filter(language="nb", shared=True).first()
    assert norwegian is not None
    assert norwegian.title in titles(demo, norwegian.title)
    found = titles(demo, "ensomhed ældre")
    assert found, "a Danish query about loneliness among the elderly finds nothing"


def test_contact_details_are_not_searchable(demo):
    case = Case.objects.published().exclude(contact_email="").first()
    local_part = case.contact_email.split("@")[0]
    assert case.title not in titles(demo, local_part)


def test_a_new_published_case_becomes_findable_and_an_unpublished_one_disappears(
    demo, django_capture_on_commit_callbacks
):
    case = Case.objects.published().filter(network=demo).first()
    with django_capture_on_commit_callbacks(execute=True):
        case.title = "Helt unik titel om krolf for seniorer"
        case.save()
    assert titles(demo, "krolf seniorer") == ["Helt unik titel om krolf for seniorer"]
    with django_capture_on_commit_callbacks(execute=True):
        case.status = Case.Status.DRAFT
        case.save()
    assert titles(demo, "krolf seniorer") == []


def test_result_links_use_the_readers_language(demo, client):
    response = client.get("/en/search/", {"q": "ensomhed ældre"})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'href="/en/cases/' in body


def test_a_case_of_another_network_is_found_only_when_shared(
    demo, django_capture_on_commit_callbacks
):
    case = Case.objects.published().exclude(network=demo).first()
    with django_capture_on_commit_callbacks(execute=True):
        case.title = "Krolf i Nord-Norge"
        case.shared = False
        case.save()
    assert titles(demo, "krolf") == []
    assert titles(case.network, "krolf") == ["Krolf i Nord-Norge"]
    with django_capture_on_commit_callbacks(execute=True):
        case.shared = True
        case.save()
    assert titles(demo, "krolf") == ["Krolf i Nord-Norge"]


def test_a_case_document_is_the_same_whatever_language_indexes_it(demo):
    """A Norwegian editor saving a case, a Danish command rebuilding the index: the same
    document, with the topics in the case's own language and the facet labels in the
    site's default one."""
    from django.utils import translation

    from samskab.cases.search import CaseAdapter

    case = (
        Case.objects.published()
        .filter(language="nb", topics__label_nb="Tobakk")
        .select_related("network", "organisation")
        .first()
    )
    assert case is not None
    documents = {}
    for language in ("da", "nb", "en"):
        with translation.override(language):
            documents[language] = CaseAdapter().document(case)
    assert documents["da"] == documents["nb"] == documents["en"]
    assert "Tobakk" in documents["da"].topics and "Tobak" not in documents["da"].topics
    assert ("tobak", "Tobak") in documents["da"].facets["topic"]


def test_link_titles_are_searchable_and_follow_changes(demo, django_capture_on_commit_callbacks):
    from samskab.cases.models import CaseLink

    case = Case.objects.published().filter(network=demo).first()
    assert titles(demo, "krolfbanernes") == []
    with django_capture_on_commit_callbacks(execute=True):
        link = CaseLink.objects.create(
            case=case, title="Krolfbanernes vejledning", url="https://example.org/krolf"
        )
    assert titles(demo, "krolfbanernes") == [case.title]
    with django_capture_on_commit_callbacks(execute=True):
        link.delete()
    assert titles(demo, "krolfbanernes") == []


def test_every_public_section_is_searchable(demo, django_capture_on_commit_callbacks):
    case = Case.objects.published().filter(network=demo).first()
    with django_capture_on_commit_callbacks(execute=True):
        case.partners = "Sammen med Xylofonforeningen og biblioteket."
        case.barriers = "Mangel på zebraparkering."
        case.save()
    assert titles(demo, "xylofonforeningen") == [case.title]
    assert titles(demo, "zebraparkering") == [case.title]


@pytest.mark.parametrize(
    "language, topic, evaluated, budget",
    [
        ("da", "Mental sundhed", "evalueret eksternt", "under 100.000"),
        ("nb", "Psykisk helse", "evaluert eksternt", "under 100 000"),
        ("en", "Mental health", "evaluated externally", "under 100,000"),
    ],
)
def test_search_facets_are_in_the_readers_language(
    client, dk_network, member_org, django_capture_on_commit_callbacks, language, topic,
    evaluated, budget,
):  # fmt: skip
    from .factories import CaseFactory

    with django_capture_on_commit_callbacks(execute=True):
        CaseFactory(
            network=dk_network,
            organisation=member_org,
            title="Trivsel i udskolingen",
            topics=["mental-sundhed"],
            evaluation=Case.Evaluation.EXTERNAL,
            budget_band=Case.BudgetBand.choices[0][0],
        )
    page = client.get(f"/{language}/search/", {"q": "trivsel"}).content.decode()
    assert "i udskolingen" in page
    for label in (topic, evaluated, budget):
        assert f">{label} <span" in page, label
    api = client.get("/api/v1/search", {"q": "trivsel"}, HTTP_ACCEPT_LANGUAGE=language).json()
    labels = {v["label"] for f in api["facets"] for v in f["values"]}
    assert {topic, evaluated, budget} <= labels
