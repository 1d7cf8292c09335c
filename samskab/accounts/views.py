import json

from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from samskab.core.forms import add_errors
from samskab.core.guards import guard
from samskab.core.pagination import paginate
from samskab.networks.models import Organisation

from . import selectors, services
from .forms import EraseForm, PersonForm, ProfileForm
from .models import Person

# --- getters for the guard -------------------------------------------------------------------


def own_account(request):
    """The visitor's own log-in (anonymous visitors are refused and sent to log in)."""
    return request.user


def organisation_by_slug(request, slug) -> Organisation:
    # Organisations are national: one municipality is a member of several networks.
    return get_object_or_404(Organisation, slug=slug)


def person_by_pk(request, pk) -> Person:
    person = selectors.person_by_pk(pk)
    if person is None:
        raise Http404(_("No such person."))
    return person


def _own_person(user) -> Person:
    """The user's person; an unsaved one when the account has none yet (it is saved by the
    first change, ``services.person_create_for_user``)."""
    return selectors.person_of_user(user) or Person(
        user=user, name=user.name or user.email.split("@")[0], email=user.email
    )


# --- my page -----------------------------------------------------------------------------------


@never_cache  # per person: never stored in the shared page cache nor by a browser
@guard("accounts.manage_account", get=own_account)
def profile(request, user):
    person = _own_person(user)
    return render(
        request,
        "accounts/profile.html",
        {
            "person": person,
            "roles": selectors.person_roles(person),
            "sections": selectors.dashboard_sections(
                user=user, network=getattr(request, "network", None)
            ),
        },
    )


@guard("accounts.manage_account", get=own_account)
def profile_edit(request, user):
    person = _own_person(user)
    if request.method == "POST" and person.pk is None:
        person = services.person_create_for_user(actor=user, user=user)
    asked_before = person.requested_organisation_id
    form = ProfileForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_update(actor=user, person=person, data=form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
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


@guard("accounts.manage_account", get=own_account)
@require_POST
def join_withdraw(request, user):
    try:
        services.person_join_withdraw(actor=user, person=_own_person(user))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Your request to join the organisation is withdrawn."))
    return redirect("accounts:profile")


@guard("accounts.manage_account", get=own_account)
@require_GET
def data_export(request, user):
    data = selectors.personal_data_export(user=user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="samskab-my-data-{stamp}.json"'
    return response


@guard("accounts.manage_account", get=own_account)
def erase(request, user):
    form = EraseForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        services.user_erase(actor=user, user=user)
        logout(request)
        messages.success(request, _("Your account and your personal data have been erased."))
        return redirect("networks:home")
    return render(request, "accounts/erase.html", {"form": form})


# --- an organisation's people ------------------------------------------------------------------


@guard(
    "networks.change_organisation",
    get=organisation_by_slug,
    message=gettext_lazy(
        "Only the organisation's editors and the secretariat may manage its people."
    ),
)
def organisation_people(request, organisation):
    people = paginate(request, selectors.organisation_people(organisation), per_page=50)
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data, organisation=organisation)
        try:
            person = services.person_create(actor=request.user, data=data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("%(name)s has been added.") % {"name": person.name})
            return redirect("accounts:organisation_people", slug=organisation.slug)
    return render(
        request,
        "accounts/organisation_people.html",
        {
            "organisation": organisation,
            "page_obj": people,
            "people": people,
            "join_requests": selectors.organisation_join_requests(organisation),
            "form": form,
        },
    )


# Logged-in visitors only, then POST only, then the rule: the log-in comes before the 405.
@guard(
    "accounts.decide_join_request",
    signed_in=True,
    get=organisation_by_slug,
    message=gettext_lazy(
        "Only the organisation's editors and the secretariat may confirm its people."
    ),
)
@require_POST
def join_request_decide(request, organisation, pk):
    person = selectors.join_request_of(organisation, pk)
    if person is None:
        raise Http404(_("No such request."))
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


@guard(
    "accounts.change_person",
    get=person_by_pk,
    message=gettext_lazy("You may not change this person's details."),
)
def person_edit(request, person):
    if person.user_id == request.user.id:
        return redirect("accounts:profile_edit")
    # Editors change a person's details, not which organisation the person belongs to, and
    # never the person's consent.
    form = PersonForm(
        request.POST or None,
        instance=person,
        consent=request.user.has_perm("accounts.change_person_consent", person),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(actor=request.user, person=person, data=form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The details have been saved."))
            if person.organisation_id:
                return redirect("accounts:organisation_people", slug=person.organisation.slug)
            return redirect("accounts:profile")
    return render(request, "accounts/person_edit.html", {"form": form, "person": person})


@guard(
    "accounts.erase_person",
    get=person_by_pk,
    # People with their own log-in erase themselves (or ask the secretariat in admin).
    message=gettext_lazy("You may not erase this person."),
)
def person_erase(request, person):
    if request.method == "POST":
        services.person_erase(actor=request.user, person=person)
        messages.success(request, _("The person's details have been erased."))
        if person.organisation_id:
            return redirect("accounts:organisation_people", slug=person.organisation.slug)
        return redirect("networks:home")
    return render(request, "accounts/person_erase.html", {"person": person})
