"""Malformed numbers in every numeric parameter never give a 500.

The parameters are found, not listed by hand: the query-string names from the calls to the
number helpers in ``samskab/`` (``samskab.core.params``), the pages from the URL conf, the
API's integer parameters from its OpenAPI schema, and every ``<int:…>`` in a URL pattern.
A new page, endpoint or parameter is covered without touching this file.
"""

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation

from samskab.core import params
from tests.cases.factories import CaseFactory
from tests.events.factories import EventFactory, RegistrationFactory, ThemeGroupFactory

pytestmark = pytest.mark.django_db

SAMSKAB = Path(__file__).resolve().parents[2] / "samskab"

MALFORMED = [
    "²",  # str.isdigit() says yes, int() says no
    "٣",  # Arabic-Indic three: int() reads it
    "1e3",
    "-1",
    "0",
    str(10**31),
    "9" * 30,
    "1.5",
    "",
    "%00",
    "\x00",
    "9" * 5000,  # longer than int() converts by default
    " 7",
    "+7",
    "1_000",
    "0x10",
    "NaN",
    "[]",
]


# --- what is checked ----------------------------------------------------------------------

_HELPER_CALL = re.compile(r"\b(?:query_int|int_param)\(\s*[\w.]+,\s*\"(\w+)\"")


# The numbers of issue 10, whether or not the code reads them through the helpers.
KNOWN_QUERY_NAMES = {"page", "year", "group", "region"}
KNOWN_API_PARAMETERS = {
    ("/api/v1/cases", "year", "query"),
    ("/api/v1/cases", "page", "query"),
    ("/api/v1/events", "limit", "query"),
    ("/api/v1/events", "offset", "query"),
    ("/api/v1/events/{event_id}", "event_id", "path"),
    ("/api/v1/search", "page", "query"),
}


def numeric_query_names() -> set[str]:
    """Every query-string name the code reads through the number helpers."""
    names = set(KNOWN_QUERY_NAMES)
    for path in SAMSKAB.rglob("*.py"):
        names.update(_HELPER_CALL.findall(path.read_text(encoding="utf-8")))
    return names


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(
                pattern.url_patterns, prefix + str(pattern.pattern), pattern.namespace or namespace
            )
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), namespace, pattern


def our_routes():
    """(route, namespace) of the site's own views (not the admin, allauth or the API)."""
    for route, namespace, pattern in _walk(get_resolver().url_patterns):
        module = getattr(pattern.callback, "__module__", "")
        if module.startswith("samskab.") and not route.startswith(("api/", "admin")):
            yield route, namespace


_CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")


def fill(route: str, namespace: str | None, world: dict, *, int_value: str | None = None):
    """The route with its parameters filled from ``world`` (``int_value`` for every int
    parameter instead), or None when it cannot be filled."""

    def value(match):
        converter, name = match.group(1) or "str", match.group(2)
        if converter == "int" and int_value is not None:
            return int_value
        key = (namespace, name)
        if key not in world:
            raise LookupError(key)
        return str(world[key])

    try:
        return "/" + _CONVERTER.sub(value, route)
    except LookupError:
        return None


@pytest.fixture
def world(dk_network, member_org, staff_user):
    group = ThemeGroupFactory(network=dk_network)
    event = EventFactory(network=dk_network, theme_group=group)
    RegistrationFactory(event=event)
    case = CaseFactory(network=dk_network, organisation=member_org)
    return {
        ("events", "pk"): event.pk,
        ("events", "slug"): group.slug,
        ("events", "year"): 2030,
        ("events", "month"): 5,
        ("events", "fmt"): "csv",
        ("groups", "slug"): group.slug,
        ("cases", "slug"): case.slug,
        ("networks", "slug"): member_org.slug,
        ("accounts", "slug"): member_org.slug,
    }


@pytest.fixture
def staff_client(client, staff_user):
    user = staff_user
    user.is_superuser = True
    user.save()
    client.force_login(user)
    client.raise_request_exception = False
    return client


def _no_500(response, url):
    assert response.status_code < 500, f"{response.status_code} for {url!r}"


