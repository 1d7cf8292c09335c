"""The case list's filters over the database: ``case_list(*, network, filters)`` is the
listing's filtering, reused by the API and the CSV/XLSX download; ``facets`` its counts
(the in-memory index in ``listing`` gives the same answers; a test compares them)."""

import datetime
import re
from dataclasses import dataclass, fields

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samskab.core import params
from samskab.networks.models import Network, Organisation

from ..models import (
    Case,
    InterventionType,
    QualityCriterion,
    Topic,
)

YEAR_MIN, YEAR_MAX = 1990, 2100


@dataclass(frozen=True)
class CaseFilters:
    topic: str = ""
    type: str = ""
    target: str = ""  # a keyword in the target group
    municipality: str = ""  # organisation slug
    region: str = ""  # region slug
    budget: str = ""
    evaluation: str = ""
    year: int | None = None
    network: str = ""  # network slug
    quality: str = ""  # EU criterion slug
    language: str = ""  # the language the case is written in (Case.Language)

    KEYS = (
        "topic",
        "type",
        "target",
        "municipality",
        "region",
        "budget",
        "evaluation",
        "year",
        "network",
        "quality",
        "language",
    )

    @classmethod
    def from_query(cls, query, *, on_invalid_number=None) -> "CaseFilters":
        """From a QueryDict or dict; values that cannot be valid are dropped. A bad year
        is first passed to ``on_invalid_number(error)``, which may tell the user
        (``params.warn_ignored``) or raise it (a 400)."""

        def get(key):
            value = query.get(key) or ""
            return value.strip()[:100] if isinstance(value, str) else ""

        try:
            year = params.int_param(
                query, "year", min_value=YEAR_MIN, max_value=YEAR_MAX, label=_("Year")
            )
        except params.InvalidNumber as exc:
            if on_invalid_number is not None:
                on_invalid_number(exc)
            year = None
        slug = re.compile(r"^[-\w]+$")
        values = {
            k: get(k) for k in ("topic", "type", "municipality", "region", "network", "quality")
        }
        values = {k: (v if slug.match(v) else "") for k, v in values.items()}
        budget = get("budget")
        evaluation = get("evaluation")
        language = get("language")
        return cls(
            language=language if language in Case.Language.values else "",
            target=get("target"),
            year=year,
            budget=budget if budget in Case.BudgetBand.values else "",
            evaluation=evaluation if evaluation in Case.Evaluation.values else "",
            **values,
        )

    def as_query(self) -> dict:
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if getattr(self, f.name) not in ("", None)
        }

    def without(self, key) -> "CaseFilters":
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data[key] = None if key == "year" else ""
        return CaseFilters(**data)

    @property
    def active(self) -> bool:
        return bool(self.as_query())


def _apply(qs, f: CaseFilters):
    if f.topic:
        qs = qs.filter(topics__slug=f.topic)
    if f.type:
        qs = qs.filter(prevention_types__slug=f.type)
    if f.target:
        qs = qs.filter(target_group__icontains=f.target)
    if f.municipality:
        qs = qs.filter(organisation__slug=f.municipality)
    if f.region:
        qs = qs.filter(Q(organisation__region__slug=f.region) | Q(organisation__slug=f.region))
    if f.budget:
        qs = qs.filter(budget_band=f.budget)
    if f.evaluation:
        qs = qs.filter(evaluation=f.evaluation)
    if f.year:
        qs = qs.filter(period_start__lte=datetime.date(f.year, 12, 31)).filter(
            Q(period_end__isnull=True) | Q(period_end__gte=datetime.date(f.year, 1, 1))
        )
    if f.network:
        qs = qs.filter(network__slug=f.network)
    if f.quality:
        qs = qs.filter(quality__criterion=f.quality)
    if f.language:
        qs = qs.filter(language=f.language)
    return qs


def _base(network):
    return Case.objects.readable_in_network(network)


