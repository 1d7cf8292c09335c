"""Index build cost of decompounding and cognate folding, measured in one run.

    .venv/bin/python bench/analysis_speed.py [--count 5000]

Builds the index rows (``indexer.build``: analysis, compounds, folding; no database
writes) of the same synthetic case documents (``generate_cases`` vocabulary) with both
switched off and on, alternating rounds with cold caches, and prints docs/s and the ratio.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samskab.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production-use-0123456789")


class _Fill(dict):
    """Template slots not filled above ({partner2} ...) get a partner."""

    def __init__(self, values, default):
        super().__init__(values)
        self.default = default

    def __missing__(self, key):
        return self.default


def documents(count: int):
    from samskab.demo.synthetic import data
    from samskab.search.registry import Document

    r = random.Random(1)  # noqa: S311
    docs = []
    for i in range(count):
        lang = r.choice(["da", "da", "nb", "nb", "en"])
        theme = data.THEMES[r.choice(sorted(data.THEMES))][lang]
        intervention = r.choice(theme["intervention"])
        problem = r.choice(theme["problem"])
        target = r.choice(data.TARGETS[lang])
        arena = r.choice(data.ARENAS[lang])
        partner = r.choice(data.PARTNERS[lang])
        fill = {
            "intervention": intervention,
            "Intervention": intervention.capitalize(),
            "problem": problem,
            "target": target,
            "arena": arena,
            "partner": partner,
            "municipality": "Kommunen",
            "Municipality": "Kommunen",
            "weeks": 8,
            "percent": 20,
            "budget": "100.000",
        }
        sentences = data.SENTENCES[lang]

        def pick(slot, sentences=sentences, fill=fill, partner=partner):
            return (
                r.choice(sentences[slot]).format_map(_Fill(fill, partner))
                if slot in sentences
                else ""
            )

        body = "\n".join(pick(s) for s in sentences if s not in ("title", "summary"))
        docs.append(
            Document(
                doc_type="bench",
                object_id=str(i),
                url=f"/{i}/",
                title=pick("title"),
                summary=pick("summary"),
                body=body,
                language=lang,
                date=datetime.date(2020, 1, 1),
                topics=[problem],
            )
        )
    return docs


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    import django

    django.setup()
    from samskab.search import analysis, compounds, indexer

    docs = documents(args.count)
    compounds.lexicon("da"), compounds.lexicon("nb"), compounds.lexicon("sv")  # loaded once
    rates = {False: [], True: []}
    for _round in range(args.rounds):
        for on in (False, True):
            analysis.FOLD = analysis.DECOMPOUND = on
            analysis.fold.cache_clear()
            compounds.split.cache_clear()
            analysis._PARTS_CACHE.clear()
            analysis._TERM_CACHE.clear()
            started = time.perf_counter()
            for doc in docs:
                indexer.build(doc)
            rates[on].append(len(docs) / (time.perf_counter() - started))
    before, after = max(rates[False]), max(rates[True])
    print(
        f"index rows built per second ({args.count} documents, best of {args.rounds}): "
        f"without compounds and folding {before:.0f}, with {after:.0f}, ratio {after / before:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
