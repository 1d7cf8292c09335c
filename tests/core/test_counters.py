"""Counters in the cache: nothing is lost, also when readings arrive while a flush runs."""

import threading
import time

import pytest

from samskab.core import counters
from samskab.core.counters import CacheCounter


def totals(counter):
    written = {}

    def write(amounts):
        for key, amount in amounts.items():
            written[key] = written.get(key, 0) + amount

    return written, write


def test_counted_readings_are_written_once():
    counter = CacheCounter("test")
    for _ in range(5):
        counter.add(1)
    counter.add(2, 3)
    assert counter.pending(1) == 5
    written, write = totals(counter)
    assert counter.drain(write) == 8
    assert written == {1: 5, 2: 3}
    assert counter.pending(1) == 0
    assert counter.drain(write) == 0  # a second flush writes nothing again
    assert written == {1: 5, 2: 3}


def test_readings_counted_during_a_flush_are_kept_for_the_next():
    counter = CacheCounter("test")
    counter.add(1, 2)
    written, write = totals(counter)

    def write_while_reading(amounts):
        counter.add(1)  # a request in the new generation
        # and a slow request that still adds to the generation being flushed:
        counter._incr(counter._key(counter._generation() - 1, 1), 1)
        write(amounts)

    counter.drain(write_while_reading)
    assert written == {1: 2}
    counter.drain(write)
    assert written == {1: 4}
    assert counter.pending(1) == 0


def test_a_failed_write_loses_nothing():
    counter = CacheCounter("test")
    counter.add(7, 4)

    def failing(amounts):
        raise RuntimeError("database down")

    with pytest.raises(RuntimeError):
        counter.drain(failing)
    written, write = totals(counter)
    counter.drain(write)
    assert written == {7: 4}


def test_many_threads_and_flushes_lose_no_reading():
    counter = CacheCounter("test")
    written, write = totals(counter)
    per_thread, threads = 300, 4
    lock = threading.Lock()

    def locked_write(amounts):
        with lock:
            write(amounts)

    def read(n):
        for i in range(per_thread):
            counter.add(i % 5)

    workers = [threading.Thread(target=read, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    while any(worker.is_alive() for worker in workers):
        counter.drain(locked_write)
        time.sleep(0.001)
    counter.drain(locked_write)
    assert sum(written.values()) == per_thread * threads
    assert written == dict.fromkeys(range(5), per_thread * threads // 5)


def test_old_generations_are_retired_after_the_grace_time(monkeypatch):
    counter = CacheCounter("test")
    written, write = totals(counter)
    counter.add(1)
    counter.drain(write)
    counter.drain(write)
    monkeypatch.setattr(counters, "GRACE", -1)
    counter.drain(write)
    oldest = counters.cache.get(counter._oldest_key)
    assert oldest == counter._generation()  # every closed one retired
    counter.add(1)
    counter.drain(write)
    assert written == {1: 2}
