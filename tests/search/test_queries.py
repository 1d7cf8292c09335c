"""A search costs a fixed number of database queries, whatever the page size or hits."""

import pytest

from samskab.cases.search import topic_labels
from samskab.search import engine
from samskab.search.selectors import search

pytestmark = pytest.mark.django_db


def warm():
    engine._equivalent_lists()  # cached for an hour; one query when cold
    topic_labels(["any"])  # the topic facet's labels in every language, cached likewise


def test_topic_labels_cost_one_query_when_cold(corpus, django_assert_num_queries):
    engine._equivalent_lists()
    with django_assert_num_queries(4):
        search(query="kommune")
    with django_assert_num_queries(3):
        search(query="kommune")


def test_search_query_count(corpus, django_assert_num_queries, dk_network):
    warm()
    # vocabulary + candidates + the shown page's texts
    with django_assert_num_queries(3):
        results = search(query="ensomhed ældre", network=dk_network)
    assert results.hits
    with django_assert_num_queries(3):
        results = search(query="kommune", filters={"year": ["2023", "2024"]}, page_size=50)
    assert len(results.hits) > 3


def test_query_count_is_flat_in_page_size(corpus, django_assert_num_queries):
    warm()
    for size in (1, 5, 60):
        with django_assert_num_queries(3):
            search(query="kommune", page_size=size)


def test_nothing_found_costs_the_vocabulary_lookup_and_the_suggestion(
    corpus, django_assert_num_queries
):
    warm()
    with django_assert_num_queries(2):
        results = search(query="ensomhd")
    assert results.suggestion


def test_empty_query_costs_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        search(query="")


def test_cold_equivalents_cost_one_query(corpus, django_assert_num_queries):
    topic_labels(["any"])
    with django_assert_num_queries(4):
        search(query="skolemad")
    with django_assert_num_queries(3):
        search(query="skolemad")


def test_search_page_query_count(client, corpus, django_assert_num_queries):
    client.get("/da/search/", {"q": "unge"})  # warm the host and equivalents caches
    # the request's network (middleware) + vocabulary + candidates + page texts
    with django_assert_num_queries(4):
        assert client.get("/da/search/", {"q": "unge"}).status_code == 200
