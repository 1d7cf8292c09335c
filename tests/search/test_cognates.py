"""Cognate folding (issue 15, point 4): Danish <-> Norwegian spelling correspondences
(``analysis.FOLD_RULES``) join the two forms of a word without an entry in the equivalents.

Measured on word pairs built from shipped parallel texts, not typed by hand: the synthetic
case vocabulary (``samskab/demo/synthetic/data.py`` writes every phrase in Danish and
Norwegian, in the same order) and the Danish and Norwegian translations of every UI string
(the .po files). In each parallel pair of texts a Danish word is paired with the most
similar Norwegian word when that choice is mutual and similar enough; the pairs that are
no translation of each other (*tilmeld*/*meld*, *emne*/*tema*) were then removed by hand
(``NOT_PAIRS``). False joins: the same Danish words paired with the Norwegian word of
another pair, and distinct Danish words of wordfreq's list that folding merges.
"""

import difflib
from pathlib import Path

import polib
import pytest

from samskab.demo.synthetic import data
from samskab.search import analysis

ROOT = Path(__file__).resolve().parents[2]
MIN_SIMILARITY = 0.7

# Checked by hand: aligned pairs that are different words or different derivations.
_NOT_PAIRS_TEXT = """
afmeld/meld afmeld/melde afmelde/melde afmeldes/meldes afmeldt/meldt adskiller/skiller
adskilt/skilt afventer/venter ansøgende/søkende ansøgere/søkere ansøgerne/søkerne
besvar/svar besvarer/svarer emne/temaene emneforslag/temaforslag emner/temaer
emnet/temaet fastfryser/fryser formålet/målet fortsat/fortsetter helt/heltall
hurtig/hurtigsøk hører/tilhører indsend/send indsende/sende indsender/sender
indsendes/sendes indsendt/sendt kostbehov/matbehov kontakt/kontaktperson
kontaktperson/kontakt kontaktpersoner/kontaktene kontaktpersoner/kontakter
medarbejdertimer/arbeidstimer nattelivet/utelivet noter/notater opslaget/lagret
skole/skolevei slutte/avsluttes stemme/stemte tilmeld/meld tilmelde/melde
tilmelder/melder tilmeldes/meldes tilmeldt/meldt tilmeldt/meldte tilmelding/påmelding
tilmeldingen/påmeldingen tilmeldinger/påmeldinger tilmeldingsfrist/påmeldingsfrist
tilmeldingsspørgsmål/påmeldingsspørsmål tilmeldte/påmeldte tilbageværende/gjenværende
udfyldes/fylles udgivelsestidspunkt/publiseringstidspunkt udskriv/skriv udskrive/skrive
vurdering/egenvurdering webadresse/nettadresse webadressen/nettadressen
webadresser/nettadresser adresse/postadresser oplysninger/personopplysninger
stresshåndtering/stressmestring klasselokalet/klasserommet klassifikation/klassifisering
eksperimenterende/eksperimentering forhåndsvisning/forhåndsvis
forhåndsvisningen/forhåndsvis brødkrummesti/brødsmulesti eget/egen hver/hvert klar/klart
deltager/deltar markeret/merket solarieforbrug/solariebruk mailadresse/postadresse
mailadresse/postadressen mailadresser/postadresser afvis/avslå afvises/avslås
afvist/avslått
"""
NOT_PAIRS = {tuple(p.split("/")) for p in _NOT_PAIRS_TEXT.split()}


def _parallel_texts():
    for theme in data.THEMES.values():
        for slot in theme["da"]:
            yield from zip(theme["da"][slot], theme["nb"][slot], strict=False)
    for table in (data.TARGETS, data.ARENAS, data.PARTNERS):
        yield from zip(table["da"], table["nb"], strict=False)
    for slot in data.SENTENCES["da"]:
        yield from zip(data.SENTENCES["da"][slot], data.SENTENCES["nb"][slot], strict=False)
    for da_path in sorted(ROOT.glob("samskab/*/locale/da/LC_MESSAGES/django.po")):
        nb_path = Path(str(da_path).replace("/da/", "/nb/"))
        if not nb_path.exists():
            continue
        nb = {e.msgid: e.msgstr for e in polib.pofile(str(nb_path))}
        for entry in polib.pofile(str(da_path)):
            if entry.msgstr and nb.get(entry.msgid):
                yield entry.msgstr, nb[entry.msgid]


