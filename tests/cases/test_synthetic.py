"""manage.py generate_cases, and the list's bitmap index against the database filters."""

import datetime
import io
import itertools

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from samskab.cases import listing, synthetic
from samskab.cases.models import Case, CaseQuality, Comment, Follow, Topic
from samskab.cases.selectors import CaseFilters, case_list
from samskab.cases.selectors import facets as db_facets
from samskab.search import selectors as search
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


def snapshot():
    return list(
        Case.objects.filter(slug__regex=r"-s7-[0-9]+$")
        .order_by("slug")
        .values_list("slug", "title", "language", "organisation__code", "period_start", "summary")
    )


def test_generate_is_deterministic_and_idempotent(places):
    first = synthetic.generate(count=60, seed=7, index=False)
    assert first.created == 60
    cases = snapshot()
    assert {c[2] for c in cases} == {"da", "nb", "en"}
    assert len({c[0] for c in cases}) == 60
    # Nothing new on a second run; the same cases after deleting and generating again.
    again = synthetic.generate(count=60, seed=7, index=False)
    assert (again.created, again.skipped) == (0, 60)
    assert synthetic.delete_generated(7) == 60
    assert Case.objects.count() == 0
    synthetic.generate(count=60, seed=7, index=False)
    assert snapshot() == cases
    # Another seed gives other cases.
    synthetic.generate(count=5, seed=8, index=False)
    assert Case.objects.filter(slug__regex=r"-s8-[0-9]+$").count() == 5


def test_generated_cases_are_spread_and_realistic(places, no_network, dk_network):
    result = synthetic.generate(count=400, seed=3, index=False)
    cases = Case.objects.filter(slug__regex=r"-s3-[0-9]+$")
    assert cases.count() == 400
    assert set(cases.values_list("organisation", flat=True)) == {
        o.pk for o in places["dk"] + places["no"]
    }
    # Danish cases in the Danish network, Norwegian in the Norwegian.
    assert not cases.filter(language="da", network=no_network).exists()
    assert not cases.filter(language="nb", network=dk_network).exists()
    used_topics = set(Topic.objects.filter(cases__in=cases).values_list("slug", flat=True))
    assert used_topics == set(Topic.objects.values_list("slug", flat=True))
    years = {d.year for d in cases.values_list("period_start", flat=True)}
    assert min(years) <= synthetic.FIRST_YEAR + 1 and max(years) >= synthetic.LAST_YEAR - 2
    assert result.comments == Comment.objects.filter(case__in=cases).count() > 20
    assert result.follows == Follow.objects.filter(case__in=cases).count() > 20
    case = cases.filter(language="da").first()
    assert case.summary and case.purpose and case.description and case.target_group
    assert not case.contact_email and not case.contact_phone  # no invented personal data


def test_generated_cases_are_searchable(places):
    synthetic.generate(count=80, seed=5)
    case = Case.objects.filter(language="da").order_by("pk").first()
    word = case.title.split()[0]
    results = search.search(query=word, network=case.network)
    assert results.total >= 1
    assert str(case.pk) in {oid for _t, oid in results.ranking}


def test_command(places):
    out = io.StringIO()
    call_command("generate_cases", "--count", "25", "--seed", "2", stdout=out, stderr=io.StringIO())
    assert "Generated 25 cases" in out.getvalue()
    assert "Indexed 25 cases" in out.getvalue()
    call_command("generate_cases", "--count", "25", "--seed", "2", "--delete", stdout=out)
    assert Case.objects.count() == 0
    with pytest.raises(CommandError):
        call_command("generate_cases", "--count", "-1", stdout=out)


def test_command_without_municipalities_says_what_to_do(db):
    with pytest.raises(CommandError, match="load_demo"):
        call_command("generate_cases", "--count", "5", stdout=io.StringIO())


# --- The bitmap index of the list ------------------------------------------------------


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
    assert listing._positions(mask, 0, 10) == [3, 4095, 4096, 5000, 9000]
    assert listing._positions(mask, 2, 4) == [4096, 5000]
    assert listing._positions(mask, 5, 9) == []


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
                Case.objects.published()
                .visible_in(network)
                .exclude(pk=case.pk)
                .filter(topics__in=topic_ids)
                .annotate(n_shared=Count("topics"))
                .order_by("-n_shared", "-published_at", "-id")
                .values_list("pk", "n_shared")[:16]
            )
            assert listing.related_ids(case=case, network=network, limit=16) == expected
