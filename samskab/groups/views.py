from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from samskab.core.pagecache import public_page
from samskab.core.pagination import paginate

from . import selectors, services
from .forms import DecisionForm, GroupForm, ResourceEditForm, ResourceForm, SuggestionForm
from .models import GroupMembership, GroupResource, ThemeGroup, TopicSuggestion
from .selectors import GroupMoved


def _network(request):
    if request.network is None:
        raise Http404(_("No network is configured for this address."))
    return request.network


def group_view(view):
    """Resolve ``slug`` to a group of this network. A renamed group's former slug redirects
    permanently to the same page under the current slug."""

    @wraps(view)
    def wrapper(request, slug, **kwargs):
        network = _network(request)
        try:
            group = selectors.group_by_slug(network=network, slug=slug)
        except GroupMoved as moved:
            url = reverse(
                request.resolver_match.view_name, kwargs={**kwargs, "slug": moved.group.slug}
            )
            if request.GET:
                url += "?" + request.GET.urlencode()
            return HttpResponsePermanentRedirect(url)
        except ThemeGroup.DoesNotExist as exc:
            raise Http404(_("No such theme group.")) from exc
        return view(request, group, **kwargs)

    return wrapper


def _require(request, perm, obj, message):
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied(message)


def _back(request, group, default="groups:detail"):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default, slug=group.slug)


def _error_text(exc: ValidationError) -> str:
    return " ".join(exc.messages)


# --- pages ---------------------------------------------------------------------------


@require_GET
@public_page
def group_list(request):
    network = _network(request)
    groups = selectors.group_list(network=network, user=request.user)
    return render(
        request,
        "groups/group_list.html",
        {
            "groups": groups,
            "can_add": request.user.has_perm("groups.add_group", network),
        },
    )


@login_required
@require_GET
def following(request):
    groups = selectors.followed_groups(user=request.user, network=_network(request))
    return render(request, "groups/following.html", {"groups": groups})


@require_GET
@public_page
@group_view
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


