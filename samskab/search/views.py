from django.shortcuts import render
from django.utils.translation import get_language, gettext_lazy

from samskab.core.params import page_number

from . import registry, selectors

MAX_QUERY_LENGTH = 500


def request_filters(request) -> dict[str, list[str]]:
    """The facet filters in the query string (``?topic=tobak&year=2024``)."""
    return {key: request.GET.getlist(key) for key in registry.FACETS if request.GET.getlist(key)}


def search(request):
    query = request.GET.get("q", "").strip()
    too_long = len(query) > MAX_QUERY_LENGTH
    results = selectors.search(
        query=query[:MAX_QUERY_LENGTH],
        network=request.network,
        user=request.user,
        language=get_language(),
        filters=request_filters(request),
        page=page_number(request),
    )
    context = {
        "query": query[:MAX_QUERY_LENGTH],
        "results": results,
        "page_obj": results.page,
        "too_long": too_long,
        "max_length": MAX_QUERY_LENGTH,
    }
    if request.htmx:
        return render(request, "search/partials/_results.html", context)
    return render(request, "search/search.html", context)


# The header's search box (core/templates/base.html) uses these labels; they are
# translated in this app's catalogue.
HEADER_LABELS = [gettext_lazy("Quick search"), gettext_lazy("Search")]
