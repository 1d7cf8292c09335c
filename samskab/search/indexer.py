"""Writing the index: one document at a time (after a change) or in bulk (rebuild, bench)."""

from __future__ import annotations

import contextlib
import json
import time
from collections import Counter
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from . import analysis, registry
from .backends import facet_token
from .models import SearchDocument, SearchFacet, SearchTerm

DOC_TABLE = SearchDocument._meta.db_table
FACET_TABLE = SearchFacet._meta.db_table
STAT_DOCS, STAT_TITLE, STAT_MID, STAT_BODY = "#docs", "#len_title", "#len_mid", "#len_body"
# Stored text is for snippets; the terms of the whole text are indexed.
MAX_STORED_BODY = 20_000
# PostgreSQL keeps positions up to 16,383 per tsvector; stay well below.
MAX_TERMS_PER_FIELD = 5_000


def _pad(terms: list[str]) -> str:
    return f" {' '.join(terms)} " if terms else ""


def _facet_pairs(doc: registry.Document) -> dict[str, list[list[str]]]:
    facets: dict[str, list[list[str]]] = {"type": [[doc.doc_type, ""]]}
    for key, values in (doc.facets or {}).items():
        pairs, seen = [], set()
        for item in values or ():
            value, label = (item, item) if isinstance(item, str | int) else item
            value = str(value)[:200]
            if value and value not in seen:
                seen.add(value)
                pairs.append([value, str(label)])
        if pairs:
            facets[key] = pairs
    return facets


def build(doc: registry.Document):
    """The index row, facet rows and (term -> surface form) of a Document."""
    language = analysis.language_of(doc.language)
    fields = {
        "title": doc.title or "",
        "mid": "\n".join([doc.summary or "", *[str(t) for t in doc.topics or ()]]),
        "body": doc.body or "",
    }
    terms, forms, lengths = {}, {}, {}
    for name, text in fields.items():
        pairs = analysis.analyse_with_forms(text, language)[:MAX_TERMS_PER_FIELD]
        terms[name] = [term for _word, term in pairs]
        lengths[name] = len(pairs)
        for word, term in pairs:
            forms.setdefault(term, word)
        # The parts of compounds come after the field's own terms (phrases stay intact);
        # they do not count in the field's length.
        parts = analysis.compound_terms([w for w, _t in pairs], text, language)
        for word, term in parts[:MAX_TERMS_PER_FIELD]:
            terms[name].append(term)
            forms.setdefault(term, word)
    facets = _facet_pairs(doc)
    row = SearchDocument(
        doc_type=doc.doc_type[:40],
        object_id=str(doc.object_id)[:64],
        network_id=doc.network_id,
        language=language,
        url=doc.url[:500],
        title=(doc.title or "")[:500],
        summary=doc.summary or "",
        body=(doc.body or "")[:MAX_STORED_BODY],
        date=doc.date,
        terms_title=_pad(terms["title"]),
        terms_mid=_pad(terms["mid"]),
        terms_body=_pad(terms["body"]),
        len_title=lengths["title"],
        len_mid=lengths["mid"],
        len_body=lengths["body"],
        facets=facets,
    )
    facet_rows = [(key, value) for key, pairs in facets.items() for value, _label in pairs]
    networks = {doc.network_id, *(doc.shared_network_ids or ())} - {None}
    facet_rows += [("_net", str(n)) for n in sorted(networks)]
    row.terms_facets = _pad([facet_token(key, value) for key, value in facet_rows])
    return row, facet_rows, forms


FACET_STAT_PREFIX = "#f"


def _term_set(row: SearchDocument) -> set[str]:
    """The document's terms, and its facet tokens as ``#f<token>``: their document
    frequencies let a search estimate how many documents a filter keeps."""
    terms = set(row.terms_title.split()) | set(row.terms_mid.split()) | set(row.terms_body.split())
    terms.update(FACET_STAT_PREFIX + token for token in (row.terms_facets or "").split())
    return terms


