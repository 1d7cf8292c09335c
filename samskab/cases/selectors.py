"""Reads of the case bank, each a fixed number of queries.

``case_list(*, network, filters)`` is the listing's filtering, reused by the API, the
CSV/XLSX download and (later) the search.
"""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, fields

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samskab.core import params
from samskab.networks.models import Network, Organisation
from samskab.networks.predicates import editable_organisation_ids

from . import tokens
from .models import (
    Case,
    CaseMaterial,
    CaseRevision,
    Comment,
    Follow,
    InterventionType,
    Notification,
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
        return cls(
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


# What a case needs before it can be submitted or published (drafts need only a title).
REQUIRED_FOR_SUBMIT = {
    "summary": _("Write a short lead."),
    "purpose": _("Describe the purpose."),
    "target_group": _("Describe the target group."),
    "description": _("Describe what you did."),
    "period_start": _("Give the date the case started."),
    "contact_name": _("Name a contact person."),
}


def submit_problems(case: Case, *, topics=None) -> dict:
    """Fields a case still lacks before it can be submitted, as {field: message}."""
    problems = {}
    for name, message in REQUIRED_FOR_SUBMIT.items():
        value = getattr(case, name)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems[name] = str(message)
    topic_count = len(topics) if topics is not None else case.topics.count()
    if not topic_count:
        problems["topics"] = str(_("Choose at least one topic."))
    return problems


def case_for_page(*, network, user, slug: str):
    """The case readable in ``network`` with everything its page shows, in a fixed number
    of queries; None when there is none."""
    return (
        Case.objects.readable_in_network(network, user)
        .select_related("network", "organisation", "organisation__region")
        .prefetch_related("topics", "prevention_types", "links", "materials", "quality")
        .filter(slug=slug)
        .first()
    )


def case_in_network(*, network, user, slug: str):
    """The case readable in ``network`` (for the views that act on it); None when none."""
    return (
        Case.objects.readable_in_network(network, user)
        .select_related("network", "organisation")
        .filter(slug=slug)
        .first()
    )


def case_of_network(*, network, slug: str):
    """A case of ``network`` itself, whatever its status; None when none."""
    return (
        Case.objects.select_related("network", "organisation")
        .filter(network=network, slug=slug)
        .first()
    )


def material_of(*, case: Case, pk: int):
    return CaseMaterial.objects.filter(pk=pk, case=case).first()


def revision_of(*, case: Case, pk: int):
    return CaseRevision.objects.select_related("author").filter(pk=pk, case=case).first()


def revision_before(*, revision):
    """The revision of the same case just before ``revision``; None for the first."""
    return (
        revision.case.revisions.filter(
            Q(created_at__lt=revision.created_at)
            | Q(created_at=revision.created_at, id__lt=revision.id)
        )
        .order_by("-created_at", "-id")
        .first()
    )


def comment_on(*, case: Case, pk) -> Comment | None:
    return Comment.objects.filter(pk=pk, case=case).first() if pk else None


def organisations_for(*, user, network):
    """The organisations ``user`` may add cases for in ``network``."""
    if user.has_perm("cases.view_queue", network):
        return Organisation.objects.members_of(network).order_by("name")
    members = Organisation.objects.members_of(network).values("pk")
    return (
        Organisation.objects.filter(pk__in=editable_organisation_ids(user))
        .filter(pk__in=members)
        .order_by("name")
    )


def organisations_for_case(*, user, case: Case):
    """Those, and the case's own organisation."""
    allowed = organisations_for(user=user, network=case.network).values("pk")
    return Organisation.objects.filter(Q(pk__in=allowed) | Q(pk=case.organisation_id)).order_by(
        "name"
    )


def follow_token_case(*, token: str):
    """The case an unfollow link names, when the link is one this site signed and the
    follow still exists (or None, and whether the token itself is good)."""
    data = tokens.read_follow_token(token)
    if data is None:
        return None, False
    user_id, case_id = data
    follow = Follow.objects.select_related("case").filter(user_id=user_id, case_id=case_id).first()
    return (follow.case if follow else Case.objects.filter(pk=case_id).first()), True


def networks_reading(case_ids, network_ids) -> dict[int, set[int]]:
    """For each case of ``case_ids`` (ids or a values_list queryset), the networks of
    ``network_ids`` in which it is readable, by the one visibility rule; one query per
    network. Cases readable nowhere are missing."""
    result: dict[int, set[int]] = defaultdict(set)
    for network in Network.objects.filter(pk__in=network_ids):
        readable = Case.objects.readable_in_network(network).filter(pk__in=case_ids)
        for pk in readable.values_list("pk", flat=True):
            result[pk].add(network.pk)
    return result


def follows_case(*, user, case: Case) -> bool:
    return user.is_authenticated and Follow.objects.filter(user=user, case=case).exists()


def follows_of(*, user):
    return Follow.objects.filter(user=user).select_related("case", "case__organisation")


def notifications_of(*, user):
    return Notification.objects.filter(user=user).select_related("case")


def unread_count(*, user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def comment_in_network(*, network, user, slug: str, pk: int):
    """The comment ``pk`` on the case ``slug`` readable in ``network``; None when none."""
    return (
        Comment.objects.select_related("case", "case__network", "case__organisation")
        .filter(pk=pk, case__in=Case.objects.readable_in_network(network, user), case__slug=slug)
        .first()
    )


def related_cases(*, case: Case, network, limit: int = 4) -> list[Case]:
    """Published cases readers can find that share topics with this one; most shared topics
    and similar target group first. One query (candidates come from the list's index)."""
    from .listing import related_ids

    ranked = related_ids(case=case, network=network, limit=limit * 4)
    found = (
        Case.objects.readable_in_network(network)
        .select_related("organisation")
        .in_bulk([pk for pk, _n in ranked])
    )
    candidates = []
    for pk, shared in ranked:
        if pk in found:
            found[pk].shared_topics = shared
            candidates.append(found[pk])
    words = _words(case.target_group)

    def score(other):
        return (getattr(other, "shared_topics", 0), len(words & _words(other.target_group)))

    candidates.sort(key=score, reverse=True)
    return candidates[:limit]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", (text or "").lower()) if len(w) > 3}


def comment_threads(*, case: Case) -> list[Comment]:
    """Top-level comments with their replies in ``.thread_replies``. One query."""
    comments = list(case.comments.select_related("author").order_by("created_at", "id"))
    by_id = {c.pk: c for c in comments}
    top = []
    for comment in comments:
        comment.thread_replies = []
    for comment in comments:
        if comment.parent_id and comment.parent_id in by_id:
            by_id[comment.parent_id].thread_replies.append(comment)
        else:
            top.append(comment)
    return top


def moderation_queue(*, network):
    return (
        Case.objects.filter(network=network, status=Case.Status.SUBMITTED)
        .select_related("organisation", "created_by")
        .order_by("submitted_at")
    )


def reported_comments(*, network):
    return (
        Comment.objects.filter(case__network=network, reports__resolved_at__isnull=True)
        .select_related("case", "author")
        .annotate(report_count=Count("reports"))
        .order_by("-report_count")
    )


def cases_for_editor(*, user):
    """Drafts and submitted cases of the organisations the user edits."""
    ids = editable_organisation_ids(user)
    return (
        Case.objects.filter(organisation_id__in=ids)
        .exclude(status=Case.Status.PUBLISHED)
        .select_related("organisation")
        .order_by("-updated_at")
    )


def export_queryset(qs):
    return qs.prefetch_related(
        "links", "materials", "quality", Prefetch("topics"), Prefetch("prevention_types")
    )
