"""The secretariat's pages: programmes, editions (and the copy to next year) and calls."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samskab.core.forms import add_errors
from samskab.core.guards import guard

from .. import selectors, services
from ..forms import CallForm, EditionForm, ProgrammeForm
from .getters import edition_of_network, programme_of_network

ONLY_STAFF = gettext_lazy("Only the network's secretariat sets up programmes.")


@guard("programmes.add_programme", message=ONLY_STAFF)
def programme_create(request, network):
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            programme = services.programme_save(
                actor=request.user, network=network, data=form.cleaned_data
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The programme has been created."))
            return redirect(programme)
    return render(request, "programmes/programme_form.html", {"form": form, "programme": None})


@guard("programmes.change_programme", get=programme_of_network, message=ONLY_STAFF)
def programme_edit(request, programme):
    initial = {k: getattr(programme, k) for k in ProgrammeForm.base_fields}
    form = ProgrammeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.programme_save(
                actor=request.user,
                network=programme.network,
                programme=programme,
                data=form.cleaned_data,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The programme has been saved."))
            return redirect(programme)
    return render(request, "programmes/programme_form.html", {"form": form, "programme": programme})


def _edition_page(request, programme, edition):
    if edition is not None:
        initial = {
            k: getattr(edition, k)
            for k in (
                "year",
                "focus",
                "description",
                "timeline",
                "champion_target",
                "champion_max",
            )
        }
        initial["tracks"] = "\n".join(t.name for t in edition.tracks.all())
    else:
        initial = {"year": timezone.localdate().year + 1, "champion_target": 5, "champion_max": 8}
    form = EditionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        tracks = data.pop("tracks")
        confirm_remove = data.pop("confirm_remove", False)
        try:
            edition = services.edition_save(
                actor=request.user,
                programme=programme,
                data=data,
                tracks=tracks,
                edition=edition,
                confirm_remove=confirm_remove,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The edition has been saved."))
            return redirect(edition)
    return render(
        request,
        "programmes/edition_form.html",
        {"form": form, "programme": programme, "edition": edition},
    )


@guard("programmes.change_programme", get=programme_of_network, message=ONLY_STAFF)
def edition_create(request, programme):
    return _edition_page(request, programme, None)


@guard("programmes.change_edition", get=edition_of_network, message=ONLY_STAFF)
def edition_edit(request, edition):
    return _edition_page(request, edition.programme, edition)


@require_POST
@guard("programmes.change_edition", get=edition_of_network, message=ONLY_STAFF)
def edition_copy(request, edition):
    try:
        copy = services.edition_copy(actor=request.user, edition=edition)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(edition)
    messages.success(
        request,
        _("The edition has been copied to %(year)s. Adjust its texts, dates and form.")
        % {"year": copy.year},
    )
    return redirect("programmes:edition_edit", slug=copy.programme.slug, year=copy.year)


@guard("programmes.change_edition", get=edition_of_network, message=ONLY_STAFF)
def call_edit(request, edition):
    network = edition.programme.network
    call = selectors.call_of(edition)
    initial = {"eligibility": "country", "seats": 20}
    if call is not None:
        opens = timezone.localtime(call.opens_at)
        deadline = timezone.localtime(call.deadline_at)
        initial = {
            "opens_on": opens.date(),
            "deadline_on": deadline.date(),
            "deadline_time": deadline.time(),
            "seats": call.seats,
            "eligibility": call.eligibility,
            "listed_organisations": list(call.listed_organisations.all()),
            "text": call.text,
            "letter_accepted": call.letter_accepted,
            "letter_waiting": call.letter_waiting,
            "letter_rejected": call.letter_rejected,
            "reviewers": "\n".join(u.email for u in call.reviewers.all()),
            "criteria": "\n".join(
                f"{c.name}; {c.scale_min}; {c.scale_max}" for c in call.criteria.all()
            ),
        }
    form = CallForm(request.POST or None, initial=initial, network=network)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            call = services.call_save(
                actor=request.user,
                edition=edition,
                opens_on=data["opens_on"],
                deadline_on=data["deadline_on"],
                deadline_time=data["deadline_time"],
                seats=data["seats"],
                eligibility=data["eligibility"],
                text=data["text"],
                listed_organisations=data["listed_organisations"],
                letters={k: data[f"letter_{k}"] for k in ("accepted", "waiting", "rejected")},
                criteria=data["criteria"],
                reviewers=data["reviewers"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The call has been saved."))
            return redirect(edition)
    return render(
        request,
        "programmes/call_form.html",
        {"form": form, "edition": edition, "programme": edition.programme, "call": call},
    )
