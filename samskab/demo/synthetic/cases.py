"""Synthetic cases for benchmarks and load tests (``manage.py generate_cases``).

Deterministic: the same ``seed`` and ``count`` give the same cases, byte for byte, on any
database. Cases are published, in Danish (Danish network), Norwegian Bokmål (Norwegian
network) or English (either), spread over every municipality of the network's country,
every prevention package and intervention type, and the years 2008 to 2026; about one in
eight has comments and one in six is followed. Slugs end in ``-s<seed>-<number>``, so a
second run with the same seed adds nothing, and ``delete_generated`` finds them again.

Written with ``bulk_create`` in batches (no signals), then indexed for search in bulk.
"""

from __future__ import annotations

import datetime
import random
import time
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from samskab.cases import listing
from samskab.cases.models import Case, Comment, Follow, InterventionType, Topic
from samskab.core.text import slugify
from samskab.networks.models import Network, Organisation

from . import data

USER_EMAIL = "generated-{seed}-{n}@samskab.example"
USERS_PER_SEED = 200
FIRST_YEAR, LAST_YEAR = 2008, 2026


@dataclass
class GenerateResult:
    created: int = 0
    skipped: int = 0
    comments: int = 0
    follows: int = 0
    seconds: float = 0.0
    indexed: int = 0
    index_seconds: float = 0.0


def _fill(template: str, slots: dict) -> str:
    text = template.format(**slots)
    return text[0].upper() + text[1:]


def _short(name: str) -> str:
    for suffix in (" Regionskommune", " Kommune", " kommune"):
        name = name.replace(suffix, "")
    return name.replace("Københavns", "København")


class CaseFactory:
    """Draws one case's values from a seeded random generator (no database access)."""

    def __init__(self, seed: int, *, networks, municipalities, topics, types):
        self.seed = seed
        self.networks = networks  # {"DK": Network, "NO": Network}
        self.municipalities = municipalities  # {"DK": [Organisation], "NO": [...]}
        self.topics = topics  # [Topic]
        self.types = types  # [InterventionType]
        self.topic_by_slug = {t.slug: t for t in topics}
        self.themes = [slug for slug in data.THEMES if slug in self.topic_by_slug]

    def case(self, n: int, now: datetime.datetime) -> tuple:
        r = random.Random(f"{self.seed}:{n}")  # noqa: S311 - benchmark data
        countries = [c for c in ("DK", "NO") if self.networks.get(c) and self.municipalities[c]]
        country = countries[0] if len(countries) == 1 else r.choices(["DK", "NO"], [55, 45])[0]
        language = ("da" if country == "DK" else "nb") if r.random() < 0.85 else "en"
        organisation = r.choice(self.municipalities[country])
        theme_slugs = r.sample(self.themes, r.choice([1, 1, 2, 2, 3]))
        main = data.THEMES[theme_slugs[0]][language]
        words = data.SENTENCES[language]
        municipality = _short(organisation.name)
        slots = {
            "intervention": r.choice(main["intervention"]),
            "problem": r.choice(main["problem"]),
            "target": r.choice(data.TARGETS[language]),
            "arena": r.choice(data.ARENAS[language]),
            "partner": r.choice(data.PARTNERS[language]),
            "partner2": r.choice(data.PARTNERS[language]),
            "municipality": municipality,
            "weeks": r.choice([6, 8, 10, 12, 16]),
            "percent": r.randint(40, 90),
            "budget": f"{r.choice([50, 120, 250, 400, 750, 1200]) * 1000:,}".replace(",", "."),
        }
        slots["Intervention"] = slots["intervention"][0].upper() + slots["intervention"][1:]
        slots["Municipality"] = municipality

        def pick(key, k=1):
            return " ".join(_fill(t, slots) for t in r.sample(words[key], min(k, len(words[key]))))

        title = _fill(r.choice(words["title"]), slots)
        # Other themes show up in the text too, as real cases mix topics.
        extra = [
            _fill(
                words["purpose"][1],
                {**slots, "problem": r.choice(data.THEMES[s][language]["problem"])},
            )
            for s in theme_slugs[1:]
        ]
        start_year = r.randint(FIRST_YEAR, LAST_YEAR - 1)
        start = datetime.date(start_year, r.choice([1, 3, 8, 9]), 1)
        kind = r.choices(["project", "permanent", "other"], [60, 35, 5])[0]
        end = (
            datetime.date(min(start_year + r.randint(1, 3), LAST_YEAR), 6, 30)
            if kind == "project"
            else None
        )
        published = now - datetime.timedelta(minutes=n * 7 + r.randint(0, 6))
        scale = [c.value for c in Case.Scale]
        case = Case(
            slug=f"{slugify(title)[:180]}-s{self.seed}-{n}",
            network=self.networks[country],
            language=language,
            title=title[:200],
            summary=pick("summary"),
            organisation=organisation,
            contact_name="",
            contact_organisation=organisation.name,
            contact_public=False,
            kind=kind,
            budget_band=r.choice([c.value for c in Case.BudgetBand] + [""]),
            purpose=" ".join([pick("purpose"), *extra]),
            target_group=_fill("{target}", slots),
            arena=_fill("{arena}", slots),
            description="\n\n".join(pick("description", r.randint(2, 4)).split(". ")),
            effect=pick("effect"),
            partners=pick("partners"),
            recruitment=pick("recruitment"),
            funding=pick("funding"),
            barriers=pick("barriers") if r.random() < 0.6 else "",
            promoting_factors=pick("promoting_factors") if r.random() < 0.6 else "",
            implementation_notes=pick("implementation_notes") if r.random() < 0.5 else "",
            period_start=start,
            period_end=end,
            evaluation=r.choice(["none", "internal", "internal", "external"]),
            purpose_met=r.choice(["", *scale]),
            implemented_as_planned=r.choice(["", *scale]),
            shared=r.random() < 0.5,
            status=Case.Status.PUBLISHED,
            view_count=r.randint(0, 3000),
            submitted_at=published,
            published_at=published,
        )
        topics = [self.topic_by_slug[s] for s in theme_slugs]
        types = r.sample(self.types, r.choice([1, 1, 2])) if self.types else []
        comments = []
        if r.random() < 0.125:
            for _ in range(r.randint(1, 3)):
                comments.append(
                    (r.randrange(USERS_PER_SEED), _fill(r.choice(words["comment"]), slots))
                )
        follows = []
        if r.random() < 0.17:
            follows = sorted(set(r.sample(range(USERS_PER_SEED), r.randint(1, 3))))
        return case, topics, types, comments, follows


