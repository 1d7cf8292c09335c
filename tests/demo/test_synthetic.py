"""manage.py generate_cases: deterministic synthetic cases for benchmarks."""

import io

import pytest
from django.core.management import CommandError, call_command

from samskab.cases.models import Case, Comment, Follow, Topic
from samskab.demo.synthetic import cases as synthetic
from samskab.search import selectors as search
from tests.factories import OrganisationFactory

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
