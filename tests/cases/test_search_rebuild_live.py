"""``rebuild_search_index`` while the site serves and the task worker indexes.

An administrator runs the rebuild after an import, with editors saving cases at the same
time (each save re-indexes its case through the tasks API). The rebuild used to empty the
index and refill it: it crashed on the unique constraint when the worker put a case back in
between, and left the index with a fraction of the documents. Here both run at once, in
two threads with their own database connections, on whichever database the suite uses.
"""

import threading
import time
from collections import Counter

import pytest
from django.db import connection

from samskab.cases.models import Case
from samskab.search import indexer
from samskab.search.models import SearchDocument, SearchTerm

from .factories import CaseFactory

pytestmark = pytest.mark.django_db(transaction=True)


def vocabulary_from_documents() -> dict[str, int]:
    df: Counter = Counter()
    for row in SearchDocument.objects.all():
        df.update(indexer._term_set(row))
    return dict(df)


def run(target, errors: list, timings: dict, name: str, start: threading.Barrier):
    def body():
        try:
            start.wait(timeout=30)
            timings[name + "_start"] = time.perf_counter()
            target()
            timings[name + "_end"] = time.perf_counter()
        except Exception as error:  # noqa: BLE001 - reported by the test below
            errors.append((name, repr(error)))
        finally:
            connection.close()

    return threading.Thread(target=body, name=name)


def test_rebuild_while_editors_save_cases_leaves_every_published_case_indexed(
    dk_network, member_org, monkeypatch
):
    cases = [
        CaseFactory(network=dk_network, organisation=member_org, title=f"Sund skole {i}")
        for i in range(40)
    ]
    # As after an import that bypassed the signals: the index is empty.
    indexer.clear_index()
    assert SearchDocument.objects.count() == 0

    writes: list[float] = []
    # Make sure the two overlap whatever the machine's load: the rebuild pauses after its
    # first batch until the editors have saved a few cases, then both go on at once.
    rebuilding, saved_some = threading.Event(), threading.Event()
    batches = []
    real_batch = indexer._refresh_batch

    def batch(adapter, pks):
        count = real_batch(adapter, pks)
        batches.append(len(pks))
        if len(batches) == 1:
            rebuilding.set()
            saved_some.wait(timeout=60)
        return count

    monkeypatch.setattr(indexer, "_refresh_batch", batch)

    def editors():
        rebuilding.wait(timeout=60)
        for i in range(15):
            if i == 5:
                saved_some.set()
            CaseFactory(network=dk_network, organisation=member_org, title=f"Ny praksis {i}")
            writes.append(time.perf_counter())
            edited = Case.objects.get(pk=cases[i].pk)
            edited.title = f"Ændret praksis {i}"
            edited.save()
            writes.append(time.perf_counter())
            if i % 3 == 0:
                hidden = Case.objects.get(pk=cases[39 - i].pk)
                hidden.status = Case.Status.DRAFT
                hidden.save()
                writes.append(time.perf_counter())

    errors: list = []
    timings: dict = {}
    start = threading.Barrier(2)
    threads = [
        run(lambda: indexer.rebuild(batch_size=2), errors, timings, "rebuild", start),
        run(editors, errors, timings, "editors", start),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=240)
    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    # The two really ran at the same time: editors saved while the rebuild was running.
    assert rebuilding.is_set() and saved_some.is_set() and len(batches) > 10
    assert any(timings["rebuild_start"] < t < timings["rebuild_end"] for t in writes)

    published = dict(Case.objects.published().values_list("pk", "title"))
    assert len(published) == 40 + 15 - 5
    indexed = dict(SearchDocument.objects.filter(doc_type="case").values_list("object_id", "title"))
    assert indexed == {str(pk): title for pk, title in published.items()}
    # The vocabulary's document frequencies are those of the documents, not counted twice.
    vocabulary = dict(SearchTerm.objects.exclude(term__startswith="#").values_list("term", "df"))
    expected = {t: n for t, n in vocabulary_from_documents().items() if not t.startswith("#")}
    assert vocabulary == expected
    assert SearchTerm.objects.get(term=indexer.STAT_DOCS).df == SearchDocument.objects.count()


def test_rebuild_updates_in_place_and_removes_what_is_gone(dk_network, member_org):
    kept, changed, hidden = (
        CaseFactory(network=dk_network, organisation=member_org, title=title)
        for title in ("Krolf for alle", "Fællesspisning", "Gåture")
    )
    before = {d.object_id: d.pk for d in SearchDocument.objects.filter(doc_type="case")}
    assert set(before) == {str(kept.pk), str(changed.pk), str(hidden.pk)}
    # Changes that the index has not heard of (as an import with signals off would make).
    Case.objects.filter(pk=changed.pk).update(title="Fællesspisning i landsbyerne")
    Case.objects.filter(pk=hidden.pk).update(status=Case.Status.DRAFT)
    indexer.index_document(
        indexer.registry.Document(doc_type="case", object_id="999999", title="Slettet", url="/")
    )

    assert indexer.rebuild() == 2
    after = {d.object_id: d for d in SearchDocument.objects.filter(doc_type="case")}
    assert set(after) == {str(kept.pk), str(changed.pk)}
    # Updated in place (same rows), never emptied and refilled.
    assert after[str(kept.pk)].pk == before[str(kept.pk)]
    assert after[str(changed.pk)].pk == before[str(changed.pk)]
    assert after[str(changed.pk)].title == "Fællesspisning i landsbyerne"
