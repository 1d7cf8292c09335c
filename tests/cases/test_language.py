"""The language a case is written in (issue 20, point 21): the list and the case page say
it when it is not the page's language (a badge in the reader's language, with its lang
attribute), and the list filters by it, with a facet in the reader's language."""

import re

import pytest

from .factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(dk_network, member_org):
    da = CaseFactory(network=dk_network, organisation=member_org, language="da", title="Dansk")
    nb = CaseFactory(network=dk_network, organisation=member_org, language="nb", title="Norsk")
    en = CaseFactory(network=dk_network, organisation=member_org, language="en", title="Engelsk")
    return da, nb, en


BADGE = re.compile(r'<p class="case-language-line"><span [^>]*lang="(\w+)">([^<]*)</span>')


def badges(html):
    return BADGE.findall(html)


def titles(html):
    return re.findall(r'<h2 class="ds-heading" data-size="sm"><a [^>]*><span[^>]*>([^<]*)<', html)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("da", [("da", "Sprog: Engelsk"), ("da", "Sprog: Norsk bokmål")]),
        ("nb", [("nb", "Språk: Engelsk"), ("nb", "Språk: Dansk")]),
        ("en", [("en", "Language: Norwegian Bokmål"), ("en", "Language: Danish")]),
    ],
)
def test_list_marks_cases_in_another_language(client, cases, lang, expected):
    html = client.get(f"/{lang}/cases/").content.decode()
    # One badge per case not in the page's language; the page's own language has none.
    assert sorted(badges(html)) == sorted(expected)


def test_case_page_says_its_language_when_it_differs(client, cases):
    da, nb, _en = cases
    assert badges(client.get(f"/da/cases/{nb.slug}/").content.decode()) == [
        ("da", "Sprog: Norsk bokmål")
    ]
    assert badges(client.get(f"/da/cases/{da.slug}/").content.decode()) == []
    assert badges(client.get(f"/nb/cases/{da.slug}/").content.decode()) == [("nb", "Språk: Dansk")]


def test_list_filters_by_language_with_a_facet_in_the_readers_language(client, cases):
    html = client.get("/da/cases/?language=nb").content.decode()
    assert titles(html) == ["Norsk"]
    assert '<label class="ds-label" for="id_f_language">Sprog</label>' in html
    select = re.search(r'<select [^>]*name="language">(.*?)</select>', html, re.S).group(1)
    options = dict(re.findall(r'<option value="(\w+)"[^>]*>\s*([^<]*?)\s*</option>', select))
    assert set(options) == {"da", "nb", "en"}, options
    assert options["nb"].startswith("Norsk bokmål") and "1" in options["nb"], options
    assert re.search(r'<option value="nb"[^>]* selected', select)
    # A language that does not exist is ignored (all cases).
    assert len(titles(client.get("/da/cases/?language=xx").content.decode())) == 3


def test_api_filters_by_language(client, cases):
    data = client.get("/api/v1/cases?language=en").json()
    items = data.get("items", data)
    assert [c["title"] for c in items] == ["Engelsk"]
