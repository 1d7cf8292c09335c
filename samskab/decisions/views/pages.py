"""The pages members and the public read: the list, a consultation (with its ballot, the
turnout and, once published, the results), proposing an option and the results' export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samskab.core.exports import csv_response, xlsx_response
from samskab.core.forms import add_errors
from samskab.core.guards import guard
from samskab.networks.models import Organisation

from .. import selectors, services
from ..forms import ProposalForm, ballot_form
from ..predicates import member_organisation_ids, voting_organisation_ids
from .common import consultation_of_network

VIEW_MESSAGE = _("This consultation is not public yet.")


@require_GET
@guard(None)
def consultation_list(request, network):
    include_drafts = request.user.has_perm("decisions.add_consultation", network)
    return render(
        request,
        "decisions/list.html",
        {
            "consultations": selectors.consultation_list(
                network=network, include_drafts=include_drafts, user=request.user
            ),
            "can_add": include_drafts,
            "drafting_groups": selectors.drafting_groups(request.user, network),
        },
    )


def _results(consultation):
    result = selectors.consultation_tally(consultation)
    return {
        "result": result,
        "rounds": selectors.rounds_table(consultation, result),
        "rows": selectors.result_rows(consultation, result),
        "tied_titles": [o.title for o in consultation.options.all() if o.pk in result.tied],
        # which municipalities voted (never how, unless open ballot) is part of the results
        "turnout": selectors.turnout(consultation),
    }


@require_GET
@guard("decisions.view_consultation", get=consultation_of_network, hidden=True)
def consultation_detail(request, consultation):
    user = request.user
    context = {
        "consultation": consultation,
        "options": list(consultation.options.all()),
        "can_vote": user.has_perm("decisions.vote", consultation),
        "why_not": "",
        "can_change": user.has_perm("decisions.change_consultation", consultation),
        "can_run": user.has_perm("decisions.run_consultation", consultation),
        "can_propose": user.has_perm("decisions.propose_option", consultation),
        "can_create_groups": user.has_perm("decisions.create_groups", consultation),
        "can_review": user.has_perm("decisions.review_proposal", consultation),
        "can_comment": user.has_perm("decisions.comment_option", consultation),
    }
    counts = selectors.comment_counts(consultation)
    for option in context["options"]:
        option.comment_count = counts.get(option.pk, 0)
    if consultation.status == consultation.Status.VOTING and not context["can_vote"]:
        context["why_not"] = selectors.why_not_voting(user, consultation)
    if context["can_vote"]:
        context["my_ballots"] = selectors.my_ballots(user, consultation)
    if user.has_perm("decisions.view_turnout", consultation) and consultation.opened_at:
        context["turnout"] = selectors.turnout(consultation)
    if user.has_perm("decisions.view_results", consultation):
        context |= _results(consultation)
        if consultation.open_ballot:
            context["open_ballots"] = selectors.open_ballots(consultation)
    if context["can_run"]:
        context["reported"] = selectors.reported_comments(consultation)
    if context["can_review"]:
        context["proposals"] = selectors.proposals(consultation, all_of_them=True)
    elif user.is_authenticated:
        context["proposals"] = selectors.proposals(consultation, user=user)
    return render(request, "decisions/detail.html", context)


@require_http_methods(["GET", "POST"])
@guard(
    "decisions.vote",
    get=consultation_of_network,
    message=_("Voting is closed, or you do not vote for a municipality in this consultation."),
)
def vote(request, consultation):
    ids = voting_organisation_ids(request.user, consultation)
    organisations = list(Organisation.objects.filter(pk__in=ids).order_by("name"))
    chosen = organisations[0]
    if len(organisations) > 1:
        wanted = request.POST.get("organisation") or request.GET.get("organisation")
        chosen = next((o for o in organisations if o.slug == wanted), organisations[0])
    ballot = next(
        (
            b["ballot"]
            for b in selectors.my_ballots(request.user, consultation)
            if b["organisation"].pk == chosen.pk
        ),
        None,
    )
    initial = {}
    if ballot is not None and consultation.is_ranked:
        initial = {"abstain": ballot.abstain}
        initial |= {f"rank_{pk}": str(i) for i, pk in enumerate(ballot.ranking, start=1)}
    elif ballot is not None:
        ids_now = [o.pk for o in ballot.options.all()]
        initial = {
            "abstain": ballot.abstain,
            "options": ids_now[0] if ids_now and consultation.method == "single" else ids_now,
        }
    form = ballot_form(request.POST or None, consultation=consultation, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.ballot_cast(
                actor=request.user,
                consultation=consultation,
                organisation=chosen,
                option_ids=form.option_ids(),
                abstain=form.cleaned_data["abstain"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("The ballot of %(organisation)s is saved. You may change it until the deadline.")
                % {"organisation": chosen},
            )
            return redirect(consultation.get_absolute_url() + "#my-ballot")
    return render(
        request,
        "decisions/vote.html",
        {
            "consultation": consultation,
            "form": form,
            "organisation": chosen,
            "organisations": organisations,
            "ballot": ballot,
        },
    )


@require_http_methods(["GET", "POST"])
@guard(
    "decisions.propose_option",
    get=consultation_of_network,
    message=_("Contacts of member municipalities propose options while proposals are open."),
)
def propose(request, consultation):
    organisations = Organisation.objects.filter(
        pk__in=member_organisation_ids(request.user, consultation)
    ).order_by("name")
    form = ProposalForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data.get("organisation") or organisations.first()
        try:
            services.proposal_create(
                actor=request.user,
                consultation=consultation,
                organisation=organisation,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Thank you. The secretariat will review your proposal."))
            return redirect(consultation)
    return render(request, "decisions/propose.html", {"consultation": consultation, "form": form})


@require_GET
@guard(
    "decisions.view_results",
    get=consultation_of_network,
    message=_("The results are not published yet."),
)
def results_export(request, consultation, fmt):
    result = selectors.consultation_tally(consultation)
    votes = _("First preferences") if consultation.is_ranked else _("Approvals")
    rows = [[_("Option"), votes, _("Rank"), _("Outcome")]]
    outcome = {"chosen": _("chosen"), "tied": _("tied"), "": ""}
    for row in selectors.result_rows(consultation, result):
        rows.append([row["option"].title, row["count"], row["rank"], outcome[row["outcome"]]])
    rounds = selectors.rounds_table(consultation, result)
    if rounds:
        rows.append([])
        rows.append([_("Option")] + [_("Round %(n)s") % {"n": n} for n in rounds["numbers"]])
        for row in rounds["rows"]:
            rows.append(
                [row["option"].title]
                + ["" if c["value"] is None else c["value"] for c in row["cells"]]
            )
        rows.append([_("Exhausted ballots")] + rounds["exhausted"])
        rows.extend([note] for note in rounds["notes"])
    turnout = selectors.turnout(consultation)
    rows.append([])
    rows.append([_("Municipalities in the electorate"), turnout["electorate"]])
    rows.append([_("Ballots"), result.ballots])
    rows.append([_("Abstentions"), result.abstentions])
    rows.append([])
    rows.append([_("Municipality"), _("Voted")])
    for r in turnout["rows"]:
        rows.append([r["organisation"].name, _("yes") if r["voted"] else _("no")])
    name = f"{consultation.slug}-results"
    if fmt == "xlsx":
        return xlsx_response(rows, filename=f"{name}.xlsx", sheet_title=_("Results"))
    return csv_response(rows, filename=f"{name}.csv")