def _users(seed: int):
    from samskab.accounts.models import User

    emails = [USER_EMAIL.format(seed=seed, n=n) for n in range(USERS_PER_SEED)]
    existing = {u.email: u for u in User.objects.filter(email__in=emails)}
    unusable = make_password(None)
    missing = [
        User(email=e, name=f"Benchmark reader {n}", password=unusable)
        for n, e in enumerate(emails)
        if e not in existing
    ]
    User.objects.bulk_create(missing, batch_size=500)
    users = {u.email: u for u in User.objects.filter(email__in=emails)}
    return [users[e] for e in emails]


def generate(
    *, count: int, seed: int = 1, batch_size: int = 1000, index: bool = True, progress=None
) -> GenerateResult:
    """Create ``count`` synthetic published cases (numbers 0..count-1 of ``seed``)."""
    started = time.perf_counter()
    result = GenerateResult()
    networks = {}
    for network in Network.objects.order_by("pk"):
        networks.setdefault(network.country, network)
    municipalities = {
        country: list(Organisation.objects.municipalities().filter(country=country).order_by("pk"))
        for country in ("DK", "NO")
    }
    if not any(networks.get(c) and municipalities[c] for c in ("DK", "NO")):
        raise ValueError(
            "No network with municipalities: run manage.py load_demo (or import_organisations)."
        )
    topics = list(Topic.objects.order_by("order", "slug"))
    if not topics:
        raise ValueError("No topics: run manage.py migrate first.")
    factory = CaseFactory(
        seed,
        networks=networks,
        municipalities=municipalities,
        topics=topics,
        types=list(InterventionType.objects.order_by("order", "slug")),
    )
    users = _users(seed)
    now = timezone.now().replace(second=0, microsecond=0)
    new_ids: list[int] = []
    Through = Case.topics.through
    TypeThrough = Case.prevention_types.through
    for first in range(0, count, batch_size):
        drawn = [factory.case(n, now) for n in range(first, min(first + batch_size, count))]
        slugs = [item[0].slug for item in drawn]
        existing = set(Case.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        drawn = [item for item in drawn if item[0].slug not in existing]
        result.skipped += len(existing)
        with transaction.atomic():
            cases = Case.objects.bulk_create([item[0] for item in drawn])
            topic_rows, type_rows, comment_rows, follow_rows = [], [], [], []
            for case, (_c, topics, types, comments, follows) in zip(cases, drawn, strict=True):
                topic_rows += [Through(case_id=case.pk, topic_id=t.pk) for t in topics]
                type_rows += [TypeThrough(case_id=case.pk, interventiontype_id=t.pk) for t in types]
                comment_rows += [
                    Comment(case_id=case.pk, author=users[u], text=text) for u, text in comments
                ]
                follow_rows += [Follow(case_id=case.pk, user=users[u]) for u in follows]
            Through.objects.bulk_create(topic_rows)
            TypeThrough.objects.bulk_create(type_rows)
            Comment.objects.bulk_create(comment_rows)
            Follow.objects.bulk_create(follow_rows)
        new_ids += [c.pk for c in cases]
        result.created += len(cases)
        result.comments += len(comment_rows)
        result.follows += len(follow_rows)
        if progress:
            progress("generated", first + len(drawn) + len(existing), count)
    result.seconds = time.perf_counter() - started
    listing.bump_version()  # bulk_create sends no signals
    if index and new_ids:
        result.indexed, result.index_seconds = index_cases(new_ids, progress=progress)
    return result


def index_cases(ids, *, progress=None) -> tuple[int, float]:
    """Add the cases ``ids`` (not yet in the search index) to it in bulk."""
    from samskab.cases.search import CaseAdapter
    from samskab.search import indexer

    adapter = CaseAdapter()

    def documents():
        for start in range(0, len(ids), 2000):
            chunk = ids[start : start + 2000]
            yield from adapter.documents(adapter.queryset().filter(pk__in=chunk).order_by("pk"))
            if progress:
                progress("indexed", start + len(chunk), len(ids))

    return indexer.bulk_index(documents())


def delete_generated(seed: int) -> int:
    """Delete the cases (and their documents in the search index) of ``seed``."""
    from samskab.search import indexer

    qs = Case.objects.filter(slug__regex=rf"-s{int(seed)}-[0-9]+$")
    ids = list(qs.values_list("pk", flat=True))
    with transaction.atomic():
        deleted = qs.delete()[1].get("cases.Case", 0)
    listing.bump_version()
    if len(ids) > 1000:
        indexer.rebuild()
    else:
        for pk in ids:
            indexer.remove_document("case", str(pk))
    return deleted
