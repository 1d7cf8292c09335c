#!/usr/bin/env python
"""The case bank at scale, on one database (the one in DATABASE_URL).

    bench/scale.py prepare   migrate, demo data, SQL queries per page at demo size, then
                             generate_cases (BENCH_CASES, default 100,000) with its rates
    bench/scale.py measure   search and filtered-list latency over 200 fixed queries,
                             SQL queries per page at full size, HTTP throughput vs nginx

Each step prints a JSON object as its last line; ``bench/run.py`` runs both steps for
SQLite and PostgreSQL (preparing the two in parallel) and prints the table.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samskab.settings")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("HTTPS", "false")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ["PYTEST_VERSION"] = os.environ.get("PYTEST_VERSION", "bench")  # no manifest needed

CASES = int(os.environ.get("BENCH_CASES", "100000"))
SEED = int(os.environ.get("BENCH_SEED", "1"))
QUERIES = int(os.environ.get("BENCH_QUERIES", "200"))


def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def summary(times):
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1),
        "n": len(times),
    }


def pages():
    """The pages measured: the front page, a case, an event, a theme group, the list, a
    search (anonymous reader, Danish network)."""
    from django.urls import reverse
    from django.utils import translation

    from samskab.cases.models import Case
    from samskab.events.models import Event
    from samskab.groups.models import ThemeGroup

    case = Case.objects.published().filter(shared=True).order_by("-published_at", "-id").first()
    event = (
        Event.objects.filter(
            network__slug="sund-by-netvaerket", theme_group__isnull=True, cancelled_at__isnull=True
        )
        .order_by("-starts_at", "-id")
        .first()
    )
    group = ThemeGroup.objects.filter(network__slug="sund-by-netvaerket").order_by("id").first()
    result = {
        "front page": "/da/",
        "case page": f"/da/cases/{case.slug}/",
        "case list": "/da/cases/?topic=mental-sundhed",
        "search page": "/da/search/?q=ensomhed+%C3%A6ldre",
    }
    with translation.override("da"):
        if event:
            result["event page"] = reverse("events:detail", args=[event.pk])
        if group:
            result["theme group page"] = reverse("groups:detail", args=[group.slug])
    return result


def queries_per_page():
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = {}
    for name, path in pages().items():
        sep = "&" if "?" in path else "?"
        client.get(f"{path}{sep}warm=1")  # per-process caches (host map, list index)
        # A query parameter of its own: the page cache misses and the page is built.
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(f"{path}{sep}count=1")
        assert response.status_code == 200, (path, response.status_code)
        counts[name] = len(ctx.captured_queries)
    return counts


def prepare():
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from samskab.cases.models import Case
    from samskab.demo.synthetic import cases as synthetic
    from samskab.search import backends

    call_command("migrate", verbosity=0)
    generated = Case.objects.filter(slug__regex=rf"-s{SEED}-[0-9]+$").count()
    result = {"database": connection.vendor, "cases_requested": CASES}
    if generated >= CASES and os.environ.get("BENCH_REUSE"):
        result["reused"] = True
    else:
        call_command("load_demo", verbosity=0, quiet=True)
        result["queries_at_demo_size"] = queries_per_page()
        result["demo_cases"] = Case.objects.published().count()
        done = synthetic.generate(count=CASES, seed=SEED, batch_size=1000)
        result.update(
            generate_seconds=round(done.seconds, 1),
            generate_cases_per_second=round(done.created / done.seconds) if done.seconds else 0,
            comments=done.comments,
            follows=done.follows,
            index_seconds=round(done.index_seconds, 1),
            index_cases_per_second=round(done.indexed / done.index_seconds)
            if done.index_seconds
            else 0,
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    result["published_cases"] = Case.objects.published().count()
    result["index_size_mb"] = round(backends.index_size_bytes() / 1e6, 1)
    return result


def search_plan(n=QUERIES):
    """A fixed varied mix of searches a reader would type, from the cases' vocabulary."""
    from samskab.demo.synthetic import data

    r = random.Random(SEED * 7919)  # noqa: S311
    fixed = [
        "ensomhed ældre",
        "ensomhet blant eldre",
        "loneliness older people",
        "sundhedsfremme",
        "folkehelse",
        "fysisk aktivitet",
        "bevægelse skole",
        "rygestop unge",
        "røykeslutt",
        "mental health young people",
        "skolemad",
        "demens pårørende",
        "frivillige",
        "trivsel",
        "overvægt børn",
        "alkohol",
    ]
    kinds = ["fixed", "word", "two", "phrase", "exclude", "prefix", "typo", "filtered", "paged"]
    plan = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        lang = r.choice(["da", "nb", "en"])
        theme = data.THEMES[r.choice(sorted(data.THEMES))][lang]
        words = (" ".join(theme["intervention"] + theme["problem"])).split()
        words = [w for w in words if len(w) > 3] or words
        filters, page = {}, 1
        if kind == "fixed":
            q = fixed[i // len(kinds) % len(fixed)]
        elif kind == "word":
            q = r.choice(words)
        elif kind == "two":
            q = f"{r.choice(words)} {r.choice(data.TARGETS[lang]).split()[0]}"
        elif kind == "phrase":
            q = f'"{r.choice(theme["intervention"])}"'
        elif kind == "exclude":
            q = f"{r.choice(words)} -{r.choice(data.ARENAS[lang]).split()[-1]}"
        elif kind == "prefix":
            q = r.choice(["sundhed", "helse", "skole", "ældre", "eldre", "børne", "ungdom"])
        elif kind == "typo":
            word = r.choice([w for w in words if len(w) > 5] or words)
            pos = r.randrange(1, max(2, len(word) - 1))
            q = word[:pos] + word[pos + 1 :]
        elif kind == "filtered":
            q = r.choice(words)
            filters = {
                "topic": [r.choice(sorted(data.THEMES))],
                "year": [str(r.randint(2010, 2025))],
            }
        else:
            q = r.choice(fixed)
            page = r.randint(2, 4)
        plan.append((kind, lang, q, filters, page))
    return plan


def partial_plan(n=40):
    """Three or four words from a theme plus one that no case holds (partial matching)."""
    from samskab.demo.synthetic import data

    r = random.Random(SEED * 104729)  # noqa: S311
    absent = ["kulturhus", "legepladser", "skolegård", "planetarium", "svømmehal", "kirkegård"]
    plan = []
    for _i in range(n):
        lang = r.choice(["da", "nb", "en"])
        theme = data.THEMES[r.choice(sorted(data.THEMES))][lang]
        words = [
            w for w in " ".join(theme["intervention"] + theme["problem"]).split() if len(w) > 3
        ]
        picked = r.sample(words, min(len(words), r.choice([2, 3])))
        plan.append((lang, " ".join([*picked, r.choice(absent)])))
    return plan


def list_plan(n=QUERIES):
    """A fixed varied mix of list filters, as readers combine them."""
    from samskab.cases.models import Case, InterventionType
    from samskab.demo.synthetic import data
    from samskab.networks.models import Organisation

    r = random.Random(SEED * 104729)  # noqa: S311
    municipalities = list(
        Organisation.objects.municipalities().order_by("pk").values_list("slug", flat=True)
    )
    regions = list(
        Organisation.objects.filter(kind="region").order_by("pk").values_list("slug", flat=True)
    )
    types = list(InterventionType.objects.order_by("pk").values_list("slug", flat=True))
    topics = sorted(data.THEMES)
    plan = []
    for i in range(n):
        f = {}
        mix = i % 8
        if mix in (0, 4):
            f["topic"] = r.choice(topics)
        if mix in (1, 4, 6):
            f["year"] = str(r.randint(2010, 2025))
        if mix == 2:
            f["municipality"] = r.choice(municipalities)
        if mix in (3, 6) and regions:
            f["region"] = r.choice(regions)
        if mix in (5, 6):
            f["budget"] = r.choice(Case.BudgetBand.values)
            f["evaluation"] = r.choice(Case.Evaluation.values)
        if mix == 7:
            f["type"] = r.choice(types)
            f["target"] = r.choice(["ældre", "unge", "børn", "eldre", "familier"])
        page = r.choice([1, 1, 1, 2, 3])
        plan.append((f, page))
    return plan


def measure():
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.utils import translation

    from samskab.cases import listing
    from samskab.cases import selectors as case_selectors
    from samskab.networks.models import Network
    from samskab.search import selectors as search_selectors

    network = Network.objects.get(slug="sund-by-netvaerket")
    result = {"database": connection.vendor}

    # Search: what /da/search/ does for an anonymous reader of the Danish network.
    plan = search_plan()
    with translation.override("da"):
        for _kind, lang, q, filters, _page in plan[:20]:  # warm-up
            search_selectors.search(query=q, network=network, language=lang, filters=filters)
        times, by_kind, slowest = [], {}, []
        for kind, lang, q, filters, page in plan:
            started = time.perf_counter()
            res = search_selectors.search(
                query=q, network=network, language=lang, filters=filters, page=page
            )
            ms = (time.perf_counter() - started) * 1000
            times.append(ms)
            by_kind.setdefault(kind, []).append(ms)
            slowest.append((round(ms, 1), q, filters, res.total))
    result["search"] = summary(times)
    result["search"]["zero_results"] = sum(1 for s in slowest if not s[3])
    # Three or four words where one is in no case: only partial matching answers these.
    partial_times, partial_zero = [], 0
    with translation.override("da"):
        for lang, q in partial_plan():
            started = time.perf_counter()
            res = search_selectors.search(query=q, network=network, language=lang)
            partial_times.append((time.perf_counter() - started) * 1000)
            partial_zero += not res.total
    result["search_partial"] = summary(partial_times)
    result["search_partial"]["zero_results"] = partial_zero
    result["search"]["by_kind_p95_ms"] = {
        k: round(percentile(v, 0.95), 1) for k, v in sorted(by_kind.items())
    }
    result["search"]["slowest"] = sorted(slowest, key=lambda s: s[0], reverse=True)[:3]

    # Filtered list: what /da/cases/ computes (one page of 20 and the filter counts).
    started = time.perf_counter()
    listing.get_index()
    result["list_index_build_ms"] = round((time.perf_counter() - started) * 1000)
    times, slowest = [], []
    for filters, page in list_plan():
        cf = case_selectors.CaseFilters.from_query(filters)
        started = time.perf_counter()
        page_obj, _facets = listing.case_listing(network=network, filters=cf, page=page)
        list(page_obj.object_list)
        ms = (time.perf_counter() - started) * 1000
        times.append(ms)
        slowest.append((round(ms, 1), filters, page_obj.paginator.count))
    result["list"] = summary(times)
    result["list"]["slowest"] = sorted(slowest, key=lambda s: s[0], reverse=True)[:3]

    cache.clear()
    result["queries_per_page"] = queries_per_page()
    paths = pages()
    result["pages"] = paths
    if os.environ.get("BENCH_SKIP_HTTP"):
        result["http"] = []
        return result

    from http_load import http_throughput

    measured = http_throughput(
        list(paths.values()),
        dict(os.environ),
        vary={path: "nocache" for name, path in paths.items() if name != "front page"},
    )
    names = dict(zip(paths.values(), paths.keys(), strict=True))
    for row in measured["rows"]:
        row["page"] = names.get(row["path"], row["path"])
    result["http"] = measured["rows"]
    result["memory"] = measured["memory"]
    cold = measured["cold_start"]
    cold["first_request_ms"] = {
        names.get(p, p): ms for p, ms in cold.get("first_request_ms", {}).items()
    }
    result["cold_start"] = cold
    return result


if __name__ == "__main__":
    step = sys.argv[1] if len(sys.argv) > 1 else ""
    if step not in ("prepare", "measure"):
        sys.exit(__doc__)
    out = prepare() if step == "prepare" else measure()
    print(json.dumps(out, ensure_ascii=False))