def _similarity(a, b):
    return difflib.SequenceMatcher(None, a, b).ratio()


def _content_words(text, language):
    return [
        w
        for w in analysis.tokenise(text)
        if len(w) >= 4
        and w.isalpha()
        and not analysis.is_stop_word(w, language)
        and not w.startswith(("intervention", "target", "problem", "arena", "partner"))
        and not w.startswith(("municipality", "weeks"))
    ]


def _best(word, others):
    return max(others, key=lambda o: (_similarity(word, o), o))


@pytest.fixture(scope="module")
def pairs():
    found = set()
    for da_text, nb_text in _parallel_texts():
        da_words, nb_words = _content_words(da_text, "da"), _content_words(nb_text, "nb")
        if not da_words or not nb_words:
            continue
        for word in da_words:
            other = _best(word, nb_words)
            mutual = word != other and _best(other, da_words) == word
            if mutual and _similarity(word, other) >= MIN_SIMILARITY:
                found.add((word, other))
    return sorted(found - NOT_PAIRS)


def _joined(pair):
    da_word, nb_word = pair
    return analysis.stem(da_word, "da") == analysis.stem(nb_word, "nb")


def test_rules_join_most_real_pairs(pairs):
    assert len(pairs) >= 300
    joined = [p for p in pairs if _joined(p)]
    analysis.FOLD = False
    try:
        stemmed_only = [p for p in pairs if _joined(p)]
    finally:
        analysis.FOLD = True
    recall = len(joined) / len(pairs)
    print(
        f"\ncognate folding joins {len(joined)}/{len(pairs)} real Danish-Norwegian pairs "
        f"({recall:.0%}); stemming alone {len(stemmed_only)} ({len(stemmed_only) / len(pairs):.0%})"
    )
    assert recall >= 0.6


def test_few_false_joins_on_unrelated_pairs(pairs):
    # Each Danish word with the Norwegian word of a pair far away in the list.
    shift = len(pairs) // 2
    unrelated = [
        (pairs[i][0], pairs[(i + shift) % len(pairs)][1])
        for i in range(len(pairs))
        if analysis.stem(pairs[i][0], "da")
        != analysis.stem(pairs[(i + shift) % len(pairs)][0], "da")
    ]
    false = [p for p in unrelated if _joined(p)]
    print(f"\nfalse joins: {len(false)}/{len(unrelated)} unrelated pairs: {false[:10]}")
    assert len(false) <= 0.01 * len(unrelated)


def test_merges_within_danish_vocabulary_are_few():
    """Distinct Danish stems (of wordfreq's 10,000 most frequent words) that folding
    merges with another stem: the price of the rules inside one language."""
    from wordfreq import top_n_list

    words = [w for w in top_n_list("da", 10_000) if w.isalpha() and len(w) >= 4]
    analysis.FOLD = False
    try:
        raw = {analysis.stem(w, "da") for w in words}
    finally:
        analysis.FOLD = True
    keys: dict[str, set[str]] = {}
    for term in raw:
        keys.setdefault(analysis.fold(term), set()).add(term)
    merged = sum(len(group) for group in keys.values() if len(group) > 1)
    print(
        f"\nDanish stems merged with another by folding: {merged}/{len(raw)} "
        f"({merged / len(raw):.1%})"
    )
    assert merged / len(raw) <= 0.12


def test_rules_by_example():
    for da_word, nb_word in [
        ("sundhed", "sunnhet"),
        ("ensomhed", "ensomhet"),
        ("ældre", "eldre"),
        ("skabe", "skape"),
        ("bog", "bok"),
        ("lege", "leke"),
        ("forebyggelse", "forebygging"),
        ("fælles", "felles"),
        ("høj", "høy"),
        ("sikkerhed", "sikkerhet"),
        ("information", "informasjon"),
        ("kommune", "kommune"),
        ("udbedring", "utbedring"),
        ("modgang", "motgang"),
        ("sygdom", "sykdom"),
        ("hedder", "heter"),
        ("zoner", "soner"),
    ]:
        assert _joined((da_word, nb_word)), (da_word, nb_word)
