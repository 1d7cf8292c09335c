"""Dates in the reader's language: ``{{ when|local_date:"datetime" }}``.

Loaded everywhere (a template builtin). Danish and Norwegian write "13. december 2026",
English "13 December 2026"; templates name a kind of date, never a pattern.
"""

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils import translation

register = template.Library()

_NORDIC = {
    "date": "j. F Y",
    "datetime": "j. F Y, H:i",
    "datetime_seconds": "j. F Y, H:i:s",
    "weekday": "l j. F Y",
    "weekday_datetime": "l j. F Y, H:i",
    "month": "F Y",
    "day_month": "j. F",
}
FORMATS = {
    "da": _NORDIC,
    "nb": _NORDIC,
    "en": {
        "date": "j F Y",
        "datetime": "j F Y, H:i",
        "datetime_seconds": "j F Y, H:i:s",
        "weekday": "l j F Y",
        "weekday_datetime": "l j F Y, H:i",
        "month": "F Y",
        "day_month": "j F",
    },
}


def format_for(kind: str, language: str | None = None) -> str:
    language = (language or translation.get_language() or "da").split("-")[0]
    table = FORMATS.get(language, FORMATS["en"])
    if kind not in table:
        raise template.TemplateSyntaxError(f"Unknown kind of date: {kind!r}")
    return table[kind]


@register.filter(expects_localtime=True, is_safe=False)
def local_date(value, kind="date"):
    """``value`` (a date or an aware datetime, shown in the current time zone) as ``kind``."""
    if value in (None, ""):
        return ""
    return date_filter(value, format_for(kind))
