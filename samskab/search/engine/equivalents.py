"""Equivalent words (``Equivalent``): cached lists, and their analysed forms."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from django.core.cache import cache

from .. import analysis
from ..models import Equivalent
from .structures import EQUIVALENTS_CACHE_KEY


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
