from django.utils.text import slugify as django_slugify

# Danish and Norwegian letters spelled the way Danes and Norwegians write them in URLs and
# e-mail addresses when the letter is unavailable (æ -> ae), not dropped.
NORDIC = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa"})


def slugify(text: str) -> str:
    """A URL slug that keeps Nordic words readable: "Fællesspisning" -> "faellesspisning"."""
    return django_slugify(str(text).translate(NORDIC))
