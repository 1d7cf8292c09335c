import pytest

from samskab.search import analysis


def test_normalise_nfkc_and_case_folding():
    assert analysis.normalise("ÆLDRE") == "ældre"
    assert analysis.normalise("ﬁskeﬁlet") == "fiskefilet"  # ligatures (NFKC)
    assert analysis.normalise("Ｓｕｎｄ") == "sund"  # full-width letters
    assert analysis.normalise("Straße") == "strasse"  # case folding, not only lower()


def test_tokenise_keeps_nordic_letters_and_splits_on_punctuation():
    assert analysis.tokenise("Børn, ældre & Åbenrå-kommune; 2024!") == [
        "børn",
        "ældre",
        "åbenrå",
        "kommune",
        "2024",
    ]
    assert analysis.tokenise("Ärlig häls_a") == ["ärlig", "häls", "a"]
    assert analysis.tokenise("borgerens' don't") == ["borgerens", "dont"]


def test_decomposed_letters_are_composed():
    decomposed = "a\u030a"  # a + combining ring above = å
    assert analysis.tokenise(f"p{decomposed}rørende") == ["pårørende"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("da", "Ensomheden blandt de ældre borgere", ["ensom", "elr", "borg"]),
        ("da", "Sundhedsfremme og forebyggelse for børn", ["sunhetsfrem", "forepyk", "børn"]),
        ("nb", "Ensomhet blant eldre i kommunen", ["ensom", "elr", "komun"]),
        ("nb", "Fysisk aktivitet for barn og ungdom", ["fysisk", "aktivit", "barn", "ungdom"]),
        ("sv", "Ensamheten bland äldre i kommunerna", ["ensam", "elr", "komun"]),
        ("en", "Loneliness among the elderly residents", ["loneli", "elder", "resid"]),
    ],
)
def test_analyse_per_language(language, text, expected):
    assert analysis.analyse(text, language) == expected


def test_stop_words_depend_on_the_document_language():
    # "by" (town) is an English stop word but a Danish content word.
    assert "by" in analysis.analyse("Sund by", "da")
    assert analysis.analyse("by the sea", "en") == ["sea"]
    assert analysis.analyse("og i det", "da") == []


def test_unknown_language_falls_back_to_danish():
    assert analysis.language_of("fr") == "da"
    assert analysis.language_of("nn") == "nb"
    assert analysis.language_of("en-GB") == "en"
    assert analysis.analyse("ældre", "xx") == ["elr"]


def test_query_terms_in_every_language():
    assert analysis.query_terms("ensomhed", ["da", "nb"]) == ["ensom", "ensomhet"]
    assert "elr" in analysis.query_terms("eldre", ["da", "nb", "sv", "en"])


def test_query_stop_word_in_any_language():
    assert analysis.is_query_stop_word("og", ["da", "en"])
    assert analysis.is_query_stop_word("the", ["da", "en"])
    assert not analysis.is_query_stop_word("the", ["da", "nb"])


def test_long_tokens_are_dropped():
    assert analysis.tokenise("a" * 41 + " kort") == ["kort"]


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("ensomhed", "ensomhed", 0),
        ("ensomhd", "ensomhed", 1),
        ("sundhed", "sundhet", 1),
        ("kat", "hund", 3),
        ("", "abc", 3),
    ],
)
def test_edit_distance(a, b, distance):
    assert analysis.edit_distance(a, b) == distance
