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

import contextlib
import hashlib
import logging
import math
import os
import re
import tempfile
from array import array
from functools import lru_cache
from importlib import metadata
from pathlib import Path

logger = logging.getLogger(__name__)

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


class Lexicon:
    """word -> Zipf frequency, compact: the words in a ``marisa_trie.Trie`` (a few MB for
    the 136,000 words of the three languages, where a dict of str -> float took about
    55 MB in every server process) and each word's Zipf value, in hundredths, in an
    ``array`` indexed by the word's id in the trie."""

    __slots__ = ("_trie", "_zipf")

    def __init__(self, trie, zipf: array):
        self._trie = trie
        self._zipf = zipf

    @classmethod
    def of(cls, words: dict[str, float]) -> Lexicon:
        import marisa_trie

        trie = marisa_trie.Trie(words)
        zipf = array("H", bytes(2 * len(trie)))
        for word, value in words.items():
            zipf[trie[word]] = round(value * 100)
        return cls(trie, zipf)

    def save(self, path: Path) -> None:
        """Both parts next to each other (``path`` + ``.zipf`` and ``.trie``), each written
        whole under a temporary name and then renamed, so that two processes that build at
        once both leave complete files."""
        _write_whole(Path(f"{path}.zipf"), lambda tmp: Path(tmp).write_bytes(self._zipf.tobytes()))
        _write_whole(Path(f"{path}.trie"), self._trie.save)

    @classmethod
    def load(cls, path: Path) -> Lexicon | None:
        """The saved lexicon, its trie memory-mapped (the server's processes share its
        pages), or None when it is not there or not whole."""
        import marisa_trie

        try:
            zipf = array("H", Path(f"{path}.zipf").read_bytes())
            trie = marisa_trie.Trie().mmap(f"{path}.trie")
        except (OSError, ValueError, RuntimeError):
            return None
        if len(trie) != len(zipf):
            return None
        return cls(trie, zipf)

    def get(self, word: str, default=None):
        key = self._trie.get(word)
        # n / 100 is the double nearest the two-decimal value, as round(zipf, 2) is.
        return default if key is None else self._zipf[key] / 100

    def __getitem__(self, word: str) -> float:
        return self._zipf[self._trie[word]] / 100

    def __contains__(self, word: str) -> bool:
        return word in self._trie

    def __len__(self) -> int:
        return len(self._zipf)

    def __iter__(self):
        return iter(self._trie.keys())


def _write_whole(final: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=f".{final.name}.")
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)  # readable by the server's processes whoever built it
        os.replace(tmp, final)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _saved_path(language: str) -> Path | None:
    """Where the lexicon of a language is kept between processes: a name that changes with
    wordfreq's version and with every setting that decides which words are in it."""
    from django.conf import settings

    folder = getattr(settings, "SEARCH_LEXICON_DIR", None)
    if not folder:
        return None
    recipe = repr((MIN_ZIPF, MIN_PART, sorted(_NOT_PARTS), _LETTERS.pattern, _LEXICON_FORMAT))
    digest = hashlib.sha256(recipe.encode()).hexdigest()[:12]
    return Path(folder) / f"{language}-wordfreq{metadata.version('wordfreq')}-{digest}"


_LEXICON_FORMAT = 1


def _build(language: str) -> Lexicon:
    import wordfreq  # only when the lexicon is built, not when it is loaded

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
    return Lexicon.of(words)


_EMPTY = Lexicon.of({})


@lru_cache(maxsize=4)
def lexicon(language: str) -> Lexicon:
    """word -> Zipf frequency, for the words that may be parts of a compound: read from
    ``SEARCH_LEXICON_DIR`` when a process saved it there before (a server process then
    never imports wordfreq, about 25 MB less per process), else built and saved."""
    if language not in SPLIT_LANGUAGES:
        return _EMPTY
    path = _saved_path(language)
    if path is not None:
        saved = Lexicon.load(path)
        if saved is not None:
            return saved
    built = _build(language)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            built.save(path)
        except OSError:
            logger.warning("could not save the %s lexicon in %s", language, path.parent)
    return built


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


def _known(base: str, link: str, words: Lexicon) -> float | None:
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
