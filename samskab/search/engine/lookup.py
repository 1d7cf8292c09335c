"""The search itself: parse, plan, fetch candidates, score, facet and page."""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.translation import get_language

from .. import analysis, backends, registry
from ..indexer import FACET_STAT_PREFIX
from ..models import SearchDocument
from . import structures
from .highlighting import _matcher, _snippet, highlight
from .parsing import parse
from .partial import partial_matches, relaxable
from .scoring import (
    GroupMatcher,
    _document_frequencies,
    _expand,
    _expected_matches,
    _matches_any,
    _score,
    _walk_limit,
)
from .structures import (
    FIELDS,
    MAX_QUERY_LENGTH,
    PAGE_SIZE,
    Facet,
    FacetValue,
    Group,
    Hit,
    SearchResults,
)
from .suggestions import _suggestion

_LANGUAGE_CODES = "|".join(code for code, _name in settings.LANGUAGES)
_LANGUAGE_PREFIX = re.compile(rf"^/({_LANGUAGE_CODES})/")


def _in_reader_language(url: str) -> str:
    """Documents store one language's URL (/da/cases/x/); readers get their own prefix."""
    return _LANGUAGE_PREFIX.sub(f"/{get_language() or settings.LANGUAGE_CODE}/", url, count=1)


def languages_in_use(reader_language: str | None = None) -> tuple[str, ...]:
    configured = tuple(getattr(settings, "SEARCH_LANGUAGES", analysis.LANGUAGES))
    if reader_language:
        reader = analysis.language_of(reader_language)
        if reader not in configured:
            configured += (reader,)
    return configured


def clean_filters(filters) -> dict[str, list[str]]:
    cleaned: dict[str, list[str]] = {}
    for key, values in (filters or {}).items():
        if (
            not isinstance(key, str)
            or key.startswith("_")
            or not re.fullmatch(r"[a-z_]{1,40}", key)
        ):
            continue
        if isinstance(values, str):
            values = [values]
        kept = sorted({str(v)[:200] for v in values if str(v).strip()})
        if kept:
            cleaned[key] = kept[:20]
    return cleaned


def _date_key(value) -> str:
    return str(value) if value else ""


def search(
    query: str,
    *,
    network_id=None,
    filters=None,
    language: str | None = None,
    page=1,
    page_size: int = PAGE_SIZE,
) -> SearchResults:
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    filters = clean_filters(filters)
    results = SearchResults(query=query, filters=filters)
    if not query:
        results.message = "empty"
        return results
    languages = languages_in_use(language)
    parsed = parse(query, languages)
    if not parsed.groups:
        results.message = "only_excluded" if parsed.excluded else "no_words"
        return results

    filter_tokens = [
        [FACET_STAT_PREFIX + alt[0][0] for alt in group]
        for group in backends.filter_groups(network_id, filters)
    ]
    stats, group_df, vocab = _document_frequencies(
        parsed, extra=[t for tokens in filter_tokens for t in tokens]
    )
    if not all(group_df):
        results.suggestion = _suggestion(query, parsed, group_df, languages)
        if not relaxable(parsed):
            results.page = Paginator([], page_size).page(1)
            return results
    n_docs = max(stats.get("#docs", 0), 1)
    averages = {f: stats.get(f"#len_{f}", 0) / n_docs for f in FIELDS}
    idf = [
        math.log(1 + (n_docs - min(df, n_docs) + 0.5) / (min(df, n_docs) + 0.5)) for df in group_df
    ]

    single_excluded = [
        Group(text=g.text, alternatives=[a for a in g.alternatives if len(a) == 1])
        for g in parsed.excluded
    ]
    single_excluded = [g for g in _expand(single_excluded, vocab) if g]
    scored = []
    if all(group_df):
        scored = _strict(
            parsed,
            group_df,
            vocab,
            single_excluded,
            filter_tokens,
            stats,
            idf,
            averages,
            network_id,
            filters,
            results,
        )
    missing = {}
    if not scored:
        scored, missing = partial_matches(
            parsed,
            group_df,
            vocab,
            idf=idf,
            averages=averages,
            excluded=single_excluded,
            n_docs=n_docs,
            stats_docs=stats.get("#docs"),
            network_id=network_id,
            filters=filters,
            date_key=_date_key,
        )
        results.partial = bool(scored)
        results.capped = results.capped or len(scored) >= structures.CANDIDATE_LIMIT
    results.total = len(scored)
    results.ranking = [(item[2], item[3]) for item in scored]
    results.facets = _facets([item[4] for item in scored], filters)
    _page(results, scored, missing, parsed, page, page_size)
    return results


