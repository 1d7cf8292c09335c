"""Parsing a query into groups of alternative terms."""

from __future__ import annotations

import re

from .. import analysis
from .equivalents import _alternative, _equivalent_keys, _equivalent_lists, _equivalent_map
from .structures import MAX_GROUPS, MAX_QUERY_LENGTH, Group, ParsedQuery

_QUERY_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def parse(query: str, languages) -> ParsedQuery:
    languages = tuple(languages)
    equivalents = _equivalent_map(_equivalent_lists(), languages)
    items = []  # (negative, phrase, words, text, quoted)
    for match in _QUERY_RE.finditer(query[:MAX_QUERY_LENGTH]):
        if match.group(3) is not None:
            raw = match.group(3)
            negative = raw.startswith("-") and len(raw) > 1
            words = analysis.tokenise(raw[1:] if negative else raw)
            if words:
                items.append((negative, len(words) > 1, words, raw.lstrip("-"), False))
        else:
            words = analysis.tokenise(match.group(2))
            if words:
                items.append((bool(match.group(1)), True, words, match.group(2), True))

    def content(words):
        kept = [w for w in words if not analysis.is_query_stop_word(w, languages)]
        return kept

    # Drop stop words, unless the positive part would be left empty.
    positives = [i for i in items if not i[0]]
    keep_stops = bool(positives) and all(not content(i[2]) for i in positives)

    parsed = ParsedQuery()
    singles: list[tuple[int, str]] = []
    for negative, phrase, words, text, quoted in items:
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
            group = Group(text=text, alternatives=alts, phrase=True, quoted=quoted)
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
            for parts in _compound_forms(word, languages, equivalents):
                if parts not in forms:
                    forms.append(parts)
            group = Group(text=text, alternatives=[_alternative(f) for f in forms], word=word)
            if not negative:
                singles.append((len(parsed.groups), word))
        (parsed.excluded if negative else parsed.groups).append(group)

    _merge_equivalent_phrases(parsed, singles, languages, equivalents)
    parsed.groups = parsed.groups[:MAX_GROUPS]
    parsed.excluded = parsed.excluded[:MAX_GROUPS]
    return parsed


# A compound in the query also matches its parts in a row (the index holds the parts of
# the compounds in the text after the field's terms, and words in the text stay in order).
MAX_COMPOUND_FORMS = 6


def _compound_forms(word, languages, equivalents) -> list[tuple[str, ...]]:
    """*frivillighedscenter* -> (frivil, sent), and with each part's one-word equivalents."""
    found: list[tuple[str, ...]] = []
    for language in languages:
        parts = analysis.query_parts(word, language)
        if not parts:
            continue
        options = [[p] for p in parts]
        for i, part in enumerate(parts):
            for other in sorted(equivalents.get((part,), ())):
                if len(other) == 1 and other[0] not in options[i]:
                    options[i].append(other[0])
        combos = [()]
        for choices in options:
            combos = [(*c, choice) for c in combos for choice in choices][:MAX_COMPOUND_FORMS]
        for combo in combos:
            if combo not in found:
                found.append(combo)
    return found[:MAX_COMPOUND_FORMS]


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
