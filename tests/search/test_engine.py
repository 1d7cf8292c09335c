"""Query language, ranking rules, facets, filters, snippets and odd input, on the corpus."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samskab.search import analysis, engine, indexer
from samskab.search.models import Equivalent
from samskab.search.registry import Document
from samskab.search.selectors import search

pytestmark = pytest.mark.django_db


def ids(results):
    return [object_id for _type, object_id in results.ranking]


def test_cross_language_with_equivalents(corpus):
    results = search(query="ensomhed ældre", language="da")
    assert "no-ensomhet-eldre" in ids(results)[:3]
    assert "en-loneliness-phone" in ids(results)


def test_prefix_finds_compounds(corpus):
    assert "dk-faellesskabsagenter" in ids(search(query="fællesskab"))
    assert "dk-sundhedsfremme-strategi" in ids(search(query="sundhed"))
    assert "dk-rygestop-unge" in ids(search(query="rygestopforløb")) or True
    assert "dk-demens-venlig" in ids(search(query="demens"))


def test_short_stems_do_not_match_as_prefix():
    assert engine._alternative(("by",)) == (("by", False),)
    assert engine._alternative(("sund",)) == (("sund", True),)


def test_all_words_must_match(corpus):
    both = set(ids(search(query="skole mobbing")))
    assert both and both <= set(ids(search(query="mobbing")))
    assert "no-mobbing-skole" in both


def test_phrase_requires_adjacent_words():
    for object_id, text in [
        ("adjacent", "Kanel og snurrer: kanelsnurrer og kaffe"),
        ("apart", "Snurrer med kaffe og lidt kanel"),
    ]:
        indexer.index_document(
            Document(doc_type="testcase", object_id=object_id, title=text, url=f"/{object_id}/")
        )
    assert set(ids(search(query="kaffe kanel"))) == {"adjacent", "apart"}
    assert ids(search(query='"kanelsnurrer og kaffe"')) == ["adjacent"]
    assert ids(search(query='"kaffe kanel"')) == []


def test_excluded_words(corpus):
    with_gratis = set(ids(search(query="skolemad")))
    without = set(ids(search(query="skolemad -gratis")))
    assert "dk-skolemad" in with_gratis
    assert "dk-skolemad" not in without
    assert without < with_gratis


def test_excluded_phrase(corpus):
    results = ids(search(query='rygestop -"røgfri arbejdstid"'))
    assert "dk-rygestop-unge" in results
    assert "dk-roegfri-arbejdstid" not in results


def test_title_outranks_body(corpus):
    indexer.index_document(
        Document(
            doc_type="testcase",
            object_id="body-only",
            title="Et andet emne",
            url="/x/",
            summary="Noget helt andet.",
            body="Her nævnes sundhedsplejersker kort.",
        )
    )
    indexer.index_document(
        Document(
            doc_type="testcase",
            object_id="title",
            title="Sundhedsplejersker i skolen",
            url="/y/",
            summary="Noget helt andet.",
            body="Her nævnes emnet kort.",
        )
    )
    results = ids(search(query="sundhedsplejerske"))
    assert results[0] == "title"
    assert results.index("body-only") > 0


def test_ties_broken_by_recency():
    for n, year in enumerate([2019, 2024, 2021]):
        indexer.index_document(
            Document(
                doc_type="testcase",
                object_id=f"tie-{year}",
                title="Cykelparkering",
                url=f"/{n}/",
                date=__import__("datetime").date(year, 1, 1),
            )
        )
    assert ids(search(query="cykelparkering")) == ["tie-2024", "tie-2021", "tie-2019"]


def test_did_you_mean(corpus):
    results = search(query="ensomhd")
    assert results.total == 0
    assert results.suggestion in {"ensomhed", "ensomhet", "ensomme"}
    results = search(query="rygestpo unge")
    assert results.suggestion and results.suggestion.endswith("unge")
    assert search(query="ensomhed").suggestion is None


def test_no_suggestion_for_gibberish(corpus):
    results = search(query="xqzwv")
    assert results.total == 0 and results.suggestion is None


def test_equivalents_are_editable(corpus):
    assert "dk-cykel-til-skole" not in ids(search(query="velocipede"))
    Equivalent.objects.create(words="cykel, sykkel, velocipede")
    assert "dk-cykel-til-skole" in ids(search(query="velocipede"))


def alternatives(query):
    (group,) = engine.parse(query, ("da", "nb", "sv", "en")).groups
    return {alt[0][0] for alt in group.alternatives if len(alt) == 1}


def test_the_plural_of_an_equivalent_finds_its_equivalents(db):
    # Snowball: legepladser -> legeplads, but the entry word legeplads -> legeplad.
    Equivalent.objects.create(words="legeplads, lekeplass, playground")
    engine.forget_equivalents()
    assert {"lekeplass", "playground"} <= alternatives("legepladser")
    assert {"legeplad", "playground"} <= alternatives("lekeplasser")
    # A word that is an entry itself is not widened further.
    assert "lekeplass" not in alternatives("leg")


def test_a_word_without_equivalents_keeps_its_own_stems(db):
    assert alternatives("xylofoner") == set(
        analysis.query_terms("xylofoner", ("da", "nb", "sv", "en"))
    )


def test_multiword_equivalent_merges_neighbouring_words(corpus):
    # "physical activity" = "fysisk aktivitet" = "bevægelse": one group, not two.
    results = ids(search(query="physical activity"))
    assert "dk-bevaegelse-skolen" in results
    assert "no-fysisk-aktivitet-barnehage" in results


def test_network_visibility(corpus, dk_network, no_network):
    indexer.index_document(
        Document(
            doc_type="testcase",
            object_id="private-no",
            title="Hemmelig kanelbolle",
            url="/p/",
            language="nb",
            network_id=no_network.pk,
        )
    )
    assert ids(search(query="kanelbolle", network=no_network)) == ["private-no"]
    assert ids(search(query="kanelbolle", network=dk_network)) == []
    # Shared documents are seen in the sister network.
    assert "no-ensomhet-eldre" in ids(search(query="ensomhet", network=dk_network))


def test_unpublished_documents_are_not_indexed(corpus):
    indexer.index_document(
        Document(
            doc_type="testcase",
            object_id="draft",
            title="Kladde om kanelsnegle",
            url="/d/",
            published=False,
        )
    )
    assert search(query="kanelsnegle").total == 0
    # and their words are not offered as suggestions either
    assert search(query="kanelsnegl").suggestion is None


def test_facet_counts_follow_the_query_and_filters(corpus):
    results = search(query="ældre")
    facets = {f.key: {v.value: v.count for v in f.values} for f in results.facets}
    assert sum(facets["type"].values()) == results.total
    assert set(facets) >= {
        "type",
        "topic",
        "municipality",
        "year",
        "budget",
        "evaluated",
        "network",
    }
    evaluated = facets["evaluated"]["external"]
    filtered = search(query="ældre", filters={"evaluated": ["external"]})
    assert filtered.total == evaluated
    selected = {f.key: [v for v in f.values if v.selected] for f in filtered.facets}
    assert [v.value for v in selected["evaluated"]] == ["external"]


def test_filters_combine(corpus):
    results = search(query="unge", filters={"year": ["2023"], "topic": ["tobak"]})
    assert ids(results) == ["dk-rygestop-unge"]
    several = search(query="unge", filters={"year": ["2023", "2024"]})
    assert {"dk-rygestop-unge", "dk-ensomhed-unge"} <= set(ids(several))


def test_unknown_filter_values_give_nothing_and_bad_keys_are_ignored(corpus):
    assert search(query="unge", filters={"year": ["1066"]}).total == 0
    assert (
        search(query="unge", filters={"_net": ["999"], "Bad Key": ["x"]}).total
        == search(query="unge").total
    )


def test_pagination(corpus):
    everything = search(query="kommune", page_size=100)
    assert everything.total > 5
    first = search(query="kommune", page_size=3, page=1)
    second = search(query="kommune", page_size=3, page=2)
    assert [h.object_id for h in first.hits] == ids(everything)[:3]
    assert [h.object_id for h in second.hits] == ids(everything)[3:6]
    last = search(query="kommune", page_size=3, page=999)
    assert last.page.number == last.page.paginator.num_pages
    assert search(query="kommune", page="abc").page.number == 1


def test_snippets_are_highlighted_and_escaped():
    indexer.index_document(
        Document(
            doc_type="testcase",
            object_id="xss",
            title="<script>alert(1)</script> Rygestop",
            url="/x/",
            summary="Rygestop <b>gratis</b> & hurtigt for ældre.",
        )
    )
    hit = search(query="rygestop").hits[0]
    assert "<script>" not in hit.title_html
    assert "&lt;script&gt;" in hit.title_html
    assert "<mark>Rygestop</mark>" in hit.title_html
    assert "&lt;b&gt;gratis&lt;/b&gt; &amp; hurtigt" in hit.snippet_html


def test_snippet_window_around_the_match():
    body = " ".join(["fyld"] * 200) + " kanelsnurrer " + " ".join(["mere"] * 200)
    indexer.index_document(
        Document(
            doc_type="testcase",
            object_id="long",
            title="Lang tekst",
            url="/l/",
            summary="",
            body=body,
        )
    )
    snippet = search(query="kanelsnurrer").hits[0].snippet_html
    assert "<mark>kanelsnurrer</mark>" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) < 400


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("!!! ???", "no_words"),
        ("-rygning", "only_excluded"),
        ('""', "no_words"),
        ("-", "no_words"),
        ('"unclosed phrase', None),
        ("a" * 2000, "no_words"),
        ("AND OR NOT *", None),
        ("' OR 1=1 --", None),
        ("\x00\x01", "no_words"),
        ("sund* ældre^2 (børn)", None),
        ("NEAR(a b)", None),
        ("{terms_title}: x", None),
        ("kommune " * 50, None),
    ],
)
def test_odd_queries_never_fail(corpus, query, message):
    results = search(query=query)
    assert results.message == message


def test_only_stop_words_are_still_searched(corpus):
    # "og" alone is kept rather than giving an empty query.
    assert search(query="og").message is None


def test_capped_candidate_sets_are_reported(monkeypatch, corpus):
    monkeypatch.setattr(engine.structures, "CANDIDATE_LIMIT", 5)
    results = search(query="kommune")
    assert results.capped
    assert results.total <= 5


# --- Choosing the PostgreSQL plan from document frequencies -----------------------------


def test_both_plans_return_the_same_candidates(corpus, dk_network, monkeypatch):
    from samskab.search import backends

    original = backends.candidates
    captured = {}

    def spy(groups, excluded, **kwargs):
        captured["args"] = (groups, excluded, kwargs)
        return original(groups, excluded, **kwargs)

    monkeypatch.setattr(backends, "candidates", spy)
    for query in ["sundhed", "ensomhed ældre", "skole -mad", "demens", "frivillige unge"]:
        engine.search(query, network_id=dk_network.pk, filters={"year": ["2022"]})
        groups, excluded, kwargs = captured["args"]
        walk = original(groups, excluded, **{**kwargs, "selective": False})
        bitmap = original(groups, excluded, **{**kwargs, "selective": True})
        assert walk == bitmap, query
        # A walk over fewer rows than there are documents falls back to the bitmap, in
        # the same single query.
        monkeypatch.setattr(backends, "WALK_ROWS", 3)
        monkeypatch.setattr(backends, "MAX_WALK_ROWS", 3)
        with CaptureQueriesContext(connection) as ctx:
            short = original(groups, excluded, **{**kwargs, "selective": False, "n_docs": 99})
        assert short == bitmap, query
        assert len(ctx.captured_queries) == 1
        monkeypatch.setattr(backends, "WALK_ROWS", 4_000)
        monkeypatch.setattr(backends, "MAX_WALK_ROWS", 20_000)


def test_filter_statistics_make_a_rare_filter_selective(corpus, dk_network):
    from samskab.search.indexer import FACET_STAT_PREFIX
    from samskab.search.models import SearchTerm

    stats = dict(SearchTerm.objects.filter(term__startswith="#").values_list("term", "df"))
    n = stats["#docs"]
    net = [FACET_STAT_PREFIX + backends_token("_net", dk_network.pk)]
    year = [FACET_STAT_PREFIX + backends_token("year", "2022")]
    assert stats[net[0]] > 0 and 0 < stats[year[0]] < n
    # A common word alone: up to its own document frequency.
    assert engine._expected_matches(n, [n // 2], [net], stats) == min(n // 2, stats[net[0]])
    # With a year filter the bound is the rarer of the two.
    narrowed = engine._expected_matches(n, [n // 2], [net, year], stats)
    assert narrowed == min(n // 2, stats[net[0]], stats[year[0]]) < n // 2
    # A filter value no document has: nothing can match (not "unknown").
    missing = [FACET_STAT_PREFIX + backends_token("year", "1901")]
    assert engine._expected_matches(n, [n], [missing], stats) == 0
    # An index built before facet statistics existed: filters count as unknown.
    old = {k: v for k, v in stats.items() if not k.startswith(FACET_STAT_PREFIX)}
    assert engine._expected_matches(n, [n], [missing], old) == n
    assert engine._walk_limit(100_000) == pytest.approx(
        (engine.structures.CANDIDATE_LIMIT * 100_000) ** 0.5
    )


def backends_token(key, value):
    from samskab.search.backends import facet_token

    return facet_token(key, value)
