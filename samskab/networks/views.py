from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from samskab.core.guards import guard
from samskab.core.pagecache import public_page
from samskab.core.pagination import paginate
from samskab.core.params import MAX_ID, query_int

from . import selectors
from .models import Organisation


def network_or_none(request):
    """The request's network; the home page also answers an address without one."""
    return request.network


def organisation_of_network(request, slug) -> Organisation:
    try:
        return selectors.organisation_detail(slug=slug, network=request.network)
    except Organisation.DoesNotExist as exc:
        raise Http404(_("No such organisation.")) from exc


@public_page
@guard("networks.view_directory", get=network_or_none)
def home(request, network):
    members = selectors.members_of(network)
    context = {
        "member_count": members.count(),
        "municipality_count": members.municipalities().count(),
        "recent_members": members.select_related("region").order_by("-memberships__since")[:8],
        "sections": selectors.front_sections(request) if network else [],
    }
    return render(request, "networks/home.html", context)


@public_page
@guard("networks.view_directory")
def directory(request, network):
    query = request.GET.get("q", "").strip()[:100]
    region_id = query_int(request, "region", min_value=1, max_value=MAX_ID, label=_("Region"))
    memberships = selectors.member_directory(network=network, query=query, region_id=region_id)
    page = paginate(request, memberships, per_page=50)
    context = {
        "page_obj": page,
        "memberships": page.object_list,
        "query": query,
        "region_id": region_id,
        "regions": selectors.member_regions(network=network),
        "total": page.paginator.count,
    }
    if request.htmx:
        return render(request, "networks/partials/_directory_results.html", context)
    return render(request, "networks/directory.html", context)


@public_page
@guard("networks.view_directory", get=organisation_of_network)
def organisation_detail(request, organisation):
    sections = selectors.organisation_sections(
        organisation=organisation, network=request.network, user=request.user
    )
    return render(
        request,
        "networks/organisation_detail.html",
        {"organisation": organisation, "sections": sections},
    )
