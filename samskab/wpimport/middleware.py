"""Old WordPress addresses keep working: ``/?p=123`` at once, any other address that this
site does not know (a 404) by a look-up in the imported old addresses; both answer with a
permanent redirect. Costs a query only for those two kinds of request."""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponsePermanentRedirect

from samskab.networks.middleware import network_for_host

from .addresses import ID_PARAMETERS, normalise_path
from .selectors import old_address_target

LANGUAGES = {code for code, _name in settings.LANGUAGES}


class OldAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def _target(self, request):
        try:
            network = getattr(request, "network", None) or network_for_host(request.get_host())
        except DisallowedHost:
            return None  # Django answers 400 for it further in
        if network is None:
            return None
        key = normalise_path(request.get_full_path())
        if not key:
            return None
        target = old_address_target(network=network, path=key)
        prefix, _sep, rest = key.lstrip("/").partition("/")
        if target is None and prefix in LANGUAGES and rest:
            # The language redirect got there first (/slug/ -> /da/slug/): try it without.
            target = old_address_target(network=network, path="/" + rest)
        return target

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and request.path == "/"
            and any(name in request.GET for name in ID_PARAMETERS)
        ):
            target = self._target(request)
            if target:
                return HttpResponsePermanentRedirect(target)
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            target = self._target(request)
            if target and target != request.path:
                return HttpResponsePermanentRedirect(target)
        return response
