"""Read API: GET /api/v1/news (paginated, per language) and /api/v1/news/{slug}. Only
what every reader may see: published articles past their time."""

from django.http import Http404
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from samskab.core.api import LazyPage, PageNumberPagination
from samskab.core.richtext import render_markdown

from . import selectors
from .models import LANGUAGES

router = Router(tags=["news"])
CODES = {code for code, _name in LANGUAGES}


class NewsQuery(Schema):
    language: str = ""
    tag: str = ""
    programme: str = ""


class Version(Schema):
    language: str
    slug: str
    url: str


class ArticleOut(Schema):
    slug: str
    url: str
    language: str
    title: str
    lead: str
    body: str
    body_html: str
    published: str
    updated: str | None
    tags: list[str]
    theme_groups: list[str]
    programmes: list[str]


class ArticleDetailOut(ArticleOut):
    versions: list[Version]


def _language(request, value: str) -> str:
    if value in CODES:
        return value
    network = getattr(request, "network", None)
    return network.default_language if network else "da"


def _out(request, article) -> dict:
    return {
        "slug": article.slug,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "language": article.language,
        "title": article.title,
        "lead": article.lead,
        "body": article.body,
        "body_html": str(render_markdown(article.body)),
        "published": article.published_at.isoformat(),
        "updated": article.revised_at.isoformat() if article.revised_at else None,
        "tags": [t.name for t in article.tags.all()],
        "theme_groups": [g.slug for g in article.theme_groups.all()],
        "programmes": [p.slug for p in article.programmes.all()],
    }


@router.get("", response=list[ArticleOut])
@paginate(PageNumberPagination, page_size=20)
def list_news(request, filters: Query[NewsQuery]):
    network = getattr(request, "network", None)
    if network is None:
        return []
    language = _language(request, filters.language)
    tag = None
    if filters.tag:
        from .models import Tag

        tag = Tag.objects.filter(network=network, language=language, slug=filters.tag).first()
        if tag is None:
            return []
    programme = None
    if filters.programme:
        programme = selectors.programme_of_network(network=network, slug=filters.programme)
        if programme is None:
            return []
    qs = selectors.article_list(network=network, language=language, tag=tag, programme=programme)
    return LazyPage(request, qs.prefetch_related("theme_groups", "programmes"), _out)


@router.get("/{slug}", response=ArticleDetailOut)
def get_article(request, slug: str, language: str = ""):
    network = getattr(request, "network", None)
    article = (
        selectors.article_for_page(
            network=network, slug=slug, language=_language(request, language)
        )
        if network is not None
        else None
    )
    if article is None or not article.is_visible:
        raise Http404("No published article with this slug.")
    data = _out(request, article)
    data["versions"] = [
        {
            "language": v.language,
            "slug": v.slug,
            "url": request.build_absolute_uri(v.get_absolute_url()),
        }
        for v in selectors.article_versions(article)
    ]
    return data