# --- the pages -----------------------------------------------------------------------------


def test_the_number_helpers_are_found():
    # The scan works: the parameters of issue 10 are found in the code.
    found = set()
    for path in SAMSKAB.rglob("*.py"):
        found.update(_HELPER_CALL.findall(path.read_text(encoding="utf-8")))
    assert KNOWN_QUERY_NAMES - {"page"} <= found


@pytest.mark.parametrize("bad", MALFORMED, ids=repr)
def test_pages_survive_malformed_numbers_in_the_query_string(staff_client, world, bad):
    names = sorted(numeric_query_names())
    checked = 0
    for route, namespace in our_routes():
        url = fill(route, namespace, world)
        if url is None:
            continue
        # Every numeric name at once; each alone where that was refused (a 400 for the
        # first name read would hide the others).
        together = "&".join(f"{name}={quote(bad)}" for name in names)
        response = staff_client.get(f"{url}?{together}")
        _no_500(response, f"{url}?{together}")
        if response.status_code == 400:
            for name in names:
                query = f"{name}={quote(bad)}"
                _no_500(staff_client.get(f"{url}?{query}"), f"{url}?{query}")
        checked += 1
    assert checked >= 40  # the URL conf was read


@pytest.mark.parametrize("bad", [str(10**31), "9" * 30, "0"], ids=repr)
def test_int_path_parameters_survive_huge_numbers(staff_client, world, bad):
    checked = 0
    for route, namespace in our_routes():
        if "<int:" not in route:
            continue
        url = fill(route, namespace, world, int_value=bad)
        if url is None:
            continue
        _no_500(staff_client.get(url), url)
        _no_500(staff_client.post(url), f"POST {url}")
        checked += 1
    assert checked >= 20


# --- the API -------------------------------------------------------------------------------


def _is_integer(schema: dict) -> bool:
    if schema.get("type") == "integer":
        return True
    return any(_is_integer(s) for s in schema.get("anyOf", []) + schema.get("allOf", []))


def api_integer_parameters(client) -> set[tuple[str, str, str]]:
    """(path, parameter name, where) of every integer parameter in the OpenAPI schema."""
    schema = client.get("/api/v1/openapi.json").json()
    found = set()
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if _is_integer(parameter.get("schema", {})):
                    found.add((path, parameter["name"], parameter["in"]))
    return found


def _api_url(path: str, world: dict, *, override: dict | None = None) -> str:
    override = override or {}

    def value(match):
        name = match.group(1)
        if name in override:
            return override[name]
        return str(world.get(("api", name), "1"))

    return re.sub(r"\{(\w+)\}", value, path)


def test_api_schema_declares_the_numbers_as_bounded_integers(client):
    assert api_integer_parameters(client) >= KNOWN_API_PARAMETERS
    schema = client.get("/api/v1/openapi.json").json()
    offset = next(
        p for p in schema["paths"]["/api/v1/events"]["get"]["parameters"] if p["name"] == "offset"
    )
    assert offset["schema"]["maximum"] == 10_000_000


@pytest.mark.parametrize("bad", MALFORMED, ids=repr)
def test_api_answers_malformed_numbers_with_a_400_not_a_500(client, world, bad):
    found = api_integer_parameters(client)
    world = {**world, ("api", "event_id"): world[("events", "pk")]}
    for path, name, where in sorted(found | KNOWN_API_PARAMETERS):
        if where == "path":
            if bad in ("", "%00"):
                continue  # another route, or no route at all
            url = _api_url(path, world, override={name: quote(bad, safe="")})
        else:
            url = f"{_api_url(path, world)}?{name}={quote(bad)}"
        response = client.get(url)
        _no_500(response, url)
        if response.status_code == 400:
            detail = response.json()["detail"]
            assert detail and all(d["msg"] for d in detail), url


