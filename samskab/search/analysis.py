"""The one analyser behind search, for documents and queries, on every database.

Text becomes index terms in the same way on SQLite and PostgreSQL: Unicode NFKC
normalisation, case folding, tokenising on letters and digits (æ, ø, å, ä, ö stay letters),
stop words of the text's language, then Snowball stemming (PyStemmer) for that language.
The databases only ever see the resulting terms, so both find the same documents.

A query is analysed for every language in use: each query word becomes a set of
alternative terms (its stem in Danish, Norwegian, Swedish, English), widened by the
staff-editable list of equivalent words (*ældre* = *eldre*).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

from . import compounds

LANGUAGES = ("da", "nb", "sv", "en")
DEFAULT_LANGUAGE = "da"
_STEMMER_NAMES = {
    "da": "danish",
    "nb": "norwegian",
    "nn": "norwegian",
    "no": "norwegian",
    "sv": "swedish",
    "en": "english",
}

# Letters and digits; not the underscore. Apostrophes inside words are dropped first.
TOKEN_RE = re.compile(r"[^\W_]+")
_APOSTROPHES = re.compile(r"(?<=\w)['’](?=\w)")
# Words longer than this are noise (hashes, run-together URLs) and are not indexed.
MAX_TOKEN_LENGTH = 40
# A stem this short is matched exactly, never as a prefix (*by* must not find *bygning*).
MIN_PREFIX_LENGTH = 3


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Snowball's stop word lists (snowballstem.org), lightly trimmed.
STOP_WORDS = {
    "da": _words(
        """
        og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har
        om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal
        selv her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle
        denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod
        disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan blandt samt
        hvordan hvilke hvilken kan
    """
    ),
    "nb": _words(
        """
        og i jeg det at en et den til er som på de med han av ikke ikkje der så var meg seg men
        ett har om vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan
        hans hvor eller hva skal selv sjøl her alle vil bli ble blei blitt kunne inn når være
        kom noen noe ville dere som deres kun ja etter ned skulle denne for deg si sine sitt mot
        å meget hvorfor dette disse uten hvordan ingen din ditt blir samme hvilken hvilke sånn
        inni mellom vår hver hvem vors hvis både bare enn fordi før mange også slik vært være
        båe begge siden dykk dykkar dei deira deires deim di då eg ein eit eitt elles honom hjå
        ho hoe henne hennar hennes hoss hossen ikkje ingi inkje korleis korso kva kvar kvarhelst
        kven kvi kvifor me medan mi mine mykje no nokon noka nokor noko nokre si sia sidan so
        somt somme um upp vere vore verte vort varte vart blant
    """
    ),
    "sv": _words(
        """
        och det att i en jag hon som han på den med var sig för så till är men ett om hade de av
        icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde
        något från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under
        någon eller allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli
        blev oss din dessa några deras blir mina samma vilken er sådan vår blivit dess inom
        mellan sådant varför varje vilka ditt vem vilket sitta sådana vart dina vars vårt våra
        ert era vilkas bland
    """
    ),
    "en": _words(
        """
        i me my myself we our ours ourselves you your yours yourself yourselves he him his
        himself she her hers herself it its itself they them their theirs themselves what which
        who whom this that these those am is are was were be been being have has had having do
        does did doing a an the and but if or because as until while of at by for with about
        against between into through during before after above below to from up down in out on
        off over under again further then once here there when where why how all any both each
        few more most other some such no nor not only own same so than too very s t can will
        just don should now among
    """
    ),
}


def normalise(text: str) -> str:
    """NFKC and case folding: *ÆLDRE* and *ældre*, full-width letters and ligatures meet."""
    return unicodedata.normalize("NFKC", text or "").casefold()


def tokenise(text: str) -> list[str]:
    """The words of a text, normalised, in order (stop words kept)."""
    text = normalise(text)
    if "'" in text or "’" in text:
        text = _APOSTROPHES.sub("", text)
    return [t for t in TOKEN_RE.findall(text) if len(t) <= MAX_TOKEN_LENGTH]


def language_of(code: str | None) -> str:
    code = (code or "").lower().split("-")[0]
    if code in ("nn", "no"):
        return "nb"
    return code if code in _STEMMER_NAMES else DEFAULT_LANGUAGE


@lru_cache(maxsize=8)
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(_STEMMER_NAMES[language_of(language)])


# Danish <-> Norwegian (<-> Swedish) spelling correspondences, applied in this order to the
# stems of these languages (documents and queries alike), so that the Danish and the
# Norwegian form of a word become one term. Each rule rewrites letters in place (never
# only at the end of a stem), so the folded stem of a word still begins with the folded
# stem of its first part and compounds keep matching by prefix. Measured in
# tests/search/test_cognates.py (pairs from the synthetic vocabulary, false joins).
FOLD_LANGUAGES = frozenset({"da", "nb", "sv"})
VOWELS = "aeiouyæøåäö"
FOLD_RULES = (
    ("aa -> å (old Danish spelling)", re.compile("aa"), "å"),
    ("ä -> æ, ö -> ø (Swedish)", re.compile("[äö]"), lambda m: "æ" if m.group() == "ä" else "ø"),
    ("æ -> e (ældre/eldre, fælles/felles), é -> e (abonnér/abonner)", re.compile("[æé]"), "e"),
    (
        "af- -> av- before a consonant (afgørelse/avgjørelse)",
        re.compile("^af(?=[^aeiouyæøå])"),
        "av",
    ),
    (
        "kj, gj -> k, g before a front vowel (kerne/kjerne, gælder/gjelder)",
        re.compile("(?<=[kg])j(?=[eiyæø])"),
        "",
    ),
    ("-tion -> -sjon (information/informasjon)", re.compile("tion"), "sjon"),
    ("c -> s before e, i, y (center/senter, cykel/sykkel)", re.compile("c(?=[eiy])"), "s"),
    ("c -> k elsewhere (klinik/klinikk)", re.compile("c"), "k"),
    ("z -> s (zone/sone, benzin/bensin)", re.compile("z"), "s"),
    (
        "øj, ej, aj -> øy, ei, ai (høj/høy, vej/vei)",
        re.compile("(?<=[øea])j"),
        lambda m: "y" if m.string[m.start() - 1] == "ø" else "i",
    ),
    ("-hed -> -het (sundhed/sunnhet)", re.compile("(?<=[^\\W\\d_])hed"), "het"),
    ("nd -> nn (sund/sunn, mand/mann)", re.compile("nd"), "nn"),
    ("ds -> ss (plads/plass, kryds/kryss)", re.compile("ds"), "ss"),
    ("ld -> ll (fuldt/fullt)", re.compile("ld"), "ll"),
    (
        "b d g -> p t k after a vowel, a doubled one whole (skabe/skape, bog/bok, lege/leke,"
        " hedder/heter), but not the next of two different ones (udbedre/utbedre,"
        " modgang/motgang, sygdom/sykdom)",
        re.compile(f"(?<=[{VOWELS}])([bdg])\\1*"),
        lambda m: "ptk"["bdg".index(m.group(1))] * len(m.group()),
    ),
    (
        "double consonants -> single (fælles/felles, sunn/sun)",
        re.compile(f"([^{VOWELS}])\\1"),
        "\\1",
    ),
    (
        "-ing -> '' at the end of a long stem (forebygging/forebyggelse)",
        re.compile("(?<=[^\\W\\d_]{4})ing$"),
        "",
    ),
)
FOLD = True


@lru_cache(maxsize=200_000)
def fold(term: str) -> str:
    """A Danish, Norwegian or Swedish stem with the spelling correspondences folded."""
    for _name, pattern, replacement in FOLD_RULES:
        term = pattern.sub(replacement, term)
    return term


def stem(word: str, language: str) -> str:
    language = language_of(language)
    term = _stemmer(language).stemWord(word)
    if FOLD and language in FOLD_LANGUAGES:
        return fold(term)
    return term


# word -> folded stem, per language: stemming and folding once per distinct word.
_TERM_CACHE: dict[str, dict[str, str]] = {}
_TERM_CACHE_SIZE = 300_000


def _stems(words: list[str], language: str) -> list[str]:
    if not (FOLD and language in FOLD_LANGUAGES):
        return _stemmer(language).stemWords(words)
    cache = _TERM_CACHE.setdefault(language, {})
    missing = [w for w in words if w not in cache]
    if missing:
        if len(cache) > _TERM_CACHE_SIZE:
            cache.clear()
        for word, term in zip(missing, _stemmer(language).stemWords(missing), strict=True):
            cache[word] = fold(term)
    return [cache[w] for w in words]


DECOMPOUND = True


# word -> its parts as (surface, term) pairs, per language: a document's words repeat, so
# each is split once (bounded: emptied when it grows past _PARTS_CACHE_SIZE).
_PARTS_CACHE: dict[tuple[str, bool], dict[str, tuple[tuple[str, str], ...]]] = {}
_PARTS_CACHE_SIZE = 300_000


def _word_parts(word: str, language: str) -> tuple[tuple[str, str], ...]:
    cache = _PARTS_CACHE.setdefault((language, FOLD), {})
    found = cache.get(word)
    if found is None:
        if len(cache) > _PARTS_CACHE_SIZE:
            cache.clear()
        stops = STOP_WORDS[language]
        parts = [p for p in compounds.split(word, language) if p not in stops]
        found = tuple(zip(parts, _stems(parts, language), strict=True))
        cache[word] = found
    return found


_HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)+")


def compound_terms(words: list[str], text: str, language: str) -> list[tuple[str, str]]:
    """(surface part, term) of the parts of the compounds among ``words``, of the elided
    compounds of ``text`` ("sundheds- og omsorgsforvaltningen") and the joined form of its
    hyphenated words (*el-sykkel* -> *elsykkel*), for the index."""
    language = language_of(language)
    if not DECOMPOUND:
        return []
    found: list[tuple[str, str]] = []
    if "-" in text:
        # A hyphenated word is also written as one (el-sykkel/elsykkel, CO2-måler,
        # smoke-free/smokefree): its joined form is a term too (its parts are terms already).
        for match in _HYPHENATED.finditer(normalise(text)):
            joined = match.group().replace("-", "")
            if len(joined) <= MAX_TOKEN_LENGTH:
                found.append((joined, stem(joined, language)))
    if language not in compounds.SPLIT_LANGUAGES:
        return found
    if "- " in text or "-\n" in text:
        for word in compounds.elided(normalise(text), language):
            found.append((word, stem(word, language)))
            found.extend(_word_parts(word, language))
    min_word = compounds.MIN_WORD
    for word in words:
        if len(word) >= min_word:
            found.extend(_word_parts(word, language))
    return found


def query_parts(word: str, language: str) -> tuple[str, ...]:
    """The stems of a query word's parts, if it is a compound in that language."""
    language = language_of(language)
    if not DECOMPOUND or language not in compounds.SPLIT_LANGUAGES:
        return ()
    return tuple(_stems(list(compounds.split(word, language)), language))


def is_stop_word(word: str, language: str) -> bool:
    return word in STOP_WORDS[language_of(language)]


def analyse(text: str, language: str) -> list[str]:
    """Index terms of a document's text in its language, in order, stop words removed."""
    language = language_of(language)
    stops = STOP_WORDS[language]
    words = [w for w in tokenise(text) if w not in stops]
    return _stems(words, language)


def analyse_with_forms(text: str, language: str) -> list[tuple[str, str]]:
    """(surface word, term) pairs: the vocabulary keeps a readable form for suggestions."""
    language = language_of(language)
    stops = STOP_WORDS[language]
    words = [w for w in tokenise(text) if w not in stops]
    return list(zip(words, _stems(words, language), strict=True))


def query_terms(word: str, languages) -> list[str]:
    """The alternative terms of one normalised query word: its stem in each language."""
    seen: list[str] = []
    for language in languages:
        term = stem(word, language)
        if term and term not in seen:
            seen.append(term)
    return seen


def is_query_stop_word(word: str, languages) -> bool:
    return any(is_stop_word(word, language) for language in languages)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, giving up (returning ``limit``) once it reaches ``limit``."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) >= limit:
            return limit
        previous = current
    return min(previous[-1], limit)
