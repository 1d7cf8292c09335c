"""What organisation editors (and the secretariat) use: add, edit, submit, delete, files."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samskab.core.forms import add_errors
from samskab.core.guards import guard

from .. import selectors, services
from ..forms import CaseForm, MaterialForm
from ..models import Case
from ._get import network_case

NOT_YOURS = gettext_lazy("You may not do this with this case.")


@guard(
    "cases.add_case",
    signed_in=True,
    message=gettext_lazy(
        "Only editors of a member organisation and the secretariat "
        "can add cases. Ask your organisation's administrative "
        "contact to make you an editor."
    ),
)
def case_create(request, network):
    organisations = selectors.organisations_for(user=request.user, network=network)
    initial = {
        "language": request.LANGUAGE_CODE if request.LANGUAGE_CODE in Case.Language.values else "da"
    }
    if organisations.count() == 1:
        initial["organisation"] = organisations.first()
    form = CaseForm(request.POST or None, organisations=organisations, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_create(
                actor=request.user,
                network=network,
                organisation=form.cleaned_data["organisation"],
                data=form.service_data(),
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(
                request,
                _(
                    "The draft has been saved. Add files, preview it and "
                    "submit it when it is ready."
                ),
            )
            return redirect("cases:edit", slug=case.slug)
    return render(request, "cases/form.html", {"form": form, "case": None})


@guard("cases.change_case", signed_in=True, get=network_case, message=NOT_YOURS)
def case_edit(request, case):
    organisations = selectors.organisations_for_case(user=request.user, case=case)
    form = CaseForm(request.POST or None, instance=case, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action", "save")
        try:
            services.case_update(
                actor=request.user,
                case=case,
                data=form.service_data(),
                organisation=form.cleaned_data["organisation"],
            )
            if action == "submit" and case.status == Case.Status.DRAFT:
                try:
                    services.case_submit(actor=request.user, case=case)
                except ValidationError:
                    messages.warning(
                        request,
                        _(
                            "Your changes are saved as a draft, but the case cannot be "
                            "submitted yet."
                        ),
                    )
                    raise
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            if action == "submit":
                messages.success(
                    request, _("Thank you! The case has been sent to the secretariat for review.")
                )
                return redirect("cases:detail", slug=case.slug)
            if action == "preview":
                return redirect("cases:detail", slug=case.slug)
            messages.success(request, _("Your changes have been saved."))
            return redirect("cases:edit", slug=case.slug)
    return render(
        request,
        "cases/form.html",
        {
            "form": form,
            "case": case,
            "material_form": MaterialForm(),
            "materials": case.materials.all(),
            "submit_problems": selectors.submit_problems(case)
            if case.status == Case.Status.DRAFT
            else {},
        },
    )


@guard("cases.change_case", signed_in=True, get=network_case, message=NOT_YOURS)
@require_POST
def case_submit(request, case):
    try:
        services.case_submit(actor=request.user, case=case)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("cases:edit", slug=case.slug)
    messages.success(request, _("Thank you! The case has been sent to the secretariat for review."))
    return redirect("cases:detail", slug=case.slug)


@guard("cases.change_case", signed_in=True, get=network_case, message=NOT_YOURS)
def case_delete(request, case):
    if request.method == "POST":
        services.case_delete(actor=request.user, case=case)
        messages.success(request, _("The case has been deleted."))
        return redirect("cases:list")
    return render(
        request,
        "cases/confirm.html",
        {
            "case": case,
            "title": _("Delete the case?"),
            "text": _("The case and its files are deleted for good."),
            "button": _("Delete"),
            "danger": True,
        },
    )


@guard("cases.change_case", signed_in=True, get=network_case, message=NOT_YOURS)
@require_POST
def material_add(request, case):
    form = MaterialForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.material_add(
                actor=request.user,
                case=case,
                title=form.cleaned_data["title"],
                filename=form.cleaned_data["file"].name,
                content=form.content,
            )
        except ValidationError as exc:
            add_errors(form, ValidationError({"file": exc.messages}))
        else:
            messages.success(request, _("The file has been added."))
            return redirect(reverse("cases:edit", kwargs={"slug": case.slug}) + "#materials")
    return render(
        request, "cases/material_error.html", {"case": case, "material_form": form}, status=400
    )


@guard("cases.change_case", signed_in=True, get=network_case, message=NOT_YOURS)
@require_POST
def material_delete(request, case, pk):
    material = selectors.material_of(case=case, pk=pk)
    if material is None:
        raise Http404
    services.material_delete(actor=request.user, case=case, material=material)
    messages.success(request, _("The file has been removed."))
    return redirect(reverse("cases:edit", kwargs={"slug": case.slug}) + "#materials")


@guard(None, signed_in=True)
def my_cases(request, network):
    return render(
        request, "cases/mine.html", {"cases": selectors.cases_for_editor(user=request.user)}
    )
