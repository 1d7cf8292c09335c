import datetime

import pytest

from samskab.cases.models import Case, CaseQuality, InterventionType
from samskab.cases.selectors import CaseFilters, case_list, facets
from tests.factories import MembershipFactory, OrganisationFactory

from .factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(dk_network, member_org, other_org):
    region = OrganisationFactory(kind="region", name="Region Testland", code="")
    other_org.region = region
    other_org.save()
    a = CaseFactory(
        network=dk_network,
        organisation=member_org,
        topics=["alkohol"],
        budget_band="<100000",
        evaluation="external",
        target_group="Unge mellem 15 og 25 år",
        period_start=datetime.date(2019, 1, 1),
        period_end=datetime.date(2020, 6, 1),
    )
    b = CaseFactory(
        network=dk_network,
        organisation=other_org,
        topics=["alkohol", "tobak"],
        budget_band=">1000000",
        evaluation="internal",
        target_group="Ældre borgere",
        period_start=datetime.date(2022, 1, 1),
    )
    c = CaseFactory(
        network=dk_network,
        organisation=other_org,
        topics=["hygiejne"],
        evaluation="none",
        period_start=datetime.date(2023, 1, 1),
    )
    b.prevention_types.set(InterventionType.objects.filter(slug="tilbud"))
    CaseQuality.objects.create(case=a, criterion="transferability", note="Enkel at kopiere")
    CaseFactory(network=dk_network, organisation=member_org, status="draft", published_at=None)
    return a, b, c


def result(net, **kwargs):
    return list(case_list(network=net, filters=CaseFilters(**kwargs)))


def test_newest_first_and_only_published(dk_network, cases):
    a, b, c = cases
    assert result(dk_network) == [c, b, a]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"topic": "alkohol"}, {0, 1}),
        ({"topic": "alkohol", "budget": ">1000000"}, {1}),
        ({"type": "tilbud"}, {1}),
        ({"target": "unge"}, {0}),
        ({"evaluation": "external", "quality": "transferability"}, {0}),
        ({"year": 2020}, {0}),
        ({"year": 2024}, {1, 2}),
        ({"region": "region-testland"}, {1, 2}),
        ({"network": "sunne-kommuner"}, set()),
    ],
)
def test_filters_combine(dk_network, cases, kwargs, expected):
    assert set(result(dk_network, **kwargs)) == {cases[i] for i in expected}


def test_municipality_filter(dk_network, cases, member_org):
    assert set(result(dk_network, municipality=member_org.slug)) == {cases[0]}


def test_facet_counts(dk_network, cases):
    by_key = {f["key"]: f for f in facets(network=dk_network, filters=CaseFilters(topic="alkohol"))}
    topics = {o["value"]: o["count"] for o in by_key["topic"]["options"]}
    assert topics["alkohol"] == 2 and topics["hygiejne"] == 1 and topics["tobak"] == 1
    evaluation = {o["value"]: o["count"] for o in by_key["evaluation"]["options"]}
    assert evaluation == {"none": 0, "internal": 1, "external": 1}
    assert any(o["selected"] for o in by_key["topic"]["options"])


def test_filters_from_query_drop_bad_values():
    f = CaseFilters.from_query(
        {"year": "abc", "budget": "lots", "topic": "<script>", "evaluation": "external"}
    )
    assert f.year is None and f.budget == "" and f.topic == "" and f.evaluation == "external"


def test_list_page_filters_in_url_and_counts(client, cases):
    response = client.get("/en/cases/?topic=alkohol&budget=%3E1000000")
    assert response.status_code == 200
    assert list(response.context["cases"]) == [cases[1]]
    html = response.content.decode()
    assert "1 case" in html
    assert "Alcohol (1)" in html and "Hygiene (0)" in html


def test_list_htmx_returns_fragment(client, cases):
    response = client.get("/da/cases/?topic=tobak", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert cases[1].title in html


def test_empty_state(client, dk_network):
    html = client.get("/en/cases/").content.decode()
    assert "There are no published cases yet." in html
    html = client.get("/en/cases/?topic=tobak").content.decode()
    assert "No cases match these filters." in html


def test_pagination(client, dk_network, member_org):
    for _i in range(25):
        CaseFactory(network=dk_network, organisation=member_org)
    response = client.get("/da/cases/?page=2")
    assert len(response.context["cases"]) == 5
    assert client.get("/da/cases/?page=99").status_code == 200


def test_sister_network_filter(client, dk_network, no_network, cases):
    org = MembershipFactory(
        network=no_network, organisation=OrganisationFactory(country="NO", code="1103")
    ).organisation
    shared = CaseFactory(network=no_network, organisation=org, shared=True, language="nb")
    assert result(dk_network, network="sunne-kommuner") == [shared]
    assert shared in result(dk_network)


def test_csv_and_xlsx_download(client, cases):
    response = client.get("/da/cases/export.csv?topic=alkohol")
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Titel,Organisation")
    assert len(text.strip().splitlines()) == 3
    response = client.get("/da/cases/export.xlsx?topic=tobak")
    assert response.status_code == 200
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 2
    assert sheet.cell(2, 1).value == cases[1].title
    assert sheet.title == "Cases"


@pytest.mark.parametrize(
    ("lang", "header", "values"),
    [
        ("da", ["Titel", "Evalueret"], ["evalueret internt", "Alkohol"]),
        ("en", ["Title", "Evaluated"], ["evaluated internally", "Alcohol"]),
    ],
)
def test_csv_export_is_in_the_readers_language_with_labels(client, cases, lang, header, values):
    """Issue 20, defect 11: the export had English headers and raw codes (project,
    internal, mental-sundhed) on a Danish page."""
    import csv
    import io

    text = client.get(f"/{lang}/cases/export.csv?evaluation=internal").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert all(name in rows[0] for name in header), rows[0]
    assert "slug" not in rows[0] and "evaluation" not in rows[0]
    row = dict(zip(rows[0], rows[1], strict=True))
    for value in values:
        assert any(value in cell for cell in row.values()), (value, row)
    assert "internal" not in row.values() and "alkohol" not in row.values()


def test_csv_neutralises_formulas(client, dk_network, member_org):
    CaseFactory(network=dk_network, organisation=member_org, title='=HYPERLINK("x")')
    text = client.get("/da/cases/export.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text


def test_case_statuses_are_excluded_from_csv(client, cases):
    text = client.get("/da/cases/export.csv").content.decode("utf-8-sig")
    assert len(text.strip().splitlines()) == 4
    assert Case.objects.count() == 4


def test_list_page_queries_do_not_grow_with_cases(client, dk_network, member_org):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    CaseFactory(network=dk_network, organisation=member_org, topics=["tobak"])
    client.get("/da/cases/")
    with CaptureQueriesContext(connection) as few:
        client.get("/da/cases/?evaluation=none")
    for i in range(15):
        CaseFactory(
            network=dk_network,
            organisation=member_org,
            topics=["tobak", "alkohol"] if i % 2 else ["hygiejne"],
        )
    client.get("/da/cases/")  # the list's index is rebuilt once after the changes
    with CaptureQueriesContext(connection) as many:
        client.get("/da/cases/?evaluation=none&x=1")
    assert len(many) == len(few)
