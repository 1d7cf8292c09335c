"""The registry, re-indexing through the tasks API, the rebuild command and the vocabulary."""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection

from samskab.groups.models import ThemeGroup
from samskab.search import indexer, registry
from samskab.search.models import SearchDocument, SearchFacet, SearchTerm
from samskab.search.registry import Document, SearchAdapter
from samskab.search.selectors import search

from .conftest import CORPUS, corpus_document

pytestmark = pytest.mark.django_db


class GroupAdapter(SearchAdapter):
    doc_type = "testgroup"
    type_label = "Theme group"

    def document(self, group):
        return Document(
            doc_type=self.doc_type,
            object_id=str(group.pk),
            title=group.name,
            url=f"/da/groups/{group.slug}/",
            language="da",
            network_id=group.network_id,
            summary=group.lead,
            body="\n".join([group.purpose, group.focus]),
            published=bool(group.lead),
            date=group.created_at.date(),
            facets={"network": [(group.network.slug, group.network.name)]},
        )


@pytest.fixture
def group_adapter():
    adapter = registry.register(ThemeGroup, GroupAdapter())
    yield adapter
    registry.unregister(ThemeGroup)


def make_group(network, **kwargs):
    defaults = {
        "name": "Sundhed og lokalsamfund",
        "slug": "sundhed-og-lokalsamfund",
        "lead": "Temagruppe om lokalsamfundsudvikling og fællesskaber.",
    }
    return ThemeGroup.objects.create(network=network, **{**defaults, **kwargs})


def test_saving_enqueues_indexing_after_commit(
    group_adapter, dk_network, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        group = make_group(dk_network)
    assert len(callbacks) == 1
    results = search(query="lokalsamfund", network=dk_network)
    assert [h.object_id for h in results.hits] == [str(group.pk)]
    assert results.hits[0].type_label == "Theme group"

    with django_capture_on_commit_callbacks(execute=True):
        group.name = "Strategisk lokalsamfundsudvikling"
        group.save()
    assert search(query="strategisk").total == 1
    assert search(query="lokalsamfund").total == 1


def test_nothing_is_indexed_when_the_transaction_rolls_back(
    group_adapter, dk_network, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        make_group(dk_network)
    assert SearchDocument.objects.count() == 0


def test_unpublishing_and_deleting_remove_the_document(
    group_adapter, dk_network, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        group = make_group(dk_network)
    assert SearchDocument.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        group.lead = ""
        group.save()
    assert SearchDocument.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        group.lead = "Igen synlig"
        group.save()
    assert SearchDocument.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        group.delete()
    assert SearchDocument.objects.count() == 0
    assert SearchFacet.objects.count() == 0
    assert search(query="synlig").total == 0


@pytest.fixture
def group_unregistered():
    """Theme groups are searchable (samskab/groups/search.py): take their adapter out for
    this test and put it back afterwards."""
    real = registry.adapter_for_model(ThemeGroup)
    registry.unregister(ThemeGroup)
    yield
    if real is not None:
        registry.register(ThemeGroup, real)


def test_unregistered_models_are_not_indexed(
    group_unregistered, dk_network, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        make_group(dk_network)
    assert callbacks == []
    assert SearchDocument.objects.count() == 0


def test_rebuild_command_indexes_everything_registered(group_adapter, dk_network):
    make_group(dk_network)  # no on-commit callbacks run: the index is stale
    make_group(dk_network, name="Mad og måltider", slug="mad")
    indexer.index_document(Document(doc_type="stale", object_id="1", title="Gammelt", url="/"))
    assert search(query="måltider").total == 0
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert search(query="måltider").total == 1
    assert search(query="gammelt").total == 0
    assert SearchDocument.objects.count() == 2


def vocabulary_from_documents():
    df = Counter()
    for row in SearchDocument.objects.all():
        df.update(indexer._term_set(row))
    return dict(df)


def test_incremental_vocabulary_matches_a_rebuild(corpus):
    def stored():
        # Words, and facet tokens as "#f..." (counted like words); not the "#docs"/"#len"
        # statistics. A facet token no document holds any more keeps a row with df 0.
        rows = SearchTerm.objects.exclude(term__startswith="#", df__lte=0).exclude(
            term__in=["#docs", "#len_title", "#len_mid", "#len_body"]
        )
        return dict(rows.values_list("term", "df"))

    doc = Document(
        doc_type="testcase",
        object_id="dk-skolemad",
        title="Skolemad ændret",
        url="/x/",
        language="da",
        summary="Helt ny tekst om frugt",
    )
    indexer.index_document(doc)
    indexer.remove_document("testcase", "dk-besogsvenner")
    assert stored() == vocabulary_from_documents()
    stats = dict(SearchTerm.objects.filter(term__startswith="#").values_list("term", "df"))
    assert stats["#docs"] == SearchDocument.objects.count()
    assert stats["#len_title"] == sum(SearchDocument.objects.values_list("len_title", flat=True))


def test_full_text_index_follows_the_table(corpus):
    """The FTS5 table (SQLite) or the tsv column (PostgreSQL) is kept by triggers."""
    indexer.remove_document("testcase", "dk-skolemad")
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'skolemad'")
        else:
            cursor.execute(
                "SELECT count(*) FROM search_searchdocument "
                "WHERE tsv @@ to_tsquery('simple', 'skolemad')"
            )
        assert cursor.fetchone()[0] == 0
    assert search(query="skolemad").total >= 1  # the Norwegian and English ones remain


def test_bulk_index_gives_the_same_results_as_one_by_one(corpus):
    before = {q: search(query=q).ranking for q in ["ensomhed", "skolemad", "unge -alkohol"]}
    indexer.clear_index()
    count, _seconds = indexer.bulk_index(corpus_document(item, corpus) for item in CORPUS)
    assert count == len(CORPUS)
    after = {q: search(query=q).ranking for q in before}
    assert after == before


def test_document_carries_no_contact_data():
    fields = set(Document.__dataclass_fields__)
    assert not fields & {"email", "phone", "contact"}


def test_schema_is_recreated_when_missing(corpus):
    """A later SQLite migration that rebuilds the table drops its triggers; the post-migrate
    hook (backends.create_schema) puts them back and fills in what was missed."""
    from samskab.search import backends

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER search_fts_ai")
        else:
            cursor.execute("DROP TRIGGER search_document_tsv_trigger ON search_searchdocument")
    indexer.index_document(
        Document(doc_type="testcase", object_id="new", title="Kanelstang", url="/n/")
    )
    assert search(query="kanelstang").total == 0
    backends.create_schema(connection)
    assert search(query="kanelstang").total == 1
    assert search(query="skolemad").total >= 2
