"""A municipality's community champions (private to it and the secretariat) and the
secretariat's invitation of all champions to the network meetings and the conference."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samskab.core.forms import add_errors
from samskab.core.guards import guard

from .. import selectors, services
from ..forms import ChampionForm
from ..services.champions import CONSENT_TEXT
from .getters import application_of_network, champion_of_network, edition_of_network

ONLY_THEIRS = gettext_lazy("Only the municipality and the secretariat see its champions.")


@guard("programmes.manage_champions", get=application_of_network, message=ONLY_THEIRS, hidden=True)
def champion_list(request, application):
    form = ChampionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.champion_add(actor=request.user, application=application, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The champion has been recorded."))
            return redirect("programmes:champions", pk=application.pk)
    return render(
        request,
        "programmes/champions.html",
        {
            "application": application,
            "edition": application.call.edition,
            "form": form,
            "consent_text": CONSENT_TEXT,
            **selectors.champions_of(application),
        },
    )


@require_POST
@guard(
    "programmes.manage_champions",
    get=champion_of_network,
    on=lambda c: c.application,
    message=ONLY_THEIRS,
    hidden=True,
)
def champion_remove(request, champion):
    application_id = champion.application_id
    services.champion_remove(actor=request.user, champion=champion)
    messages.success(request, _("The champion has been removed."))
    return redirect("programmes:champions", pk=application_id)


@require_POST
@guard(
    "programmes.manage_sessions",
    get=edition_of_network,
    message=gettext_lazy("Only the secretariat invites champions."),
)
def edition_invite_champions(request, edition):
    counts = services.edition_invite_champions(actor=request.user, edition=edition)
    messages.success(
        request,
        _("%(invited)s invitations sent; %(already)s were signed up already.")
        % {"invited": counts["invited"], "already": counts["already"]},
    )
    return redirect(edition.get_absolute_url() + "#sessions")
