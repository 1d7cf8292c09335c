"""Searching: parse the query, find candidates with the database index, rank in Python.

1. The query is parsed into words (all must match), "quoted phrases" and ``-excluded``
   words. Each word becomes a group of alternative terms: its stem in every language in
   use plus the stems of its equivalent words (``Equivalent``). A stem of three letters or
   more also matches as a prefix, so *sundhed* finds *sundhedsfremme*.
2. One query reads the vocabulary's document frequencies (and collection statistics);
   a word that no document holds gets a "did you mean" from the vocabulary.
3. One query asks the full-text index (FTS5 / tsvector, see ``backends.py``) for the
   matching documents, newest first, at most ``CANDIDATE_LIMIT``, with their stored
   per-field terms and lengths.
4. Python checks phrases and exclusions, scores with BM25F (title > summary and topics >
   the rest), orders by score, then date, then type and id, and counts the facets. The
   same code and data give the same order on SQLite and PostgreSQL.
5. One query fetches the texts of the shown page for highlighted snippets.
"""

from __future__ import annotations

import bisect
import datetime
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import analysis, backends, registry
from .indexer import FACET_STAT_PREFIX
from .models import Equivalent, SearchDocument

CANDIDATE_LIMIT = 200
# A prefix with more compounds than this in the vocabulary stays a prefix query.
MAX_EXPANSIONS = 64
PAGE_SIZE = 20
MAX_QUERY_LENGTH = 500
MAX_GROUPS = 12
# BM25F: field weights and length normalisation.
K1 = 1.2
FIELDS = ("title", "mid", "body")
WEIGHTS = {"title": 3.0, "mid": 1.5, "body": 1.0}
B = {"title": 0.5, "mid": 0.75, "body": 0.75}
# An occurrence that only begins with the query term (a compound) counts this much.
PREFIX_WEIGHT = 0.6
EQUIVALENTS_CACHE_KEY = "search:equivalents"
# Snippets look for matches in the first this many characters of a text.
MAX_HIGHLIGHT_CHARS = 8000

_QUERY_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')


_LANGUAGE_CODES = "|".join(code for code, _name in settings.LANGUAGES)
_LANGUAGE_PREFIX = re.compile(rf"^/({_LANGUAGE_CODES})/")


def _in_reader_language(url: str) -> str:
    """Documents store one language's URL (/da/cases/x/); readers get their own prefix."""
    return _LANGUAGE_PREFIX.sub(f"/{get_language() or settings.LANGUAGE_CODE}/", url, count=1)


@dataclass
class Group:
    text: str  # the words as typed, for messages and suggestions
    alternatives: list[tuple[tuple[str, bool], ...]]
    phrase: bool = False
    word: str = ""  # the normalised single word, when the group is one word


@dataclass
class ParsedQuery:
    groups: list[Group] = field(default_factory=list)
    excluded: list[Group] = field(default_factory=list)


@dataclass
class Hit:
    doc_type: str
    type_label: str
    object_id: str
    url: str
    title: str
    title_html: str
    snippet_html: str
    language: str
    date: datetime.date | None
    score: float


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    key: str
    label: str
    values: list[FacetValue]


@dataclass
class SearchResults:
    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    capped: bool = False
    page: object = None
    facets: list[Facet] = field(default_factory=list)
    suggestion: str | None = None
    message: str | None = None  # "empty", "no_words", "only_excluded"
    filters: dict = field(default_factory=dict)
    ranking: list[tuple[str, str]] = field(default_factory=list)  # (type, id) of all hits


# --- Equivalents ------------------------------------------------------------------------


def forget_equivalents() -> None:
    cache.delete(EQUIVALENTS_CACHE_KEY)


def _equivalent_lists() -> tuple[tuple[str, ...], ...]:
    lists = cache.get(EQUIVALENTS_CACHE_KEY)
    if lists is None:
        lists = tuple(
            tuple(analysis.normalise(w) for w in entry.word_list())
            for entry in Equivalent.objects.order_by("pk")
        )
        cache.set(EQUIVALENTS_CACHE_KEY, lists, 3600)
    return lists


