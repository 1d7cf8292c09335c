"""Joining, leaving and following a group; its member list and the coordinators' actions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samskab.core.guards import guard

from .. import selectors, services
from ..models import GroupMembership
from .getters import back, error_text, group_of_network


@require_POST
@guard(
    "groups.join_group",
    get=group_of_network,
    login=False,
    message=gettext_lazy(
        "Log in to join a theme group. If you are logged in, you are already a member of "
        "this group or have asked to join."
    ),
)
def group_join(request, group):
    try:
        membership = services.group_join(actor=request.user, group=group)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
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
@guard(
    "groups.leave_group",
    get=group_of_network,
    login=False,
    message=gettext_lazy("You are not a member of this group."),
)
def group_leave(request, group):
    try:
        withdrawn = services.group_leave(actor=request.user, group=group)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        if withdrawn:
            messages.success(request, _("Your request to join the group has been withdrawn."))
        else:
            messages.success(request, _("You are no longer a member of the group."))
    return redirect("groups:detail", slug=group.slug)


@require_POST
@guard(
    "groups.follow_group",
    get=group_of_network,
    login=False,
    message=gettext_lazy("Log in to follow a theme group."),
)
def group_follow(request, group):
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
    return back(request, group)


@guard(
    "groups.view_members",
    get=group_of_network,
    login=False,
    message=gettext_lazy("Only the group's members can see who is in it."),
)
def group_members(request, group):
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
@guard(
    "groups.manage_members",
    get=group_of_network,
    login=False,
    message=gettext_lazy(
        "Only the group's coordinators and the secretariat may manage its members."
    ),
)
def membership_action(request, group, pk, action):
    if action not in MEMBER_ACTIONS:
        raise Http404(_("Unknown action."))
    membership = selectors.membership_of_group(group, pk)
    if membership is None:
        raise Http404(_("No such member."))
    run, done = MEMBER_ACTIONS[action]
    name = str(membership.user)
    try:
        run(request.user, membership)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, str(done) % {"name": name})
    return redirect("groups:members", slug=group.slug)
