import pytest

from samskab.cases import services
from tests.factories import MembershipFactory, OrganisationFactory

from .conftest import PDF
from .factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_list_is_paginated_and_filtered(client, dk_network, member_org):
    for _i in range(22):
        CaseFactory(network=dk_network, organisation=member_org, topics=["tobak"])
    CaseFactory(network=dk_network, organisation=member_org, topics=["alkohol"])
    CaseFactory(network=dk_network, organisation=member_org, status="draft", published_at=None)
    data = client.get("/api/v1/cases").json()
    assert data["count"] == 23
    assert len(data["items"]) == 20
    page2 = client.get("/api/v1/cases?page=2").json()
    assert len(page2["items"]) == 3
    only = client.get("/api/v1/cases?topic=alkohol").json()
    assert only["count"] == 1
    item = only["items"][0]
    assert item["topics"] == ["alkohol"]
    assert item["url"].endswith(f"/cases/{item['slug']}/")
    assert set(item) >= {
        "slug",
        "network",
        "language",
        "organisation",
        "contact",
        "period",
        "materials",
        "quality",
        "status",
        "purpose_met",
    }


def test_detail_and_contact_privacy(client, case, org_editor):
    services.material_add(actor=org_editor, case=case, title="F", filename="f.pdf", content=PDF)
    data = client.get(f"/api/v1/cases/{case.slug}").json()
    assert data["title"] == case.title
    assert data["contact"]["name"] == "Mette Nørgaard"
    assert data["contact"]["email"] == ""  # not consented
    assert data["materials"][0]["url"].endswith("/f.pdf")
    assert "content_base64" not in data["materials"][0]


def test_detail_404_for_draft_and_unknown(client, draft):
    assert client.get(f"/api/v1/cases/{draft.slug}").status_code == 404
    assert client.get("/api/v1/cases/nope").status_code == 404


def test_api_includes_shared_sister_cases(client, dk_network, no_network):
    org = MembershipFactory(
        network=no_network, organisation=OrganisationFactory(country="NO", code="4601")
    ).organisation
    shared = CaseFactory(network=no_network, organisation=org, shared=True)
    CaseFactory(network=no_network, organisation=org, shared=False)
    data = client.get("/api/v1/cases?network=sunne-kommuner").json()
    assert [i["slug"] for i in data["items"]] == [shared.slug]


def test_openapi_lists_case_endpoints(client, dk_network):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/cases" in paths and "/api/v1/cases/{slug}" in paths


def test_list_links_to_the_next_and_previous_page_keeping_the_filters(
    client, dk_network, member_org
):
    """Issue 20, defect 12: the list had no links to the next page."""
    for _i in range(45):
        CaseFactory(network=dk_network, organisation=member_org, topics=["tobak"])
    CaseFactory(network=dk_network, organisation=member_org, topics=["alkohol"])
    first = client.get("/api/v1/cases?topic=tobak").json()
    assert first["count"] == 45 and first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/cases?topic=tobak&page=2"
    seen = [item["slug"] for item in first["items"]]
    second = client.get(first["next"]).json()
    assert second["previous"] == "http://testserver/api/v1/cases?topic=tobak&page=1"
    seen += [item["slug"] for item in second["items"]]
    last = client.get(second["next"]).json()
    assert last["next"] is None and len(last["items"]) == 5
    seen += [item["slug"] for item in last["items"]]
    assert len(set(seen)) == 45
    # a page past the end points back to the last page
    beyond = client.get("/api/v1/cases?page=9&page_size=10").json()
    assert beyond["items"] == [] and beyond["next"] is None
    assert beyond["previous"].endswith("page=5&page_size=10")
    # one page in all: no links
    only = client.get("/api/v1/cases?topic=alkohol").json()
    assert only["next"] is None and only["previous"] is None
