"""Demo data for search: rebuild the index from everything registered, so the demo's
cases (and later news, events, groups) are searchable without a running task worker.
Keep this loader last in DEMO_LOADERS. Idempotent: a rebuild replaces the index."""

from samskab.search import indexer


def load(stdout=None):
    count = indexer.rebuild()
    if stdout:
        stdout.write(f"Search index rebuilt: {count} documents.")
    return count
