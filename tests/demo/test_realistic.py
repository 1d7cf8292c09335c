"""The demo data reads like real data (issue 20, point 16): e-mail addresses of plain
ASCII letters (æ, ø, å transliterated, no digits, no stray hyphens), meetings and the
conference on weekdays, and cases taken over from another municipality that do not all
open the same way."""

import datetime
import re
from unittest import mock

import pytest

from samskab.accounts.models import Person
from samskab.cases.models import Case
from samskab.demo import cases as cases_demo
from samskab.demo import events as events_demo
from samskab.demo import groups as groups_demo
from samskab.demo import networks as network_demo
from samskab.demo.addresses import address, ascii_part
from samskab.events.models import Event, Registration

pytestmark = pytest.mark.django_db

LOCAL = re.compile(r"^[a-z]+(?:-[a-z]+)*(?:\.[a-z]+(?:-[a-z]+)*)*$")


def plain(email):
    local, _, domain = email.partition("@")
    return bool(LOCAL.match(local)) and bool(re.match(r"^[a-z0-9.-]+$", domain))


def test_addresses_transliterate_names():
    assert address("Søren Ærøskøbing", "x.example") == "soeren.aeroeskoebing@x.example"
    assert address("Åse Bråten", "x.example") == "aase.braaten@x.example"
    assert address("Anne-Mette Sund-", "x.example") == "anne-mette.sund@x.example"
    assert ascii_part("Sønderborg Kommune") == "soenderborg-kommune"
    assert address("José Müller", "x.example") == "jose.mueller@x.example"


@pytest.mark.parametrize("today", [datetime.date(2026, 12, 4), datetime.date(2026, 12, 5)])
def test_demo_people_and_guests_have_plain_addresses_and_meet_on_weekdays(today):
    # Two days in a row (a Friday and a Saturday): the offsets land on other weekdays.
    def localdate(*args, **kwargs):
        return today

    network_demo.load()
    groups_demo.load()
    with mock.patch.object(events_demo.timezone, "localdate", localdate):
        events_demo.load()
    odd = [
        e for e in Person.objects.exclude(email="").values_list("email", flat=True) if not plain(e)
    ]
    assert not odd, odd[:10]
    guests = Registration.objects.filter(user__isnull=True).values_list("email", flat=True)
    assert guests and all(plain(e) for e in guests), [e for e in guests if not plain(e)]
    weekend = [
        (e.title, e.starts_at)
        for e in Event.objects.all()
        if e.starts_at.astimezone(datetime.UTC).weekday() >= 5
    ]
    assert not weekend, weekend
    assert Event.objects.filter(kind=Event.Kind.CONFERENCE).exists()


def test_derived_cases_open_in_varied_ways():
    network_demo.load()
    cases_demo.load()
    summaries = list(Case.objects.values_list("summary", flat=True))
    # What each opening says around the source and the summary, as a pattern.
    openings = {
        text: re.compile(
            re.escape(text)
            .replace(re.escape("{source}"), ".+")
            .replace(re.escape("{summary}"), ".+")
        )
        for texts in cases_demo.DERIVED_OPENINGS.values()
        for text in texts
    }
    used = {text for text, pattern in openings.items() for s in summaries if pattern.fullmatch(s)}
    derived = [s for s in summaries if any(p.fullmatch(s) for p in openings.values())]
    assert len(derived) >= 5
    assert len(used) >= 4, used
    inspired = [s for s in derived if s.startswith(("Inspireret af casen", "Inspirert av"))]
    assert len(inspired) < len(derived) / 2, inspired
