"""The public API at /api/v1/. Each app contributes a router from its own ``api.py``."""

from ninja import NinjaAPI
from ninja.errors import ValidationError

from samskab.cases.api import router as cases_router
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


@api.exception_handler(ValidationError)
def bad_parameters(request, exc):
    """A malformed parameter (a number out of bounds, …) is a 400 with the messages."""
    return api.create_response(request, {"detail": exc.errors}, status=400)
