"""The reader's pages: lists (all, per tag, per year, per theme group) and the article."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from samskab.core.guards import current_network, guard
from samskab.core.pagecache import public_page
from samskab.core.pagination import paginate
from samskab.core.params import MAX_ID, query_int
from samskab.groups.models import ThemeGroup
from samskab.programmes.models import Programme

from .. import selectors
from ..models import LANGUAGES, Tag

LANGUAGE_NAMES = dict(LANGUAGES)
# A version is named in its own language, as readers look for it ("English", "Dansk").
AUTONYMS = dict(settings.LANGUAGES)
PER_PAGE = 10


def _list_page(request, *, tag=None, year=None, heading=""):
    network = current_network(request)
    language = get_language() or network.default_language
    group_id = query_int(request, "group", min_value=1, max_value=MAX_ID, label=_("Theme group"))
    groups = list(ThemeGroup.objects.filter(network=network).order_by("name"))
    group = next((g for g in groups if g.pk == group_id), None)
    programmes = list(
        Programme.objects.filter(network=network).only("id", "slug", "name").order_by("name")
    )
    # ?programme=<slug>: compared with the network's programmes, never sent to the database;
    # an unknown one filters to nothing (a filter never shows more than asked for).
    wanted = request.GET.get("programme", "")
    programme = next((p for p in programmes if p.slug == wanted), None)
    articles = selectors.article_list(
        network=network,
        language=language,
        tag=tag,
        year=year,
        group=group,
        programme=programme,
    )
    if wanted and programme is None:
        articles = articles.none()
    page = paginate(request, articles, per_page=PER_PAGE)
    context = {
        "page_obj": page,
        "articles": page.object_list,
        "tag": tag,
        "year": year,
        "heading": heading or _("News"),
        "groups": groups,
        "group": group,
        "programmes": programmes,
        "programme": programme,
        "filtered": bool(tag or year or group or wanted),
        "feeds": selectors.feed_links(tag=tag, group=group),
        "years": selectors.article_years(network=network),
        "language": language,
        "can_write": request.user.has_perm("news.add_article", network),
    }
    return render(request, "news/article_list.html", context)


@require_GET
@public_page
def article_list(request):
    return _list_page(request)


@require_GET
@public_page
def tag_list(request, slug):
    network = current_network(request)
    tag = get_object_or_404(Tag, network=network, language=get_language(), slug=slug)
    return _list_page(request, tag=tag, heading=_("News tagged “%(tag)s”") % {"tag": tag.name})


@require_GET
@public_page
def year_list(request, year):
    if not 1900 <= year <= 2999:
        raise Http404
    return _list_page(request, year=year, heading=_("News from %(year)s") % {"year": year})


@require_GET
@public_page
def article_detail(request, slug):
    network = current_network(request)
    language = get_language()
    article = selectors.article_for_page(network=network, slug=slug, language=language)
    if article is None:
        # An article lives under its own language's address, never as an alias elsewhere.
        # The language switcher leads here: to the version in this language if there is
        # one, else to the article under its own language.
        other = selectors.article_in_other_language(network=network, slug=slug)
        if other is not None and request.user.has_perm("news.view_article", other):
            for version in selectors.article_versions(other):
                if version.language == language:
                    return redirect(version.get_absolute_url())
            return redirect(other.get_absolute_url())
        raise Http404
    if not request.user.has_perm("news.view_article", article):
        raise Http404
    can_change = request.user.has_perm("news.change_article", article)
    versions = selectors.article_versions(article, include_hidden=can_change)
    context = {
        "article": article,
        "versions": [(AUTONYMS.get(v.language, v.language), v) for v in versions],
        "language_name": LANGUAGE_NAMES[article.language],
        "can_change": can_change,
        "missing_languages": [
            (code, name)
            for code, name in LANGUAGES
            if code != article.language and code not in {v.language for v in versions}
        ]
        if can_change
        else [],
    }
    return render(request, "news/article_detail.html", context)


def image_article(request, slug):
    network = current_network(request)
    article = selectors.article_for_image(network=network, slug=slug, language=get_language())
    if article is None:
        raise Http404
    return article


@require_GET
@guard("news.view_article", get=image_article, hidden=True, login=False)
def article_image(request, article, width):
    """One size of an article's main image, for whoever may read the article."""
    size = next((s for s in article.image_sizes if s["width"] == width), None)
    if size is None or not default_storage.exists(size["name"]):
        raise Http404
    response = FileResponse(default_storage.open(size["name"], "rb"), content_type="image/webp")
    response["X-Content-Type-Options"] = "nosniff"
    public = article.is_visible
    response["Cache-Control"] = "public, max-age=86400" if public else "private, no-store"
    return response
