"""Lists, the month calendar and the iCalendar feeds: what every reader sees."""

import calendar as pycalendar
import datetime

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.core.guards import guard
from samskab.core.pagination import paginate

from .. import calendar as ical
from .. import selectors
from .common import CLOSED, event_of_network, feed_owner, filters, group_of_network, ics_response

FEED_DAYS = 90


def _list(request, network, *, past: bool):
    chosen = filters(request, network)
    events = selectors.filtered_events(
        network=network,
        user=request.user,
        kind=chosen["kind"],
        theme_group_id=chosen["group_id"],
        form=chosen["form"],
        past=past,
    )
    page = paginate(request, events, per_page=20)
    context = {
        "page_obj": page,
        "events": page.object_list,
        "past": past,
        **chosen,
        "filtered": bool(chosen["kind"] or chosen["form"] or chosen["group_id"]),
        "can_add": request.user.has_perm("events.add_event", network),
    }
    if request.htmx:
        return render(request, "events/partials/_results.html", context)
    return render(request, "events/list.html", context)


@guard(None)
def event_list(request, network):
    return _list(request, network, past=False)


@guard(None)
def event_past(request, network):
    return _list(request, network, past=True)


def _weeks(events, *, year, month, first, nxt, today):
    by_day: dict[datetime.date, list] = {}
    for event in events:
        day = max(timezone.localtime(event.starts_at).date(), first)
        last = min(timezone.localtime(event.ends_at).date(), nxt - datetime.timedelta(days=1))
        while day <= last:
            by_day.setdefault(day, []).append(event)
            day += datetime.timedelta(days=1)
    return [
        [
            {
                "date": d,
                "in_month": d.month == month,
                "events": by_day.get(d, []),
                "today": d == today,
            }
            for d in week
        ]
        for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]


@guard(None)
def event_month(request, network, year=None, month=None):
    today = timezone.localdate()
    year, month = year or today.year, month or today.month
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404(_("No such month."))
    tz = timezone.get_current_timezone()
    first = datetime.date(year, month, 1)
    nxt = (first + datetime.timedelta(days=32)).replace(day=1)
    prev = (first - datetime.timedelta(days=1)).replace(day=1)
    chosen = filters(request, network)
    events = list(
        selectors.events_in_range(
            network=network,
            user=request.user,
            start=datetime.datetime.combine(first, datetime.time.min, tzinfo=tz),
            end=datetime.datetime.combine(nxt, datetime.time.min, tzinfo=tz),
            kind=chosen["kind"],
            theme_group_id=chosen["group_id"],
            form=chosen["form"],
        )
    )
    weeks = _weeks(events, year=year, month=month, first=first, nxt=nxt, today=today)
    context = {
        "weeks": weeks,
        "month": first,
        "prev": prev,
        "next": nxt,
        "events": events,
        "weekdays": [weeks[0][i]["date"] for i in range(7)],
        "can_add": request.user.has_perm("events.add_event", network),
        "query": ("?" + request.GET.urlencode()) if request.GET else "",
        **chosen,
    }
    return render(request, "events/month.html", context)


@guard(None)
def network_feed(request, network):
    """All upcoming and recent open events of the network (public fields only)."""
    since = timezone.now() - datetime.timedelta(days=FEED_DAYS)
    events = selectors.visible_events(user=None, network=network).filter(ends_at__gte=since)
    return ics_response(
        ical.calendar(events, name=network.name, request=request), f"{network.slug}.ics"
    )


@guard(None, get=group_of_network)
def group_feed(request, group):
    network = group.network
    since = timezone.now() - datetime.timedelta(days=FEED_DAYS)
    events = selectors.visible_events(user=None, network=network).filter(
        theme_group=group, ends_at__gte=since
    )
    return ics_response(
        ical.calendar(events, name=f"{group.name} – {network.name}", request=request),
        f"{group.slug}.ics",
    )


@guard(None, get=feed_owner)
def personal_feed(request, user):
    """A person's own sign-ups, by the secret in the URL. Public fields only: the link to
    each event's page leads to the online link after logging in."""
    events = selectors.personal_feed_events(user)
    return ics_response(
        ical.calendar(events, name=_("My events"), request=request), "my-events.ics"
    )


@guard("events.view_event", get=event_of_network, message=CLOSED)
def event_ics(request, event):
    mine = selectors.registration_for_user(event=event, user=request.user)
    private = bool(mine and mine.is_confirmed and not event.is_cancelled)
    return ics_response(
        ical.event_ics(event, private=private, request=request), f"event-{event.pk}.ics"
    )
