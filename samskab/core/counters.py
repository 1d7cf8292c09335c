"""Counters kept in the shared cache and flushed to the database in batches.

A page that counts something on every request (a case's readings) adds to a counter in the
cache instead of writing to the database; ``drain`` later hands the totals to a function
that writes them (``manage.py flush_case_reads``). Nothing is lost when a request counts
while a flush runs:

- Counters live in *generations*. A reading goes to the current generation's key for the
  object (``cache.incr``, atomic in Redis and in the local-memory cache). The first reading
  of an object in a generation also writes the object's id to a numbered slot of that
  generation, so the flush can find it without listing keys.
- A flush first moves everyone to the next generation (``cache.incr`` of the generation
  key: the swap), then drains the generations before it: it reads each counter, writes the
  amount, and subtracts exactly that amount (``cache.decr``), so a reading that a slow
  request still adds to an old generation stays there and is drained by a later flush.
  A closed generation is drained by every flush for ``GRACE`` seconds after it was closed
  for that reason; after that it has been drained for good and is left to expire.
- A flush that fails before writing leaves the counters as they were; one that fails after
  writing and before subtracting counts those readings twice rather than losing them.

The counters need a cache that every process shares (Redis, ``REDIS_URL``) when the flush
runs in another process than the pages.
"""

import time
from collections.abc import Callable

from django.core.cache import cache

GRACE = 120  # seconds a closed generation is still drained (a request may still add to it)
TIMEOUT = 14 * 24 * 3600  # a counter nobody flushes is forgotten after this long


class CacheCounter:
    def __init__(self, name: str):
        self.name = name
        self._gen_key = f"counter:{name}:gen"

    # --- keys ---------------------------------------------------------------------------
    def _generation(self) -> int:
        gen = cache.get(self._gen_key)
        if gen is None:
            cache.add(self._gen_key, 1, None)
            gen = cache.get(self._gen_key, 1)
        return int(gen)

    def _key(self, gen: int, obj_id) -> str:
        return f"counter:{self.name}:{gen}:{obj_id}"

    @property
    def _oldest_key(self) -> str:
        return f"counter:{self.name}:oldest"

    def _closed_key(self, gen: int) -> str:
        return f"counter:{self.name}:{gen}:closed"

    def _slots_key(self, gen: int) -> str:
        return f"counter:{self.name}:{gen}:slots"

    def _slot_key(self, gen: int, n: int) -> str:
        return f"counter:{self.name}:{gen}:slot:{n}"

    @staticmethod
    def _incr(key: str, amount: int = 1) -> int | None:
        """Add to an existing counter; None when it does not exist."""
        try:
            return cache.incr(key, amount)
        except ValueError:
            return None

    # --- counting -----------------------------------------------------------------------
    def add(self, obj_id, amount: int = 1) -> None:
        gen = self._generation()
        key = self._key(gen, obj_id)
        if self._incr(key, amount) is not None:
            return
        if cache.add(key, amount, TIMEOUT):
            # First in this generation: remember the id in a slot for the flush.
            slots = self._slots_key(gen)
            n = self._incr(slots)
            if n is None:
                n = 1 if cache.add(slots, 1, TIMEOUT) else self._incr(slots)
            cache.set(self._slot_key(gen, n), obj_id, TIMEOUT)
        elif self._incr(key, amount) is None:  # expired between add and incr: start again
            self.add(obj_id, amount)

    def pending(self, obj_id) -> int:
        """Counted in the cache and not yet flushed."""
        gen = self._generation()
        oldest = int(cache.get(self._oldest_key) or max(1, gen - 1))
        keys = [self._key(g, obj_id) for g in range(min(oldest, gen), gen + 1)]
        return sum(int(v) for v in cache.get_many(keys).values() if v)

    # --- flushing -----------------------------------------------------------------------
    def drain(self, write: Callable[[dict], None]) -> int:
        """Swap to a new generation, then give ``write({id: amount})`` what the closed
        generations hold and subtract it from them. Returns the total written."""
        closed = self._generation()
        if self._incr(self._gen_key) is None:  # evicted: start a generation after ours
            cache.add(self._gen_key, closed + 1, None)
        now = time.time()
        cache.add(self._closed_key(closed), now, TIMEOUT)
        oldest = int(cache.get(self._oldest_key) or max(1, closed - 1))
        gens = list(range(min(oldest, closed), closed + 1))
        slot_counts = cache.get_many([self._slots_key(g) for g in gens])
        closed_at = cache.get_many([self._closed_key(g) for g in gens])
        total = 0
        retired = oldest
        for gen in gens:
            slots = int(slot_counts.get(self._slots_key(gen)) or 0)
            if slots:
                total += self._drain_generation(gen, slots, write)
            # A generation is given up only once it has been closed for GRACE seconds and
            # drained after that: no request still holds its number by then.
            if gen == retired and closed_at.get(self._closed_key(gen), now) < now - GRACE:
                retired = gen + 1
        if retired != oldest:
            cache.set(self._oldest_key, retired, None)
        elif cache.get(self._oldest_key) is None:
            cache.add(self._oldest_key, oldest, None)
        return total

    def _drain_generation(self, gen: int, slots: int, write) -> int:
        ids = cache.get_many([self._slot_key(gen, n) for n in range(1, slots + 1)])
        keys = {self._key(gen, obj_id): obj_id for obj_id in ids.values()}
        amounts = {
            keys[key]: int(value) for key, value in cache.get_many(list(keys)).items() if value
        }
        if not amounts:
            return 0
        write(amounts)
        for obj_id, amount in amounts.items():
            self._incr(self._key(gen, obj_id), -amount)
        return sum(amounts.values())
