"""Ranked partial matching (issue 15, point 1): when no document holds every word, the
documents holding the most of them, with the words each lacks; phrases and exclusions stay
strict."""

import pytest

from samskab.search import engine, indexer
from samskab.search.registry import Document
from samskab.search.selectors import search

pytestmark = pytest.mark.django_db

TEXTS = {
    "three": "Fællesspisning for ensomme ældre i forsamlingshuset",
    "two": "Ensomme ældre får besøgsvenner",
    "one": "Ældre i bevægelse med motion",
    "other": "Kanelsnurrer og kaffe",
}


@pytest.fixture
def docs():
    for object_id, text in TEXTS.items():
        indexer.index_document(
            Document(doc_type="testcase", object_id=object_id, title=text, url=f"/{object_id}/")
        )


def ids(results):
    return [object_id for _type, object_id in results.ranking]


def test_strict_matches_are_not_partial(docs):
    results = search(query="ensomme ældre")
    assert not results.partial
    assert set(ids(results)) == {"three", "two"}
    assert all(hit.missing == [] for hit in results.hits)


def test_most_words_first_and_missing_words_named(docs):
    results = search(query="ensomme ældre forsamlingshuset kulturhus")
    assert results.partial
    assert ids(results)[0] == "three"
    assert ids(results)[1] == "two"
    # At least half of the words: "one" holds only "ældre".
    assert "one" not in ids(results)
    assert "other" not in ids(results)
    first, second = results.hits[:2]
    assert first.missing == ["kulturhus"]
    assert second.missing == ["forsamlingshuset", "kulturhus"]


def test_word_unknown_to_the_index_still_gives_results(docs):
    results = search(query="ensomme ældre xyzzyq")
    assert results.partial
    assert set(ids(results)) == {"three", "two"}
    assert results.hits[0].missing == ["xyzzyq"]


def test_one_or_two_words_are_not_relaxed(docs):
    for query in ["xyzzyq", "ældre xyzzyq", "ældre forsamlingshuset"]:
        results = search(query=query)
        assert not results.partial, query
    assert ids(search(query="ældre forsamlingshuset")) == ["three"]
    assert search(query="ældre xyzzyq").total == 0


def test_phrases_and_exclusions_stay_strict(docs):
    results = search(query='"ensomme ældre" forsamlingshuset fællesspisning kulturhus')
    assert results.partial
    assert ids(results) == ["three"]
    # The phrase must match: "one" holds neither it nor two of the other words.
    results = search(query='"ældre motion" forsamlingshuset fællesspisning kulturhus')
    assert results.total == 0
    results = search(query="ensomme ældre kulturhus -besøgsvenner")
    assert "two" not in ids(results)
    assert "three" in ids(results)


def test_unquoted_hyphenated_word_may_be_missing(docs):
    results = search(query="ensomme ældre forsamlingshuset e-cigaretter")
    assert results.partial
    assert ids(results)[0] == "three"
    assert results.hits[0].missing == ["e-cigaretter"]
    # Quoted, it is an exact phrase and must match.
    assert search(query='ensomme ældre forsamlingshuset "e-cigaretter"').total == 0


def test_partial_search_page_and_api(client, docs):
    page = client.get("/da/search/", {"q": "ensomme ældre kulturhus"})
    assert page.status_code == 200
    body = page.content.decode()
    assert "search-partial" in body
    assert "<s>kulturhus</s>" in body
    data = client.get("/api/v1/search", {"q": "ensomme ældre kulturhus"}).json()
    assert data["partial"] is True
    assert data["results"][0]["missing"] == ["kulturhus"]


def test_partial_costs_one_more_query(docs, django_assert_num_queries):
    engine._equivalent_lists()
    # vocabulary + strict candidates + partial candidates + the shown page's texts
    with django_assert_num_queries(4):
        assert search(query="ensomme ældre kulturhus").partial
