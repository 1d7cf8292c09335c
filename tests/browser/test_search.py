"""The search page in a real browser: the header box, results, facets, axe."""

import pytest
from playwright.sync_api import expect

from tests.search.conftest import CORPUS, corpus_document

from .conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def indexed(dk_network, no_network):
    from samskab.search import indexer

    networks = {"dk": dk_network, "no": no_network}
    indexer.bulk_index(corpus_document(item, networks) for item in CORPUS)
    return networks


@pytest.mark.parametrize(
    ("lang", "button", "status"),
    [("da", "Søg", "resultat"), ("nb", "Søk", "resultat"), ("en", "Search", "result")],
)
def test_search_from_the_header(page, indexed, lang, button, status):
    page.goto(f"/{lang}/")
    header = page.get_by_role("search").first
    header.get_by_role("searchbox").fill("ensomhed ældre")
    header.get_by_role("button", name=button).click()
    page.wait_for_url(f"**/{lang}/search/**")
    expect(page.locator("#search-status")).to_contain_text(status)
    expect(page.locator(".search-hit mark").first).to_be_visible()
    assert_no_axe_violations(page, f"search results ({lang})")


def test_filter_by_facet_without_javascript_reload(page, indexed):
    page.goto("/en/search/?q=unge")
    page.get_by_label("2023").first.check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**year=2023**")
    expect(page.locator("#search-status")).to_contain_text("result")
    assert_no_axe_violations(page, "filtered search")


def test_empty_search_page(page, indexed):
    page.goto("/da/search/")
    expect(page.locator("#search-status")).to_contain_text("Skriv et eller flere ord")
    assert_no_axe_violations(page, "empty search")
