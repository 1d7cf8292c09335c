"""Reads for consultations. Counts come only from ``consultation_tally``, which pages call
only when ``decisions.view_results`` allows (after the results are published)."""

from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _

from samskab.networks.models import Membership, Role

from .counting import Tally, tally
from .models import Ballot, BallotVersion, Consultation, Option, Proposal, Voter
from .predicates import CONTACT_KINDS, electorate_ids, voting_kinds, voting_organisation_ids


def consultation_list(*, network, include_drafts: bool = False):
    qs = Consultation.objects.filter(network=network).annotate(
        option_count=Count("options", distinct=True)
    )
    if not include_drafts:
        qs = qs.exclude(status=Consultation.Status.DRAFT)
    return qs.order_by("-voting_opens_at", "-id")


def consultation_by_slug(*, network, slug: str) -> Consultation:
    return (
        Consultation.objects.select_related("network")
        .prefetch_related(
            Prefetch("options", queryset=Option.objects.select_related("theme_group"))
        )
        .get(network=network, slug=slug)
    )


def consultation_tally(consultation: Consultation) -> Tally:
    option_ids = [o.pk for o in consultation.options.all()]
    ballots = [
        (b.abstain, [o.pk for o in b.options.all()])
        for b in Ballot.objects.filter(consultation=consultation).prefetch_related("options")
    ]
    return tally(option_ids, ballots, consultation.seats)


def result_rows(consultation: Consultation, result: Tally) -> list[dict]:
    options = {o.pk: o for o in consultation.options.all()}
    return [
        {
            "option": options[row.option_id],
            "count": row.count,
            "rank": row.rank,
            "outcome": row.outcome,
            "share": round(100 * row.count / result.ballots) if result.ballots else 0,
        }
        for row in result.rows
    ]


def turnout(consultation: Consultation) -> dict:
    """Who of the electorate has voted (never how)."""
    voters = list(Voter.objects.filter(consultation=consultation).select_related("organisation"))
    voted = set(
        Ballot.objects.filter(consultation=consultation).values_list("organisation_id", flat=True)
    )
    rows = [{"organisation": v.organisation, "voted": v.organisation_id in voted} for v in voters]
    return {
        "rows": rows,
        "electorate": len(rows),
        "voted": sum(1 for r in rows if r["voted"]),
    }


def open_ballots(consultation: Consultation) -> list[Ballot]:
    """How each municipality voted, for open-ballot consultations after the results."""
    return list(
        Ballot.objects.filter(consultation=consultation)
        .select_related("organisation")
        .prefetch_related("options")
        .order_by("organisation__name")
    )


def my_ballots(user, consultation: Consultation) -> list[dict]:
    """The municipalities this user votes for, each with its ballot and its history."""
    ids = voting_organisation_ids(user, consultation)
    if not ids:
        return []
    voters = Voter.objects.filter(consultation=consultation, organisation_id__in=ids)
    ballots = {
        b.organisation_id: b
        for b in Ballot.objects.filter(consultation=consultation, organisation_id__in=ids)
        .select_related("changed_by")
        .prefetch_related(
            "options", Prefetch("versions", queryset=BallotVersion.objects.order_by("-number"))
        )
    }
    return [
        {"organisation": v.organisation, "ballot": ballots.get(v.organisation_id)}
        for v in voters.select_related("organisation")
    ]


def proposals(consultation: Consultation, *, user=None, all_of_them=False):
    qs = Proposal.objects.filter(consultation=consultation).select_related("organisation")
    if not all_of_them:
        qs = qs.filter(author=user) if user is not None and user.is_authenticated else qs.none()
    return qs.order_by("created_at", "id")


def why_not_voting(user, consultation: Consultation) -> str:
    """Why this user cannot vote in this consultation, in words; "" when they can."""
    if not user.is_authenticated:
        return _("Log in to vote for your municipality.")
    if voting_organisation_ids(user, consultation):
        return "" if consultation.is_voting else _("Voting is not open.")
    roles = list(
        Role.objects.current()
        .filter(person__user=user, network=consultation.network, kind__in=CONTACT_KINDS)
        .select_related("organisation")
    )
    if not roles:
        return _(
            "Only the contacts of the network's member municipalities vote, one ballot per "
            "municipality. You are not registered as a contact of a member municipality."
        )
    electorate = electorate_ids(consultation)
    kinds = voting_kinds(consultation)
    for role in roles:
        if role.organisation_id in electorate and role.kind not in kinds:
            return _(
                "%(organisation)s votes through %(role)s in this consultation; you are its "
                "%(yours)s."
            ) % {
                "organisation": role.organisation,
                "role": consultation.get_voter_role_display(),
                "yours": role.get_kind_display(),
            }
    organisation = roles[0].organisation
    memberships = list(
        Membership.objects.filter(network=consultation.network, organisation=organisation)
    )
    if not consultation.opened_at:
        return _("Voting has not opened yet.")
    opened = consultation.opened_at.date()
    ended = [m for m in memberships if m.until is not None and m.until < opened]
    later = [m for m in memberships if m.since > opened]
    if later:
        return _(
            "%(organisation)s became a member after voting opened on %(date)s. The electorate "
            "is the member municipalities at that moment, so it does not vote this time."
        ) % {"organisation": organisation, "date": opened.strftime("%d.%m.%Y")}
    if ended:
        return _(
            "%(organisation)s is a former member of the network (its membership ended on "
            "%(date)s), so it does not vote."
        ) % {"organisation": organisation, "date": ended[-1].until.strftime("%d.%m.%Y")}
    return _(
        "%(organisation)s is not a member municipality of the network, so it does not vote."
    ) % {"organisation": organisation}


def group_origin(group) -> dict | None:
    """For the groups app: the decision a theme group was created by."""
    option = (
        Option.objects.filter(theme_group=group, consultation__status="published")
        .select_related("consultation")
        .first()
    )
    if option is None:
        return None
    consultation = option.consultation
    from django.utils import formats, timezone

    when = timezone.localtime(consultation.published_at).date()
    return {
        "text": _("Created by the members' decision of %(date)s")
        % {"date": formats.date_format(when, "DATE_FORMAT")},
        "url": consultation.get_absolute_url(),
    }
