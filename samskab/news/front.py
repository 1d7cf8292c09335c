"""The front page's picture of a network's life: latest news, upcoming events, the newest
cases and the theme groups. Registered with the networks app (``NewsConfig.ready``)."""

from django.template.loader import render_to_string
from django.utils.translation import get_language

from samskab.cases.models import Case
from samskab.events.selectors import upcoming_events
from samskab.groups.selectors import group_list

from .selectors import article_list


def front_section(request) -> str:
    network = request.network
    context = {
        "articles": list(article_list(network=network, language=get_language() or "da")[:4]),
        # Anonymous readers share the cached front page: only what everyone may see.
        "events": list(upcoming_events(network=network)[:4]),
        "cases": list(
            Case.objects.published()
            .filter(network=network)
            .select_related("organisation")
            .order_by("-published_at", "-id")[:4]
        ),
        "groups": list(group_list(network=network)),
    }
    return render_to_string("news/partials/_front.html", context, request=request)
