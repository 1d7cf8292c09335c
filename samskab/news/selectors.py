"""Reads for the news desk, each at a fixed number of queries."""

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from samskab.core import versions
from samskab.networks.predicates import staff_network_ids
from samskab.programmes.models import Programme

from .models import Article, Page, Tag
from .predicates import coordinated_group_ids


def visible_articles(*, network) -> QuerySet:
    return Article.objects.visible().filter(network=network)


def article_list(
    *,
    network,
    language: str,
    tag: Tag | None = None,
    year: int | None = None,
    group=None,
    programme=None,
) -> QuerySet:
    """The network's public articles for readers of ``language``, newest first: those in
    the language and, marked with their own language, those without a version in it."""
    visible = visible_articles(network=network)
    in_language = visible.filter(translation_key=OuterRef("translation_key"), language=language)
    qs = visible.filter(Q(language=language) | ~Exists(in_language))
    if tag is not None:
        qs = qs.filter(tags=tag)
    if year is not None:
        qs = qs.filter(published_at__year=year)
    if group is not None:
        qs = qs.filter(theme_groups=group)
    if programme is not None:
        qs = qs.filter(programmes=programme)
    return (
        qs.select_related("author")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
        .order_by("-published_at", "-id")
    )


def article_years(*, network) -> list[int]:
    dates = visible_articles(network=network).dates("published_at", "year", order="DESC")
    return [d.year for d in dates]


def editor_articles(*, network, user) -> QuerySet:
    """Drafts and scheduled articles this editor may change (a coordinator: their groups')."""
    now = timezone.now()
    qs = Article.objects.filter(network=network)
    if not (user.is_superuser or network.id in staff_network_ids(user)):
        qs = qs.filter(theme_groups__in=coordinated_group_ids(user)).distinct()
    return (
        qs.filter(Q(status=Article.Status.DRAFT) | Q(published_at__gt=now))
        .select_related("author")
        .order_by("-updated_at")
    )


def article_for_page(*, network, slug: str, language: str) -> Article | None:
    """The article at /<language>/news/<slug>/ with its tags, links and versions."""
    return (
        Article.objects.filter(network=network, slug=slug, language=language)
        .select_related("author", "network")
        .prefetch_related(
            Prefetch("tags", queryset=Tag.objects.order_by("name")),
            "theme_groups",
            "events",
            "cases",
            "programmes",
        )
        .first()
    )


def article_for_image(*, network, slug: str, language: str) -> Article | None:
    return (
        Article.objects.filter(network=network, slug=slug, language=language)
        .only("id", "network_id", "slug", "language", "status", "published_at", "image_sizes")
        .first()
    )


def article_versions(article: Article, *, include_hidden: bool = False) -> list[Article]:
    """The article's versions in the other languages (one query)."""
    qs = Article.objects.filter(translation_key=article.translation_key).exclude(pk=article.pk)
    if not include_hidden:
        qs = qs.visible()
    return list(qs.only("id", "slug", "language", "title", "status", "published_at"))


def article_in_other_language(*, network, slug: str) -> Article | None:
    return Article.objects.filter(network=network, slug=slug).order_by("id").first()


def next_publication():
    """When the next scheduled article comes out (for the page cache)."""
    return (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )


def group_news(group) -> str:
    """The news section of a theme group's page (registered with the groups app): its
    newest public articles for readers of the current language (one version of each)."""
    articles = list(
        article_list(network=group.network_id, language=get_language() or "da", group=group)[:5]
    )
    return render_to_string(
        "news/partials/_group_news.html", {"articles": articles, "group": group}
    )


def programme_of_network(*, network, slug: str):
    """The network's programme with this slug, or ``None`` (the list's and API's filter)."""
    return Programme.objects.filter(network=network, slug=slug[:120]).first()


def programme_news(programme) -> str:
    """The news section of a programme's page (registered with the programmes app): its
    newest public articles, for readers of the current language."""
    articles = list(
        article_list(
            network=programme.network_id, language=get_language() or "da", programme=programme
        )[:5]
    )
    return render_to_string(
        "news/partials/_programme_news.html", {"articles": articles, "programme": programme}
    )


def feed_links(*, tag: Tag | None = None, group=None) -> list[dict]:
    """The RSS and Atom feeds of a tag's or a theme group's news, for the page's head."""
    if tag is not None:
        name, kwargs, prefix = tag.name, {"slug": tag.slug}, "news:tag_"
    elif group is not None:
        name, kwargs, prefix = group.name, {"slug": group.slug}, "news:group_"
    else:
        return []
    return [
        {
            "type": "application/rss+xml",
            "title": name,
            "url": reverse(prefix + "rss", kwargs=kwargs),
        },
        {
            "type": "application/atom+xml",
            "title": f"{name} (Atom)",
            "url": reverse(prefix + "atom", kwargs=kwargs),
        },
    ]


def group_feeds(group) -> list[dict]:
    """A theme group's feeds, for its page's head (registered with the groups app)."""
    return feed_links(group=group)


# --- static pages ---------------------------------------------------------------------------
MENU_VERSION_KEY = "news:menu"  # bumped by the page services


def page_of_network(*, network, slug: str) -> Page | None:
    return Page.objects.filter(network=network, slug=slug).select_related("network").first()


def page_list(*, network) -> QuerySet:
    """Every page of the network, for its secretariat (menu pages first, in menu order)."""
    return (
        Page.objects.filter(network=network)
        .select_related("updated_by")
        .order_by("menu_position", "slug")
    )


def menu_pages(*, network, language: str) -> list[dict]:
    """The published pages in the main menu, in order: ``{url, title, language}`` each.
    Kept in the cache until a page changes (one query per network and language)."""
    if network is None:
        return []
    key = f"news:menu:{network.pk}:{language}:{versions.current(MENU_VERSION_KEY)}"
    items = cache.get(key)
    if items is None:
        items = []
        pages = Page.objects.filter(
            network=network, published=True, menu_position__isnull=False
        ).order_by("menu_position", "slug")
        for page in pages:
            text = page.text(language, network.default_language)
            items.append(
                {
                    "url": page.get_absolute_url(),
                    "title": text["title"],
                    "language": text["language"],
                }
            )
        cache.set(key, items, 24 * 3600)
    return items
