"""The secretariat's pages: set up a consultation and its options, move it through its
phases, review proposals and turn the chosen options into theme groups."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samskab.core.forms import add_errors
from samskab.core.guards import guard

from .. import services
from ..forms import ConsultationForm, OptionForm
from .common import consultation_of_network, group_of_network, option_in, proposal_in

STAFF_MESSAGE = _("Only the network's secretariat sets up consultations.")
LOCKED_MESSAGE = _("The consultation can only be changed before voting opens.")
PHASES = {
    "proposals": (services.consultation_open_proposals, _("Proposals are open.")),
    "voting": (
        services.consultation_open_voting,
        _("Voting is open. Invitations are on their way."),
    ),
    "close": (services.consultation_close, _("Voting is closed.")),
    "publish": (services.consultation_publish, _("The results are published.")),
}


@require_http_methods(["GET", "POST"])
@guard("decisions.add_consultation", message=STAFF_MESSAGE)
def consultation_create(request, network):
    form = ConsultationForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = services.consultation_create(
                actor=request.user, network=network, data=form.cleaned_data
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The consultation is saved as a draft. Add its options."))
            return redirect("decisions:options", slug=consultation.slug)
    return render(request, "decisions/form.html", {"form": form, "consultation": None})


@require_http_methods(["GET", "POST"])
@guard(
    "decisions.draft_consultation",
    get=group_of_network,
    message=_("Only the theme group's members may prepare a consultation for it."),
)
def consultation_create_for_group(request, group):
    """A theme group's members prepare a draft; the secretariat opens it."""
    form = ConsultationForm(request.POST or None, network=group.network)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = services.consultation_create(
                actor=request.user,
                network=group.network,
                data=form.cleaned_data,
                theme_group=group,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(
                request,
                _(
                    "The draft is saved. Add its options; the secretariat opens the "
                    "consultation when it is ready."
                ),
            )
            return redirect("decisions:options", slug=consultation.slug)
    return render(
        request, "decisions/form.html", {"form": form, "consultation": None, "group": group}
    )


@require_http_methods(["GET", "POST"])
@guard("decisions.change_consultation", get=consultation_of_network, message=LOCKED_MESSAGE)
def consultation_edit(request, consultation):
    form = ConsultationForm(
        request.POST or None, instance=consultation, network=consultation.network
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.consultation_update(
                actor=request.user, consultation=consultation, data=form.cleaned_data
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The consultation is saved."))
            return redirect(consultation)
    return render(request, "decisions/form.html", {"form": form, "consultation": consultation})


@require_http_methods(["GET", "POST"])
@guard("decisions.change_consultation", get=consultation_of_network, message=LOCKED_MESSAGE)
def options_manage(request, consultation):
    form = OptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.option_save(actor=request.user, consultation=consultation, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The option is added."))
            return redirect("decisions:options", slug=consultation.slug)
    return render(
        request,
        "decisions/options.html",
        {"consultation": consultation, "options": consultation.options.all(), "form": form},
    )


@require_http_methods(["GET", "POST"])
@guard("decisions.change_consultation", get=consultation_of_network, message=LOCKED_MESSAGE)
def option_edit(request, consultation, pk):
    option = option_in(consultation, pk)
    form = OptionForm(request.POST or None, instance=option)
    if request.method == "POST" and form.is_valid():
        try:
            services.option_save(
                actor=request.user, consultation=consultation, option=option, **form.cleaned_data
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The option is saved."))
            return redirect("decisions:options", slug=consultation.slug)
    return render(
        request,
        "decisions/option_edit.html",
        {"consultation": consultation, "option": option, "form": form},
    )


@require_POST
@guard("decisions.change_consultation", get=consultation_of_network, message=LOCKED_MESSAGE)
def option_delete(request, consultation, pk):
    option = option_in(consultation, pk)
    slug = option.consultation.slug
    services.option_delete(actor=request.user, option=option)
    messages.success(request, _("The option is removed."))
    return redirect("decisions:options", slug=slug)


@require_POST
@guard("decisions.run_consultation", get=consultation_of_network, message=STAFF_MESSAGE)
def consultation_phase(request, consultation, phase):
    if phase not in PHASES:
        raise Http404
    service, done = PHASES[phase]
    try:
        service(actor=request.user, consultation=consultation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done)
    return redirect(consultation)


@require_POST
@guard(
    "decisions.review_proposal",
    get=consultation_of_network,
    message=_("Only the secretariat reviews proposals, before voting opens."),
)
def proposal_review(request, consultation, pk, action):
    proposal = proposal_in(consultation, pk)
    if action not in ("accept", "decline"):
        raise Http404
    try:
        services.proposal_review(actor=request.user, proposal=proposal, accept=action == "accept")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("The proposal is now an option.") if action == "accept" else _("Proposal declined."),
        )
    return redirect(proposal.consultation)


@require_POST
@guard(
    "decisions.create_groups",
    get=consultation_of_network,
    message=_("Theme groups are created from published results, by the secretariat."),
)
def groups_create(request, consultation):
    try:
        created = services.groups_create(actor=request.user, consultation=consultation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if created:
            messages.success(
                request,
                _("Theme groups created: %(names)s.")
                % {"names": ", ".join(g.name for g in created)},
            )
        else:
            messages.info(request, _("Every chosen option already has its theme group."))
    return redirect(consultation)
