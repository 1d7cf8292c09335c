"""Every URL pattern of the project, read from the URL configuration itself."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern


@dataclass(frozen=True)
class Pattern:
    key: str  # the URL name ("cases:edit"), or the route for a pattern without a name
    name: str | None
    route: str
    params: tuple[str, ...]
    i18n: bool
    view: str


def walk(resolver=None, prefix: str = "", namespace: str | None = None, i18n: bool = False):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            localized = isinstance(entry.pattern, LocalePrefixPattern)
            ns = entry.namespace
            yield from walk(
                entry,
                prefix + ("<lang>/" if localized else str(entry.pattern)),
                f"{namespace}:{ns}" if namespace and ns else (ns or namespace),
                i18n or localized,
            )
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            route = prefix + str(entry.pattern)
            callback = entry.callback
            view = f"{callback.__module__}.{getattr(callback, '__name__', type(callback).__name__)}"
            yield name, route, entry, i18n, view


def all_patterns() -> list[Pattern]:
    """One ``Pattern`` per URL pattern. A name used by several patterns (``events:month``
    with and without a year) gets its parameters in the key: ``events:month(year,month)``."""
    raw = list(walk())
    counts: dict[str, int] = {}
    for name, *_rest in raw:
        if name:
            counts[name] = counts.get(name, 0) + 1
    patterns = []
    for name, route, _entry, i18n, view in raw:
        params = _route_params(route)
        if name is None:
            key = route
        elif counts[name] > 1:
            key = f"{name}({','.join(params)})"
        else:
            key = name
        patterns.append(Pattern(key, name, route, tuple(params), i18n, view))
    return patterns


def _route_params(route: str) -> list[str]:
    names = re.findall(r"<(?:\w+:)?(\w+)>", route)
    names += re.findall(r"\(\?P<(\w+)>", route)
    return [n for n in names if n != "lang"]
