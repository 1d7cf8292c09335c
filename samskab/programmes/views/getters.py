"""Object getters for the guards: everything is fetched within the current network."""

from samskab.core.guards import current_network

from .. import selectors


def programme_of_network(request, slug):
    return selectors.programme_for_page(network=current_network(request), slug=slug)


def edition_of_network(request, slug, year):
    return selectors.edition_for_page(network=current_network(request), slug=slug, year=year)


def call_of_network(request, slug, year):
    return selectors.call_for_page(network=current_network(request), slug=slug, year=year)


def application_of_network(request, pk):
    return selectors.application_for_page(network=current_network(request), pk=pk)


def session_of_edition(request, slug, year, pk):
    edition = edition_of_network(request, slug, year)
    return selectors.session_for_page(edition=edition, pk=pk)


def participant_of_network(request, pk, pid):
    application = application_of_network(request, pk)
    return selectors.participant_for_page(application=application, pk=pid)


def champion_of_network(request, pk, cid):
    application = application_of_network(request, pk)
    return selectors.champion_for_page(application=application, pk=cid)


def invitation_of_call(request, slug, year, pk):
    call = call_of_network(request, slug, year)
    return selectors.invitation_for_call(call=call, pk=pk)


def invitation_of_token(request, token):
    return selectors.invitation_for_token(network=current_network(request), token=token)