def _analyse_phrase(words: str, language: str) -> tuple[str, ...]:
    return tuple(analysis.analyse(words, language))


@lru_cache(maxsize=16)
def _equivalent_map(lists, languages) -> dict[tuple[str, ...], set[tuple[str, ...]]]:
    """(analysed form of one entry word) -> analysed forms of all its equivalents."""
    mapping: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
    for words in lists:
        forms = {_analyse_phrase(w, lang) for w in words for lang in languages}
        forms.discard(())
        for form in forms:
            mapping[form] |= forms
    return mapping


def _equivalent_keys(word, forms, languages, equivalents) -> list[tuple[str, ...]]:
    """The forms of one query word to look up in the equivalents: its stems, or, when none
    of them is an entry, its stems stemmed once more. Snowball is not idempotent for
    some plurals (Danish *legepladser* -> *legeplads*, but the entry *legeplads* ->
    *legeplad*; *mødesteder* -> *mødested* -> *mødest*), so the plural of an entry would
    otherwise miss its equivalents."""
    if any(form in equivalents for form in forms):
        return list(forms)
    restemmed = []
    for language in languages:
        form = (analysis.stem(analysis.stem(word, language), language),)
        if form in equivalents and form not in restemmed:
            restemmed.append(form)
    return restemmed