@login_required
def group_create(request):
    network = _network(request)
    _require(
        request,
        "groups.add_group",
        network,
        _("Only the network's secretariat may create theme groups."),
    )
    form = GroupForm(request.POST or None, network=network, with_contacts=False)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.group_create(
                actor=request.user, network=network, data=form.cleaned_data
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The theme group has been created."))
            return redirect("groups:detail", slug=group.slug)
    return render(request, "groups/group_form.html", {"form": form, "group": None})


def _add_errors(form, exc: ValidationError):
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@group_view
def group_edit(request, group):
    _require(
        request,
        "groups.change_group",
        group,
        _("Only the group's coordinators and the secretariat may change the group."),
    )
    form = GroupForm(request.POST or None, instance=group, network=group.network)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.group_update(actor=request.user, group=group, data=form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The group's page has been saved."))
            return redirect("groups:detail", slug=group.slug)
    return render(request, "groups/group_form.html", {"form": form, "group": group})


# --- membership ----------------------------------------------------------------------


@require_POST
@group_view
def group_join(request, group):
    if not request.user.is_authenticated:
        raise PermissionDenied(_("Log in to join a theme group."))
    try:
        membership = services.group_join(actor=request.user, group=group)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        if membership.status == GroupMembership.Status.ACTIVE:
            messages.success(request, _("Welcome! You are now a member of the group."))
        else:
            messages.success(
                request,
                _(
                    "Your request has been sent to the group's "
                    "coordinators. You will get an e-mail when they "
                    "have accepted it."
                ),
            )
    return redirect("groups:detail", slug=group.slug)


@require_POST
@group_view
def group_leave(request, group):
    _require(request, "groups.leave_group", group, _("You are not a member of this group."))
    pending = group.memberships.filter(user=request.user, status="requested").exists()
    try:
        services.group_leave(actor=request.user, group=group)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        if pending:
            messages.success(request, _("Your request to join the group has been withdrawn."))
        else:
            messages.success(request, _("You are no longer a member of the group."))
    return redirect("groups:detail", slug=group.slug)


@require_POST
@group_view
def group_follow(request, group):
    _require(request, "groups.follow_group", group, _("Log in to follow a theme group."))
    if request.POST.get("action") == "unfollow":
        services.group_unfollow(actor=request.user, group=group)
        following_now = False
    else:
        services.group_follow(actor=request.user, group=group)
        following_now = True
    if request.htmx:
        return render(
            request, "groups/partials/_follow.html", {"group": group, "is_following": following_now}
        )
    messages.success(
        request,
        _("You now follow the group.") if following_now else _("You no longer follow the group."),
    )
    return _back(request, group)


@group_view
def group_members(request, group):
    _require(
        request, "groups.view_members", group, _("Only the group's members can see who is in it.")
    )
    can_manage = request.user.has_perm("groups.manage_members", group)
    return render(
        request,
        "groups/members.html",
        {
            "group": group,
            "members": selectors.group_members(group),
            "requests": selectors.group_requests(group) if can_manage else [],
            "can_manage": can_manage,
        },
    )


MEMBER_ACTIONS = {
    "accept": (
        lambda actor, m: services.membership_accept(actor=actor, membership=m),
        gettext_lazy("%(name)s is now a member."),
    ),
    "decline": (
        lambda actor, m: services.membership_decline(actor=actor, membership=m),
        gettext_lazy("The request from %(name)s has been declined."),
    ),
    "promote": (
        lambda actor, m: services.membership_set_role(
            actor=actor, membership=m, role=GroupMembership.Role.COORDINATOR
        ),
        gettext_lazy("%(name)s is now a coordinator."),
    ),
    "demote": (
        lambda actor, m: services.membership_set_role(
            actor=actor, membership=m, role=GroupMembership.Role.MEMBER
        ),
        gettext_lazy("%(name)s is now an ordinary member."),
    ),
    "remove": (
        lambda actor, m: services.membership_remove(actor=actor, membership=m),
        gettext_lazy("%(name)s has been removed from the group."),
    ),
}


@require_POST
@group_view
def membership_action(request, group, pk, action):
    _require(
        request,
        "groups.manage_members",
        group,
        _("Only the group's coordinators and the secretariat may manage its members."),
    )
    if action not in MEMBER_ACTIONS:
        raise Http404(_("Unknown action."))
    membership = get_object_or_404(
        GroupMembership.objects.select_related("user", "group"), pk=pk, group=group
    )
    run, done = MEMBER_ACTIONS[action]
    name = str(membership.user)
    try:
        run(request.user, membership)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, str(done) % {"name": name})
    return redirect("groups:members", slug=group.slug)


# --- resources -----------------------------------------------------------------------


@group_view
def resources_manage(request, group):
    _require(
        request,
        "groups.manage_resources",
        group,
        _("Only the group's coordinators and the secretariat may manage resources."),
    )
    form = ResourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.resource_create(actor=request.user, group=group, data=form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
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


@group_view
def resource_edit(request, group, pk):
    resource = get_object_or_404(GroupResource, pk=pk, group=group)
    _require(
        request,
        "groups.manage_resources",
        group,
        _("Only the group's coordinators and the secretariat may change resources."),
    )
    form = ResourceEditForm(request.POST or None, instance=resource)
    if request.method == "POST" and form.is_valid():
        try:
            services.resource_update(actor=request.user, resource=resource, data=form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The resource has been saved."))
            return redirect("groups:resources", slug=group.slug)
    return render(
        request, "groups/resource_edit.html", {"group": group, "resource": resource, "form": form}
    )


@require_POST
@group_view
def resource_delete(request, group, pk):
    resource = get_object_or_404(GroupResource, pk=pk, group=group)
    _require(
        request,
        "groups.manage_resources",
        group,
        _("Only the group's coordinators and the secretariat may remove resources."),
    )
    services.resource_delete(actor=request.user, resource=resource)
    messages.success(request, _("The resource has been removed."))
    return redirect("groups:resources", slug=group.slug)


@require_GET
@group_view
def resource_download(request, group, pk):
    resource = get_object_or_404(GroupResource.objects.select_related("group"), pk=pk, group=group)
    _require(
        request, "groups.view_resource", resource, _("This file is for the group's members only.")
    )
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
        content_type=services.resource_content_type(resource),
    )
    response["Cache-Control"] = "private, no-store" if resource.members_only else "private"
    return response


# --- topic suggestions ---------------------------------------------------------------


@group_view
def suggestions(request, group):
    _require(
        request,
        "groups.view_suggestions",
        group,
        _("Only the group's members can see and make topic suggestions."),
    )
    can_suggest = request.user.has_perm("groups.suggest_topic", group)
    form = SuggestionForm(request.POST or None) if can_suggest else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Only the group's members may suggest topics."))
        if form.is_valid():
            try:
                services.suggestion_create(
                    actor=request.user,
                    group=group,
                    title=form.cleaned_data["title"],
                    description=form.cleaned_data["description"],
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Thank you! Your suggestion has been added."))
                return redirect("groups:suggestions", slug=group.slug)
    status = request.GET.get("status")
    if status not in TopicSuggestion.Status.values:
        status = None
    page = paginate(request, selectors.suggestion_list(group, user=request.user, status=status))
    return render(
        request,
        "groups/suggestions.html",
        {
            "group": group,
            "form": form,
            "page_obj": page,
            "suggestions": page.object_list,
            "status": status,
            "statuses": TopicSuggestion.Status.choices,
            "can_decide": request.user.has_perm("groups.manage_members", group),
        },
    )


def _suggestion(group, pk):
    return get_object_or_404(
        TopicSuggestion.objects.select_related("group", "author"), pk=pk, group=group
    )


@require_POST
@group_view
def suggestion_support(request, group, pk):
    suggestion = _suggestion(group, pk)
    if not request.user.has_perm("groups.view_suggestions", group):
        raise PermissionDenied(_("Only the group's members may support suggestions."))
    try:
        if request.POST.get("action") == "withdraw":
            services.suggestion_withdraw_support(actor=request.user, suggestion=suggestion)
            done = _("Your support has been withdrawn.")
        else:
            services.suggestion_support(actor=request.user, suggestion=suggestion)
            done = _("Thank you for your support.")
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
        done = None
    if request.htmx:
        annotated = selectors.suggestion_list(group, user=request.user).get(pk=suggestion.pk)
        return render(
            request, "groups/partials/_support.html", {"group": group, "suggestion": annotated}
        )
    if done:
        messages.success(request, done)
    return _back(request, group, default="groups:suggestions")


@group_view
def suggestion_decide(request, group, pk):
    suggestion = _suggestion(group, pk)
    _require(
        request,
        "groups.decide_suggestion",
        suggestion,
        _("Only the group's coordinators and the secretariat may decide on suggestions."),
    )
    initial = {
        "status": suggestion.status,
        "note": suggestion.decision_note,
        "planned_for": suggestion.planned_for,
    }
    if suggestion.status == TopicSuggestion.Status.OPEN:
        initial["status"] = TopicSuggestion.Status.PLANNED
    form = DecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.suggestion_decide(
                actor=request.user,
                suggestion=suggestion,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                planned_for=form.cleaned_data["planned_for"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The decision has been saved."))
            return redirect("groups:suggestions", slug=group.slug)
    return render(
        request,
        "groups/suggestion_decide.html",
        {"group": group, "suggestion": suggestion, "form": form},
    )
