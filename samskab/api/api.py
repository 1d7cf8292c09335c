"""The public API at /api/v1/. Each app contributes a router from its own ``api.py``."""

from django.urls import reverse
from ninja import NinjaAPI, Schema
from ninja.errors import ValidationError

from samskab.cases.api import router as cases_router
from samskab.core.links import absolute
from samskab.decisions.api import router as decisions_router
from samskab.events.api import router as events_router
from samskab.networks.api import router as networks_router
from samskab.news.api import router as news_router
from samskab.programmes.api import router as programmes_router
from samskab.search.api import router as search_router

api = NinjaAPI(
    title="Samskab API",
    version="1",
    description="Read access to the networks' public data.",
    urls_namespace="api-v1",
)
api.add_router("/networks", networks_router)
api.add_router("/cases", cases_router)
api.add_router("/events", events_router)
api.add_router("/news", news_router)
api.add_router("/decisions", decisions_router)
api.add_router("/programmes", programmes_router)
api.add_router("/search", search_router)

# The index's resources: name, URL name, what it is (in English, like the OpenAPI text).
RESOURCES = [
    ("networks", "list_networks", "The networks on this site"),
    ("cases", "list_cases", "Published cases (page by page; the case list's filters)"),
    ("events", "list_events", "Public upcoming events (limit and offset)"),
    ("news", "list_news", "Published news articles (page by page, per language)"),
    ("decisions", "list_decisions", "Public consultations (limit and offset)"),
    ("programmes", "list_programmes", "The network's programmes"),
    ("search", "search", "Search published content (?q=)"),
]


class ResourceOut(Schema):
    name: str
    url: str
    description: str


class IndexOut(Schema):
    title: str
    version: str
    description: str
    network: str | None
    openapi: str
    docs: str
    resources: list[ResourceOut]


@api.get("", response=IndexOut, summary="What this API offers", url_name="index")
def index(request):
    """The API's entry point: every list resource, the OpenAPI schema and the docs, as
    absolute URLs (instead of a 404 at /api/v1/)."""
    network = getattr(request, "network", None)
    return {
        "title": api.title,
        "version": api.version,
        "description": api.description,
        "network": network.slug if network else None,
        "openapi": absolute(reverse("api-v1:openapi-json"), request=request),
        "docs": absolute(reverse("api-v1:openapi-view"), request=request),
        "resources": [
            {
                "name": name,
                "url": absolute(reverse(f"api-v1:{url_name}"), request=request),
                "description": description,
            }
            for name, url_name, description in RESOURCES
        ],
    }


@api.exception_handler(ValidationError)
def bad_parameters(request, exc):
    """A malformed parameter (a number out of bounds, …) is a 400 with the messages."""
    return api.create_response(request, {"detail": exc.errors}, status=400)
