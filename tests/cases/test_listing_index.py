"""The list's bitmap index against the database filters, over synthetic cases."""

import datetime
import itertools

import pytest
from django.db import connection

from samskab.cases import listing
from samskab.cases.listing import query as listing_query
from samskab.cases.models import Case, CaseQuality, Topic
from samskab.cases.selectors import CaseFilters, case_list
from samskab.cases.selectors import facets as db_facets
from samskab.demo.synthetic import cases as synthetic
from tests.factories import OrganisationFactory

from .factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(dk_network, no_network):
    dk_region = OrganisationFactory(kind="region", name="Region Midtjylland", code="", country="DK")
    no_region = OrganisationFactory(kind="region", name="Innlandet", code="", country="NO")
    dk = [OrganisationFactory(region=dk_region if i % 2 else None) for i in range(6)]
    no = [
        OrganisationFactory(
            country="NO", code=f"34{i:02d}", name=f"Testvik {i} kommune", region=no_region
        )
        for i in range(4)
    ]
    return {"dk": dk, "no": no, "regions": [dk_region, no_region]}


@pytest.fixture
def bank(places, dk_network):
    synthetic.generate(count=300, seed=11, index=False)
    cases = list(Case.objects.order_by("pk"))
    for i, case in enumerate(cases[:40]):
        CaseQuality.objects.create(case=case, criterion=["equity", "participation"][i % 2])
    # Edge cases: a draft, no period, a period into the future, a case by a region.
    CaseFactory(network=dk_network, organisation=places["dk"][0], status="draft")
    CaseFactory(network=dk_network, organisation=places["dk"][1], period_start=None)
    CaseFactory(
        network=dk_network,
        organisation=places["dk"][2],
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(datetime.date.today().year + 2, 6, 30),
    )
    CaseFactory(network=dk_network, organisation=places["regions"][0], shared=True)
    if connection.vendor == "postgresql":
        # Fresh tables have no statistics yet (autovacuum has not run); without them the
        # planner nests loops and each reference count below takes seconds.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return cases


def combos(places):
    dk_region, no_region = places["regions"]
    singles = [
        {"topic": "mental-sundhed"},
        {"topic": "tobak"},
        {"type": "tilbud"},
        {"municipality": places["dk"][1].slug},
        {"municipality": places["no"][0].slug},
        {"region": dk_region.slug},
        {"region": no_region.slug},
        {"budget": "<100000"},
        {"evaluation": "external"},
        {"year": 2015},
        {"year": 2024},
        {"year": datetime.date.today().year + 1},
        {"year": 1999},
        {"network": "sunne-kommuner"},
        {"quality": "equity"},
        {"target": "UNGE"},
        {"target": "over 65"},
        {"target": "YOUNG"},
        {"target": "families"},
        {"topic": "no-such-topic"},
        {"language": "nb"},
        {"language": "en", "topic": "tobak"},
    ]
    pairs = [a | b for a, b in itertools.combinations(singles[:10], 2) if a.keys() != b.keys()]
    return [{}, *singles, *pairs[::3]]


def as_counts(facet_list):
    return {
        f["key"]: {(str(o["value"]), o["count"], o["selected"]) for o in f["options"]}
        for f in facet_list
    }


def test_bitmap_index_gives_the_database_answers(bank, places, dk_network, no_network):
    for network in (dk_network, no_network, None):
        for query in combos(places):
            filters = CaseFilters(**query)
            expected = [c.pk for c in case_list(network=network, filters=filters)]
            page = listing.case_page(network=network, filters=filters, page=1, per_page=500)
            assert [c.pk for c in page.object_list] == expected, (network, query)
            assert as_counts(listing.facets(network=network, filters=filters)) == as_counts(
                db_facets(network=network, filters=filters)
            ), (network, query)


def test_target_keyword_ignores_case_beyond_ascii(bank, dk_network):
    # SQLite's LIKE folds only ASCII letters; the list's index folds every letter.
    lower = listing.case_page(network=dk_network, filters=CaseFilters(target="ældre"), page=1)
    upper = listing.case_page(network=dk_network, filters=CaseFilters(target="ÆLDRE"), page=1)
    assert lower.paginator.count == upper.paginator.count > 0


def test_pages_of_the_bitmap_index(bank, dk_network):
    filters = CaseFilters()
    expected = [c.pk for c in case_list(network=dk_network, filters=filters)]
    assert len(expected) > 100
    seen = []
    for number in range(1, 8):
        page = listing.case_page(network=dk_network, filters=filters, page=number, per_page=20)
        seen += [c.pk for c in page.object_list]
    assert seen == expected[:140]
    last = listing.case_page(network=dk_network, filters=filters, page=9999, per_page=20)
    assert last.number == last.paginator.num_pages
    assert [c.pk for c in last.object_list] == expected[(last.number - 1) * 20 :]
    assert listing.case_page(network=dk_network, filters=filters, page="x").number == 1


def test_positions_across_blocks():
    mask = (1 << 5000) | (1 << 4095) | (1 << 4096) | (1 << 3) | (1 << 9000)
    assert listing_query._positions(mask, 0, 10) == [3, 4095, 4096, 5000, 9000]
    assert listing_query._positions(mask, 2, 4) == [4096, 5000]
    assert listing_query._positions(mask, 5, 9) == []


def test_index_follows_changes(bank, dk_network, client):
    filters = CaseFilters(topic="alkohol")
    before = listing.case_page(network=dk_network, filters=filters, page=1).paginator.count
    case = Case.objects.filter(network=dk_network).exclude(topics__slug="alkohol").first()
    case.topics.add(Topic.objects.get(slug="alkohol"))
    after = listing.case_page(network=dk_network, filters=filters, page=1).paginator.count
    assert after == before + 1
    case.status = Case.Status.DRAFT
    case.save()
    assert listing.case_page(network=dk_network, filters=filters, page=1).paginator.count == before
    response = client.get("/da/cases/", {"topic": "alkohol"})
    assert response.status_code == 200
    assert case.title not in response.content.decode()


def test_related_candidates_match_the_database(bank, dk_network, no_network):
    from django.db.models import Count

    for case in Case.objects.published().order_by("pk")[:25]:
        for network in (dk_network, no_network, None):
            topic_ids = [t.pk for t in case.topics.all()]
            expected = list(
                Case.objects.readable_in_network(network)
                .exclude(pk=case.pk)
                .filter(topics__in=topic_ids)
                .annotate(n_shared=Count("topics"))
                .order_by("-n_shared", "-published_at", "-id")
                .values_list("pk", "n_shared")[:16]
            )
            assert listing.related_ids(case=case, network=network, limit=16) == expected
