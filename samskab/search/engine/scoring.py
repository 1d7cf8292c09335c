"""Document frequencies, expansion of prefixes, the candidate plan and BM25F scores."""

from __future__ import annotations

import bisect
import math
import re

from .. import backends
from ..indexer import FACET_STAT_PREFIX
from . import structures
from .structures import K1, MAX_EXPANSIONS, PREFIX_WEIGHT, WEIGHTS, B, Group, ParsedQuery


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
    return math.sqrt(structures.CANDIDATE_LIMIT * n_docs)


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
