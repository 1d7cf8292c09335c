import zoneinfo

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from .models import Network

CACHE_KEY = "networks:host-map"


def host_map() -> dict:
    """Host name -> network id, plus the default network id under the key ``None``."""
    mapping = cache.get(CACHE_KEY)
    if mapping is None:
        mapping = {}
        for network in Network.objects.only("id", "slug", "hosts"):
            for host in network.host_list():
                mapping.setdefault(host, network.id)
            if network.slug == settings.DEFAULT_NETWORK:
                mapping[None] = network.id
        if None not in mapping:
            first = Network.objects.order_by("id").values_list("id", flat=True).first()
            mapping[None] = first
        cache.set(CACHE_KEY, mapping, 300)
    return mapping


def network_for_host(host: str) -> Network | None:
    mapping = host_map()
    network_id = mapping.get(host.lower().split(":")[0], mapping.get(None))
    if network_id is None:
        return None
    return Network.objects.filter(id=network_id).first()


def _asks_language(request) -> bool:
    return bool(request.headers.get("Accept-Language")) or (
        settings.LANGUAGE_COOKIE_NAME in request.COOKIES
    )


class NetworkMiddleware:
    """Sets ``request.network`` from the host name and activates its time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.network = network_for_host(request.get_host())
        if request.network is not None:
            timezone.activate(zoneinfo.ZoneInfo(request.network.time_zone))
            if request.path_info.startswith("/api/") and not _asks_language(request):
                # No language in the API's paths: a client that names none gets the
                # network's (its links and messages); Accept-Language or the cookie wins.
                translation.activate(request.network.default_language)
                request.LANGUAGE_CODE = translation.get_language()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
