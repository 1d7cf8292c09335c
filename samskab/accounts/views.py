import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from samskab.core.pagination import paginate
from samskab.networks.models import Organisation

from . import services
from .forms import EraseForm, PersonForm, ProfileForm
from .models import Person


@login_required
def profile(request):
    person = services.person_for_user(request.user)
    roles = person.roles.select_related("network", "organisation").order_by("network__name")
    return render(request, "accounts/profile.html", {"person": person, "roles": roles})


@login_required
def profile_edit(request):
    person = services.person_for_user(request.user)
    asked_before = person.requested_organisation_id
    form = ProfileForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        person = services.person_update(actor=request.user, person=person, data=form.cleaned_data)
        messages.success(request, _("Your details have been saved."))
        if person.requested_organisation_id not in (None, asked_before):
            messages.info(
                request,
                _(
                    "Your request to join %(organisation)s has been sent. You are listed "
                    "among its people once its editors or the secretariat confirm it."
                )
                % {"organisation": person.requested_organisation.name},
            )
        return redirect("accounts:profile")
    return render(request, "accounts/profile_edit.html", {"form": form})


@login_required
@require_POST
def join_withdraw(request):
    person = services.person_for_user(request.user)
    try:
        services.person_join_withdraw(actor=request.user, person=person)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Your request to join the organisation is withdrawn."))
    return redirect("accounts:profile")


@login_required
@require_GET
def data_export(request):
    data = services.personal_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="samskab-my-data-{stamp}.json"'
    return response


@login_required
def erase(request):
    form = EraseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        services.user_erase(actor=user, user=user)
        logout(request)
        messages.success(request, _("Your account and your personal data have been erased."))
        return redirect("networks:home")
    return render(request, "accounts/erase.html", {"form": form})


def _organisation_or_403(request, slug) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("networks.change_organisation", organisation):
        raise PermissionDenied(
            _("Only the organisation's editors and the secretariat may manage its people.")
        )
    return organisation


@login_required
def organisation_people(request, slug):
    organisation = _organisation_or_403(request, slug)
    people = paginate(
        request,
        organisation.people.filter(erased_at__isnull=True).order_by("name"),
        per_page=50,
    )
    requests = (
        organisation.join_requests.filter(erased_at__isnull=True, user__isnull=False)
        .select_related("user")
        .order_by("requested_at", "pk")
    )
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data, organisation=organisation)
        person = services.person_create(actor=request.user, data=data)
        messages.success(request, _("%(name)s has been added.") % {"name": person.name})
        return redirect("accounts:organisation_people", slug=organisation.slug)
    return render(
        request,
        "accounts/organisation_people.html",
        {
            "organisation": organisation,
            "page_obj": people,
            "people": people,
            "join_requests": requests,
            "form": form,
        },
    )


@login_required
@require_POST
def join_request_decide(request, slug, pk):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("accounts.decide_join_request", organisation):
        raise PermissionDenied(
            _("Only the organisation's editors and the secretariat may confirm its people.")
        )
    person = get_object_or_404(
        Person, pk=pk, requested_organisation=organisation, erased_at__isnull=True
    )
    decision = request.POST.get("decision")
    if decision == "confirm":
        services.person_join_confirm(actor=request.user, person=person)
        messages.success(
            request,
            _("%(name)s is now listed among the organisation's people.") % {"name": person.name},
        )
    elif decision == "decline":
        services.person_join_decline(actor=request.user, person=person)
        messages.success(
            request, _("The request from %(name)s is declined.") % {"name": person.name}
        )
    else:
        return HttpResponseBadRequest(_("Choose whether to confirm or decline the request."))
    return redirect("accounts:organisation_people", slug=organisation.slug)


@login_required
def person_edit(request, pk):
    person = get_object_or_404(
        Person.objects.select_related("organisation"), pk=pk, erased_at__isnull=True
    )
    if person.user_id == request.user.id:
        return redirect("accounts:profile_edit")
    if not request.user.has_perm("accounts.change_person", person):
        raise PermissionDenied(_("You may not change this person's details."))
    # Editors change a person's details, not which organisation the person belongs to, and
    # never the person's consent.
    form = PersonForm(
        request.POST or None,
        instance=person,
        consent=request.user.has_perm("accounts.change_person_consent", person),
    )
    if request.method == "POST" and form.is_valid():
        services.person_update(actor=request.user, person=person, data=form.cleaned_data)
        messages.success(request, _("The details have been saved."))
        if person.organisation_id:
            return redirect("accounts:organisation_people", slug=person.organisation.slug)
        return redirect("accounts:profile")
    return render(request, "accounts/person_edit.html", {"form": form, "person": person})


@login_required
def person_erase(request, pk):
    person = get_object_or_404(
        Person.objects.select_related("organisation"), pk=pk, erased_at__isnull=True
    )
    if not request.user.has_perm("accounts.change_person", person) or person.user_id:
        # People with their own log-in erase themselves (or ask the secretariat in admin).
        raise PermissionDenied(_("You may not erase this person."))
    if request.method == "POST":
        with transaction.atomic():
            services.person_erase(actor=request.user, person=person)
        messages.success(request, _("The person's details have been erased."))
        if person.organisation_id:
            return redirect("accounts:organisation_people", slug=person.organisation.slug)
        return redirect("networks:home")
    return render(request, "accounts/person_erase.html", {"person": person})
