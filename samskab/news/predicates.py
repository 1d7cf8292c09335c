"""Predicates about a user and the news desk: ``network`` predicates take a Network,
``article`` predicates an Article."""

import rules

from samskab.groups.models import GroupMembership, ThemeGroup
from samskab.networks.predicates import staff_network_ids


def coordinated_group_ids(user) -> set[int]:
    """The theme groups this user coordinates (remembered on the user object)."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_samskab_news_coordinated", None)
    if cached is None:
        cached = user._samskab_news_coordinated = set(
            GroupMembership.objects.filter(
                user=user,
                role=GroupMembership.Role.COORDINATOR,
                status=GroupMembership.Status.ACTIVE,
            ).values_list("group_id", flat=True)
        )
    return cached


def coordinated_groups(user, network):
    return ThemeGroup.objects.filter(network=network, pk__in=coordinated_group_ids(user))


@rules.predicate
def is_network_news_staff(user, network):
    return network is not None and network.id in staff_network_ids(user)


@rules.predicate
def is_network_coordinator(user, network):
    """Coordinates a theme group of this network (and may write that group's news)."""
    return network is not None and coordinated_groups(user, network).exists()


@rules.predicate
def is_article_network_staff(user, article):
    return article is not None and article.network_id in staff_network_ids(user)


@rules.predicate
def is_article_group_coordinator(user, article):
    """Coordinates one of the theme groups the article belongs to."""
    if article is None or article.pk is None:
        return False
    ids = coordinated_group_ids(user)
    return bool(ids) and article.theme_groups.filter(pk__in=ids).exists()


@rules.predicate
def is_visible_article(user, article):
    return article is not None and article.is_visible


@rules.predicate
def is_page_network_staff(user, page):
    return page is not None and page.network_id in staff_network_ids(user)


@rules.predicate
def is_published_page(user, page):
    return page is not None and page.published
