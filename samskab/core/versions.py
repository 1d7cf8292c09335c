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
        version = cache.get(key, version)
    return version


def bump(key: str) -> None:
    cache.set(key, time.time(), None)