def _stats(row: SearchDocument, sign: int) -> dict[str, int]:
    return {
        STAT_DOCS: sign,
        STAT_TITLE: sign * row.len_title,
        STAT_MID: sign * row.len_mid,
        STAT_BODY: sign * row.len_body,
    }


def _adjust_vocabulary(delta: dict[str, int], forms: dict[str, str]) -> None:
    delta = {term: n for term, n in delta.items() if n}
    if not delta:
        return
    existing = set(SearchTerm.objects.filter(term__in=list(delta)).values_list("term", flat=True))
    for n in sorted(set(delta.values())):
        terms = [t for t in existing if delta[t] == n]
        if terms:
            SearchTerm.objects.filter(term__in=terms).update(df=F("df") + n)
    new = [
        SearchTerm(term=t, df=n, form=forms.get(t, t)[:80])
        for t, n in sorted(delta.items())
        if t not in existing and n > 0
    ]
    SearchTerm.objects.bulk_create(new, ignore_conflicts=True)
    gone = [t for t, n in delta.items() if n < 0 and not t.startswith("#")]
    if gone:
        SearchTerm.objects.filter(term__in=gone, df__lte=0).delete()


# Every write to the index takes this lock first and reads what it indexes after it, so
# that a rebuild and the task worker never write an older version over a newer one. On
# SQLite write transactions are serialised already (``transaction_mode = IMMEDIATE``).
INDEX_LOCK_KEY = 0x5EA7C4


def write_lock() -> None:
    """Serialise index writers until the current transaction ends (call inside atomic)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [INDEX_LOCK_KEY])


def _write(row: SearchDocument, facet_rows, old: SearchDocument | None) -> Counter:
    """Save ``row`` (over ``old`` if there is one); the change to the vocabulary."""
    delta: Counter = Counter()
    new_terms = _term_set(row)
    if old is not None:
        old_terms = _term_set(old)
        for term in old_terms - new_terms:
            delta[term] -= 1
        for term in new_terms - old_terms:
            delta[term] += 1
        delta.update(_stats(old, -1))
        row.pk = old.pk
        row.save()
        SearchFacet.objects.filter(document=row).delete()
    else:
        for term in new_terms:
            delta[term] += 1
        row.save()
    delta.update(_stats(row, +1))
    SearchFacet.objects.bulk_create(
        [SearchFacet(document=row, key=k, value=v) for k, v in facet_rows]
    )
    return delta


def index_document(doc: registry.Document | None, *, doc_type: str = "", object_id: str = ""):
    """Put one document in the index (or take it out when it is None or unpublished)."""
    if doc is None or not doc.published:
        remove_document(doc_type or (doc and doc.doc_type), object_id or (doc and doc.object_id))
        return None
    row, facet_rows, forms = build(doc)
    with transaction.atomic():
        write_lock()
        old = SearchDocument.objects.filter(doc_type=row.doc_type, object_id=row.object_id).first()
        _adjust_vocabulary(_write(row, facet_rows, old), forms)
    return row


def remove_document(doc_type: str, object_id: str) -> bool:
    with transaction.atomic():
        write_lock()
        old = SearchDocument.objects.filter(doc_type=doc_type, object_id=str(object_id)).first()
        if old is None:
            return False
        delta: Counter = Counter(dict.fromkeys(_term_set(old), -1))
        delta.update(_stats(old, -1))
        SearchFacet.objects.filter(document=old).delete()
        old.delete()
        _adjust_vocabulary(delta, {})
    return True


def _remove_rows(rows: list[SearchDocument]) -> None:
    """Take ``rows`` out of the index (inside a transaction holding the write lock)."""
    if not rows:
        return
    delta: Counter = Counter()
    for old in rows:
        delta.update(dict.fromkeys(_term_set(old), -1))
        delta.update(_stats(old, -1))
    pks = [old.pk for old in rows]
    SearchFacet.objects.filter(document_id__in=pks).delete()
    SearchDocument.objects.filter(pk__in=pks).delete()
    _adjust_vocabulary(delta, {})


def index_object(obj) -> SearchDocument | None:
    adapter = registry.adapter_for_model(type(obj))
    if adapter is None:
        return None
    return index_document(adapter.document(obj), doc_type=adapter.doc_type, object_id=str(obj.pk))


def clear_index() -> None:
    """Empty the whole index (documents, facets, vocabulary)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {SearchFacet._meta.db_table}")  # noqa: S608 - constant table names
        cursor.execute(f"DELETE FROM {SearchTerm._meta.db_table}")  # noqa: S608 - constant table names
        if connection.vendor == "sqlite":
            # Emptying the FTS5 index at once is much faster than one trigger per row.
            cursor.execute("DROP TRIGGER IF EXISTS search_fts_ad")
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
            cursor.execute(f"DELETE FROM {SearchDocument._meta.db_table}")  # noqa: S608 - constant table names
            from .backends import create_schema

            create_schema(connection)
        else:
            cursor.execute(f"DELETE FROM {SearchDocument._meta.db_table}")  # noqa: S608 - constant table names


