"""The one entry point for reading search results (views, API, other apps)."""

from __future__ import annotations

from . import engine


def search(
    *,
    query: str,
    network=None,
    user=None,
    language: str | None = None,
    filters: dict | None = None,
    page=1,
    page_size: int = engine.PAGE_SIZE,
) -> engine.SearchResults:
    """Published documents of ``network`` (its own and those shared with it) that match
    ``query`` and ``filters``, best first, one page of them with snippets, facet counts
    for the whole result and a "did you mean" when a word finds nothing.

    ``user`` is accepted for types whose visibility depends on the reader; every type
    indexed so far is public once published (drafts are never indexed).
    """
    return engine.search(
        query,
        network_id=getattr(network, "pk", network),
        filters=filters,
        language=language,
        page=page,
        page_size=page_size,
    )
