"""A Redis cache that a stopped Redis does not take down.

Every operation that fails for want of Redis (refused, timed out, reset) answers as a miss
(``get`` returns the default, ``add``/``set`` do nothing, ``incr`` counts nothing), and a
warning goes to the log at most every ``WARN_EVERY`` seconds per process. Pages are then
rendered from the database, sessions (``cached_db``) read from the database, and
``/healthz`` reports Redis as down. Used when ``REDIS_URL`` is set (settings.py).
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("samskab.cache")
WARN_EVERY = 10.0
_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)


class TolerantRedisCache(RedisCache):
    last_failure: float = 0.0
    _last_warning: float = 0.0

    def _failed(self, operation: str, exc: Exception) -> None:
        now = time.monotonic()
        TolerantRedisCache.last_failure = now
        if now - TolerantRedisCache._last_warning >= WARN_EVERY:
            TolerantRedisCache._last_warning = now
            logger.warning(
                "Redis unavailable (%s during %s): serving without the cache",
                exc.__class__.__name__,
                operation,
            )

    def _guard(self, operation, default, *args, **kwargs):
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except _DOWN as exc:
            self._failed(operation, exc)
            return default

    def add(self, *args, **kwargs):
        return self._guard("add", False, *args, **kwargs)

    def get(self, key, default=None, version=None):
        return self._guard("get", default, key, default, version)

    def set(self, *args, **kwargs):
        return self._guard("set", None, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._guard("touch", False, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._guard("delete", False, *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._guard("get_many", {}, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._guard("has_key", False, *args, **kwargs)

    def incr(self, key, delta=1, version=None):
        # 0, not ValueError: a caller that adds on ValueError would retry for ever.
        return self._guard("incr", 0, key, delta, version)

    def decr(self, key, delta=1, version=None):
        return self._guard("decr", 0, key, delta, version)

    def set_many(self, *args, **kwargs):
        return self._guard("set_many", [], *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._guard("delete_many", None, *args, **kwargs)

    def clear(self):
        return self._guard("clear", False)
