"""sitemap.xml (every public page type, with hreflang alternates) and robots.txt."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from samskab.cases.models import Case
from samskab.events.models import Event
from samskab.groups.models import ThemeGroup

from .models import Article

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _in_languages(url_of) -> list[tuple[str, str]]:
    """A page whose address exists under every language prefix."""
    urls = []
    for code in LANGUAGE_CODES:
        with translation.override(code):
            urls.append((code, url_of()))
    return urls


def _group_url(group):
    return lambda: reverse("groups:detail", kwargs={"slug": group.slug})


def _entries(request, network):
    base = request.build_absolute_uri("/")[:-1]
    entries = []
    articles = list(
        Article.objects.visible()
        .filter(network=network)
        .only("slug", "language", "translation_key", "published_at", "revised_at")
    )
    by_key: dict = {}
    for article in articles:
        by_key.setdefault(article.translation_key, []).append(article)
    for article in articles:
        versions = [
            (v.language, base + v.get_absolute_url()) for v in by_key[article.translation_key]
        ]
        entries.append(
            {
                "loc": base + article.get_absolute_url(),
                "lastmod": article.revised_at or article.published_at,
                "alternates": versions if len(versions) > 1 else [],
            }
        )
    public = [
        *(c.get_absolute_url for c in Case.objects.published().filter(network=network)),
        *(
            e.get_absolute_url
            for e in Event.objects.filter(network=network, audience__in=Event.OPEN_AUDIENCES)
        ),
        *(_group_url(g) for g in ThemeGroup.objects.filter(network=network).only("slug")),
    ]
    for url_of in public:
        urls = [(code, base + url) for code, url in _in_languages(url_of)]
        for _code, url in urls:
            entries.append({"loc": url, "lastmod": None, "alternates": urls})
    with translation.override(network.default_language):
        for name in ("networks:home", "news:list", "networks:directory", "cases:list"):
            url = base + reverse(name)
            entries.append({"loc": url, "lastmod": None, "alternates": []})
    return entries


@require_GET
def sitemap(request):
    network = getattr(request, "network", None)
    entries = _entries(request, network) if network is not None else []
    return render(request, "news/sitemap.xml", {"entries": entries}, content_type="application/xml")


@require_GET
def robots(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: /{code}/admin/" for code in LANGUAGE_CODES),
        *(f"Disallow: /{code}/accounts/" for code in LANGUAGE_CODES),
        "",
        "Sitemap: " + request.build_absolute_uri(reverse("sitemap")),
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