def _strict(
    parsed,
    group_df,
    vocab,
    single_excluded,
    filter_tokens,
    stats,
    idf,
    averages,
    network_id,
    filters,
    results,
):
    n_docs = max(stats.get("#docs", 0), 1)
    bound = _expected_matches(n_docs, group_df, filter_tokens, stats)
    rows = backends.candidates(
        _expand(parsed.groups, vocab),
        single_excluded,
        network_id=network_id,
        filters=filters,
        limit=structures.CANDIDATE_LIMIT,
        selective=bound < _walk_limit(n_docs),
        n_docs=stats.get("#docs"),
        walk_rows=int(bound),
    )
    results.capped = len(rows) >= structures.CANDIDATE_LIMIT
    scored = []
    matchers = [GroupMatcher(g) for g in parsed.groups]
    exclusions = [GroupMatcher(g) for g in parsed.excluded]
    for row in rows:
        if any(_matches_any(row, m) for m in exclusions):
            continue
        score = _score(row, matchers, idf, averages)
        if score < 0:
            continue
        scored.append((round(score, 9), _date_key(row[4]), row[1], row[2], row))
    scored.sort(key=lambda item: item[:4], reverse=True)
    return scored


def _page(results, scored, missing, parsed, page, page_size) -> None:
    paginator = Paginator(scored, page_size)
    try:
        number = max(1, min(int(page), paginator.num_pages))
    except (TypeError, ValueError):
        number = 1
    results.page = paginator.page(number)
    page_items = list(results.page.object_list)
    if page_items:
        ids = [item[4][0] for item in page_items]
        docs = SearchDocument.objects.only(
            "id",
            "doc_type",
            "object_id",
            "language",
            "url",
            "title",
            "summary",
            "body",
            "date",
        ).in_bulk(ids)
        matches = _matcher(parsed)
        for score, _date, _type, _oid, row in page_items:
            doc = docs.get(row[0])
            if doc is None:
                continue
            title_html, _found = highlight(doc.title, matches, doc.language)
            results.hits.append(
                Hit(
                    doc_type=doc.doc_type,
                    type_label=registry.type_label(doc.doc_type),
                    object_id=doc.object_id,
                    # Documents store one language's URL; readers get their own.
                    url=_in_reader_language(doc.url),
                    title=doc.title,
                    title_html=title_html,
                    snippet_html=_snippet(doc, matches),
                    language=doc.language,
                    date=doc.date,
                    score=score,
                    missing=missing.get(row[0], []),
                )
            )


def _facets(rows, filters) -> list[Facet]:
    pairs: Counter = Counter()
    labels: dict[tuple[str, str], str] = {}
    for row in rows:
        facets = row[11]
        if isinstance(facets, str):
            facets = json.loads(facets)
        for key, values in facets.items():
            for value, label in values:
                pairs[key, value] += 1
                labels[key, value] = label
    counts: dict[str, dict[str, list]] = defaultdict(dict)
    for (key, value), count in pairs.items():
        counts[key][value] = [labels[key, value], count]
    order = list(registry.FACETS) + sorted(set(counts) - set(registry.FACETS))
    facets = []
    for key in order:
        bucket = counts.get(key)
        if not bucket:
            continue
        selected = set(filters.get(key, ()))
        translated = registry.facet_labels(key, list(bucket))
        values = [
            FacetValue(
                value=value,
                label=registry.type_label(value)
                if key == "type"
                else (translated.get(value) or label or value),
                count=count,
                selected=value in selected,
            )
            for value, (label, count) in bucket.items()
        ]
        if key == "year":
            values.sort(key=lambda v: v.value, reverse=True)
        else:
            values.sort(key=lambda v: (-v.count, v.label.casefold(), v.value))
        facets.append(Facet(key=key, label=str(registry.FACETS.get(key, key)), values=values[:50]))
    return facets
