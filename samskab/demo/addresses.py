"""Demo e-mail addresses people would really have: the letters of their names in ASCII
(æ → ae, ø → oe, å → aa, accents dropped), first.last, no digits or stray hyphens."""

import re
import unicodedata

_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue"})


def ascii_part(text: str) -> str:
    """``text`` lower-cased and transliterated, runs of other characters as one '-',
    none at either end: "Søren" -> "soeren", "Anne-Mette" -> "anne-mette"."""
    text = text.lower().translate(_LETTERS)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]+", "-", text).strip("-")


def address(name: str, domain: str) -> str:
    """first.last@domain for a person's name ("Søren Ærø" -> "soeren.aeroe@domain")."""
    parts = [ascii_part(part) for part in name.split()]
    parts = [part for part in parts if part]
    return f"{'.'.join([parts[0], parts[-1]] if len(parts) > 1 else parts)}@{domain}"
