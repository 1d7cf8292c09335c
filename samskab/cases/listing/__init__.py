"""The case list's filters and counts from an in-memory bitmap index.

Counting a dozen filters over the case table takes seconds at 100,000 cases (each count a
GROUP BY over joins). Here every published case gets a position (newest first) and every
filter value a bitmap of the positions that have it, held in a Python ``int``: combining
filters is a bitwise AND and a count is ``int.bit_count()``, both in C, so the list page
costs a few milliseconds and a handful of small queries at any size.

The index is built from the database on first use in each process and rebuilt when the
case bank changes: saving or deleting a case, its topics, types or quality, an
organisation or a network bumps a version in the shared cache (Redis in production, so
every worker sees it), and every process compares that version on each use. Above
``BACKGROUND_REBUILD_ABOVE`` cases the rebuild runs in a background thread and the
previous index answers meanwhile (a few seconds at 100,000 cases).

The answers are the same as the database filters in ``selectors.case_list`` and
``selectors.facets`` (a test compares them).
"""

from .index import VERSION_KEY, ListingIndex, build_index, bump_version, connect_signals, get_index
from .query import case_listing, case_page, facets, related_ids

__all__ = [
    "VERSION_KEY",
    "ListingIndex",
    "build_index",
    "bump_version",
    "case_listing",
    "case_page",
    "connect_signals",
    "facets",
    "get_index",
    "related_ids",
]