def case_list(*, network: Network | None, filters: CaseFilters):
    """Published cases readers of ``network`` can find (its own and sister networks'
    shared ones), filtered, newest first."""
    qs = _apply(_base(network), filters)
    if filters.topic or filters.type or filters.quality:
        # Joins through many-to-many relations; a case appears once.
        qs = Case.objects.filter(pk__in=qs.values("pk"))
    return (
        qs.select_related("organisation", "network")
        .prefetch_related("topics", "prevention_types")
        .order_by("-published_at", "-id")
    )


def _counts(network, filters, key, field):
    qs = _apply(_base(network), filters.without(key))
    rows = qs.values(field).annotate(n=Count("pk", distinct=True)).order_by()
    return {row[field]: row["n"] for row in rows if row[field] not in (None, "")}


def facets(*, network: Network | None, filters: CaseFilters) -> list[dict]:
    """For each filter, its options with the number of cases each would give together with
    the other chosen filters. About a dozen small queries, independent of the data."""
    result = []

    def add(key, label, options, counts, *, keep_empty=False):
        items = [
            {
                "value": value,
                "label": text,
                "count": counts.get(value, 0),
                "selected": str(getattr(filters, key) or "") == str(value),
            }
            for value, text in options
            if keep_empty or counts.get(value, 0) or str(getattr(filters, key) or "") == str(value)
        ]
        result.append(
            {"key": key, "label": label, "options": items, "value": getattr(filters, key) or ""}
        )

    add(
        "topic",
        _("Topic"),
        [(t.slug, t.label) for t in Topic.objects.all()],
        _counts(network, filters, "topic", "topics__slug"),
        keep_empty=True,
    )
    add(
        "type",
        _("Intervention type"),
        [(t.slug, t.label) for t in InterventionType.objects.all()],
        _counts(network, filters, "type", "prevention_types__slug"),
        keep_empty=True,
    )
    municipality_counts = _counts(network, filters, "municipality", "organisation__slug")
    orgs = Organisation.objects.filter(slug__in=list(municipality_counts) + [filters.municipality])
    add(
        "municipality",
        _("Municipality or organisation"),
        [(o.slug, o.name) for o in orgs.order_by("name")],
        municipality_counts,
    )
    region_counts = _counts(network, filters, "region", "organisation__region__slug")
    regions = Organisation.objects.filter(slug__in=list(region_counts) + [filters.region])
    add("region", _("Region"), [(o.slug, o.name) for o in regions.order_by("name")], region_counts)
    add(
        "budget",
        _("Economy per year"),
        Case.BudgetBand.choices,
        _counts(network, filters, "budget", "budget_band"),
        keep_empty=True,
    )
    add(
        "evaluation",
        _("Evaluated"),
        Case.Evaluation.choices,
        _counts(network, filters, "evaluation", "evaluation"),
        keep_empty=True,
    )
    add(
        "quality",
        _("Quality criterion (self-assessed)"),
        QualityCriterion.choices,
        _counts(network, filters, "quality", "quality__criterion"),
    )
    add(
        "language",
        _("Language of the case"),
        Case.Language.choices,
        _counts(network, filters, "language", "language"),
    )
    add(
        "network",
        _("Network"),
        [(n.slug, n.name) for n in Network.objects.order_by("name")],
        _counts(network, filters, "network", "network__slug"),
    )
    # Years: a case counts in every year its period covers.
    year_counts: dict[int, int] = {}
    this_year = timezone.localdate().year
    periods = (
        _apply(_base(network), filters.without("year"))
        .filter(period_start__isnull=False)
        .values_list("period_start", "period_end")
    )
    for start, end in periods:
        for year in range(start.year, min((end.year if end else this_year), this_year) + 1):
            year_counts[year] = year_counts.get(year, 0) + 1
    add("year", _("Year"), [(y, str(y)) for y in sorted(year_counts, reverse=True)], year_counts)
    return result
