#!/usr/bin/env python
"""Writes samskab/locale/<lang>/LC_MESSAGES/django.po: the project's reviewed wording of
django-allauth's strings, applied over allauth's own catalogues (LOCALE_PATHS comes first
in Django's lookup). Run it again after upgrading allauth: it takes allauth's Danish and
Norwegian catalogues and rewrites every translation to the glossary below; entries the
glossary does not change are left out (allauth's own translation then holds).

The glossary (CONTRIBUTING.md, "Wording"):
  da: e-mail, e-mailadresse (never "email", "emailadresse"); adgangskode (never
      "password"); "Du er logget ind som …"; the sign-up page is "Opret konto".
  nb: e-post, e-postadresse (never "e-mail", "email"); "Registrer deg" stays.
"""

import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def _case(word: str, like: str) -> str:
    return word[0].upper() + word[1:] if like[0].isupper() else word


DA = [
    (
        re.compile(r"\b([Ee])mail(?=adresse|s\b|\b|en\b|s?\w)", re.UNICODE),
        lambda m: _case("e-mail", m.group(1)),
    ),
    (
        re.compile(r"\b([Pp])assword(s|et|ene|ene)?\b"),
        lambda m: _case(
            {"": "adgangskode", "s": "adgangskoder", "et": "adgangskoden", "ene": "adgangskoderne"}[
                m.group(2) or ""
            ],
            m.group(1),
        ),
    ),
]
NB = [
    (re.compile(r"\b([Ee])-?mail(?=adresse|\b|en\b|s?\w)"), lambda m: _case("e-post", m.group(1))),
]
SPECIAL = {
    "da": {
        "Signup": "Opret konto",
        "Successfully signed in as %(name)s.": "Du er logget ind som %(name)s.",
        "Password successfully changed.": "Din adgangskode er ændret.",
        "Password successfully set.": "Din adgangskode er oprettet.",
        "Password Reset Email": "E-mail om ny adgangskode",
    }
}


PLACEHOLDER = re.compile(r"(%\([^)]*\)[sd]|\{[^}]*\}|%[sd])")
# "password" is neuter in Danish, "adgangskode" common gender.
DA_GENDER = [
    (re.compile(r"\b([Nn])oget adgangskode"), r"\1ogen adgangskode"),
    (re.compile(r"\b([Dd])it adgangskode"), r"\1in adgangskode"),
    (re.compile(r"\b([Dd])it nye adgangskode"), r"\1in nye adgangskode"),
    (re.compile(r"\b([Ee])t adgangskode"), r"\1n adgangskode"),
    (re.compile(r"\b([Nn])yt adgangskode"), r"\1y adgangskode"),
    (re.compile(r"\b([Mm])it adgangskode"), r"\1in adgangskode"),
    (re.compile(r"\b([Ee])t nyt adgangskode"), r"\1n ny adgangskode"),
]


def rewrite(text: str, rules) -> str:
    """The glossary applied outside placeholders (``%(name)s``, ``{email}``)."""
    parts = PLACEHOLDER.split(text)
    for i in range(0, len(parts), 2):
        for pattern, repl in rules:
            parts[i] = pattern.sub(repl, parts[i])
        if rules is DA:
            for pattern, repl in DA_GENDER:
                parts[i] = pattern.sub(repl, parts[i])
    return "".join(parts)


def main() -> int:
    import allauth

    source = Path(allauth.__file__).parent / "locale"
    for lang, rules in (("da", DA), ("nb", NB)):
        theirs = polib.pofile(str(source / lang / "LC_MESSAGES" / "django.po"))
        out = polib.POFile()
        out.metadata = {
            "Content-Type": "text/plain; charset=UTF-8",
            "Language": lang,
            "Plural-Forms": theirs.metadata.get("Plural-Forms", "nplurals=2; plural=(n != 1);"),
        }
        for entry in theirs.translated_entries():
            if entry.obsolete or "fuzzy" in entry.flags:
                continue
            special = SPECIAL.get(lang, {}).get(entry.msgid)
            if entry.msgid_plural:
                plural = {k: rewrite(v, rules) for k, v in entry.msgstr_plural.items()}
                if plural == entry.msgstr_plural:
                    continue
                out.append(
                    polib.POEntry(
                        msgid=entry.msgid,
                        msgid_plural=entry.msgid_plural,
                        msgctxt=entry.msgctxt,
                        msgstr_plural=plural,
                    )
                )
                continue
            new = special or rewrite(entry.msgstr, rules)
            if new != entry.msgstr:
                out.append(polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, msgstr=new))
        path = ROOT / "samskab" / "locale" / lang / "LC_MESSAGES" / "django.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        out.save(str(path))
        print(f"{path.relative_to(ROOT)}: {len(out)} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
