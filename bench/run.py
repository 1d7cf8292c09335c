#!/usr/bin/env python
"""``make bench``: the case bank with BENCH_CASES (default 100,000) cases on SQLite and on
PostgreSQL, and the demo pages. See bench/README.md.

1. Installs what it needs and is missing (Debian's wrk, nginx-light; PostgreSQL started by
   .ci/postgres.sh) when it runs as root; otherwise skips that part and says so.
2. Prepares a fresh database per engine in parallel (bench/scale.py prepare: demo data,
   SQL queries per page at demo size, generate_cases with its rates, index size).
3. Measures each in turn (bench/scale.py measure: search and list latency over 200
   queries, SQL queries per page, HTTP throughput under wrk next to nginx).
4. Prints one table and writes bench/results/latest.json.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
VAR = ROOT / "var" / "bench"
RESULTS = ROOT / "bench" / "results"
CASES = int(os.environ.get("BENCH_CASES", "100000"))
DATABASES = os.environ.get("BENCH_DATABASES", "sqlite,postgresql").split(",")
PG_DB = "samskab_bench"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def ensure_packages() -> None:
    missing = [p for p, cmd in (("wrk", "wrk"), ("nginx-light", "nginx")) if not shutil.which(cmd)]
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        log(f"not root or no apt-get: HTTP throughput needs {', '.join(missing)}; skipped")
        return
    log(f"installing {', '.join(missing)} (apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
        check=False,
        env=env,
        stdout=subprocess.DEVNULL,
    )


def postgres_url() -> str | None:
    if os.environ.get("BENCH_POSTGRES_URL"):
        return os.environ["BENCH_POSTGRES_URL"]
    if os.geteuid() != 0:
        log("not root: set BENCH_POSTGRES_URL to benchmark PostgreSQL; skipped")
        return None
    out = subprocess.run(
        ["bash", str(ROOT / ".ci" / "postgres.sh")], capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        log(f"PostgreSQL could not be started; skipped:\n{out.stderr[-2000:]}")
        return None
    base = out.stdout.strip().splitlines()[-1]
    if not os.environ.get("BENCH_REUSE"):
        for sql in (f"DROP DATABASE IF EXISTS {PG_DB}", f"CREATE DATABASE {PG_DB} OWNER samskab"):
            subprocess.run(
                ["runuser", "-u", "postgres", "--", "psql", "-q", "-c", sql],
                check=True,
                capture_output=True,
            )
    return base.rsplit("/", 1)[0] + "/" + PG_DB


def database_urls() -> dict[str, str]:
    urls = {}
    if "sqlite" in DATABASES:
        path = VAR / "scale.sqlite3"
        if not os.environ.get("BENCH_REUSE"):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        urls["sqlite"] = f"sqlite:///{path}"
    if "postgresql" in DATABASES:
        url = postgres_url()
        if url:
            urls["postgresql"] = url
    return urls


def step(step_name: str, url: str, logfile: Path) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.Popen(
        [PYTHON, str(ROOT / "bench" / "scale.py"), step_name],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=logfile.open("a"),
        text=True,
    )


def last_json(proc: subprocess.Popen, name: str) -> dict:
    out, _ = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"{name} failed (exit {proc.returncode}); see var/bench/*.log")
    return json.loads(out.strip().splitlines()[-1])


def table(results: dict) -> str:
    dbs = list(results["databases"])
    lines = []

    def row(label, values):
        lines.append(f"{label:<50}" + "".join(f"{v!s:>30}" for v in values))

    row("", dbs)
    get = results["databases"].get
    row("cases (published)", [get(d)["prepare"]["published_cases"] for d in dbs])
    row(
        "generate_cases: cases/s",
        [get(d)["prepare"].get("generate_cases_per_second", "-") for d in dbs],
    )
    row("index build: cases/s", [get(d)["prepare"].get("index_cases_per_second", "-") for d in dbs])
    row("index size MB", [get(d)["prepare"]["index_size_mb"] for d in dbs])
    for key, label in (("search", "search"), ("list", "filtered list")):
        row(
            f"{label} p50 / p95 ms ({get(dbs[0])['measure'][key]['n']} queries)",
            [
                f"{get(d)['measure'][key]['p50_ms']} / {get(d)['measure'][key]['p95_ms']}"
                for d in dbs
            ],
        )
    row(
        "search: queries with no result (of 200)",
        [get(d)["measure"]["search"].get("zero_results", "-") for d in dbs],
    )
    partial = [get(d)["measure"].get("search_partial") for d in dbs]
    if all(partial):
        row(
            f"search, partial (no case has every word), p50 / p95 ms ({partial[0]['n']})",
            [f"{p['p50_ms']} / {p['p95_ms']} ({p['zero_results']} empty)" for p in partial],
        )
    for page in ("case page", "case list", "search page"):
        row(
            f"SQL queries, {page} (demo → full)",
            [
                f"{get(d)['prepare'].get('queries_at_demo_size', {}).get(page, '?')} → "
                f"{get(d)['measure']['queries_per_page'][page]}"
                for d in dbs
            ],
        )
    http = {d: get(d)["measure"].get("http") or [] for d in dbs}
    if any(http.values()):
        lines.append("")
        lines.append(
            f"HTTP: gunicorn ({os.cpu_count()} workers) vs nginx serving the same HTML; wrk "
            "16 connections unless said; req/s app / nginx = ratio; latency p50 / p99 ms"
        )
        labels = [(r["page"], r.get("variant", "")) for r in next(v for v in http.values() if v)]
        for page, variant in labels:
            values = []
            for d in dbs:
                match = [
                    r for r in http[d] if r["page"] == page and r.get("variant", "") == variant
                ]
                values.append(
                    f"{match[0]['app_rps']:.0f}/{match[0]['nginx_rps']:.0f}="
                    f"{match[0]['ratio_to_nginx']:.4f} "
                    f"{match[0].get('p50_ms', '?')}/{match[0].get('p99_ms', '?')}"
                    if match
                    else "-"
                )
            row(f"{page}{' (' + variant + ')' if variant else ''}", values)
        lines.append("")
        row(
            "RSS MB per worker after the load",
            [
                ", ".join(
                    str(m) for m in get(d)["measure"].get("memory", {}).get("rss_mb_per_worker", [])
                )
                or "-"
                for d in dbs
            ],
        )
        cold = {d: get(d)["measure"].get("cold_start") or {} for d in dbs}
        row("new worker: boot to /healthz s", [cold[d].get("boot_to_healthz_s", "-") for d in dbs])
        row(
            "new worker: RSS MB after its first request",
            [cold[d].get("rss_mb_after_first_requests", "-") for d in dbs],
        )
        for page in next(iter(cold.values())).get("first_request_ms", {}):
            row(
                f"new worker: first request ms, {page}",
                [cold[d].get("first_request_ms", {}).get(page, "-") for d in dbs],
            )
    return "\n".join(lines)


def main() -> int:
    started = time.time()
    VAR.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    ensure_packages()
    urls = database_urls()
    if not urls:
        log("no database to benchmark")
        return 1
    log(f"preparing {CASES} cases on {', '.join(urls)} in parallel (logs in var/bench/)")
    procs = {db: step("prepare", url, VAR / f"{db}.log") for db, url in urls.items()}
    results: dict = {"cases": CASES, "cpu_count": os.cpu_count(), "databases": {}}
    for db, proc in procs.items():
        prepared = last_json(proc, f"prepare {db}")
        saved = VAR / f"prepare-{db}.json"
        if prepared.get("reused") and saved.exists():
            # The figures of the run that generated these cases.
            prepared = {**json.loads(saved.read_text()), **prepared}
        elif not prepared.get("reused"):
            saved.write_text(json.dumps(prepared))
        results["databases"][db] = {"prepare": prepared}
        log(f"{db} prepared: {results['databases'][db]['prepare']}")
    for db, url in urls.items():
        log(f"measuring {db}")
        results["databases"][db]["measure"] = last_json(
            step("measure", url, VAR / f"{db}.log"), f"measure {db}"
        )
    results["minutes"] = round((time.time() - started) / 60, 1)
    text = table(results)
    print()
    print(text)
    print(f"\n(make bench took {results['minutes']} minutes)")
    (RESULTS / "latest.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    (RESULTS / "latest.txt").write_text(text + "\n")
    log("written to bench/results/latest.json and latest.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
