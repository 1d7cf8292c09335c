"""Change counters shared by every process through the cache (Redis in production).

A reader compares ``current(key)`` with the version its own copy was built from; a writer
calls ``bump(key)``. The value is a timestamp, so it can also serve as Last-Modified.
"""

import time

from django.core.cache import cache


def current(key: str) -> float:
    version = cache.get(key)
    if version is None:
        version = time.time()
        cache.add(key, version, None)  # another process may have set it first
        version = cache.get(key)
        if version is None:
            # The cache is down (samskab.core.cache): keep one version per process for
            # DEGRADED_SECONDS instead of a new one (and a rebuild) on every request.
            version = _degraded(key)
    return version


# While the shared cache is unreachable: key -> (version, monotonic time it was made).
DEGRADED_SECONDS = 30.0
_fallback: dict[str, tuple[float, float]] = {}


def _degraded(key: str) -> float:
    now = time.monotonic()
    kept = _fallback.get(key)
    if kept is None or now - kept[1] > DEGRADED_SECONDS:
        kept = (time.time(), now)
        _fallback[key] = kept
    return kept[0]


def bump(key: str) -> None:
    cache.set(key, time.time(), None)
    _fallback.pop(key, None)  # this process sees its own change even without the cache