def _alternative(terms: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
    if len(terms) == 1:
        return ((terms[0], len(terms[0]) >= analysis.MIN_PREFIX_LENGTH),)
    return tuple((t, False) for t in terms)


# --- Parsing ----------------------------------------------------------------------------


def parse(query: str, languages) -> ParsedQuery:
    languages = tuple(languages)
    equivalents = _equivalent_map(_equivalent_lists(), languages)
    items = []  # (negative, phrase, words)
    for match in _QUERY_RE.finditer(query[:MAX_QUERY_LENGTH]):
        if match.group(3) is not None:
            raw = match.group(3)
            negative = raw.startswith("-") and len(raw) > 1
            words = analysis.tokenise(raw[1:] if negative else raw)
            if words:
                items.append((negative, len(words) > 1, words, raw.lstrip("-")))
        else:
            words = analysis.tokenise(match.group(2))
            if words:
                items.append((bool(match.group(1)), True, words, match.group(2)))

    def content(words):
        kept = [w for w in words if not analysis.is_query_stop_word(w, languages)]
        return kept

    # Drop stop words, unless the positive part would be left empty.
    positives = [i for i in items if not i[0]]
    keep_stops = bool(positives) and all(not content(i[2]) for i in positives)

    parsed = ParsedQuery()
    singles: list[tuple[int, str]] = []
    for negative, phrase, words, text in items:
        kept = words if keep_stops else content(words)
        if not kept:
            continue
        if phrase and len(kept) > 1:
            alts = []
            for lang in languages:
                terms = tuple(analysis.stem(w, lang) for w in kept)
                alt = _alternative(terms)
                if alt not in alts:
                    alts.append(alt)
            group = Group(text=text, alternatives=alts, phrase=True)
        else:
            word = kept[0]
            forms = []
            for term in analysis.query_terms(word, languages):
                if (term,) not in forms:
                    forms.append((term,))
            for form in _equivalent_keys(word, forms, languages, equivalents):
                for other in sorted(equivalents.get(form, ())):
                    if other not in forms:
                        forms.append(other)
            group = Group(text=text, alternatives=[_alternative(f) for f in forms], word=word)
            if not negative:
                singles.append((len(parsed.groups), word))
        (parsed.excluded if negative else parsed.groups).append(group)

    _merge_equivalent_phrases(parsed, singles, languages, equivalents)
    parsed.groups = parsed.groups[:MAX_GROUPS]
    parsed.excluded = parsed.excluded[:MAX_GROUPS]
    return parsed


def _merge_equivalent_phrases(parsed, singles, languages, equivalents) -> None:
    """Two or three neighbouring words that form an equivalents entry (*fysisk aktivitet*)
    become one group: the phrase or any of its equivalents (*bevægelse*)."""
    i = 0
    merged: dict[int, Group] = {}
    drop: set[int] = set()
    while i < len(singles):
        for size in (3, 2):
            run = singles[i : i + size]
            if len(run) < size or run[-1][0] - run[0][0] != size - 1:
                continue
            words = [w for _pos, w in run]
            matches = set()
            for lang in languages:
                form = tuple(analysis.stem(w, lang) for w in words)
                matches |= equivalents.get(form, set())
            if matches:
                forms = []
                for lang in languages:
                    form = tuple(analysis.stem(w, lang) for w in words)
                    if form not in forms:
                        forms.append(form)
                forms += [m for m in sorted(matches) if m not in forms]
                first = run[0][0]
                merged[first] = Group(
                    text=" ".join(parsed.groups[p].text for p, _w in run),
                    alternatives=[_alternative(f) for f in forms],
                )
                drop |= {p for p, _w in run[1:]}
                i += size
                break
        else:
            i += 1
    if merged:
        parsed.groups = [merged.get(p, g) for p, g in enumerate(parsed.groups) if p not in drop]


# --- Scoring ----------------------------------------------------------------------------


class GroupMatcher:
    """Counts one group's occurrences in a field's padded term string in one regex pass:
    a token equal to an alternative counts 1, a token that only begins with one (a
    compound) counts ``PREFIX_WEIGHT``; phrase alternatives count whole phrases."""

    def __init__(self, group: Group):
        singles = [alt[0] for alt in group.alternatives if len(alt) == 1]
        self.exact = frozenset(term for term, _prefix in singles)
        prefix = sorted({t for t, p in singles if p}, key=lambda t: (-len(t), t))
        exact_only = sorted({t for t, p in singles if not p}, key=lambda t: (-len(t), t))
        parts = []
        if exact_only:
            parts.append("(?:" + "|".join(map(re.escape, exact_only)) + ")(?= )")
        if prefix:
            parts.append("(?:" + "|".join(map(re.escape, prefix)) + ")[^ ]*")
        self.pattern = re.compile(" (" + "|".join(parts) + ")") if parts else None
        self.phrases = [
            " " + " ".join(t for t, _p in alt) + " " for alt in group.alternatives if len(alt) > 1
        ]

    def tf(self, text: str) -> float:
        if not text:
            return 0.0
        total = 0.0
        if self.pattern is not None:
            exact = self.exact
            for token in self.pattern.findall(text):
                total += 1.0 if token in exact else PREFIX_WEIGHT
        for phrase in self.phrases:
            total += text.count(phrase)
        return total


def _document_frequencies(parsed: ParsedQuery, extra=()):
    exact, prefixes = set(extra), set()
    for group in parsed.groups + parsed.excluded:
        for alt in group.alternatives:
            for term, prefix in alt:
                (prefixes if prefix else exact).add(term)
    rows = backends.term_stats(exact, prefixes)
    stats = {t: df for t, df in rows if t.startswith("#")}
    vocab = sorted((t, df) for t, df in rows if not t.startswith("#"))
    exact_df = dict(vocab)

    def alt_df(alt) -> int:
        values = []
        for term, prefix in alt:
            if prefix:
                values.append(sum(df for t, df in vocab if t.startswith(term)))
            else:
                values.append(exact_df.get(term, 0))
        return min(values) if values else 0

    group_df = [max((alt_df(a) for a in g.alternatives), default=0) for g in parsed.groups]
    return stats, group_df, [t for t, _df in vocab]


def _expand(groups, vocab: list[str]):
    """The groups as the backend gets them: a prefix alternative becomes the exact terms of
    the vocabulary that begin with it (fewer than ``MAX_EXPANSIONS``; more keep the prefix
    operator), and alternatives no document holds are left out. Exact terms are cheap for
    both FTS5 and GIN, and both databases get the very same expression."""
    known = set(vocab)
    expanded = []
    for group in groups:
        alternatives: set[tuple[tuple[str, bool], ...]] = set()
        for alt in group.alternatives:
            if len(alt) == 1 and alt[0][1]:
                term = alt[0][0]
                index = bisect.bisect_left(vocab, term)
                matches = []
                while index < len(vocab) and vocab[index].startswith(term):
                    matches.append(vocab[index])
                    index += 1
                if len(matches) > MAX_EXPANSIONS:
                    alternatives.add(alt)
                else:
                    alternatives.update(((m, False),) for m in matches)
            elif all(term in known for term, _prefix in alt):
                alternatives.add(alt)
        # A prefix kept as an operator makes exact terms it covers redundant.
        prefixes = [a[0][0] for a in alternatives if len(a) == 1 and a[0][1]]
        if prefixes:
            alternatives = {
                a
                for a in alternatives
                if not (len(a) == 1 and not a[0][1] and a[0][0].startswith(tuple(prefixes)))
            }
        expanded.append(sorted(alternatives))
    return expanded


def _expected_matches(n_docs: int, group_df, filter_tokens, stats) -> float:
    """At most how many documents can match: the smallest document frequency among the
    query's words and filters (each must match). A filter token without a statistics row
    holds no document, unless the index has no facet statistics at all (built before they
    existed)."""
    has_facet_stats = any(key.startswith(FACET_STAT_PREFIX) for key in stats)
    bound = n_docs
    for df in group_df:
        bound = min(bound, df)
    for tokens in filter_tokens:
        bound = min(bound, sum(stats.get(t, 0 if has_facet_stats else n_docs) for t in tokens))
    return float(bound)


def _walk_limit(n_docs: int) -> float:
    """Below this many expected matches, reading all matches beats walking the newest
    documents until ``CANDIDATE_LIMIT`` match (which reads about limit × n / matches)."""
    return math.sqrt(CANDIDATE_LIMIT * n_docs)


def _score(row, matchers, idf, averages) -> float:
    total = 0.0
    for matcher, weight in zip(matchers, idf, strict=True):
        tf = 0.0
        for index, f in ((5, "title"), (6, "mid"), (7, "body")):
            count = matcher.tf(row[index])
            if count:
                length = row[index + 3]
                norm = 1 - B[f] + B[f] * (length / averages[f] if averages[f] else 1)
                tf += WEIGHTS[f] * count / norm
        if tf <= 0:
            return -1.0  # a phrase or word that the index only matched loosely
        total += weight * tf * (K1 + 1) / (K1 + tf)
    return total


def _matches_any(row, matcher) -> bool:
    return any(matcher.tf(row[i]) > 0 for i in (5, 6, 7))


# --- Highlighting -----------------------------------------------------------------------


def _matcher(parsed: ParsedQuery):
    exact, prefixes = set(), []
    for group in parsed.groups:
        for alt in group.alternatives:
            for term, prefix in alt:
                if prefix:
                    prefixes.append(term)
                else:
                    exact.add(term)
    prefixes = tuple(sorted(set(prefixes)))
    # A word can only match if it begins like one of the terms (stems are prefixes of
    # their words, give or take a changed last letter): a cheap test before stemming.
    quick = tuple(sorted({t[:3] for t in (*exact, *prefixes)}))

    memo: dict[tuple[str, str], bool] = {}

    def matches(word: str, language: str) -> bool:
        key = (word, language)
        found = memo.get(key)
        if found is None:
            if analysis.is_stop_word(word, language):
                found = False
            else:
                term = analysis.stem(word, language)
                found = term in exact or (bool(prefixes) and term.startswith(prefixes))
            memo[key] = found
        return found

    matches.quick = quick
    return matches


def highlight(text: str, matches, language: str, *, window: int | None = None) -> tuple[str, bool]:
    """Escaped ``text`` with matching words in ``<mark>``; with ``window``, only about that
    many words around the first match. Returns (html, whether anything matched)."""
    text = text or ""
    tokens = list(analysis.TOKEN_RE.finditer(text, 0, MAX_HIGHLIGHT_CHARS))
    quick = getattr(matches, "quick", ("",))
    hits = [
        i
        for i, m in enumerate(tokens)
        if m.group().casefold().startswith(quick)
        and matches(analysis.normalise(m.group()), language)
    ]
    if window is not None and tokens:
        first = hits[0] if hits else 0
        start_token = max(0, first - window // 3)
        end_token = min(len(tokens), start_token + window)
        start = tokens[start_token].start() if start_token else 0
        if end_token < len(tokens) or len(text) > MAX_HIGHLIGHT_CHARS:
            end = tokens[end_token - 1].end()
        else:
            end = len(text)
    else:
        start, end = 0, len(text)
    out, pos = [], start
    hit_set = set(hits)
    for i, m in enumerate(tokens):
        if m.start() < start or m.end() > end or i not in hit_set:
            continue
        out.append(escape(text[pos : m.start()]))
        out.append(f"<mark>{escape(m.group())}</mark>")
        pos = m.end()
    out.append(escape(text[pos:end]))
    html = "".join(out).strip()
    if start > 0:
        html = "… " + html
    if end < len(text):
        html += " …"
    return mark_safe(html), bool(hits)  # noqa: S308 - every piece is escaped above


def _snippet(doc: SearchDocument, matches) -> str:
    summary_html, in_summary = highlight(doc.summary, matches, doc.language, window=40)
    if in_summary or not doc.body:
        return summary_html
    body_html, in_body = highlight(doc.body, matches, doc.language, window=40)
    return body_html if in_body or not doc.summary else summary_html


# --- Suggestions ------------------------------------------------------------------------


def suggest_word(word: str, languages) -> str | None:
    stems = {analysis.stem(word, lang) for lang in languages} | {word}
    best = None
    for stem in sorted(stems):
        if len(stem) < 3:
            continue
        limit = 2 if len(stem) <= 5 else 3  # distance must stay below this
        for term, df, form in backends.similar_terms(stem[0], len(stem) - 2, len(stem) + 2):
            distance = analysis.edit_distance(stem, term, limit)
            if distance < limit:
                key = (distance, -df, term)
                if best is None or key < best[0]:
                    best = (key, form or term)
    return best[1] if best else None


def _suggestion(query: str, parsed: ParsedQuery, group_df, languages) -> str | None:
    suggestion = query
    changed = False
    for group, df in zip(parsed.groups, group_df, strict=True):
        if df or not group.word:
            continue
        replacement = suggest_word(group.word, languages)
        if replacement and replacement != group.word:
            suggestion = re.sub(
                re.escape(group.text), replacement, suggestion, count=1, flags=re.IGNORECASE
            )
            changed = True
    return suggestion if changed else None


# --- The search -------------------------------------------------------------------------


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
    bound = _expected_matches(n_docs, group_df, filter_tokens, stats)
    rows = backends.candidates(
        _expand(parsed.groups, vocab),
        single_excluded,
        network_id=network_id,
        filters=filters,
        limit=CANDIDATE_LIMIT,
        selective=bound < _walk_limit(n_docs),
        n_docs=stats.get("#docs"),
        walk_rows=int(bound),
    )
    results.capped = len(rows) >= CANDIDATE_LIMIT
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
    results.total = len(scored)
    results.ranking = [(item[2], item[3]) for item in scored]
    results.facets = _facets([item[4] for item in scored], filters)

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
                )
            )
    return results


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
        values = [
            FacetValue(
                value=value,
                label=registry.type_label(value) if key == "type" else (label or value),
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
