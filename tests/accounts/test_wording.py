"""One wording per language, also in django-allauth's strings (issue 20, point 13): Danish
says "e-mail"/"e-mailadresse" and "adgangskode", Norwegian "e-post"/"e-postadresse";
the glossary is in CONTRIBUTING.md and tools/allauth_glossary.py writes the overrides."""

import re
from pathlib import Path

import allauth
import polib
import pytest
from django.contrib.messages import get_messages
from django.utils import translation

from tests.factories import PASSWORD, UserFactory

ALLAUTH_PO = Path(allauth.__file__).parent / "locale"
FORBIDDEN = {
    "da": re.compile(r"\b[Ee]mail|\b[Pp]assword|succesfuldt"),
    "nb": re.compile(r"\b[Ee]-?mail(?!\w*\()"),
}
PLACEHOLDER = re.compile(r"%\([^)]*\)[sd]|\{[^}]*\}")


@pytest.mark.parametrize("lang", ["da", "nb"])
def test_every_allauth_string_follows_the_glossary(lang):
    """Each of allauth's messages, translated as the site translates it, avoids the words
    the glossary replaces (placeholders such as {email} aside)."""
    po = polib.pofile(str(ALLAUTH_PO / lang / "LC_MESSAGES" / "django.po"))
    bad = []
    with translation.override(lang):
        for entry in po.translated_entries():
            if entry.msgid_plural:
                continue
            if entry.msgctxt:
                text = translation.pgettext(entry.msgctxt, entry.msgid)
            else:
                text = translation.gettext(entry.msgid)
            if FORBIDDEN[lang].search(PLACEHOLDER.sub("", text)):
                bad.append(text)
    assert not bad, f"{len(bad)} strings against the glossary: {bad[:10]}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "words", "never"),
    [
        ("da", ["E-mail", "Adgangskode"], ["Email", "emailadresse", "Password"]),
        ("nb", ["E-post", "Passord"], ["E-mail", "Email"]),
    ],
)
def test_the_account_pages_in_danish_and_norwegian(client, dk_network, lang, words, never):
    pages = [f"/{lang}/accounts/{p}/" for p in ("login", "signup", "password/reset")]
    text = ""
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        text += re.sub(r"<[^>]+>", " ", response.content.decode())
    for word in words:
        assert word in text
    for word in never:
        assert not re.search(rf"\b{word}", text), word
    if lang == "da":
        assert re.search(r"<title>\s*Opret konto\s", client.get(pages[1]).content.decode())


@pytest.mark.django_db
def test_the_log_in_message_in_danish(client, dk_network):
    user = UserFactory(language="da")
    response = client.post(
        "/da/accounts/login/", {"login": user.email, "password": PASSWORD}, follow=True
    )
    messages = [str(m) for m in get_messages(response.wsgi_request)] or [
        str(m) for m in response.context["messages"]
    ]
    assert any(m.startswith("Du er logget ind som") for m in messages), messages
