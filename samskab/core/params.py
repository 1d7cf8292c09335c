"""Numbers from a request (query string, form field, API parameter), parsed one way.

``str.isdigit()`` is true for "²" and "٣", which ``int()`` then refuses or reads as 3; a
number of 30 digits passes ``int()`` and overflows the database. Here a number is ASCII
digits only (a minus sign only where the bounds allow negatives), within bounds, and a bad
one says in the user's language what was expected:

- ``int_param``: raises ``InvalidNumber``, which Django answers with a 400 page showing
  the message (``samskab.core.views.error_400``);
- ``query_int`` / ``page_number``: for pages, a bad value is ignored (the default) and the
  user is told so in a message;
- ``ApiInt``: a django-ninja parameter type; a bad value is a 400 with the message;
- ``IntegerField``: the same rules for a form field.
"""

import re
from typing import Annotated

from django import forms
from django.contrib import messages
from django.core.exceptions import BadRequest
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from pydantic import BeforeValidator, Field, ValidationInfo
from pydantic_core import PydanticCustomError

# The largest primary key either database stores (BigAutoField, a signed 64-bit integer).
MAX_ID = 2**63 - 1
# More pages than any list here has; a page within this bound but past the end shows the
# last page.
MAX_PAGE = 100_000
_NUMBER = re.compile(r"(-?)([0-9]{1,19})")


class InvalidNumber(BadRequest, ValueError):
    """A number from a request that is malformed or out of bounds."""

    def __init__(self, *, label: str, min_value: int, max_value: int, value=""):
        self.label, self.min_value, self.max_value = str(label), min_value, max_value
        self.value = str(value)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return _("%(label)s must be a whole number from %(min)s to %(max)s.") % {
            "label": capfirst(self.label),
            "min": self.min_value,
            "max": self.max_value,
        }


def parse_int(value, *, min_value: int, max_value: int, label: str = "") -> int:
    """``value`` (a string of ASCII digits, or an int) as an int within the bounds."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    match = _NUMBER.fullmatch(value) if isinstance(value, str) else None
    if match is not None and not (match.group(1) and min_value >= 0):
        number = int(value)
        if min_value <= number <= max_value:
            return number
    raise InvalidNumber(
        label=label or _("The number"), min_value=min_value, max_value=max_value, value=value
    )


def int_param(
    query, name: str, *, min_value: int, max_value: int, default=None, label: str = ""
) -> int | None:
    """The number ``query[name]`` (a QueryDict or dict), ``default`` when it is absent or
    empty; ``InvalidNumber`` (a 400) when it is bad."""
    value = query.get(name)
    if value is None or value == "":
        return default
    return parse_int(value, min_value=min_value, max_value=max_value, label=label or name)


def reject(error: InvalidNumber) -> None:
    """Answer a bad number with a 400 (for downloads, which show no messages)."""
    raise error


def warn_ignored(request, error: InvalidNumber) -> None:
    """Tell the user that a bad number in the address was ignored (not in an htmx fragment,
    which shows no messages: the warning would wait for the next full page)."""
    if not getattr(request, "htmx", False):
        messages.warning(
            request, _("%(problem)s The value given was ignored.") % {"problem": error.message}
        )


def query_int(
    request, name: str, *, min_value: int, max_value: int, default=None, label: str = ""
) -> int | None:
    """``int_param`` of the query string for a page: a bad value gives ``default`` and a
    warning to the user."""
    try:
        return int_param(
            request.GET,
            name,
            min_value=min_value,
            max_value=max_value,
            default=default,
            label=label,
        )
    except InvalidNumber as exc:
        warn_ignored(request, exc)
        return default


def page_number(request, name: str = "page") -> int:
    """``?page=`` for a page of a list: 1 when absent or bad."""
    return query_int(request, name, min_value=1, max_value=MAX_PAGE, default=1, label=_("Page"))


def _api_validator(min_value: int, max_value: int, optional: bool):
    def validate(value, info: ValidationInfo):
        if optional and (value is None or value == ""):
            return None
        try:
            return parse_int(
                value, min_value=min_value, max_value=max_value, label=f"“{info.field_name}”"
            )
        except InvalidNumber as exc:
            raise PydanticCustomError(
                "invalid_number", "{message}", {"message": exc.message}
            ) from None

    return validate


def ApiInt(min_value: int, max_value: int, *, optional: bool = False):  # noqa: N802
    """A django-ninja parameter type: an integer within the bounds, parsed by ``parse_int``
    (``optional``: empty or absent is None). A bad value is a 400 (``samskab.api``)."""
    bounded = Annotated[int, Field(ge=min_value, le=max_value)]
    return Annotated[
        bounded | None if optional else bounded,
        BeforeValidator(_api_validator(min_value, max_value, optional)),
    ]


ApiId = ApiInt(1, MAX_ID)


class IntegerField(forms.IntegerField):
    """A form field for a number, parsed by ``parse_int`` (bounds required)."""

    def __init__(self, *, min_value: int, max_value: int, **kwargs):
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_int(
                value.strip() if isinstance(value, str) else value,
                min_value=self.min_value,
                max_value=self.max_value,
                label=self.label or "",
            )
        except InvalidNumber as exc:
            raise DjangoValidationError(exc.message, code="invalid") from None
