from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from samskab.core.guards import Moved, current_network
from samskab.core.params import MAX_ID, parse_int
from samskab.groups import selectors as group_selectors
from samskab.groups.models import ThemeGroup

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


def comment_of_consultation(request, slug, pk):
    """A comment on an option of the consultation with this slug (404 for another's)."""
    consultation = consultation_of_network(request, slug)
    pk = parse_int(str(pk), min_value=1, max_value=MAX_ID, label=_("comment"))
    comment = selectors.comment_in(consultation, pk)
    if comment is None:
        raise Http404(_("No such comment."))
    return comment


def group_of_network(request, group):
    """The theme group with this slug in the request's network (a former slug moves)."""
    try:
        return group_selectors.group_by_slug(network=current_network(request), slug=group)
    except group_selectors.GroupMoved as moved:
        raise Moved(reverse("decisions:create_for_group", args=[moved.group.slug])) from moved
    except ThemeGroup.DoesNotExist as exc:
        raise Http404(_("No such theme group.")) from exc
