"""A server process warms what a first request would wait for (samskab.core.warmup)."""

import logging

from samskab.cases.listing import get_index
from samskab.core import warmup
from samskab.search import compounds


def test_the_apps_register_the_lexicons_and_the_case_index():
    assert compounds.warm in warmup._warmers
    assert get_index in warmup._warmers


def test_a_failing_warmer_is_logged_and_the_others_still_run(monkeypatch, caplog):
    ran = []

    def broken():
        raise RuntimeError("database not up")

    def fine():
        ran.append("fine")

    monkeypatch.setattr(warmup, "_warmers", [])
    warmup.register(broken)
    warmup.register(fine)
    warmup.register(fine)  # once only
    with caplog.at_level(logging.WARNING, logger="samskab.core.warmup"):
        took = warmup.run()
    assert ran == ["fine"]
    assert list(took) == [f"{__name__}.{fine.__qualname__}"]
    assert "broken" in caplog.text and "first request" in caplog.text


def test_warming_builds_the_lexicons(monkeypatch):
    compounds.lexicon.cache_clear()
    monkeypatch.setattr(warmup, "_warmers", [compounds.warm])
    warmup.run()
    assert compounds.lexicon.cache_info().currsize == len(compounds.SPLIT_LANGUAGES)
