"""Ranked partial matching: when no document holds every word of a query, the documents
that hold the most of them.

Single words, merged equivalent phrases and unquoted hyphenated words (*e-cigaretter*)
are relaxed; "quoted phrases" and ``-excluded`` words keep their strict meaning. A
document must hold at least half of the relaxed words (rounded up) and at least two,
so only queries of three or more words are relaxed: a two-word query that finds nothing
keeps its "did you mean". Hits are ordered by the number of words they hold, then by
BM25F over those words (plus ``MATCH_BONUS`` per word), then as a strict search orders
them. The backend gets one more query: the phrases ANDed with one group of every
relaxed word's alternatives (OR).
"""

from __future__ import annotations

import math

from .. import backends
from . import structures
from .scoring import K1, WEIGHTS, B, GroupMatcher, _expand, _matches_any, _walk_limit

# Queries with fewer single words than this are not relaxed; a hit holds at least this
# many minus one of them.
MIN_RELAXED_WORDS = 3
# Added to the score per word matched, so that the score shown agrees with the order.
MATCH_BONUS = 100.0


def relaxable(parsed) -> list[int]:
    """Positions of the groups a partial match may leave out (empty: no partial match)."""
    words = [i for i, g in enumerate(parsed.groups) if not g.quoted]
    return words if len(words) >= MIN_RELAXED_WORDS else []


def _group_score(row, matcher, weight, averages) -> float:
    tf = 0.0
    for index, f in ((5, "title"), (6, "mid"), (7, "body")):
        count = matcher.tf(row[index])
        if count:
            length = row[index + 3]
            norm = 1 - B[f] + B[f] * (length / averages[f] if averages[f] else 1)
            tf += WEIGHTS[f] * count / norm
    return weight * tf * (K1 + 1) / (K1 + tf) if tf > 0 else 0.0


def partial_matches(
    parsed,
    group_df,
    vocab,
    *,
    idf,
    averages,
    excluded,
    n_docs,
    stats_docs,
    network_id,
    filters,
    date_key,
):
    """(scored items as the strict search makes them, {row id: missing group texts}).
    Returns ([], {}) when the query cannot be relaxed."""
    optional = relaxable(parsed)
    if not optional:
        return [], {}
    required = [i for i in range(len(parsed.groups)) if i not in optional]
    if any(not group_df[i] for i in required):
        return [], {}
    present = [i for i in optional if group_df[i]]
    needed = max(MIN_RELAXED_WORDS - 1, math.ceil(len(optional) / 2))
    if len(present) < needed:
        return [], {}
    expanded = _expand(parsed.groups, vocab)
    union = sorted({alt for i in present for alt in expanded[i]})
    if not union:
        return [], {}
    groups = [expanded[i] for i in required] + [union]
    bound = min([n_docs, sum(group_df[i] for i in present)] + [group_df[i] for i in required])
    rows = backends.candidates(
        groups,
        excluded,
        network_id=network_id,
        filters=filters,
        limit=structures.CANDIDATE_LIMIT,
        selective=bound < _walk_limit(n_docs),
        n_docs=stats_docs,
        walk_rows=int(bound),
    )
    matchers = [GroupMatcher(g) for g in parsed.groups]
    exclusions = [GroupMatcher(g) for g in parsed.excluded]
    scored, missing = [], {}
    for row in rows:
        if any(_matches_any(row, m) for m in exclusions):
            continue
        scores = [_group_score(row, matchers[i], idf[i], averages) for i in range(len(matchers))]
        if any(scores[i] <= 0 for i in required):
            continue
        matched = [i for i in optional if scores[i] > 0]
        if len(matched) < needed:
            continue
        score = sum(scores) + MATCH_BONUS * len(matched)
        scored.append((len(matched), round(score, 9), date_key(row[4]), row[1], row[2], row))
        missing[row[0]] = [parsed.groups[i].text for i in optional if scores[i] <= 0]
    scored.sort(key=lambda item: item[:5], reverse=True)
    return [item[1:] for item in scored], missing
