import re

from django import forms
from django.db import models
from django.utils.text import slugify as django_slugify

# Danish and Norwegian letters spelled the way Danes and Norwegians write them in URLs and
# e-mail addresses when the letter is unavailable (æ -> ae), not dropped.
NORDIC = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa"})

# Line breaks and the other control characters that end or corrupt a line in an e-mail
# header, an iCalendar property or a CSV cell (tab included: a title has no columns).
_BREAKS = re.compile(r"[\s\x00-\x1f\x7f\x85\u2028\u2029]*[\x00-\x1f\x7f\x85\u2028\u2029]+\s*")


def slugify(text: str) -> str:
    """A URL slug that keeps Nordic words readable: "Fællesspisning" -> "faellesspisning"."""
    return django_slugify(str(text).translate(NORDIC))


def single_line(text) -> str:
    """The text on one line: each run of line breaks or control characters (and the
    spaces around it) becomes one space. For titles, names, subjects, locations."""
    return _BREAKS.sub(" ", str(text or "")).strip()


def fold_line_breaks(instance: models.Model) -> None:
    """Put every ``CharField`` of a model instance on one line (``TextField`` is where
    text with lines goes). Services call this before they validate and save."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.CharField):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and _BREAKS.search(value):
                setattr(instance, field.attname, single_line(value))


def is_single_line_field(field: forms.Field) -> bool:
    """A text form field shown as one line (not a textarea or a password)."""
    return isinstance(field, forms.CharField) and not isinstance(
        field.widget, forms.Textarea | forms.PasswordInput
    )


class SingleLineFormMixin:
    """Put the value of every one-line text field of the form on one line, as a browser
    does with what is typed into ``<input type="text">``. Subclasses' ``clean()`` must call
    ``super().clean()``."""

    def clean(self):
        data = super().clean()
        for name, field in self.fields.items():
            if is_single_line_field(field) and isinstance(data.get(name), str):
                data[name] = single_line(data[name])
        return data
