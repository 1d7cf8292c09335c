"""The engine's constants and the shapes of a parsed query and of results."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

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


@dataclass
class Group:
    text: str  # the words as typed, for messages and suggestions
    alternatives: list[tuple[tuple[str, bool], ...]]
    phrase: bool = False
    # Typed in quotes: an exact phrase, never left out by a partial match (a hyphenated
    # word such as *e-cigaretter* is a phrase of its parts but not quoted).
    quoted: bool = False
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
    # The query's words this hit lacks (a partial match), as typed.
    missing: list[str] = field(default_factory=list)


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
    # No document holds every word: the hits hold most of them (see ``partial``).
    partial: bool = False
