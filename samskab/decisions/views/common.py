from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from samskab.core.guards import current_network
from samskab.core.params import MAX_ID, parse_int

from .. import selectors
from ..models import Consultation, Option, Proposal


def consultation_of_network(request, slug):
    try:
        return selectors.consultation_by_slug(network=current_network(request), slug=slug)
    except Consultation.DoesNotExist as exc:
        raise Http404(_("No such consultation.")) from exc


def option_in(consultation, pk):
    pk = parse_int(str(pk), min_value=1, max_value=MAX_ID, label=_("option"))
    return get_object_or_404(
        Option.objects.select_related("consultation__network"), pk=pk, consultation=consultation
    )


def proposal_in(consultation, pk):
    pk = parse_int(str(pk), min_value=1, max_value=MAX_ID, label=_("proposal"))
    return get_object_or_404(
        Proposal.objects.select_related("consultation__network"), pk=pk, consultation=consultation
    )
