"""Public read API for consultations: public fields, the phase and its dates, the options;
counts only once the results are published (never while voting runs, whoever asks)."""

import datetime

from django.http import Http404
from ninja import Router, Schema
from ninja.pagination import paginate

from samskab.core.api import LimitOffsetPagination

from .models import Consultation
from .selectors import consultation_list, consultation_tally

router = Router(tags=["decisions"])


class OptionOut(Schema):
    id: int
    title: str
    description: str
    votes: int | None = None
    outcome: str | None = None


class RoundVotesOut(Schema):
    option: int
    votes: int


class RoundOut(Schema):
    """A round of a ranked-choice (instant-runoff) count."""

    number: int
    votes: list[RoundVotesOut]
    exhausted: int
    eliminated: list[int]
    chosen: int | None = None


class ConsultationOut(Schema):
    slug: str
    network: str
    title: str
    question: str
    background: str
    method: str
    k: int
    voter_role: str
    open_ballot: bool
    phase: str
    proposals_until: datetime.datetime | None
    voting_opens_at: datetime.datetime
    voting_closes_at: datetime.datetime
    results_published_at: datetime.datetime | None
    time_zone: str
    url: str

    @staticmethod
    def resolve_network(obj):
        return obj.network.slug

    @staticmethod
    def resolve_phase(obj):
        return obj.status

    @staticmethod
    def resolve_results_published_at(obj):
        return obj.published_at

    @staticmethod
    def resolve_time_zone(obj):
        return obj.network.time_zone

    @staticmethod
    def resolve_url(obj, context):
        return context["request"].build_absolute_uri(obj.get_absolute_url())


class ConsultationDetailOut(ConsultationOut):
    options: list[OptionOut]
    ballots: int | None = None
    rounds: list[RoundOut] | None = None

    @staticmethod
    def resolve_rounds(obj):
        if obj.status != Consultation.Status.PUBLISHED or not obj.is_ranked:
            return None
        return [
            {
                "number": r.number,
                "votes": [{"option": o, "votes": n} for o, n in r.counts.items()],
                "exhausted": r.exhausted,
                "eliminated": r.eliminated,
                "chosen": r.chosen,
            }
            for r in consultation_tally(obj).rounds
        ]

    @staticmethod
    def resolve_options(obj):
        published = obj.status == Consultation.Status.PUBLISHED
        rows = {}
        if published:
            rows = {r.option_id: r for r in consultation_tally(obj).rows}
        return [
            {
                "id": o.pk,
                "title": o.title,
                "description": o.description,
                "votes": rows[o.pk].count if published else None,
                "outcome": (rows[o.pk].outcome or "not chosen") if published else None,
            }
            for o in obj.options.all()
        ]

    @staticmethod
    def resolve_ballots(obj):
        if obj.status != Consultation.Status.PUBLISHED:
            return None
        return obj.ballots.count()


def _public(request):
    network = getattr(request, "network", None)
    if network is None:
        return Consultation.objects.none()
    return consultation_list(network=network).select_related("network")


@router.get("", response=list[ConsultationOut])
@paginate(LimitOffsetPagination)
def list_decisions(request):
    """The network's consultations (not drafts), latest first."""
    return _public(request)


@router.get("/{slug}", response=ConsultationDetailOut)
def get_decision(request, slug: str):
    consultation = _public(request).prefetch_related("options").filter(slug=slug).first()
    if consultation is None:
        raise Http404
    return consultation
