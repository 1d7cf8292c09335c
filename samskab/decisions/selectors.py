"""Reads for consultations. Counts come only from ``consultation_tally``, which pages call
only when ``decisions.view_results`` allows (after the results are published)."""

from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext as _

from samskab.groups.models import GroupMembership, ThemeGroup
from samskab.networks.models import Membership, Role

from .counting import Tally, tally
from .models import (
    Ballot,
    BallotVersion,
    Consultation,
    Option,
    OptionComment,
    OptionCommentReport,
    Proposal,
    Voter,
)
from .predicates import CONTACT_KINDS, electorate_ids, voting_kinds, voting_organisation_ids
from .runoff import ranked_tally


def consultation_list(*, network, include_drafts: bool = False, user=None):
    """The network's consultations; drafts for staff (``include_drafts``), and for a user
    the drafts their theme groups prepare."""
    qs = (
        Consultation.objects.filter(network=network)
        .select_related("theme_group")
        .annotate(option_count=Count("options", distinct=True))
    )
    if not include_drafts:
        visible = ~Q(status=Consultation.Status.DRAFT)
        groups = drafting_group_ids(user, network) if user is not None else set()
        if groups:
            visible |= Q(theme_group_id__in=groups)
        qs = qs.filter(visible)
    return qs.order_by("-voting_opens_at", "-id")


def drafting_group_ids(user, network) -> set[int]:
    """The theme groups of this network in which the user is an active member."""
    if not user.is_authenticated:
        return set()
    return set(
        GroupMembership.objects.filter(
            user=user, group__network=network, status=GroupMembership.Status.ACTIVE
        ).values_list("group_id", flat=True)
    )


def drafting_groups(user, network):
    """The theme groups for which the user may prepare a consultation."""
    return ThemeGroup.objects.filter(pk__in=drafting_group_ids(user, network)).order_by("name")


def consultation_by_slug(*, network, slug: str) -> Consultation:
    return (
        Consultation.objects.select_related("network", "theme_group")
        .prefetch_related(
            Prefetch("options", queryset=Option.objects.select_related("theme_group"))
        )
        .get(network=network, slug=slug)
    )


def consultation_tally(consultation: Consultation) -> Tally:
    option_ids = [o.pk for o in consultation.options.all()]
    if consultation.is_ranked:
        ballots = [
            (abstain, list(ranking))
            for abstain, ranking in Ballot.objects.filter(consultation=consultation)
            .order_by("pk")
            .values_list("abstain", "ranking")
        ]
        return ranked_tally(option_ids, ballots)
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


# --- comments on options ---------------------------------------------------------------


def option_comments(option: Option) -> list[OptionComment]:
    """The option's comments in order, with their authors and open reports counted."""
    return list(
        OptionComment.objects.filter(option=option)
        .select_related("author", "hidden_by")
        .annotate(open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True)))
    )


def comment_counts(consultation: Consultation) -> dict[int, int]:
    """Option id -> number of visible comments."""
    return dict(
        OptionComment.objects.filter(
            option__consultation=consultation, deleted_at__isnull=True, hidden_at__isnull=True
        )
        .values("option_id")
        .annotate(n=Count("id"))
        .values_list("option_id", "n")
    )


def reported_comments(consultation: Consultation) -> list[OptionComment]:
    """Comments with reports nobody has resolved yet, for the secretariat."""
    open_reports = OptionCommentReport.objects.filter(resolved_at__isnull=True)
    return list(
        OptionComment.objects.filter(option__consultation=consultation, reports__in=open_reports)
        .distinct()
        .select_related("author", "option")
        .annotate(open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True)))
    )


def comment_in(consultation: Consultation, pk: int) -> OptionComment | None:
    return (
        OptionComment.objects.select_related("option__consultation__network", "author")
        .filter(option__consultation=consultation, pk=pk)
        .first()
    )


# --- ranked choice: the rounds ----------------------------------------------------------


def _names(options, ids) -> str:
    return ", ".join(options[o].title for o in ids)


def round_note(rnd, options) -> str:
    """What happened in a round of the instant-runoff count, in words."""
    n, active = rnd.number, rnd.active
    if rnd.event == "empty":
        return _(
            "Round %(n)s: no ballot ranks an option still in the count; nothing is chosen."
        ) % {"n": n}
    if rnd.event == "majority":
        return _(
            "Round %(n)s: %(option)s has %(votes)s of %(active)s votes, more than half, and is "
            "chosen."
        ) % {
            "n": n,
            "option": options[rnd.chosen].title,
            "votes": rnd.counts[rnd.chosen],
            "active": active,
        }
    if rnd.event == "tie" and rnd.could_win:
        return _(
            "Round %(n)s: no option has more than half of the %(active)s votes. %(tied)s are "
            "tied for the fewest votes, and earlier rounds do not separate them. Which of them "
            "is eliminated first decides the outcome, so the count ends in a tie between "
            "%(could)s; the network decides between them."
        ) % {
            "n": n,
            "active": active,
            "tied": _names(options, rnd.tied_lowest),
            "could": _names(options, rnd.could_win),
        }
    if rnd.event == "tie":
        return _(
            "Round %(n)s: the options left, %(tied)s, have the same number of votes. The count "
            "ends in a tie; the network decides between them."
        ) % {"n": n, "tied": _names(options, rnd.tied_lowest)}
    out = _names(options, rnd.eliminated)
    text = _(
        "Round %(n)s: no option has more than half of the %(active)s votes; %(out)s, with the "
        "fewest votes, is eliminated and its ballots go to their next choice."
    )
    if rnd.tie_break == "backwards":
        text = _(
            "Round %(n)s: no option has more than half of the %(active)s votes. %(tied)s are "
            "tied for the fewest votes; %(out)s had fewer votes in round %(back)s and is "
            "eliminated."
        )
    elif rnd.tie_break == "together":
        text = _(
            "Round %(n)s: no option has more than half of the %(active)s votes. %(out)s are "
            "tied for the fewest votes and together have fewer than any other option, so they "
            "are eliminated together (the order could not change the outcome)."
        )
    elif rnd.tie_break == "same_outcome":
        text = _(
            "Round %(n)s: no option has more than half of the %(active)s votes. %(tied)s are "
            "tied for the fewest votes, and earlier rounds do not separate them. The outcome is "
            "the same whichever is eliminated first, so the count shows %(out)s eliminated."
        )
    return text % {
        "n": n,
        "active": active,
        "out": out,
        "back": rnd.back_round,
        "tied": _names(options, rnd.tied_lowest),
    }


def rounds_table(consultation: Consultation, result: Tally) -> dict | None:
    """The rounds of a ranked count as a table: a row per option (in the order of the
    results), a column per round, the exhausted ballots, and what each round decided."""
    if not result.rounds:
        return None
    options = {o.pk: o for o in consultation.options.all()}
    rows = []
    for row in result.rows:
        cells = []
        for rnd in result.rounds:
            if row.option_id not in rnd.counts:
                cells.append({"value": None})
            else:
                cells.append(
                    {
                        "value": rnd.counts[row.option_id],
                        "eliminated": row.option_id in rnd.eliminated,
                        "chosen": rnd.chosen == row.option_id,
                    }
                )
        rows.append({"option": options[row.option_id], "cells": cells})
    return {
        "numbers": [r.number for r in result.rounds],
        "rows": rows,
        "exhausted": [r.exhausted for r in result.rounds],
        "notes": [round_note(r, options) for r in result.rounds],
    }
