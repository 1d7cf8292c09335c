"""Splitting compounds (Danish, Norwegian, Swedish) into the words they are made of.

*sundhedsfremme* = *sundhed* + *-s-* + *fremme*; *folkesundhedsarbejde* = *folk* + *-e-* +
*sundhed* + *-s-* + *arbejde*. A word is split into parts that the language's word list
knows, optionally joined by a linking letter (*-s-*, *-e-*); among the possible splits the
one with the fewest parts wins, then the one whose parts are most frequent.

The word lists are the frequency lists of the `wordfreq` package (pinned in pyproject.toml;
Danish, Norwegian Bokmål and Swedish are in it), chosen over hyphenation patterns (pyphen
knows syllables, not words) and Debian's hunspell dictionaries (an apt package that every
machine and CI would have to install): a pip package installs with the rest, and its
frequencies let the splitter prefer common parts and skip rare words that are mostly names
or typing errors.

The analyser adds the parts' stems to a document's terms (after the field's own terms,
so phrases in the text stay intact) and a query word that splits also matches its parts
as a phrase, so *sundhedsfremme* finds a text on *sundhed og fremme*, *fremme* finds
*sundhedsfremme*, and *frivillighedscenter* finds *frivilligcenter*. Elided compounds
("sundheds- og omsorgsforvaltningen") are expanded first (*sundhedsforvaltningen*).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

SPLIT_LANGUAGES = ("da", "nb", "sv")
# Parts shorter than this are not split off (*by*, *is* would split too much); a part of
# three letters (*hus*, *nær*) must be a common word (Zipf >= SHORT_PART_ZIPF).
MIN_PART = 3
SHORT_PART_ZIPF = 4.5
# Shorter words are not split.
MIN_WORD = 8
# A part must be at least this frequent (Zipf scale: 3 = once per million words).
MIN_ZIPF = 2.5
# A word at least this frequent is a word of its own, not split (*forening*, *arbejde*).
MAX_WHOLE_ZIPF = 4.5
LINKS = ("", "s", "e")
MAX_PARTS = 4
# Parts that are really suffixes or endings: a split that ends in one is no compound.
_NOT_PARTS = frozenset(
    [
        "else",
        "ende",
        "ning",
        "heden",
        "heder",
        "hedens",
        "lige",
        "ligt",
        "lighed",
        "ering",
        "erne",
        "ings",
        "ingen",
        "ninger",
        "eren",
        "erer",
        "anne",
        "ener",
        "ande",
        "isk",
        "iske",
        "iskt",
        "sion",
        "sjon",
        "tion",
        "hed",
        "het",
        "ske",
        "ing",
        "ere",
        "for",
        "hver",
        "selv",
        "igen",
        "atter",
        "mere",
    ]
)
_LETTERS = re.compile(r"^[^\W\d_]+$")


def _zipf(freq: float) -> float:
    """``wordfreq.zipf_frequency`` of a word of the frequency dict, computed from its
    frequency: the frequency rounded to three significant digits (as ``word_frequency``
    does), then ``log10(freq) + 9`` rounded to two decimals. Asking ``zipf_frequency``
    for each of 136,000 words re-tokenises every one and took 5 of the 7 seconds of a
    worker's first search."""
    leading_zeroes = math.floor(-math.log10(freq))
    return round(math.log10(round(freq, leading_zeroes + 3)) + 9, 2)


@lru_cache(maxsize=4)
def lexicon(language: str) -> dict[str, float]:
    """word -> Zipf frequency, for the words that may be parts of a compound."""
    if language not in SPLIT_LANGUAGES:
        return {}
    import wordfreq  # loaded once, on first use

    words = {}
    threshold = 10 ** (MIN_ZIPF - 9)
    for word, freq in wordfreq.get_frequency_dict(language, wordlist="best").items():
        if freq < threshold:
            continue
        if len(word) >= MIN_PART and _LETTERS.match(word) and word not in _NOT_PARTS:
            words[word] = _zipf(freq)
    # wordfreq keeps every list it read (300,000 words per language, ~40 MB each) in its
    # own caches; only the part kept here is needed.
    wordfreq.get_frequency_dict.cache_clear()
    wordfreq.get_frequency_list.cache_clear()
    return words


def warm() -> None:
    """Build the lexicons now (a server process calls this when it starts, so that no
    reader's first search waits for them)."""
    for language in SPLIT_LANGUAGES:
        lexicon(language)


@lru_cache(maxsize=200_000)
def split(word: str, language: str) -> tuple[str, ...]:
    """The parts of a compound (linking letters dropped), or ``()`` if it is none."""
    if len(word) < MIN_WORD or language not in SPLIT_LANGUAGES:
        return ()
    words = lexicon(language)
    if words.get(word, 0.0) >= MAX_WHOLE_ZIPF:
        return ()
    n = len(word)
    # best[i]: (parts, -sum of zipf, parts list) for word[i:]
    best: list[tuple | None] = [None] * (n + 1)
    best[n] = (0, 0.0, ())
    for i in range(n - MIN_PART, -1, -1):
        candidate = None
        for j in range(i + MIN_PART, n + 1):
            rest = best[j]
            if rest is None or rest[0] >= MAX_PARTS:
                continue
            piece = word[i:j]
            for link in LINKS:
                if link:
                    if j == n or not piece.endswith(link) or len(piece) - 1 < MIN_PART:
                        continue
                    base = piece[:-1]
                else:
                    base = piece
                if i == 0 and j == n:
                    continue  # the whole word is no split
                known = _known(base, link, words)
                if known is None:
                    continue
                option = (rest[0] + 1, rest[1] - known[1], (known[0], *rest[2]))
                if candidate is None or option[:2] < candidate[:2]:
                    candidate = option
        best[i] = candidate
    result = best[0]
    if result is None or result[0] < 2:
        return ()
    return result[2]


# Derivations the word lists often lack (*frivillighed*): known if what precedes is a word.
_SUFFIXES = ("hed", "het", "skab", "skap", "else", "ing", "ning")


def _known(base: str, link: str, words: dict[str, float]) -> float | None:
    zipf = words.get(base)
    if zipf is None and link == "s" and base + "e" in words:
        base = base + "e"  # arbejd-s-plads: arbejde
        zipf = words[base]
    if zipf is None:
        for suffix in _SUFFIXES:
            if base.endswith(suffix) and len(base) - len(suffix) >= 5:
                zipf = words.get(base[: -len(suffix)])
                if zipf is not None:
                    zipf -= 1.0  # prefer a listed word
                    break
    if zipf is None or (len(base) < 4 and zipf < SHORT_PART_ZIPF):
        return None
    return base, zipf


# "sundheds- og omsorgsforvaltningen", "børne- eller ungeområdet", "frivillig- og kulturcenter"
_ELIDED = re.compile(r"([^\W\d_]{3,})-\s+(?:og|eller|samt|and|or|och|el)\s+([^\W\d_]{6,})")


def elided(text: str, language: str) -> list[str]:
    """Words an elided compound stands for: "sundheds- og omsorgsforvaltningen" gives
    *sundhedsforvaltningen* (the second word is in the text already)."""
    if "-" not in text or language not in SPLIT_LANGUAGES:
        return []
    found = []
    for match in _ELIDED.finditer(text):
        first, second = match.group(1), match.group(2)
        parts = split(second, language)
        if parts:
            # The head of the second compound: the text after its first part (and link).
            head = second[len(parts[0]) :]
            if head[:1] in ("s", "e") and second[len(parts[0]) + 1 :].startswith(parts[1]):
                head = head[1:]
            found.append(first + head)
    return found
