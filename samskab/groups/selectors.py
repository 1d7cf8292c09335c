"""Reads for theme groups, written so a page costs a fixed number of queries."""

import mimetypes

from django.db.models import Count, Exists, OuterRef, Q

from .models import (
    GroupAlias,
    GroupContact,
    GroupFollow,
    GroupMembership,
    GroupResource,
    SuggestionSupport,
    ThemeGroup,
    TopicSuggestion,
)


class GroupMoved(Exception):
    """The slug is a renamed group's former slug; ``group`` is where it lives now."""

    def __init__(self, group: ThemeGroup):
        super().__init__(group.slug)
        self.group = group


def group_by_slug(*, network, slug: str) -> ThemeGroup:
    """The group with this slug, or GroupMoved for a former slug, or DoesNotExist."""
    group = ThemeGroup.objects.select_related("network").filter(network=network, slug=slug).first()
    if group is not None:
        return group
    alias = GroupAlias.objects.select_related("group").filter(network=network, slug=slug).first()
    if alias is not None:
        raise GroupMoved(alias.group)
    raise ThemeGroup.DoesNotExist(slug)


def group_list(*, network, user=None):
    """The network's groups with their member counts and, for a user, whether they follow
    and belong to each. One query."""
    qs = ThemeGroup.objects.filter(network=network).annotate(
        member_count=Count("memberships", filter=Q(memberships__status="active"), distinct=True)
    )
    if user is not None and user.is_authenticated:
        qs = qs.annotate(
            is_followed=Exists(GroupFollow.objects.filter(group=OuterRef("pk"), user=user)),
            my_status=GroupMembership.objects.filter(group=OuterRef("pk"), user=user).values(
                "status"
            )[:1],
        )
    return qs.order_by("name")


def followed_groups(*, user, network=None):
    qs = ThemeGroup.objects.filter(follows__user=user).select_related("network")
    if network is not None:
        qs = qs.filter(network=network)
    return qs.order_by("name")


def group_contacts(group: ThemeGroup):
    return (
        GroupContact.objects.filter(group=group, person__erased_at__isnull=True)
        .select_related("person", "person__organisation")
        .order_by("position", "id")
    )


def group_members(group: ThemeGroup):
    """Active members, coordinators first, with the person behind each log-in."""
    return (
        GroupMembership.objects.active()
        .filter(group=group)
        .select_related("user", "user__person", "user__person__organisation")
        .order_by("role", "user__name", "user__email")
    )


def group_requests(group: ThemeGroup):
    return (
        GroupMembership.objects.requested()
        .filter(group=group)
        .select_related("user", "user__person", "user__person__organisation")
        .order_by("created_at")
    )


def group_resources(group: ThemeGroup, *, members_only: bool):
    """Resources a viewer sees: ``members_only`` True includes the members-only ones."""
    qs = GroupResource.objects.filter(group=group)
    if not members_only:
        qs = qs.filter(members_only=False)
    return qs.order_by("title", "id")


def suggestion_list(group: ThemeGroup, *, user=None, status: str | None = None):
    """Suggestions sorted by support (most first), then the oldest first."""
    qs = (
        TopicSuggestion.objects.filter(group=group)
        .select_related("author", "decided_by")
        .annotate(support_count=Count("supports", distinct=True))
    )
    if status:
        qs = qs.filter(status=status)
    if user is not None and user.is_authenticated:
        qs = qs.annotate(
            supported_by_me=Exists(
                SuggestionSupport.objects.filter(suggestion=OuterRef("pk"), user=user)
            )
        )
    return qs.order_by("-support_count", "created_at", "id")


def viewer_membership(group: ThemeGroup, user) -> GroupMembership | None:
    if not user.is_authenticated:
        return None
    return GroupMembership.objects.filter(group=group, user=user).first()


def is_following(group: ThemeGroup, user) -> bool:
    return user.is_authenticated and GroupFollow.objects.filter(group=group, user=user).exists()


# The events app owns meetings (``Event.theme_group``) and who may see them (its audience
# rules, e.g. members-only meetings); it registers how to find them (``EventsConfig.ready``),
# so this app imports nothing of it. Without that app there are no meetings.
_meetings_source = None


def register_meetings(source) -> None:
    """``source(group, user)`` returns ``{"upcoming": [...], "past": [...]}``."""
    global _meetings_source
    _meetings_source = source


def meetings_for(group: ThemeGroup, user) -> dict:
    """The group's upcoming and past meetings for this viewer."""
    if _meetings_source is None:
        return {"upcoming": [], "past": []}
    return _meetings_source(group, user)


