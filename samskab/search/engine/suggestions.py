"""'Did you mean' suggestions from the vocabulary."""

from __future__ import annotations

import re

from .. import analysis, backends
from .structures import ParsedQuery


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
