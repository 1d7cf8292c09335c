"""What differs between SQLite and PostgreSQL: the full-text index and the SQL that uses it.

Both indexes hold the analyser's terms of three fields (title; summary and topics; the rest)
and answer the same boolean question: which documents hold, for every query word, one of
its alternative terms (exactly, or as a prefix)? Ranking happens afterwards in Python
(the ``engine`` package), the same on both.

- SQLite: an external-content FTS5 table ``search_fts`` over ``search_searchdocument``,
  kept current by triggers. ``detail=none``: no positions, since phrases are checked in
  Python; the index is much smaller and faster to scan.
- PostgreSQL: a ``tsv`` column (``to_tsvector('simple', ...)`` of the terms, weight A for
  the title, B for summary and topics, D for the rest) filled by a trigger, GIN index.

Both are created by migration 0002 only on their own database, and re-created after every
``migrate`` if missing (a table rebuild by a later SQLite migration drops triggers).
"""

from __future__ import annotations

import hashlib

from django.db import connection

DOC_TABLE = "search_searchdocument"
FACET_TABLE = "search_searchfacet"
TERM_TABLE = "search_searchterm"

SQLITE_SCHEMA = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
        terms_title, terms_mid, terms_body, terms_facets,
        content='search_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', detail=none)""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_ai AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, terms_title, terms_mid, terms_body, terms_facets)
        VALUES (new.id, new.terms_title, new.terms_mid, new.terms_body, new.terms_facets);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_ad AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, terms_title, terms_mid, terms_body, terms_facets)
        VALUES ('delete', old.id, old.terms_title, old.terms_mid, old.terms_body,
                old.terms_facets);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_au
        AFTER UPDATE OF terms_title, terms_mid, terms_body, terms_facets
        ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, terms_title, terms_mid, terms_body, terms_facets)
        VALUES ('delete', old.id, old.terms_title, old.terms_mid, old.terms_body,
                old.terms_facets);
        INSERT INTO search_fts(rowid, terms_title, terms_mid, terms_body, terms_facets)
        VALUES (new.id, new.terms_title, new.terms_mid, new.terms_body, new.terms_facets);
    END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_fts_ai",
    "DROP TRIGGER IF EXISTS search_fts_ad",
    "DROP TRIGGER IF EXISTS search_fts_au",
    "DROP TABLE IF EXISTS search_fts",
]