def membership_of_group(group: ThemeGroup, pk: int) -> GroupMembership | None:
    return (
        GroupMembership.objects.select_related("user", "group").filter(pk=pk, group=group).first()
    )


def resource_of_group(group: ThemeGroup, pk: int) -> GroupResource | None:
    return GroupResource.objects.select_related("group").filter(pk=pk, group=group).first()


def suggestion_of_group(group: ThemeGroup, pk: int) -> TopicSuggestion | None:
    return (
        TopicSuggestion.objects.select_related("group", "author").filter(pk=pk, group=group).first()
    )


def resource_content_type(resource: GroupResource) -> str:
    return mimetypes.guess_type(resource.filename)[0] or "application/octet-stream"


def coordinator_emails(group: ThemeGroup) -> list[tuple[str, str]]:
    """(e-mail, language) of the group's coordinators."""
    return list(
        GroupMembership.objects.coordinators()
        .filter(group=group)
        .values_list("user__email", "user__language")
    )


# The news desk lists a group's articles on its page; it sits above this app and registers
# how to find them (``NewsConfig.ready``). Without that app the section is not shown.
_news_source = None


def register_group_news(source) -> None:
    """``source(group)`` returns the HTML of the group's news section ("" for none)."""
    global _news_source
    _news_source = source


def news_for(group: ThemeGroup) -> str:
    """The HTML of the group's news section, "" when there is none or no news app."""
    if _news_source is None:
        return ""
    return _news_source(group)


_feeds_source = None


def register_group_feeds(source) -> None:
    """``source(group)`` returns the group's feeds, ``[{"type", "title", "url"}]``, which
    its page announces in its head (``<link rel="alternate">``)."""
    global _feeds_source
    _feeds_source = source


def feeds_for(group: ThemeGroup) -> list[dict]:
    if _feeds_source is None:
        return []
    return _feeds_source(group)


# An app that creates groups (decisions: "created by the members' decision of <date>")
# registers how to tell where a group came from (``DecisionsConfig.ready``), so this app
# imports nothing of it.
_origin_sources: list = []


def register_origin(source) -> None:
    """``source(group)`` returns ``{"text": ..., "url": ...}`` or ``None``."""
    if source not in _origin_sources:
        _origin_sources.append(source)


def group_origin(group: ThemeGroup) -> dict | None:
    """Where the group came from, as the first registered source knows it."""
    for source in _origin_sources:
        origin = source(group)
        if origin:
            return origin
    return None


# --- My page (registered in apps.py) ---------------------------------------------------------


def dashboard_groups(user, network) -> dict | None:
    """The user's groups and pending requests, the groups followed, and for those who run
    groups the number of requests to join waiting for them."""
    if network is None:
        return None
    from samskab.networks.predicates import staff_network_ids

    memberships = list(
        GroupMembership.objects.filter(user=user, group__network=network)
        .select_related("group")
        .order_by("group__name")
    )
    followed = list(followed_groups(user=user, network=network))
    managed = Q(group__network=network)
    if not user.is_superuser and network.pk not in staff_network_ids(user):
        managed &= Q(
            group__memberships__user=user,
            group__memberships__role=GroupMembership.Role.COORDINATOR,
            group__memberships__status=GroupMembership.Status.ACTIVE,
        )
    waiting = GroupMembership.objects.requested().filter(managed).values("group").distinct()
    waiting_groups = list(ThemeGroup.objects.filter(pk__in=waiting).order_by("name"))
    return {
        "key": "groups",
        "template": "groups/_dashboard.html",
        "active": [m for m in memberships if m.status == GroupMembership.Status.ACTIVE],
        "requested": [m for m in memberships if m.status == GroupMembership.Status.REQUESTED],
        "followed": followed,
        "waiting_groups": waiting_groups,
    }


def organisation_groups(organisation, network, user) -> dict | None:
    """A section of the organisation's page: the network's theme groups its people are
    active members of, by name, with how many of its people take part."""
    if network is None:
        return None
    groups = list(
        ThemeGroup.objects.filter(network=network)
        .annotate(
            organisation_members=Count(
                "memberships",
                filter=Q(
                    memberships__status=GroupMembership.Status.ACTIVE,
                    memberships__user__person__organisation=organisation,
                ),
                distinct=True,
            )
        )
        .filter(organisation_members__gt=0)
        .order_by("name")
    )
    return {"key": "groups", "template": "groups/_organisation.html", "groups": groups}
