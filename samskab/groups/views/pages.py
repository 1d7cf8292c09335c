"""The group list, the groups a user follows, a group's page, creating and editing it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from samskab.core.forms import add_errors
from samskab.core.guards import guard
from samskab.core.pagecache import public_page

from .. import selectors, services
from ..forms import GroupForm
from ..models import TopicSuggestion
from .getters import group_of_network


@require_GET
@public_page
@guard(None)
def group_list(request, network):
    return render(
        request,
        "groups/group_list.html",
        {
            "groups": selectors.group_list(network=network, user=request.user),
            "can_add": request.user.has_perm("groups.add_group", network),
        },
    )


@guard("groups.follow_group", message=gettext_lazy("Log in to follow a theme group."))
@require_GET
def following(request, network):
    groups = selectors.followed_groups(user=request.user, network=network)
    return render(request, "groups/following.html", {"groups": groups})


@require_GET
@public_page
@guard("groups.view_group", get=group_of_network)
def group_detail(request, group):
    user = request.user
    can_see_members = user.has_perm("groups.view_members", group)
    can_manage_members = user.has_perm("groups.manage_members", group)
    coordinators = [m for m in selectors.group_members(group) if m.role == m.Role.COORDINATOR]
    context = {
        "group": group,
        "former_names": [a.name for a in group.aliases.all() if a.name != group.name],
        "contacts": selectors.group_contacts(group),
        "coordinators": coordinators,
        "members": selectors.group_members(group) if can_see_members else None,
        "membership": selectors.viewer_membership(group, user),
        "is_following": selectors.is_following(group, user),
        "meetings": selectors.meetings_for(group, user),
        "origin": selectors.group_origin(group),
        "news_section": selectors.news_for(group),
        "feeds": selectors.feeds_for(group),
        "resources": selectors.group_resources(group, members_only=can_see_members),
        "can_see_members": can_see_members,
        "can_change": user.has_perm("groups.change_group", group),
        "can_manage_members": can_manage_members,
        "can_manage_resources": user.has_perm("groups.manage_resources", group),
        "can_view_suggestions": user.has_perm("groups.view_suggestions", group),
        "request_count": selectors.group_requests(group).count() if can_manage_members else 0,
    }
    if context["can_view_suggestions"]:
        context["top_suggestions"] = selectors.suggestion_list(
            group, user=user, status=TopicSuggestion.Status.OPEN
        )[:5]
    return render(request, "groups/group_detail.html", context)


@guard(
    "groups.add_group",
    message=gettext_lazy("Only the network's secretariat may create theme groups."),
)
def group_create(request, network):
    form = GroupForm(request.POST or None, network=network, with_contacts=False)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.group_create(
                actor=request.user, network=network, data=form.cleaned_data
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The theme group has been created."))
            return redirect("groups:detail", slug=group.slug)
    return render(request, "groups/group_form.html", {"form": form, "group": None})


@guard(
    "groups.change_group",
    get=group_of_network,
    login=False,
    message=gettext_lazy("Only the group's coordinators and the secretariat may change the group."),
)
def group_edit(request, group):
    form = GroupForm(request.POST or None, instance=group, network=group.network)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.group_update(actor=request.user, group=group, data=form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The group's page has been saved."))
            return redirect("groups:detail", slug=group.slug)
    return render(request, "groups/group_form.html", {"form": form, "group": group})
