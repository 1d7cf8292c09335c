"""Search benchmark: N synthetic documents straight into the index, then 200 queries.

    .venv/bin/python bench/search_bench.py --count 100000 --seed 1
    DATABASE_URL=postgres://... .venv/bin/python bench/search_bench.py --count 100000

Uses the database in DATABASE_URL (default: the SQLite file under var/), migrates it, and
REPLACES the search index there with the synthetic documents (run
``manage.py rebuild_search_index`` afterwards to get the real index back; ``--restore``
does that). Documents are generated deterministically from ``--seed`` out of Danish,
Norwegian and English health-promotion vocabulary. Prints index build rate, index size
and p50/p95/max latency of ``selectors.search`` over 200 varied queries (words, several
words, compound prefixes, phrases, exclusions, other-language words, misspellings, facet
filters, network restriction), and writes the figures as JSON to bench/results/.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samskab.settings")

WORDS = {
    "da": """kommune borgere sundhed ældre børn unge fællesskab forebyggelse ensomhed trivsel
        bevægelse motion skole skolemad måltider rygning rygestop alkohol overvægt søvn
        frivillige forening idræt lokalsamfund boligområde familie forældre sundhedsplejerske
        indsats tilbud forløb evaluering netværk samarbejde medarbejdere ledere hjemmepleje
        demens pårørende mental stress angst mobning trivselsmåling natur friluftsliv gåture
        cykel kost grøntsager frugt vand røgfri snus stoffer festival sundhedscenter
        daginstitution børnehave dagpleje arbejdsplads kantine ulighed sårbare udsatte
        rekruttering borgerinddragelse samskabelse fællesskabsagent medalje konference
        temagruppe kursusdag workshop lokal byen landsby region aftale politik strategi""",
    "nb": """kommunen innbyggere helse eldre barn ungdom fellesskap forebygging ensomhet
        trivsel fysisk aktivitet trening skole skolemat måltid røyking røykeslutt alkohol
        overvekt søvn frivillige forening idrett lokalsamfunn nabolag familie foreldre
        helsesykepleier tiltak tilbud evaluering nettverk samarbeid ansatte ledere
        hjemmetjenesten demens pårørende psykisk helse stress angst mobbing natur friluftsliv
        turer sykkel kosthold grønnsaker frukt vann røykfri snus rus festival
        frisklivssentral barnehage arbeidsplass kantine ulikhet sårbare utsatte rekruttering
        medvirkning samskaping helseambassadør konferanse temagruppe samling workshop lokal
        byen bygda fylke avtale plan strategi folkehelse""",
    "en": """municipality residents health older people children young community prevention
        loneliness wellbeing physical activity exercise school meals smoking cessation
        alcohol overweight sleep volunteers club sports neighbourhood family parents nurse
        intervention service programme evaluation network partnership staff leaders home
        care dementia carers mental stress anxiety bullying nature outdoor walks cycling diet
        vegetables fruit water smokefree drugs festival centre kindergarten workplace canteen
        inequality vulnerable recruitment participation coproduction champion conference
        group workshop local town village region agreement policy strategy public""",
}
PREFIXES = {
    "da": [
        "sundheds",
        "skole",
        "ældre",
        "børne",
        "unge",
        "idræts",
        "rygestop",
        "mad",
        "kost",
        "trivsels",
        "forebyggelses",
        "fællesskabs",
        "bolig",
        "natur",
        "familie",
        "arbejds",
        "motions",
    ],
    "nb": [
        "helse",
        "skole",
        "eldre",
        "barne",
        "ungdoms",
        "idretts",
        "røykeslutt",
        "mat",
        "kosthold",
        "trivsels",
        "forebyggings",
        "fellesskaps",
        "bolig",
        "natur",
        "familie",
        "arbeids",
        "trenings",
    ],
}
SUFFIXES = {
    "da": [
        "indsats",
        "tilbud",
        "forløb",
        "projekt",
        "netværk",
        "center",
        "politik",
        "plan",
        "gruppe",
        "hus",
        "klub",
        "dag",
        "kursus",
        "team",
        "råd",
    ],
    "nb": [
        "tiltak",
        "tilbud",
        "løp",
        "prosjekt",
        "nettverk",
        "senter",
        "politikk",
        "plan",
        "gruppe",
        "hus",
        "klubb",
        "dag",
        "kurs",
        "team",
        "råd",
    ],
}
TOPICS = [
    ("alkohol", "Alkohol"),
    ("fysisk-aktivitet", "Fysisk aktivitet"),
    ("hygiejne", "Hygiejne"),
    ("indeklima-i-skoler", "Indeklima i skoler"),
    ("mad-og-maaltider", "Mad og måltider"),
    ("mental-sundhed", "Mental sundhed"),
    ("overvaegt", "Overvægt"),
    ("seksuel-sundhed", "Seksuel sundhed"),
    ("solbeskyttelse", "Solbeskyttelse"),
    ("stoffer", "Stoffer"),
    ("tobak", "Tobak"),
]
MUNICIPALITIES = [
    "Aarhus",
    "Odense",
    "Aalborg",
    "Esbjerg",
    "Randers",
    "Kolding",
    "Horsens",
    "Vejle",
    "Roskilde",
    "Herning",
    "Silkeborg",
    "Næstved",
    "Fredericia",
    "Viborg",
    "Køge",
    "Holstebro",
    "Slagelse",
    "Svendborg",
    "Sønderborg",
    "Hjørring",
    "Holbæk",
    "Frederikshavn",
    "Haderslev",
    "Skive",
    "Ringsted",
    "Oslo",
    "Bergen",
    "Trondheim",
    "Stavanger",
    "Kristiansand",
    "Drammen",
    "Fredrikstad",
    "Tromsø",
    "Sandnes",
    "Sarpsborg",
    "Skien",
    "Bodø",
    "Ålesund",
    "Arendal",
    "Tønsberg",
    "Moss",
    "Haugesund",
    "Porsgrunn",
    "Larvik",
    "Halden",
    "Lillehammer",
    "Molde",
    "Gjøvik",
    "Kongsberg",
    "Harstad",
]
BUDGETS = ["<100000", "100000-500000", "500000-1000000", ">1000000"]
EVALUATED = ["none", "internal", "external"]
NETWORKS = {"da": 1, "nb": 2, "en": 1}


def vocabulary(language: str) -> list[str]:
    words = WORDS[language].split()
    if language in PREFIXES:
        words += [p + s for p in PREFIXES[language] for s in SUFFIXES[language]]
    return words


def zipf_weights(n: int) -> list[float]:
    return [1 / (rank + 1) ** 0.9 for rank in range(n)]


class Generator:
    def __init__(self, seed: int):
        self.random = random.Random(seed)
        self.vocab = {lang: vocabulary(lang) for lang in WORDS}
        for words in self.vocab.values():
            random.Random(seed + len(words)).shuffle(words)
        self.weights = {lang: zipf_weights(len(w)) for lang, w in self.vocab.items()}

    def words(self, language: str, n: int) -> str:
        return " ".join(self.random.choices(self.vocab[language], self.weights[language], k=n))

    def document(self, i: int):
        from samskab.search.registry import Document

        r = self.random
        language = r.choices(["da", "nb", "en"], [50, 35, 15])[0]
        title = self.words(language, r.randint(3, 8)).capitalize()
        summary = self.words(language, r.randint(12, 24)).capitalize() + "."
        body = (
            ". ".join(
                self.words(language, r.randint(8, 16)).capitalize() for _ in range(r.randint(4, 9))
            )
            + "."
        )
        topics = r.sample(TOPICS, r.randint(1, 3))
        year = r.randint(2010, 2025)
        network = NETWORKS[language]
        return Document(
            doc_type="bench",
            object_id=str(i),
            title=title,
            url=f"/da/cases/bench-{i}/",
            language=language,
            network_id=network,
            shared_network_ids=[3 - network] if r.random() < 0.4 else [],
            summary=summary,
            topics=[label for _slug, label in topics],
            body=body,
            date=datetime.date(year, r.randint(1, 12), r.randint(1, 28)),
            facets={
                "topic": topics,
                "municipality": [r.choice(MUNICIPALITIES)],
                "year": [str(year)],
                "budget": [r.choice(BUDGETS)],
                "evaluated": [r.choice(EVALUATED)],
                "network": [str(network)],
            },
        )


def queries(seed: int, n: int = 200) -> list[tuple[str, dict, int | None, str]]:
    """(query, filters, network id, kind), a fixed varied mix."""
    r = random.Random(seed * 7919)
    out = []
    kinds = [
        "one",
        "two",
        "three",
        "prefix",
        "phrase",
        "exclude",
        "cross",
        "typo",
        "filtered",
        "network",
    ]
    for i in range(n):
        kind = kinds[i % len(kinds)]
        language = r.choice(["da", "nb", "en"])
        vocab = vocabulary(language)
        common = vocab[: len(vocab) // 3]
        if kind == "one":
            q = r.choice(vocab)
        elif kind == "two":
            q = " ".join(r.sample(common, 2))
        elif kind == "three":
            q = " ".join(r.sample(vocab, 3))
        elif kind == "prefix":
            q = r.choice(PREFIXES[r.choice(["da", "nb"])]).rstrip("s")
        elif kind == "phrase":
            a, b = r.sample(common, 2)
            q = f'"{a} {b}"'
        elif kind == "exclude":
            a, b = r.sample(common, 2)
            q = f"{a} -{b}"
        elif kind == "cross":
            q = r.choice(
                [
                    "ensomhed ældre",
                    "ensomhet eldre",
                    "loneliness elderly",
                    "skolemad børn",
                    "røykeslutt ungdom",
                    "bevægelse",
                    "folkehelse",
                    "sundhedsfremme",
                    "fysisk aktivitet",
                    "mental health",
                ]
            )
        elif kind == "typo":
            word = r.choice([w for w in vocab if len(w) > 5])
            pos = r.randrange(1, len(word) - 1)
            q = word[:pos] + word[pos + 1 :]
        elif kind == "filtered":
            q = r.choice(common)
            filters = {"topic": [r.choice(TOPICS)[0]], "year": [str(r.randint(2015, 2025))]}
            out.append((q, filters, None, kind))
            continue
        else:  # network
            q = " ".join(r.sample(common, r.randint(1, 2)))
            out.append((q, {}, r.choice([1, 2]), kind))
            continue
        out.append((q, {}, None, kind))
    return out


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--queries-only",
        action="store_true",
        help="keep the index from an earlier run; only run the queries",
    )
    parser.add_argument("--restore", action="store_true", help="rebuild the real index afterwards")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from samskab.search import backends, engine, indexer

    call_command("migrate", verbosity=0)
    vendor = connection.vendor
    print(f"database: {vendor}; documents: {args.count}; seed: {args.seed}", flush=True)

    results_dir = ROOT / "bench" / "results"
    previous = results_dir / f"search-{vendor}-{args.count}.json"
    if args.queries_only and previous.exists():
        earlier = json.loads(previous.read_text(encoding="utf-8"))
        count, seconds = earlier["documents"], earlier["build_seconds"]
    else:
        indexer.clear_index()
        generator = Generator(args.seed)
        docs = (generator.document(i) for i in range(args.count))
        last = [time.perf_counter()]

        def progress(n):
            if n % 20_000 == 0:
                print(f"  indexed {n} ({time.perf_counter() - last[0]:.0f} s)", flush=True)

        count, seconds = indexer.bulk_index(docs, progress=progress)
    if vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")
            cursor.execute("ANALYZE search_searchfacet")
            cursor.execute("ANALYZE search_searchterm")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    size = backends.index_size_bytes()
    rate = count / seconds if seconds else 0.0
    print(
        f"index build: {count} documents in {seconds:.1f} s = {rate:.0f} docs/s; "
        f"index size {size / 1e6:.1f} MB",
        flush=True,
    )

    plan = queries(args.seed, args.queries)
    for q, filters, network, _kind in plan[:20]:  # warm caches (equivalents, page cache)
        engine.search(q, filters=filters, network_id=network)
    timings, totals, suggestions = [], [], 0
    slowest = []
    by_kind: dict[str, list[float]] = {}
    for q, filters, network, kind in plan:
        started = time.perf_counter()
        results = engine.search(q, filters=filters, network_id=network)
        elapsed = (time.perf_counter() - started) * 1000
        timings.append(elapsed)
        by_kind.setdefault(kind, []).append(elapsed)
        totals.append(results.total)
        suggestions += bool(results.suggestion)
        slowest.append((elapsed, q, filters, network, results.total))
    slowest.sort(reverse=True)
    summary = {
        "database": vendor,
        "documents": count,
        "seed": args.seed,
        "build_seconds": round(seconds, 1),
        "build_docs_per_second": round(rate),
        "index_size_mb": round(size / 1e6, 1),
        "queries": len(timings),
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "max_ms": round(max(timings), 1),
        "mean_hits": round(statistics.mean(totals), 1),
        "queries_with_suggestion": suggestions,
        "candidate_limit": engine.CANDIDATE_LIMIT,
        "by_kind_p50_p95_ms": {
            kind: [round(statistics.median(v), 1), round(percentile(v, 0.95), 1)]
            for kind, v in by_kind.items()
        },
        "slowest": [
            {"ms": round(ms, 1), "q": q, "filters": f, "network": n, "hits": t}
            for ms, q, f, n, t in slowest[:5]
        ],
    }
    print(
        f"search over {len(timings)} queries: p50 {summary['p50_ms']} ms, "
        f"p95 {summary['p95_ms']} ms, max {summary['max_ms']} ms; "
        f"mean hits {summary['mean_hits']}; with suggestion {suggestions}"
    )
    print("  by kind (p50, p95 ms):", summary["by_kind_p50_p95_ms"])
    for item in summary["slowest"]:
        print("  slow:", item)
    results_dir.mkdir(parents=True, exist_ok=True)
    out = results_dir / f"search-{vendor}-{count}.json"
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"written to {out.relative_to(ROOT)}")
    if args.restore:
        indexer.rebuild()
    return 0


if __name__ == "__main__":
    sys.exit(main())