def bulk_index(docs: Iterable[registry.Document], *, batch_size: int = 1000, progress=None):
    """Add many new documents to an index that does not hold them yet (after
    ``clear_index``). Returns (count, seconds)."""
    started = time.perf_counter()
    df: Counter = Counter()
    forms: dict[str, str] = {}
    stats: Counter = Counter()
    count = 0
    batch = []

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT coalesce(max(id), 0) FROM {DOC_TABLE}")  # noqa: S608
        next_id = [cursor.fetchone()[0] + 1]
        # Into an empty PostgreSQL index, building the GIN index once at the end is much
        # faster than updating it row by row.
        # (Not inside a transaction: pending constraint checks forbid CREATE INDEX there.)
        rebuild_gin = (
            connection.vendor == "postgresql" and next_id[0] == 1 and not connection.in_atomic_block
        )
        if rebuild_gin:
            cursor.execute("DROP INDEX IF EXISTS search_document_tsv_gin")
    now = timezone.now()
    doc_columns = (
        "id, doc_type, object_id, network_id, language, url, title, summary, body, date, "
        "terms_title, terms_mid, terms_body, terms_facets, len_title, len_mid, len_body, "
        "facets, indexed_at"
    )

    def insert_many(cursor, table, columns, rows, chunk):
        # One multi-row INSERT per chunk: far fewer round trips than executemany.
        width = columns.count(",") + 1
        for start in range(0, len(rows), chunk):
            part = rows[start : start + chunk]
            values = ", ".join(["(" + ", ".join(["%s"] * width) + ")"] * len(part))
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {values}",  # noqa: S608
                [value for row in part for value in row],
            )

    def flush():
        # Plain SQL: the ORM's bulk_create costs more than the index itself here.
        doc_params, facet_params = [], []
        for row, facet_rows, _forms in batch:
            row.pk = next_id[0]
            next_id[0] += 1
            doc_params.append(
                (
                    row.pk,
                    row.doc_type,
                    row.object_id,
                    row.network_id,
                    row.language,
                    row.url,
                    row.title,
                    row.summary,
                    row.body,
                    row.date,
                    row.terms_title,
                    row.terms_mid,
                    row.terms_body,
                    row.terms_facets,
                    row.len_title,
                    row.len_mid,
                    row.len_body,
                    json.dumps(row.facets, ensure_ascii=False),
                    now,
                )
            )
            facet_params += [(row.pk, k, v) for k, v in facet_rows]
        with transaction.atomic(), connection.cursor() as cursor:
            insert_many(cursor, DOC_TABLE, doc_columns, doc_params, 500)
            insert_many(cursor, FACET_TABLE, "document_id, key, value", facet_params, 2000)
        batch.clear()

    for doc in docs:
        if doc is None or not doc.published:
            continue
        row, facet_rows, doc_forms = build(doc)
        for term in _term_set(row):
            df[term] += 1
            if term not in forms:
                forms[term] = doc_forms.get(term, term)
        stats.update(_stats(row, +1))
        batch.append((row, facet_rows, doc_forms))
        count += 1
        if len(batch) >= batch_size:
            flush()
            if progress:
                progress(count)
    if batch:
        flush()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            if rebuild_gin:
                from .backends import PG_GIN_INDEX

                cursor.execute(PG_GIN_INDEX)
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{DOC_TABLE}', 'id'), "  # noqa: S608
                f"(SELECT coalesce(max(id), 1) FROM {DOC_TABLE}))"
            )
    with transaction.atomic():
        delta = Counter(df)
        delta.update(stats)
        existing = dict(SearchTerm.objects.values_list("term", "df"))
        if existing:
            _adjust_vocabulary(delta, forms)
        else:
            SearchTerm.objects.bulk_create(
                [SearchTerm(term=t, df=n, form=forms.get(t, t)[:80]) for t, n in delta.items()],
                batch_size=5000,
            )
    return count, time.perf_counter() - started