def test_api_bad_number_says_what_was_expected(client, dk_network):
    response = client.get("/api/v1/events", {"offset": str(10**31)}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    (error,) = response.json()["detail"]
    assert error["loc"] == ["query", "offset"]
    assert "whole number from 0 to" in error["msg"]
    response = client.get("/api/v1/cases", {"year": "²"}, HTTP_ACCEPT_LANGUAGE="da")
    assert response.status_code == 400
    assert "helt tal fra 1990 til 2100" in response.json()["detail"][0]["msg"]


def test_api_numbers_within_bounds_still_work(client, dk_network, member_org):
    CaseFactory(network=dk_network, organisation=member_org, period_start="2022-01-01")
    assert client.get("/api/v1/cases", {"year": "2022", "page": "1"}).json()["count"] == 1
    assert client.get("/api/v1/cases", {"year": ""}).json()["count"] == 1
    assert client.get("/api/v1/cases", {"page": "2"}).json()["items"] == []
    assert client.get("/api/v1/events", {"limit": "100", "offset": "0"}).status_code == 200


# --- the 500s, one by one ------------------------------------------------------------


def test_superscript_year_on_the_case_list_is_ignored_with_a_message(client, dk_network):
    response = client.get("/en/cases/", {"year": "²"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Year must be a whole number from 1990 to 2100. The value given was ignored." in html


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_superscript_year_on_the_case_export_is_a_400_with_a_message(client, dk_network, fmt):
    response = client.get(f"/da/cases/export.{fmt}", {"year": "²"})
    assert response.status_code == 400
    assert "År skal være et helt tal fra 1990 til 2100." in response.content.decode()


@pytest.mark.parametrize("path", ["/da/events/", "/da/events/past/", "/da/events/month/"])
def test_thirty_digit_group_on_event_lists_is_ignored(client, dk_network, path):
    response = client.get(path, {"group": "9" * 30})
    assert response.status_code == 200
    assert "Temagruppe skal være et helt tal" in response.content.decode()


def test_thirty_digit_region_on_the_directory_is_ignored(client, dk_network):
    assert client.get("/da/members/", {"region": "9" * 30}).status_code == 200


def test_api_pagination_of_ten_to_the_31(client, dk_network):
    huge = str(10**31)
    assert client.get("/api/v1/cases", {"page": huge}).status_code == 400
    assert client.get("/api/v1/events", {"limit": huge}).status_code == 400
    assert client.get("/api/v1/events", {"offset": huge}).status_code == 400


def test_attendance_ignores_ids_that_are_not_numbers(client, dk_network, staff_user):
    event = EventFactory(network=dk_network)
    came = RegistrationFactory(event=event)
    client.force_login(staff_user)
    response = client.post(
        f"/da/events/{event.pk}/attendance/", {"attended": ["²", "9" * 30, str(came.pk)]}
    )
    assert response.status_code == 302
    came.refresh_from_db()
    assert came.attended is True


# --- the helper ----------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [*MALFORMED[:8], *MALFORMED[9:], 12.0, True, None, ["1"]])
def test_parse_int_accepts_ascii_digits_within_bounds_only(bad):
    with pytest.raises(params.InvalidNumber):
        params.parse_int(bad, min_value=1, max_value=1000)


def test_parse_int_reads_good_numbers():
    assert params.parse_int("0042", min_value=1, max_value=100) == 42
    assert params.parse_int(7, min_value=1, max_value=100) == 7
    assert params.parse_int("-3", min_value=-5, max_value=5) == -3
    assert params.parse_int(str(params.MAX_ID), min_value=1, max_value=params.MAX_ID)


def test_form_field_uses_the_same_rules():
    field = params.IntegerField(min_value=1, max_value=10, required=False)
    assert field.clean("3") == 3 and field.clean("") is None
    for bad in ("٣", "²", "11", "9" * 30):
        with translation.override("en"), pytest.raises(ValidationError, match="whole number"):
            field.clean(bad)


def test_no_view_or_api_parses_numbers_by_hand():
    # int(request…) and .isdigit() are how the 500s came in; the helpers replace them.
    offenders = []
    for path in [*SAMSKAB.rglob("views.py"), *SAMSKAB.rglob("api.py")]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\.isdigit\(\)|\bint\(\s*request\.|\bint\(\s*value\b", line):
                offenders.append(f"{path.relative_to(SAMSKAB)}:{number}: {line.strip()}")
    assert not offenders
