"""Object getters for ``core.guards.guard``: each fetches within the current network and
raises ``Http404`` (or ``Moved`` for a renamed group's former address)."""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from samskab.core.guards import Moved, current_network

from .. import selectors
from ..models import ThemeGroup


def group_of_network(request, slug):
    """The group with this slug in the request's network. A renamed group's former slug
    moves the reader permanently to the same page under the current slug."""
    try:
        return selectors.group_by_slug(network=current_network(request), slug=slug)
    except selectors.GroupMoved as moved:
        match = request.resolver_match
        raise Moved(
            reverse(match.view_name, kwargs={**match.kwargs, "slug": moved.group.slug})
        ) from moved
    except ThemeGroup.DoesNotExist as exc:
        raise Http404(_("No such theme group.")) from exc


def resource_of_group(request, slug, pk):
    group = group_of_network(request, slug)
    resource = selectors.resource_of_group(group, pk)
    if resource is None:
        raise Http404(_("No such resource."))
    return resource


def suggestion_of_group(request, slug, pk):
    group = group_of_network(request, slug)
    suggestion = selectors.suggestion_of_group(group, pk)
    if suggestion is None:
        raise Http404(_("No such suggestion."))
    return suggestion


def back(request, group, default="groups:detail"):
    """Redirect to ``next`` when it is a page of this site, else to ``default``."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default, slug=group.slug)


def error_text(exc) -> str:
    return " ".join(exc.messages)