STORED_FIELDS = (
    "network_id", "language", "url", "title", "summary", "body", "date", "terms_title",
    "terms_mid", "terms_body", "terms_facets", "facets",
)  # fmt: skip


def _unchanged(old: SearchDocument, row: SearchDocument) -> bool:
    return all(getattr(old, name) == getattr(row, name) for name in STORED_FIELDS)


def _refresh_batch(adapter: registry.SearchAdapter, pks: list) -> int:
    """Bring the documents of the objects ``pks`` up to date in one transaction: the
    objects are read after the write lock is taken, so what is written is what the
    database holds at that moment, whatever a worker did before or does after."""
    ids = [str(pk) for pk in pks]
    pk_field = adapter.queryset().model._meta.pk
    valid = []
    for pk in pks:
        # An id this model cannot have: its document is removed below.
        with contextlib.suppress(ValidationError):
            valid.append(pk_field.to_python(pk))
    with transaction.atomic():
        write_lock()
        docs = {}
        for doc in adapter.documents(adapter.queryset().filter(pk__in=valid)):
            if doc is not None and doc.published:
                docs[str(doc.object_id)] = doc
        existing = {
            d.object_id: d
            for d in SearchDocument.objects.filter(doc_type=adapter.doc_type, object_id__in=ids)
        }
        delta: Counter = Counter()
        forms: dict[str, str] = {}
        gone: list[SearchDocument] = []
        for object_id in ids:
            old = existing.get(object_id)
            doc = docs.get(object_id)
            if doc is None:
                if old is not None:
                    gone.append(old)
                continue
            row, facet_rows, doc_forms = build(doc)
            if old is not None and _unchanged(old, row):
                continue
            delta.update(_write(row, facet_rows, old))
            for term, form in doc_forms.items():
                forms.setdefault(term, form)
        _adjust_vocabulary(delta, forms)
        _remove_rows(gone)
    return len(docs)


def rebuild(*, stdout=None, batch_size: int = 200) -> int:
    """Bring the whole index up to date with every registered adapter, safely while the
    site serves and the task worker indexes: documents are updated in place batch by
    batch (never emptied and refilled), unchanged ones are left alone, and documents of
    objects that are gone or no longer published are removed. Returns the number of
    documents the index holds for the registered types."""
    total = 0
    registered = registry.adapters()
    for doc_type, adapter in sorted(registered.items()):
        pks = list(adapter.queryset().order_by("pk").values_list("pk", flat=True))
        count = 0
        for start in range(0, len(pks), batch_size):
            count += _refresh_batch(adapter, pks[start : start + batch_size])
        # Documents whose object no longer exists (deleted without a signal, or before
        # this type was registered); checked again under the lock.
        known = {str(pk) for pk in pks}
        orphans = [
            object_id
            for object_id in SearchDocument.objects.filter(doc_type=doc_type).values_list(
                "object_id", flat=True
            )
            if object_id not in known
        ]
        for start in range(0, len(orphans), batch_size):
            count += _refresh_batch(adapter, orphans[start : start + batch_size])
        total += count
        if stdout:
            stdout.write(f"{doc_type}: {count}")
    # Types nobody registers any more.
    while True:
        with transaction.atomic():
            write_lock()
            rows = list(SearchDocument.objects.exclude(doc_type__in=list(registered))[:batch_size])
            _remove_rows(rows)
        if len(rows) < batch_size:
            return total
