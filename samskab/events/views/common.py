"""Object getters for ``core.guards.guard`` and small pieces the events views share."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskab.core import params
from samskab.core.guards import current_network
from samskab.groups.models import ThemeGroup

from ..models import CalendarToken, Event, Registration

CLOSED = gettext_lazy("This event is for a closed group of participants.")
ORGANISERS_ONLY = gettext_lazy("Only the event's organisers may do this.")


def event_of_network(request, pk) -> Event:
    """The event ``pk`` of the current network (404 otherwise)."""
    return get_object_or_404(
        Event.objects.select_related("network", "theme_group", "created_by"),
        pk=pk,
        network=current_network(request),
    )


def registration_of_network(request, pk, rid) -> Registration:
    """Registration ``rid`` of the event ``pk`` of the current network."""
    event = event_of_network(request, pk)
    registration = get_object_or_404(Registration, pk=rid, event=event)
    registration.event = event
    return registration


def group_of_network(request, slug) -> ThemeGroup:
    return get_object_or_404(ThemeGroup, network=current_network(request), slug=slug)


def feed_owner(request, token):
    """The user whose personal calendar address this is (404 for an unknown one)."""
    return get_object_or_404(CalendarToken.objects.select_related("user"), token=token).user


def filters(request, network) -> dict:
    kind = request.GET.get("kind", "")
    kind = kind if kind in Event.Kind.values else ""
    form = request.GET.get("form", "")
    form = form if form in ("online", "on_site") else ""
    group_id = params.query_int(
        request, "group", min_value=1, max_value=params.MAX_ID, label=_("Theme group")
    )
    return {
        "kind": kind,
        "form": form,
        "group_id": group_id,
        "groups": ThemeGroup.objects.filter(network=network).order_by("name"),
        "kinds": Event.Kind.choices,
    }


def ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def status_message(registration) -> str:
    if registration.status == Registration.Status.CONFIRMED:
        return _("You are signed up. Your confirmation code is %(code)s.") % {
            "code": registration.code
        }
    if registration.status == Registration.Status.WAITING:
        return _(
            "The event is full: you are on the waiting list. We write to you as soon "
            "as a place is free."
        )
    return _("Thank you. The organisers will approve your sign-up.")
