"""The search page, the header search box and GET /api/v1/search."""

import pytest

pytestmark = pytest.mark.django_db


def test_header_has_a_search_box(client, dk_network):
    html = client.get("/da/").content.decode()
    assert 'role="search"' in html
    assert 'action="/da/search/"' in html


def test_search_page_empty_state(client, dk_network):
    response = client.get("/da/search/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="q"' in html
    assert 'class="search-hit"' not in html
    assert "Skriv et eller flere ord" in html or "Type one or more words" in html


def test_search_page_finds_cross_language(client, corpus):
    response = client.get("/da/search/", {"q": "ensomhed ældre"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>Ensomhet</mark>" in html
    assert "/da/cases/no-ensomhet-eldre/" in html
    assert 'name="evaluated"' in html  # facets are shown as filters


def test_search_page_filters_and_pagination_links(client, corpus):
    response = client.get("/en/search/", {"q": "kommune", "year": "2023"})
    html = response.content.decode()
    assert 'value="2023" checked' in html
    assert response.context["results"].total >= 1
    assert all(
        v.value == "2023"
        for f in response.context["results"].facets
        if f.key == "year"
        for v in f.values
    )


def test_search_page_did_you_mean(client, corpus):
    html = client.get("/nb/search/", {"q": "ensomhd"}).content.decode()
    assert "?q=ensom" in html


def test_search_page_htmx_partial(client, corpus):
    response = client.get("/da/search/", {"q": "skolemad"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'class="search-hit"' in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "-x",
        '"',
        "%",
        "<script>alert(1)</script>",
        "x" * 5000,
        "\x00",
        "a AND (b OR",
        "sund*",
        "page=2",
    ],
)
def test_search_page_odd_queries(client, corpus, query):
    response = client.get("/da/search/", {"q": query, "page": "-3"})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_search_page_says_when_the_query_was_shortened(client, corpus):
    html = client.get("/en/search/", {"q": "kommune " * 100}).content.decode()
    assert 'class="ds-alert"' in html


def test_api_search(client, corpus):
    response = client.get("/api/v1/search", {"q": "røykeslutt"})
    assert response.status_code == 200
    data = response.json()
    assert data["total"] >= 2
    assert data["results"][0]["id"] == "no-royk-slutt"
    assert "<mark>" in data["results"][0]["title_html"]
    assert {f["key"] for f in data["facets"]} >= {"type", "topic", "year"}


def test_api_matches_the_page(client, corpus):
    page = client.get("/da/search/", {"q": "unge", "topic": "tobak"}).context["results"]
    api = client.get("/api/v1/search", {"q": "unge", "topic": "tobak", "language": "da"}).json()
    assert [r["id"] for r in api["results"]] == [h.object_id for h in page.hits]
    assert api["total"] == page.total


def test_api_odd_queries(client, corpus):
    assert client.get("/api/v1/search").json()["message"] == "empty"
    assert client.get("/api/v1/search", {"q": "-x"}).json()["message"] == "only_excluded"
    assert client.get("/api/v1/search", {"q": "x" * 5000}).status_code == 200
    assert client.get("/api/v1/search", {"q": "ensomhd"}).json()["suggestion"]
    assert client.get("/api/v1/search", {"q": "a", "page": "x"}).status_code == 400
    assert client.get("/api/v1/search", {"q": "kommune", "page": 999}).status_code == 200


def test_equivalents_are_seeded_and_editable_in_the_admin():
    from django.contrib import admin

    from samskab.search.models import Equivalent

    assert Equivalent.objects.count() >= 40
    assert admin.site.is_registered(Equivalent)
    words = " ".join(Equivalent.objects.values_list("words", flat=True))
    for word in [
        "sundhed",
        "helse",
        "ældre",
        "eldre",
        "børn",
        "barn",
        "fællesskab",
        "fellesskap",
        "borger",
        "innbygger",
        "forebyggelse",
        "forebygging",
        "ensomhed",
        "ensomhet",
        "trivsel",
        "unge",
        "ungdom",
        "bevægelse",
        "fysisk aktivitet",
    ]:
        assert word in words
