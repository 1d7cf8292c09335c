#!/usr/bin/env python
"""Page benchmarks: latency and SQL queries per page, in process, on the demo data.

Uses the database in DATABASE_URL, or a fresh SQLite file under var/ when it is not set.
Prints a table and writes bench/results/latest.json. Feature benchmarks (search at
100,000 cases, HTTP throughput) add their own sections here as they land.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samskab.settings")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("HTTPS", "false")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
if "DATABASE_URL" not in os.environ:
    (ROOT / "var").mkdir(exist_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"
# Manifest-free static files so the benchmark needs no collectstatic.
os.environ["PYTEST_VERSION"] = os.environ.get("PYTEST_VERSION", "bench")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "200"))


def measure(client, path, repeat=REPEAT):
    client.get(path)  # warm up
    reset_queries()  # the client clears the log at each request start; start from empty
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    queries = len(ctx.captured_queries)  # read now: the log is cleared by later requests
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        reset_queries()
    times.sort()
    return {
        "path": path,
        "queries": queries,
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(len(times) * 0.95) - 1], 2),
        "requests": repeat,
    }


def main():
    call_command("migrate", verbosity=0)
    call_command("load_demo", quiet=True, verbosity=0)
    from samskab.networks.models import Organisation

    org = Organisation.objects.get(country="DK", code="740")
    client = Client()
    pages = [
        "/da/",
        "/da/members/",
        "/en/members/?q=kommune",
        f"/da/organisations/{org.slug}/",
        "/healthz",
    ]
    rows = [measure(client, p) for p in pages]
    from http_load import http_throughput

    http_rows = http_throughput(pages[:4], dict(os.environ))
    results = {"database": connection.vendor, "pages": rows, "http": http_rows}
    print(f"Page benchmarks on {connection.vendor} ({REPEAT} requests each, in process)")
    print(f"{'page':<45} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for row in rows:
        print(f"{row['path']:<45} {row['queries']:>7} {row['p50_ms']:>8} {row['p95_ms']:>8}")
    if http_rows:
        print(
            f"\nHTTP throughput: gunicorn ({os.cpu_count()} workers) vs nginx serving the "
            "same HTML, wrk 16 connections"
        )
        print(f"{'page':<45} {'app req/s':>10} {'nginx req/s':>12} {'ratio':>8}")
        for row in http_rows:
            print(
                f"{row['path']:<45} {row['app_rps']:>10} {row['nginx_rps']:>12} "
                f"{row['ratio_to_nginx']:>8}"
            )
    out = ROOT / "bench" / "results" / "latest.json"
    out.write_text(json.dumps(results, indent=2))
    print(f"Written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
