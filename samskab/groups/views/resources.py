"""A group's files and links: the coordinators' list, editing, removing, downloading."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from samskab.core.forms import add_errors
from samskab.core.guards import guard

from .. import selectors, services
from ..forms import ResourceEditForm, ResourceForm
from .getters import group_of_network, resource_of_group


def _of_group(resource):
    return resource.group


@guard(
    "groups.manage_resources",
    get=group_of_network,
    login=False,
    message=gettext_lazy("Only the group's coordinators and the secretariat may manage resources."),
)
def resources_manage(request, group):
    form = ResourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.resource_create(actor=request.user, group=group, data=form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The resource has been added."))
            return redirect("groups:resources", slug=group.slug)
    return render(
        request,
        "groups/resources.html",
        {
            "group": group,
            "form": form,
            "resources": selectors.group_resources(group, members_only=True),
        },
    )


@guard(
    "groups.manage_resources",
    get=resource_of_group,
    on=_of_group,
    login=False,
    message=gettext_lazy("Only the group's coordinators and the secretariat may change resources."),
)
def resource_edit(request, resource):
    group = resource.group
    form = ResourceEditForm(request.POST or None, instance=resource)
    if request.method == "POST" and form.is_valid():
        try:
            services.resource_update(actor=request.user, resource=resource, data=form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The resource has been saved."))
            return redirect("groups:resources", slug=group.slug)
    return render(
        request, "groups/resource_edit.html", {"group": group, "resource": resource, "form": form}
    )


@require_POST
@guard(
    "groups.manage_resources",
    get=resource_of_group,
    on=_of_group,
    login=False,
    message=gettext_lazy("Only the group's coordinators and the secretariat may remove resources."),
)
def resource_delete(request, resource):
    services.resource_delete(actor=request.user, resource=resource)
    messages.success(request, _("The resource has been removed."))
    return redirect("groups:resources", slug=resource.group.slug)


@require_GET
@guard(
    "groups.view_resource",
    get=resource_of_group,
    login=False,
    message=gettext_lazy("This file is for the group's members only."),
)
def resource_download(request, resource):
    if not resource.is_file:
        return redirect(resource.url)
    try:
        handle = resource.file.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404(_("The file is missing.")) from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=resource.filename,
        content_type=selectors.resource_content_type(resource),
    )
    response["Cache-Control"] = "private, no-store" if resource.members_only else "private"
    return response
