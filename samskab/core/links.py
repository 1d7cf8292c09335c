"""One source of absolute URLs for e-mails, feeds, calendars and API responses.

The base is, in this order: the host of the request being answered (when it is for the same
network, or no network is named), the network's own ``SITE_URLS`` entry, then ``SITE_URL``.
``CurrentRequestMiddleware`` makes the request being answered known to code that is handed
none (services that write e-mails), so a site served on another port or host links to itself.
"""

import contextvars

from django.conf import settings
from django.urls import reverse
from django.utils import translation

_request: contextvars.ContextVar = contextvars.ContextVar("samskab_request", default=None)


class CurrentRequestMiddleware:
    """Remembers the request being answered for ``site_url`` (after NetworkMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def current_request():
    return _request.get()


def site_url(*, network=None, request=None) -> str:
    """The scheme and host (no trailing slash) that links to ``network`` should use."""
    request = request if request is not None else _request.get()
    if request is not None:
        asked = getattr(network, "pk", None)
        serving = getattr(getattr(request, "network", None), "pk", None)
        if network is None or asked == serving:
            return f"{request.scheme}://{request.get_host()}"
    slug = getattr(network, "slug", None)
    if slug and settings.SITE_URLS.get(slug):
        return settings.SITE_URLS[slug].rstrip("/")
    return settings.SITE_URL.rstrip("/")


def absolute(path: str, *, network=None, request=None) -> str:
    """``path`` (from ``reverse``) made absolute; an absolute URL is returned as it is."""
    if "://" in path:
        return path
    return site_url(network=network, request=request) + path


def absolute_reverse(viewname, *, network=None, request=None, language=None, **kwargs) -> str:
    """``reverse`` in ``language`` (default: the network's), made absolute."""
    language = language or getattr(network, "default_language", None)
    if language:
        with translation.override(language):
            path = reverse(viewname, **kwargs)
    else:
        path = reverse(viewname, **kwargs)
    return absolute(path, network=network, request=request)
