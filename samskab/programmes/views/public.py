"""The pages everyone reads: the programmes, a programme, an edition with its call."""

from django.shortcuts import render

from samskab.core.guards import guard

from .. import selectors
from ..forms import StartForm
from .getters import edition_of_network, programme_of_network


@guard(None)
def programme_list(request, network):
    return render(
        request,
        "programmes/programme_list.html",
        {"programmes": selectors.programme_list(network=network)},
    )


@guard(None, get=programme_of_network)
def programme_detail(request, programme):
    editions = programme.editions.select_related("call").order_by("-year")
    return render(
        request,
        "programmes/programme_detail.html",
        {
            "programme": programme,
            "editions": editions,
            "news_section": selectors.news_for(programme),
        },
    )


@guard(None, get=edition_of_network)
def edition_detail(request, edition):
    call = selectors.call_of(edition)
    tracks = list(edition.tracks.all())
    sessions = selectors.sessions_of(edition)
    context = {
        "tracks": tracks,
        "sessions": sessions,
        "session_rows": selectors.session_table(edition, tracks, sessions),
        "edition": edition,
        "programme": edition.programme,
        "call": call,
        "participants": selectors.participants(edition),
    }
    if call is not None:
        status = selectors.apply_status(request.user, call)
        context["status"] = status
        context["definition"] = call.form.current().definition
        context["start_form"] = StartForm(organisations=status["organisations"])
    return render(request, "programmes/edition_detail.html", context)
