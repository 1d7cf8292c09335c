"""Public read API for programmes: programmes, editions and their calls (dates, seats, who
may apply). Applications, answers and decisions are never in it."""

import datetime

from django.http import Http404
from ninja import Router, Schema

from . import selectors

router = Router(tags=["programmes"])


class CallOut(Schema):
    opens_at: datetime.datetime
    deadline_at: datetime.datetime
    time_zone: str
    seats: int
    eligibility: str
    state: str


class EditionOut(Schema):
    year: int
    focus: str
    tracks: list[str]
    call: CallOut | None


class ProgrammeOut(Schema):
    slug: str
    name: str
    lead: str
    funder: str
    participation: str


class ProgrammeDetailOut(ProgrammeOut):
    purpose: str
    editions: list[EditionOut]


def _call(call, network):
    if call is None:
        return None
    return {
        "opens_at": call.opens_at,
        "deadline_at": call.deadline_at,
        "time_zone": network.time_zone,
        "seats": call.seats,
        "eligibility": call.eligibility,
        "state": call.state(),
    }


def _network(request):
    network = getattr(request, "network", None)
    if network is None:
        raise Http404
    return network


@router.get("", response=list[ProgrammeOut])
def list_programmes(request):
    """The network's programmes (by host name)."""
    return list(selectors.programme_list(network=_network(request)))


@router.get("/{slug}", response=ProgrammeDetailOut)
def get_programme(request, slug: str):
    network = _network(request)
    programme = selectors.programme_for_page(network=network, slug=slug)
    editions = []
    for edition in selectors.programme_list(network=network).get(pk=programme.pk).editions.all():
        editions.append(
            {
                "year": edition.year,
                "focus": edition.focus,
                "tracks": [t.name for t in edition.tracks.all()],
                "call": _call(getattr(edition, "call", None), network),
            }
        )
    return {
        "slug": programme.slug,
        "name": programme.name,
        "lead": programme.lead,
        "funder": programme.funder,
        "participation": programme.participation,
        "purpose": programme.purpose,
        "editions": editions,
    }
