"""Reads of single cases, comments and follows for the pages, each a fixed number of
queries, and the one visibility rule applied to them (``Case.objects.readable_in_network``)."""

import re
from collections import defaultdict

from django.conf import settings
from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext_lazy as _

from samskab.core.counters import CacheCounter
from samskab.networks.models import Network, Organisation
from samskab.networks.predicates import editable_organisation_ids

from .. import tokens
from ..models import (
    Case,
    CaseMaterial,
    CaseRevision,
    Comment,
    Follow,
    Notification,
)

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


# Readings not yet written to Case.view_count (READ_COUNTS_IN_CACHE; services write them).
case_reads = CacheCounter("case-reads")


def case_read_count(*, case) -> int:
    """Times the case was read: the database's count and what the cache holds."""
    if settings.READ_COUNTS_IN_CACHE:
        return case.view_count + case_reads.pending(case.pk)
    return case.view_count


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
    from ..listing import related_ids

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
    """The network's comments with at least one open report, most reported first. (Filtering
    on ``reports__resolved_at__isnull`` alone also matched comments with no report at all.)"""
    return (
        Comment.objects.filter(case__network=network)
        .annotate(report_count=Count("reports", filter=Q(reports__resolved_at__isnull=True)))
        .filter(report_count__gt=0)
        .select_related("case", "author")
        .order_by("-report_count", "-created_at", "-id")
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


# --- My page (registered in apps.py) ---------------------------------------------------------


def dashboard_cases(user, network) -> dict | None:
    """The drafts and submitted cases the user can edit, the cases followed, the latest
    notifications, and for the secretariat what waits for it: cases to moderate and
    reported comments."""
    from samskab.networks.predicates import staff_network_ids

    section = {
        "key": "cases",
        "template": "cases/_dashboard.html",
        "mine": list(cases_for_editor(user=user)[:10]),
        "follows": list(follows_of(user=user).order_by("case__title")[:10]),
        "notifications": list(notifications_of(user=user).order_by("-created_at", "-id")[:5]),
        "unread": unread_count(user=user),
        "staff": False,
    }
    if network is not None and (user.is_superuser or network.pk in staff_network_ids(user)):
        section["staff"] = True
        section["to_moderate"] = moderation_queue(network=network).count()
        section["reported"] = reported_comments(network=network).count()
    return section


def organisation_cases(organisation, network, user) -> dict | None:
    """A section of the organisation's page: its published cases readers of ``network``
    can find, newest first (the first 10 and how many there are)."""
    qs = Case.objects.readable_in_network(network).filter(
        organisation=organisation, status=Case.Status.PUBLISHED
    )
    cases = list(qs.order_by("-published_at", "-id")[:10])
    total = len(cases) if len(cases) < 10 else qs.count()
    return {
        "key": "cases",
        "template": "cases/_organisation.html",
        "cases": cases,
        "total": total,
    }
