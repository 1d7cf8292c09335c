"""iCalendar files: one event, or a feed of many. Built with the ``icalendar`` library.

Public calendars (feeds, the .ics anyone may download) never carry the online link or the
practical details; ``private=True`` (a confirmed participant's own file or e-mail) does.
Single-line values (titles, places, names) are put on one line whatever the database holds:
a line break there would end the property (or make ``icalendar`` refuse to write it).
"""

import datetime

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskab.core.links import absolute
from samskab.core.text import single_line

PRODID = "-//Samskab//Events//EN"


def absolute_url(path: str, request=None) -> str:
    return absolute(path, request=request)


def event_page_url(event, request=None) -> str:
    return absolute_url(reverse("events:detail", args=[event.pk]), request)


def _location(event, private: bool) -> str:
    parts = [p for p in (event.venue, event.address) if p] if event.is_on_site else []
    if event.is_online:
        if private and event.online_url:
            parts.append(event.online_url)
        else:
            parts.append(_("Online"))
    return single_line(", ".join(parts))


def vevent(event, *, private: bool = False, request=None) -> icalendar.Event:
    url = event_page_url(event, request)
    item = icalendar.Event()
    host = settings.SITE_URL.split("//")[-1].split("/")[0].split(":")[0] or "samskab"
    item.add("uid", f"event-{event.pk}@{host}")
    item.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    item.add("dtstart", event.starts_at.astimezone(datetime.UTC))
    item.add("dtend", event.ends_at.astimezone(datetime.UTC))
    item.add("summary", single_line(event.title))
    item.add("url", url)
    item.add("sequence", event.sequence)
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    location = _location(event, private)
    if location:
        item.add("location", location)
    lines = [event.description.strip()] if event.description.strip() else []
    if private:
        if event.is_online and event.online_url:
            lines.append(_("Online meeting link: %(url)s") % {"url": event.online_url})
        if event.practical_details.strip():
            lines.append(
                _("Practical details: %(details)s") % {"details": event.practical_details.strip()}
            )
    lines.append(_("Event page: %(url)s") % {"url": url})
    item.add("description", "\n\n".join(lines))
    if event.contact_email:
        organizer = icalendar.vCalAddress(f"mailto:{single_line(event.contact_email)}")
        if event.contact_name:
            organizer.params["cn"] = icalendar.vText(single_line(event.contact_name))
        item.add("organizer", organizer)
    return item


def calendar(events, *, name: str, private: bool = False, request=None) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", single_line(name))
    for event in events:
        cal.add_component(vevent(event, private=private, request=request))
    return cal.to_ical()


def event_ics(event, *, private: bool = False, request=None, language: str | None = None) -> bytes:
    with translation.override(language or translation.get_language()):
        return calendar([event], name=event.title, private=private, request=request)