_PG_VECTOR = (
    "setweight(to_tsvector('simple', coalesce(NEW.terms_title, '')), 'A') || "
    "setweight(to_tsvector('simple', coalesce(NEW.terms_mid, '')), 'B') || "
    "setweight(to_tsvector('simple', coalesce(NEW.terms_body, '')), 'D') || "
    "setweight(to_tsvector('simple', coalesce(NEW.terms_facets, '')), 'C')"
)
POSTGRES_SCHEMA = [
    f"ALTER TABLE {DOC_TABLE} ADD COLUMN IF NOT EXISTS tsv tsvector",
    # Keep the vector in the row (compressed) rather than in TOAST: a search that walks
    # the newest documents checks it row by row (measured twice as fast at 100,000).
    f"ALTER TABLE {DOC_TABLE} ALTER COLUMN tsv SET STORAGE MAIN",
    f"""CREATE OR REPLACE FUNCTION search_document_tsv() RETURNS trigger AS $$
    BEGIN
        NEW.tsv := {_PG_VECTOR};
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    f"DROP TRIGGER IF EXISTS search_document_tsv_trigger ON {DOC_TABLE}",
    f"""CREATE TRIGGER search_document_tsv_trigger
        BEFORE INSERT OR UPDATE OF terms_title, terms_mid, terms_body, terms_facets
        ON {DOC_TABLE}
        FOR EACH ROW EXECUTE FUNCTION search_document_tsv()""",
    # Rows written while the trigger was missing get their vector now.
    f"UPDATE {DOC_TABLE} SET terms_title = terms_title WHERE tsv IS NULL",  # noqa: S608
    f"CREATE INDEX IF NOT EXISTS search_document_tsv_gin ON {DOC_TABLE} USING gin (tsv)",
]
PG_GIN_INDEX = POSTGRES_SCHEMA[-1]
POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS search_document_tsv_trigger ON {DOC_TABLE}",
    "DROP FUNCTION IF EXISTS search_document_tsv()",
    "DROP INDEX IF EXISTS search_document_tsv_gin",
    f"ALTER TABLE {DOC_TABLE} DROP COLUMN IF EXISTS tsv",
]


def create_schema(conn) -> None:
    """Create the full-text index for ``conn``'s database (idempotent)."""
    with conn.cursor() as cursor:
        if conn.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE 'search_fts%%'")
            before = cursor.fetchone()[0]
            for sql in SQLITE_SCHEMA:
                cursor.execute(sql)
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE 'search_fts%%'")
            if cursor.fetchone()[0] != before:
                # Something was (re)created: fill the index from the documents table.
                cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
        elif conn.vendor == "postgresql":
            for sql in POSTGRES_SCHEMA:
                cursor.execute(sql)


def drop_schema(conn) -> None:
    with conn.cursor() as cursor:
        for sql in {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(conn.vendor, []):
            cursor.execute(sql)


def ensure_schema_after_migrate(using="default", plan=None, **kwargs) -> None:
    from django.db import connections

    conn = connections[using]
    if DOC_TABLE in conn.introspection.table_names():
        create_schema(conn)


def supported(conn=None) -> bool:
    return (conn or connection).vendor in ("sqlite", "postgresql")


# --- Match expressions -------------------------------------------------------------------
# A query reaches the backend as ``groups`` (every group must match) and ``excluded``
# (no group may match). A group is a list of alternatives; an alternative is a tuple of
# (term, prefix) pairs that must all occur.


def _fts_alternative(alternative, columns: str) -> str:
    parts = []
    for term, prefix in alternative:
        quoted = term.replace('"', '""')
        parts.append(f'{columns}"{quoted}"{"*" if prefix else ""}')
    return "(" + " AND ".join(parts) + ")"


def fts5_expression(groups, excluded) -> str:
    columns = ""
    positive = " AND ".join(
        "(" + " OR ".join(_fts_alternative(a, columns) for a in group) + ")" for group in groups
    )
    if excluded:
        negative = " OR ".join(_fts_alternative(a, "") for group in excluded for a in group)
        return f"({positive}) NOT ({negative})"
    return positive


def _ts_alternative(alternative, weights: str) -> str:
    parts = []
    for term, prefix in alternative:
        suffix = (":*" if prefix else ":") + weights if (prefix or weights) else ""
        quoted = term.replace("'", "''").replace("\\", "")
        parts.append(f"'{quoted}'{suffix}")
    return "(" + " & ".join(parts) + ")"


def tsquery_expression(groups, excluded) -> str:
    weights = ""
    positive = " & ".join(
        "(" + " | ".join(_ts_alternative(a, weights) for a in group) + ")" for group in groups
    )
    if excluded:
        negative = " | ".join(_ts_alternative(a, "") for group in excluded for a in group)
        return f"({positive}) & !({negative})"
    return positive


def facet_token(key: str, value) -> str:
    """A facet value as one index token: letters only (``zq`` + 16 of a-p, from a hash),
    which both FTS5's unicode61 and PostgreSQL's parser keep whole, and which the
    analyser never produces from text (it is not in the vocabulary either)."""
    digest = hashlib.blake2b(f"{key}={value}".encode(), digest_size=8).hexdigest()
    return "zq" + digest.translate(_HEX_TO_LETTERS)


_HEX_TO_LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")


def filter_groups(network_id, filters) -> list:
    """Network visibility and facet filters as extra groups of exact tokens."""
    groups = []
    if network_id is not None:
        groups.append([((facet_token("_net", network_id), False),)])
    for key in sorted(filters):
        values = sorted(filters[key])
        if values:
            groups.append([((facet_token(key, v), False),) for v in values])
    return groups


CANDIDATE_COLUMNS = (
    "d.id, d.doc_type, d.object_id, d.language, d.date, d.terms_title, d.terms_mid, "
    "d.terms_body, d.len_title, d.len_mid, d.len_body, d.facets"
)


# On PostgreSQL, a walk over the newest documents looks at no more rows than this (by
# default; the engine passes more when many documents may match).
WALK_ROWS = 4_000
MAX_WALK_ROWS = 20_000


def candidates(
    groups,
    excluded,
    *,
    network_id,
    filters,
    limit: int,
    selective: bool = False,
    n_docs=None,
    walk_rows=None,
):
    """Rows of the matching documents (newest indexed first), at most ``limit``.

    ``selective``: the caller knows that few documents can match (from the terms' document
    frequencies). On PostgreSQL that decides the plan. Reading the GIN index's bitmap of
    all matches costs a row per match; walking the newest documents and testing each stops
    after ``limit`` matches, which is quick when many match. The planner's own estimate for
    a tsquery is often far off, so the SQL says which: ``m.id + 0`` (no index can serve it)
    for the bitmap, and a walk bounded to the newest ``walk_rows`` rows (as many as
    the most documents that can match, within ``WALK_ROWS``–``MAX_WALK_ROWS``), followed by the
    bitmap when the walk found fewer than ``limit`` and ``n_docs`` (the documents in the
    index) does not say it saw them all; one query either way. Every plan returns the
    same rows."""
    groups = list(groups) + filter_groups(network_id, filters)
    if connection.vendor == "sqlite":
        sql = (
            f"SELECT {CANDIDATE_COLUMNS} FROM search_fts f "  # noqa: S608
            f"JOIN {DOC_TABLE} d ON d.id = f.rowid "
            "WHERE search_fts MATCH %s ORDER BY f.rowid DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [fts5_expression(groups, excluded), limit])
            return cursor.fetchall()
    query = tsquery_expression(groups, excluded)
    # Choose the ids first, then read the wide columns of those rows only.
    outer = (
        f"SELECT {CANDIDATE_COLUMNS} FROM {DOC_TABLE} d WHERE d.id IN ({{ids}}) "  # noqa: S608
        "ORDER BY d.id DESC"
    )
    bitmap = (
        f"SELECT m.id FROM {DOC_TABLE} m WHERE m.tsv @@ to_tsquery('simple', %s) "  # noqa: S608
        "ORDER BY m.id + 0 DESC LIMIT %s"
    )
    walk = (
        f"SELECT m.id FROM (SELECT id, tsv FROM {DOC_TABLE} ORDER BY id DESC LIMIT %s) m "  # noqa: S608
        "WHERE m.tsv @@ to_tsquery('simple', %s) ORDER BY m.id DESC LIMIT %s"
    )
    walk_rows = max(WALK_ROWS, min(MAX_WALK_ROWS, walk_rows or 0))
    with connection.cursor() as cursor:
        if selective:
            cursor.execute(outer.format(ids=bitmap), [query, limit])
            return cursor.fetchall()
        # One statement: the walk, and the bitmap only when the walk found too few and
        # did not see every document (PostgreSQL skips a branch whose one-time filter,
        # an uncorrelated condition, is false).
        complete = n_docs is not None and n_docs <= walk_rows
        both = (
            f"WITH w AS MATERIALIZED ({walk}), c AS (SELECT count(*) AS n FROM w) "  # noqa: S608
            "SELECT id FROM w WHERE (SELECT n FROM c) >= %s OR %s "
            f"UNION ALL SELECT b.id FROM ({bitmap}) b WHERE (SELECT n FROM c) < %s AND NOT %s"
        )
        params = [walk_rows, query, limit, limit, complete, query, limit, limit, complete]
        cursor.execute(outer.format(ids=both), params)
        return cursor.fetchall()


def term_stats(exact_terms, prefixes) -> list[tuple[str, int]]:
    """(term, df) of the vocabulary rows equal to an exact term or starting with a prefix,
    plus the collection statistics rows (``#...``)."""
    exact = sorted(set(exact_terms) | {"#docs", "#len_title", "#len_mid", "#len_body"})
    marks = ", ".join(["%s"] * len(exact))
    clauses = [f"term IN ({marks})"]
    params = list(exact)
    for prefix in sorted(set(prefixes)):
        if connection.vendor == "sqlite":
            clauses.append("term GLOB %s")
            params.append(prefix + "*")
        else:
            clauses.append("term LIKE %s")
            params.append(prefix + "%")
    sql = f"SELECT term, df FROM {TERM_TABLE} WHERE " + " OR ".join(clauses)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def similar_terms(first_letter: str, min_length: int, max_length: int):
    """Vocabulary rows that could be a misspelling's correction."""
    if connection.vendor == "sqlite":
        clause, pattern = "term GLOB %s", first_letter + "*"
    else:
        clause, pattern = "term LIKE %s", first_letter + "%"
    sql = (
        f"SELECT term, df, form FROM {TERM_TABLE} WHERE {clause} "  # noqa: S608
        "AND length(term) BETWEEN %s AND %s AND df > 0 ORDER BY term"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [pattern, min_length, max_length])
        return cursor.fetchall()


def index_size_bytes() -> int:
    """Bytes used by the search tables and indexes (for the benchmark)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'search%%' "
                "OR name LIKE 'sqlite_autoindex_search%%'"
            )
        else:
            cursor.execute(
                "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                "WHERE c.relname IN (%s, %s, %s)",
                [DOC_TABLE, FACET_TABLE, TERM_TABLE],
            )
        return int(cursor.fetchone()[0])
