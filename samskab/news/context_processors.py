"""The network's pages in the site's main menu (``base.html``)."""

import functools

from django.utils.translation import get_language

from .selectors import menu_pages


def menu(request):
    network = getattr(request, "network", None)
    # A callable: asked only by templates that show the menu, and then from the cache.
    return {"menu_pages": functools.partial(_menu, network)}


def _menu(network):
    return menu_pages(network=network, language=get_language() or "da")
