import datetime

from django.utils.translation import get_language
from ninja import Router, Schema

from samskab.core.api import page_link
from samskab.core.links import absolute
from samskab.core.params import MAX_PAGE, ApiInt

from . import selectors
from .views import MAX_QUERY_LENGTH, request_filters

router = Router(tags=["search"])


class HitOut(Schema):
    type: str
    type_label: str
    id: str
    url: str
    title: str
    title_html: str
    snippet_html: str
    language: str
    date: datetime.date | None
    score: float
    missing: list[str]  # the query's words this hit lacks (partial matches only)


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    key: str
    label: str
    values: list[FacetValueOut]


class SearchOut(Schema):
    query: str
    total: int
    capped: bool
    page: int
    num_pages: int
    next: str | None  # absolute URLs of the next and previous pages, null at either end
    previous: str | None
    suggestion: str | None
    message: str | None
    partial: bool  # no result holds every word; the hits hold most of them
    results: list[HitOut]
    facets: list[FacetOut]


@router.get("", response=SearchOut, summary="Search cases and other published content")
def search(request, q: str = "", page: ApiInt(1, MAX_PAGE) = 1, language: str | None = None):
    """The same results as the search page, as JSON. Facet filters go in the query string
    by key (``topic``, ``municipality``, ``year``, ``budget``, ``evaluated``, ``type``,
    ``network``); snippets are HTML with matches in ``<mark>``, everything else escaped."""
    results = selectors.search(
        query=q.strip()[:MAX_QUERY_LENGTH],
        network=getattr(request, "network", None),
        user=request.user,
        language=language or get_language(),
        filters=request_filters(request),
        page=page,
    )
    page_obj = results.page
    number = page_obj.number if page_obj else 1
    num_pages = page_obj.paginator.num_pages if page_obj else 1
    return {
        "query": results.query,
        "total": results.total,
        "capped": results.capped,
        "page": number,
        "num_pages": num_pages,
        "next": page_link(request, page=number + 1) if number < num_pages else None,
        "previous": page_link(request, page=number - 1) if number > 1 else None,
        "suggestion": results.suggestion,
        "message": results.message,
        "partial": results.partial,
        "results": [
            {
                "type": h.doc_type,
                "type_label": h.type_label,
                "id": h.object_id,
                "url": absolute(h.url, request=request),
                "title": h.title,
                "title_html": str(h.title_html),
                "snippet_html": str(h.snippet_html),
                "language": h.language,
                "date": h.date,
                "score": h.score,
                "missing": h.missing,
            }
            for h in results.hits
        ],
        "facets": [
            {"key": f.key, "label": f.label, "values": [vars(v) for v in f.values]}
            for f in results.facets
        ],
    }
