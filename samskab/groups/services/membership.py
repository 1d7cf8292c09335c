"""Joining, leaving and following a group; the coordinators' answers to requests,
roles and removals."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskab.audit import services as audit
from samskab.audit.models import Action
from samskab.core.guards import require
from samskab.core.links import absolute
from samskab.core.tasks import enqueue_on_commit, send_email
from samskab.networks.predicates import forget_access

from ..models import GroupFollow, GroupMembership, ThemeGroup
from ..selectors import coordinator_emails


def _absolute(path: str) -> str:
    return absolute(path)


@transaction.atomic
def group_join(*, actor, group: ThemeGroup) -> GroupMembership:
    """Ask to join a group; in an open group the actor becomes a member at once.
    Coordinators are told of a request by e-mail."""
    require(
        actor,
        "groups.join_group",
        group,
        _(
            "Log in to join a theme group. If you are logged in, you are already a member of "
            "this group or have asked to join."
        ),
    )
    is_open = group.join_policy == ThemeGroup.JoinPolicy.OPEN
    try:
        with transaction.atomic():
            membership = GroupMembership.objects.create(
                group=group,
                user=actor,
                status=GroupMembership.Status.ACTIVE
                if is_open
                else GroupMembership.Status.REQUESTED,
                accepted_at=timezone.now() if is_open else None,
            )
    except IntegrityError as exc:  # a double click from two tabs
        raise ValidationError(
            _("You are already a member of this group or have asked to join.")
        ) from exc
    forget_access(actor)
    if not is_open:
        url = _absolute(reverse("groups:members", kwargs={"slug": group.slug}))
        who = actor.name or actor.email
        for email, language in coordinator_emails(group):
            with translation.override(language or "da"):
                enqueue_on_commit(
                    send_email,
                    subject=_("%(name)s asks to join %(group)s")
                    % {"name": who, "group": group.name},
                    body=_(
                        "%(name)s (%(email)s) asks to join the theme group %(group)s.\n\n"
                        "Accept or decline the request here:\n%(url)s"
                    )
                    % {"name": who, "email": actor.email, "group": group.name, "url": url},
                    to=[email],
                )
    return membership


def _record(actor, membership: GroupMembership, action: str, before: dict, after: dict) -> None:
    user, group = membership.user, membership.group
    audit.record(
        actor=actor,
        network=group.network,
        action=action,
        obj=membership,
        before=before,
        after=after,
        label=f"{user.name or user.email} – {group.name}",
        subject=user,
    )


def _managed_membership(actor, membership: GroupMembership) -> None:
    require(
        actor,
        "groups.manage_members",
        membership.group,
        _("Only the group's coordinators and the secretariat may manage its members."),
    )


@transaction.atomic
def membership_accept(*, actor, membership: GroupMembership) -> GroupMembership:
    """Accept a request to join; the new member gets an e-mail."""
    _managed_membership(actor, membership)
    membership = GroupMembership.objects.select_for_update().get(pk=membership.pk)
    if membership.status != GroupMembership.Status.REQUESTED:
        raise ValidationError(_("This person is already a member."))
    membership.status = GroupMembership.Status.ACTIVE
    membership.accepted_at = timezone.now()
    membership.save(update_fields=["status", "accepted_at"])
    _record(
        actor,
        membership,
        Action.MEMBERSHIP_ACCEPTED,
        {"status": GroupMembership.Status.REQUESTED},
        {"status": membership.status},
    )
    group, user = membership.group, membership.user
    forget_access(user)
    url = _absolute(reverse("groups:detail", kwargs={"slug": group.slug}))
    with translation.override(user.language or "da"):
        enqueue_on_commit(
            send_email,
            subject=_("Welcome to %(group)s") % {"group": group.name},
            body=_(
                "Your request to join the theme group %(group)s has been accepted. You now "
                "see the group's members, its members-only meetings and resources, and you "
                "can suggest topics for coming meetings.\n\n%(url)s"
            )
            % {"group": group.name, "url": url},
            to=[user.email],
        )
    return membership


@transaction.atomic
def membership_decline(*, actor, membership: GroupMembership) -> None:
    _managed_membership(actor, membership)
    if membership.status != GroupMembership.Status.REQUESTED:
        raise ValidationError(_("Only a request to join can be declined."))
    _record(actor, membership, Action.MEMBERSHIP_DECLINED, {"status": membership.status}, {})
    membership.delete()


def _last_coordinator(membership: GroupMembership) -> bool:
    return (
        membership.role == GroupMembership.Role.COORDINATOR
        and membership.status == GroupMembership.Status.ACTIVE
        and not GroupMembership.objects.coordinators()
        .filter(group_id=membership.group_id)
        .exclude(pk=membership.pk)
        .exists()
    )


@transaction.atomic
def membership_set_role(*, actor, membership: GroupMembership, role: str) -> GroupMembership:
    """Promote a member to coordinator or make a coordinator an ordinary member."""
    _managed_membership(actor, membership)
    if role not in GroupMembership.Role.values:
        raise ValidationError(_("Unknown role."))
    if membership.status != GroupMembership.Status.ACTIVE:
        raise ValidationError(_("Accept the request to join first."))
    if role == GroupMembership.Role.MEMBER and _last_coordinator(membership):
        raise ValidationError(
            _("A group needs at least one coordinator. Make someone else coordinator first.")
        )
    before = {"role": membership.role}
    membership.role = role
    membership.save(update_fields=["role"])
    if before["role"] != role:
        _record(actor, membership, Action.MEMBERSHIP_ROLE_CHANGED, before, {"role": role})
    forget_access(actor, membership.user)
    return membership


@transaction.atomic
def membership_remove(*, actor, membership: GroupMembership) -> None:
    _managed_membership(actor, membership)
    if _last_coordinator(membership):
        raise ValidationError(
            _("A group needs at least one coordinator. Make someone else coordinator first.")
        )
    _record(
        actor,
        membership,
        Action.MEMBERSHIP_REMOVED,
        {"role": membership.role, "status": membership.status},
        {},
    )
    membership.delete()
    forget_access(actor, membership.user)


@transaction.atomic
def group_leave(*, actor, group: ThemeGroup) -> bool:
    """Leave a group, or withdraw a request to join. True when it was a request."""
    require(actor, "groups.leave_group", group, _("You are not a member of this group."))
    membership = GroupMembership.objects.filter(group=group, user=actor).first()
    if membership is None:  # left in another tab a moment ago
        raise ValidationError(_("You are not a member of this group."))
    if _last_coordinator(membership):
        raise ValidationError(
            _(
                "You are the group's only coordinator. Make someone else "
                "coordinator before you leave."
            )
        )
    was_request = membership.status == GroupMembership.Status.REQUESTED
    membership.delete()
    forget_access(actor)
    return was_request


# --- follows -------------------------------------------------------------------------


@transaction.atomic
def group_follow(*, actor, group: ThemeGroup) -> GroupFollow:
    require(actor, "groups.follow_group", group, _("Log in to follow a theme group."))
    follow, _created = GroupFollow.objects.get_or_create(group=group, user=actor)
    return follow


@transaction.atomic
def group_unfollow(*, actor, group: ThemeGroup) -> None:
    require(actor, "groups.follow_group", group, _("Log in to follow a theme group."))
    GroupFollow.objects.filter(group=group, user=actor).delete()
