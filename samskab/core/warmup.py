"""Work a server process does when it starts, before it answers its first request.

An app registers a function in its ``AppConfig.ready()`` (``warmup.register(fn)``);
``samskab/wsgi.py`` calls ``run()`` once the application is loaded, so each gunicorn
worker builds what its first request would otherwise wait for (the compound splitter's
word lists, the case list's index). ``manage.py`` commands and tests do not run it. A
failing warmer (the database not up yet) is logged and skipped: the worker starts anyway
and the first request builds what is missing, as it would without warming.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

logger = logging.getLogger(__name__)
_warmers: list[Callable[[], object]] = []


def register(fn: Callable[[], object]) -> None:
    if fn not in _warmers:
        _warmers.append(fn)


def run() -> dict[str, float]:
    """Run every warmer; returns milliseconds per warmer (failed ones are left out)."""
    from django.db import connections

    took = {}
    for fn in _warmers:
        name = f"{fn.__module__}.{fn.__qualname__}"
        started = time.perf_counter()
        try:
            fn()
        except Exception:  # noqa: BLE001 - a worker must start even when a warmer fails
            logger.warning("warm-up %s failed; the first request will do it", name, exc_info=True)
            continue
        took[name] = round((time.perf_counter() - started) * 1000)
    # No connection opened here is carried into the requests (or across a fork).
    connections.close_all()
    if took:
        logger.info("warm-up done: %s", took)
    return took
