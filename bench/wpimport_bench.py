#!/usr/bin/env python
"""The WordPress import at size: a generated export of BENCH_WP_ITEMS posts (default 20,000).

    DATABASE_URL=sqlite:////tmp/wpbench.sqlite3 bench/wpimport_bench.py

1. writes the export to a temporary file (streamed, never whole in memory);
2. reads it with the streaming reader alone: time and the peak of Python's allocations;
3. migrates the database in DATABASE_URL (emptied first for SQLite), makes a network and
   imports the export twice (the second run finds everything unchanged): time per run and
   the process's peak resident memory.
Prints a JSON object as its last line.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samskab.settings")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("HTTPS", "false")
os.environ["PYTEST_VERSION"] = os.environ.get("PYTEST_VERSION", "bench")

ITEMS = int(os.environ.get("BENCH_WP_ITEMS", "20000"))


def rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main() -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from samskab.core.guards import OPERATOR
    from samskab.networks.models import Network
    from samskab.news.models import Article
    from samskab.wpimport.services import site_import
    from samskab.wpimport.wxr import Reader
    from tests.wpimport.wxr_fixture import generated

    out = {"items": ITEMS}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.xml"
        with path.open("wb") as fh:
            for chunk in generated(ITEMS):
                fh.write(chunk)
        out["export_mb"] = round(path.stat().st_size / 1e6, 1)

        tracemalloc.start()
        t0 = time.perf_counter()
        with path.open("rb") as fh:
            n = sum(1 for kind, _obj in Reader(fh) if kind == "item")
        out["parse_s"] = round(time.perf_counter() - t0, 2)
        out["parse_peak_python_mb"] = round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
        tracemalloc.stop()
        assert n == ITEMS, n
        out["rss_after_parse_mb"] = rss_mb()

        call_command("migrate", verbosity=0)
        network, _created = Network.objects.get_or_create(
            slug="bench-wp", defaults={"name": "Bench", "country": "DK"}
        )
        Article.objects.filter(network=network).delete()
        for run in ("first", "second"):
            t0 = time.perf_counter()
            report = site_import(actor=OPERATOR, network=network, path=path)
            out[f"{run}_import_s"] = round(time.perf_counter() - t0, 1)
            out[f"{run}_counts"] = {k: dict(v) for k, v in report.counts.items()}
            out[f"rss_after_{run}_import_mb"] = rss_mb()
        out["database"] = django.db.connection.vendor
    print(json.dumps(out))


if __name__ == "__main__":
    main()
