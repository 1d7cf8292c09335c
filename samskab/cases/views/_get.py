"""The object getters the cases views give ``core.guards.guard``: every object is fetched
within the current network, by the one visibility rule (``Case.objects.readable_in_network``)
for readers, among the network's own cases for those who change them."""

from django.http import Http404

from samskab.core.guards import current_network

from .. import selectors


def network_or_none(request):
    """Pages that also work without a network (the list and the downloads: shared cases)."""
    return getattr(request, "network", None)


def readable_case(request, slug):
    case = selectors.case_in_network(network=network_or_none(request), user=request.user, slug=slug)
    if case is None:
        raise Http404
    return case


def page_case(request, slug):
    case = selectors.case_for_page(network=network_or_none(request), user=request.user, slug=slug)
    if case is None:
        raise Http404
    return case


def network_case(request, slug):
    """A case of the current network itself, whatever its status (its editors and staff
    act on it; the rule the guard checks decides who may)."""
    case = selectors.case_of_network(network=current_network(request), slug=slug)
    if case is None:
        raise Http404
    return case


def readable_comment(request, slug, pk):
    comment = selectors.comment_in_network(
        network=network_or_none(request), user=request.user, slug=slug, pk=pk
    )
    if comment is None:
        raise Http404
    return comment
