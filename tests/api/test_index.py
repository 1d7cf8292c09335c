import pytest

pytestmark = pytest.mark.django_db


def test_api_root_is_an_index_of_absolute_links(client, dk_network, settings):
    """Issue 20, defect 12: /api/v1/ was a (debug) 404 page."""
    settings.DEBUG = False
    response = client.get("/api/v1/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert data["network"] == dk_network.slug
    assert data["openapi"] == "http://testserver/api/v1/openapi.json"
    resources = {r["name"]: r["url"] for r in data["resources"]}
    assert set(resources) == {
        "networks",
        "cases",
        "events",
        "news",
        "decisions",
        "programmes",
        "search",
    }
    for url in [*resources.values(), data["openapi"], data["docs"]]:
        assert url.startswith("http://testserver/api/v1/")
        assert client.get(url).status_code == 200, url


def test_search_api_links_to_the_next_page(client, dk_network, member_org):
    from samskab.search import indexer
    from tests.cases.factories import CaseFactory

    for n in range(45):
        indexer.index_object(
            CaseFactory(network=dk_network, organisation=member_org, title=f"Bevægelse {n}")
        )
    first = client.get("/api/v1/search?q=bevægelse").json()
    assert first["num_pages"] == 3 and first["previous"] is None
    assert first["next"].startswith("http://testserver/api/v1/search?")
    assert "page=2" in first["next"]
    last = client.get("/api/v1/search?q=bevægelse&page=3").json()
    assert last["next"] is None and "page=2" in last["previous"]
