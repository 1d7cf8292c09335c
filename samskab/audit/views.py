from django.shortcuts import render
from django.utils.translation import gettext_lazy

from samskab.core.guards import guard
from samskab.core.pagination import paginate

from . import selectors
from .forms import TrailFilterForm


@guard(
    "networks.view_audit",
    signed_in=True,
    message=gettext_lazy("Only the network's secretariat may see its audit trail."),
)
def trail(request, network):
    form = TrailFilterForm(
        request.GET or None,
        actors=selectors.actor_choices(network=network),
        object_types=selectors.object_type_choices(network=network),
    )
    filters = form.filters() if request.GET else {}
    page = paginate(request, selectors.entry_list(network=network, **filters), per_page=50)
    return render(
        request,
        "audit/trail.html",
        {
            "form": form,
            "page_obj": page,
            "rows": selectors.entries_for_page(page),
            "filtered": any(filters.values()),
        },
    )
