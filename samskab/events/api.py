"""Public read API for events: open events only, public fields only (never the online link
or the practical details, whoever asks)."""

import datetime

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema
from ninja.pagination import paginate

from samskab.core.api import LimitOffsetPagination
from samskab.core.params import ApiId

from .calendar import event_page_url
from .selectors import visible_events

router = Router(tags=["events"])


class ThemeGroupOut(Schema):
    name: str
    slug: str


class EventOut(Schema):
    id: int
    network: str
    title: str
    description: str
    kind: str
    format: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    time_zone: str
    venue: str
    address: str
    audience: str
    capacity: int | None
    signup_opens_at: datetime.datetime | None
    signup_closes_at: datetime.datetime | None
    cancelled: bool
    theme_group: ThemeGroupOut | None
    url: str

    @staticmethod
    def resolve_network(obj):
        return obj.network.slug

    @staticmethod
    def resolve_time_zone(obj):
        return obj.network.time_zone

    @staticmethod
    def resolve_cancelled(obj):
        return obj.cancelled_at is not None

    @staticmethod
    def resolve_venue(obj):
        return obj.venue if obj.is_on_site else ""

    @staticmethod
    def resolve_address(obj):
        return obj.address if obj.is_on_site else ""

    @staticmethod
    def resolve_url(obj, context):
        return event_page_url(obj, context["request"])


def _public_events(request):
    # Never the caller's own view: the API shows what everyone may see.
    network = getattr(request, "network", None)
    return visible_events(user=None, network=network)


@router.get("", response=list[EventOut])
@paginate(LimitOffsetPagination)
def list_events(request, past: bool = False, kind: str = "", theme_group: str = ""):
    """Upcoming events of the network (by host name), soonest first; ``past=true`` for
    past ones, latest first."""
    qs = _public_events(request)
    now = timezone.now()
    qs = (
        qs.filter(ends_at__lt=now).order_by("-starts_at", "-id")
        if past
        else qs.filter(ends_at__gte=now).order_by("starts_at", "id")
    )
    if kind:
        qs = qs.filter(kind=kind)
    if theme_group:
        qs = qs.filter(theme_group__slug=theme_group)
    return qs


@router.get("/{event_id}", response=EventOut)
def get_event(request, event_id: ApiId):
    return get_object_or_404(_public_events(request), pk=event_id)
