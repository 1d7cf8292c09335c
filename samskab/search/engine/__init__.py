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

The package, by step: ``structures`` (constants and result shapes), ``equivalents`` and
``parsing`` (1), ``scoring`` (2-4), ``highlighting`` (5), ``suggestions`` and ``lookup``
(the search itself). Callers import from the package.
"""

from __future__ import annotations

from .equivalents import (
    _alternative,
    _equivalent_keys,
    _equivalent_lists,
    _equivalent_map,
    forget_equivalents,
)
from .highlighting import _matcher, _snippet, highlight
from .lookup import _facets, clean_filters, languages_in_use, search
from .parsing import parse
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
    CANDIDATE_LIMIT,
    EQUIVALENTS_CACHE_KEY,
    FIELDS,
    K1,
    MAX_EXPANSIONS,
    MAX_GROUPS,
    MAX_HIGHLIGHT_CHARS,
    MAX_QUERY_LENGTH,
    PAGE_SIZE,
    PREFIX_WEIGHT,
    WEIGHTS,
    B,
    Facet,
    FacetValue,
    Group,
    Hit,
    ParsedQuery,
    SearchResults,
)
from .suggestions import _suggestion, suggest_word

__all__ = [
    "B",
    "CANDIDATE_LIMIT",
    "EQUIVALENTS_CACHE_KEY",
    "FIELDS",
    "K1",
    "MAX_EXPANSIONS",
    "MAX_GROUPS",
    "MAX_HIGHLIGHT_CHARS",
    "MAX_QUERY_LENGTH",
    "PAGE_SIZE",
    "PREFIX_WEIGHT",
    "WEIGHTS",
    "Facet",
    "FacetValue",
    "Group",
    "GroupMatcher",
    "Hit",
    "ParsedQuery",
    "SearchResults",
    "_alternative",
    "_document_frequencies",
    "_equivalent_keys",
    "_equivalent_lists",
    "_equivalent_map",
    "_expand",
    "_expected_matches",
    "_facets",
    "_matcher",
    "_matches_any",
    "_score",
    "_snippet",
    "_suggestion",
    "_walk_limit",
    "clean_filters",
    "forget_equivalents",
    "highlight",
    "languages_in_use",
    "parse",
    "search",
    "suggest_word",
]
