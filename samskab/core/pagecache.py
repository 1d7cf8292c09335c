"""A cache of whole pages for anonymous readers, invalidated whenever content changes.

Views opt in with ``@public_page``. A page is served from or stored in the cache only for a
request with neither a session cookie nor a messages cookie (so never for a logged-in user,
and never for someone with a pending message), and stored only when the response is a plain
200 HTML page that sets no cookie (a page with a CSRF-protected form sets one, so it is never
shared) and that neither showed nor queued a message (a message is meant for one person).
Any save or delete of a model of ours bumps one content version, which every cache key
includes: a change anywhere makes every cached page stale at once. Responses carry
``Cache-Control``, ``Last-Modified`` and (through ``ConditionalGetMiddleware``) an ``ETag``,
so a cache in front (see the nginx set-up in README.md) can serve readers too.
"""

import functools
import hashlib
import time

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from . import versions

VERSION_KEY = "pagecache:version"
# Models whose changes never show on a public page (counters, queues, indexes, sessions).
IGNORED_MODELS: set[str] = set()


def ignore_model(label: str) -> None:
    """Changes to this model ("app_label.ModelName") do not invalidate cached pages."""
    IGNORED_MODELS.add(label)


NEXT_CHANGE_KEY = "pagecache:next-change"
NO_CHANGE = "none"
# Functions returning the next moment (an aware datetime, or None) at which content becomes
# public without any save, e.g. an article scheduled for later. Apps register them.
_next_change_sources: list = []


def register_next_change(source) -> None:
    """``source()`` returns the next time a page changes by itself (or None)."""
    if source not in _next_change_sources:
        _next_change_sources.append(source)


def _next_change() -> float | None:
    stored = cache.get(NEXT_CHANGE_KEY)
    if stored is None:
        times = [t for t in (source() for source in _next_change_sources) if t is not None]
        stored = min(times).timestamp() if times else NO_CHANGE
        cache.set(NEXT_CHANGE_KEY, stored, None)
    return None if stored == NO_CHANGE else stored


def content_version() -> float:
    """The version cached pages are built from; bumped by saves, and when the next
    scheduled change (``register_next_change``) comes due."""
    if _next_change_sources:
        due = _next_change()
        if due is not None and due <= time.time():
            bump_content_version()
    return versions.current(VERSION_KEY)


def bump_content_version(**kwargs) -> None:
    sender = kwargs.get("sender")
    if sender is not None and getattr(sender, "_meta", None) is not None:
        label = sender._meta.label
        if label in IGNORED_MODELS or not sender.__module__.startswith("samskab."):
            return
    versions.bump(VERSION_KEY)
    cache.delete(NEXT_CHANGE_KEY)


def _cache_key(request, version: float) -> str:
    raw = "|".join(
        [
            str(version),
            request.get_host(),
            request.get_full_path(),
            request.headers.get("HX-Request", ""),
            request.method == "HEAD" and "GET" or "GET",
        ]
    )
    return "pagecache:page:" + hashlib.sha256(raw.encode()).hexdigest()


def _personal_cookies(request) -> bool:
    return (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or CookieStorage.cookie_name in request.COOKIES
    )


def _can_use_cache(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not _personal_cookies(request)
        and not request.user.is_authenticated
    )


def _touched_messages(request) -> bool:
    """Did this response show a message, or queue one for the next page?"""
    storage = getattr(request, "_messages", None)
    if storage is None:
        return False
    return bool(
        getattr(storage, "used", False)
        or getattr(storage, "_queued_messages", None)
        or getattr(storage, "added_new", False)
    )


def _public_headers(response, version: float) -> None:
    patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
    patch_vary_headers(response, ("Cookie", "HX-Request"))
    response["Last-Modified"] = http_date(version)


def _public_headers_counted(response, version: float) -> None:
    """A page that counts its readings: every request must reach the app (whose page cache
    answers it), so browsers and caches in front keep it for no time."""
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    patch_vary_headers(response, ("Cookie", "HX-Request"))
    response["Last-Modified"] = http_date(version)


def public_page(view=None, *, when=None, on_hit=None):
    """Serve and store this view's pages for anonymous readers (see module docstring).

    ``when()``: use the cache only while it returns true (a setting). ``on_hit(meta)``: called
    for a page served from the cache with what the view put in ``response.page_cache_meta``
    when it was stored (e.g. the id of a case whose readings are counted); such pages are
    marked ``max-age=0`` so that caches in front do not keep them."""
    if view is None:
        return functools.partial(public_page, when=when, on_hit=on_hit)
    headers = _public_headers_counted if on_hit is not None else _public_headers

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if (
            not settings.PAGE_CACHE_SECONDS
            or (when is not None and not when())
            or not _can_use_cache(request)
        ):
            response = view(request, *args, **kwargs)
            if request.user.is_authenticated or _personal_cookies(request):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        version = content_version()
        key = _cache_key(request, version)
        stored = cache.get(key)
        if stored is not None:
            content, content_type, meta = stored
            if on_hit is not None and meta is not None:
                on_hit(meta)
            response = HttpResponse(content, content_type=content_type)
            response["X-Page-Cache"] = "hit"
            headers(response, version)
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        storable = (
            response.status_code == 200
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not _touched_messages(request)
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )
        if storable:
            meta = getattr(response, "page_cache_meta", None)
            cache.set(
                key,
                (response.content, response["Content-Type"], meta),
                settings.PAGE_CACHE_SECONDS,
            )
            response["X-Page-Cache"] = "miss"
            headers(response, version)
        return response

    return wrapper


def connect_signals() -> None:
    for model in apps.get_models():
        if model.__module__.startswith("samskab."):
            post_save.connect(
                bump_content_version,
                sender=model,
                dispatch_uid=f"pagecache-save-{model._meta.label}",
            )
            post_delete.connect(
                bump_content_version,
                sender=model,
                dispatch_uid=f"pagecache-delete-{model._meta.label}",
            )
    m2m_changed.connect(bump_content_version, dispatch_uid="pagecache-m2m")
