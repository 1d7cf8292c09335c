"""Writes for theme groups: create, change, rename, membership, resources, follows and
topic suggestions. Each is one transaction and validates before it saves."""

import mimetypes
from pathlib import PurePosixPath

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskab.core.links import absolute
from samskab.core.tasks import enqueue_on_commit, send_email
from samskab.core.text import slugify

from .models import (
    GroupAlias,
    GroupContact,
    GroupFollow,
    GroupMembership,
    GroupResource,
    SuggestionSupport,
    ThemeGroup,
    TopicSuggestion,
)
from .predicates import forget_group_memberships

PAGE_FIELDS = ("lead", "background", "purpose", "target_group", "focus", "join_policy")
MAX_RESOURCE_BYTES = 25 * 1024 * 1024
ALLOWED_RESOURCE_EXTENSIONS = {
    ".pdf",
    ".docx",
    ".doc",
    ".xlsx",
    ".xls",
    ".pptx",
    ".ppt",
    ".odt",
    ".ods",
    ".odp",
    ".txt",
    ".md",
    ".csv",
    ".png",
    ".jpg",
    ".jpeg",
    ".zip",
}


def _require(actor, perm: str, obj, message: str) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied(message)


def _absolute(path: str) -> str:
    return absolute(path)


# --- slugs and names -----------------------------------------------------------------


# Paths under /groups/ that are pages of their own, not groups.
RESERVED_SLUGS = {"following", "new"}


def _slug_taken(network, slug: str, *, group: ThemeGroup | None = None) -> bool:
    """A slug is taken by another group's current slug or by another group's old slug."""
    if slug in RESERVED_SLUGS:
        return True
    groups = ThemeGroup.objects.filter(network=network, slug=slug)
    aliases = GroupAlias.objects.filter(network=network, slug=slug)
    if group is not None and group.pk:
        groups = groups.exclude(pk=group.pk)
        aliases = aliases.exclude(group=group)
    return groups.exists() or aliases.exists()


def _free_slug(network, name: str, *, group: ThemeGroup | None = None) -> str:
    base = slugify(name)[:190] or "group"
    slug, n = base, 2
    while _slug_taken(network, slug, group=group):
        slug = f"{base}-{n}"
        n += 1
    return slug


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("A theme group needs a name.")})
    if len(name) > 200:
        raise ValidationError({"name": _("The name can be at most 200 characters long.")})
    return name


def _name_in_use(network, name: str, *, group: ThemeGroup | None = None) -> bool:
    qs = ThemeGroup.objects.filter(network=network, name__iexact=name)
    if group is not None and group.pk:
        qs = qs.exclude(pk=group.pk)
    return qs.exists()


# --- groups --------------------------------------------------------------------------


@transaction.atomic
def group_create(*, actor, network, data: dict) -> ThemeGroup:
    """Create a theme group. Secretariat staff only. ``data``: name and page fields."""
    _require(
        actor,
        "groups.add_group",
        network,
        _("Only the network's secretariat may create theme groups."),
    )
    name = _clean_name(data.get("name", ""))
    if _name_in_use(network, name):
        raise ValidationError({"name": _("The network already has a theme group of this name.")})
    group = ThemeGroup(network=network, name=name, slug=_free_slug(network, name))
    for field in PAGE_FIELDS:
        if field in data and data[field] is not None:
            setattr(group, field, data[field])
    group.full_clean()
    group.save()
    return group


@transaction.atomic
def group_update(*, actor, group: ThemeGroup, data: dict) -> ThemeGroup:
    """Change the page of a group. A changed name renames the group (old links keep
    working). ``contacts`` in ``data`` is an ordered list of people."""
    _require(
        actor,
        "groups.change_group",
        group,
        _("Only the group's coordinators and the secretariat may change the group."),
    )
    if "name" in data and _clean_name(data["name"]) != group.name:
        _rename(group, data["name"])
    for field in PAGE_FIELDS:
        if field in data and data[field] is not None:
            setattr(group, field, data[field])
    group.full_clean()
    group.save()
    if "contacts" in data and data["contacts"] is not None:
        _set_contacts(group, list(data["contacts"]))
    return group


@transaction.atomic
def group_rename(*, actor, group: ThemeGroup, name: str) -> ThemeGroup:
    """Give a group a new name and slug; the old slug stays as an alias (old URLs redirect
    permanently) and the page notes the former name."""
    _require(
        actor,
        "groups.change_group",
        group,
        _("Only the group's coordinators and the secretariat may rename the group."),
    )
    _rename(group, name)
    group.save()
    return group


def _rename(group: ThemeGroup, name: str) -> None:
    name = _clean_name(name)
    if name == group.name:
        raise ValidationError({"name": _("The group already has this name.")})
    if _name_in_use(group.network, name, group=group):
        raise ValidationError({"name": _("The network already has a theme group of this name.")})
    old_slug, old_name = group.slug, group.name
    new_slug = _free_slug(group.network, name, group=group)
    if new_slug != old_slug:
        # Renaming back to an earlier name reuses that slug: it stops being an alias.
        GroupAlias.objects.filter(group=group, slug=new_slug).delete()
        GroupAlias.objects.update_or_create(
            network=group.network, slug=old_slug, defaults={"group": group, "name": old_name}
        )
    elif old_name.casefold() != name.casefold():
        # Same slug (only punctuation changed): still note the former name.
        GroupAlias.objects.filter(group=group, slug=old_slug).delete()
    group.name, group.slug = name, new_slug


def _set_contacts(group: ThemeGroup, people: list) -> None:
    keep = [p.pk for p in people]
    GroupContact.objects.filter(group=group).exclude(person_id__in=keep).delete()
    for position, person in enumerate(people):
        GroupContact.objects.update_or_create(
            group=group, person=person, defaults={"position": position}
        )


# --- membership ----------------------------------------------------------------------


def _coordinator_emails(group: ThemeGroup) -> list[tuple[str, str]]:
    return list(
        GroupMembership.objects.coordinators()
        .filter(group=group)
        .values_list("user__email", "user__language")
    )


@transaction.atomic
def group_join(*, actor, group: ThemeGroup) -> GroupMembership:
    """Ask to join a group; in an open group the actor becomes a member at once.
    Coordinators are told of a request by e-mail."""
    if not actor.is_authenticated:
        raise PermissionDenied(_("Log in to join a theme group."))
    if GroupMembership.objects.filter(group=group, user=actor).exists():
        raise ValidationError(_("You are already a member of this group or have asked to join."))
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
    forget_group_memberships(actor)
    if not is_open:
        url = _absolute(reverse("groups:members", kwargs={"slug": group.slug}))
        who = actor.name or actor.email
        for email, language in _coordinator_emails(group):
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


def _managed_membership(actor, membership: GroupMembership) -> None:
    _require(
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
    group, user = membership.group, membership.user
    forget_group_memberships(user)
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
    membership.role = role
    membership.save(update_fields=["role"])
    forget_group_memberships(actor)
    forget_group_memberships(membership.user)
    return membership


@transaction.atomic
def membership_remove(*, actor, membership: GroupMembership) -> None:
    _managed_membership(actor, membership)
    if _last_coordinator(membership):
        raise ValidationError(
            _("A group needs at least one coordinator. Make someone else coordinator first.")
        )
    membership.delete()
    forget_group_memberships(actor)
    forget_group_memberships(membership.user)


@transaction.atomic
def group_leave(*, actor, group: ThemeGroup) -> None:
    """Leave a group, or withdraw a request to join."""
    membership = (
        GroupMembership.objects.filter(group=group, user=actor).first()
        if actor.is_authenticated
        else None
    )
    if membership is None:
        raise ValidationError(_("You are not a member of this group."))
    if _last_coordinator(membership):
        raise ValidationError(
            _(
                "You are the group's only coordinator. Make someone else "
                "coordinator before you leave."
            )
        )
    membership.delete()
    forget_group_memberships(actor)


# --- follows -------------------------------------------------------------------------


@transaction.atomic
def group_follow(*, actor, group: ThemeGroup) -> GroupFollow:
    if not actor.is_authenticated:
        raise PermissionDenied(_("Log in to follow a theme group."))
    follow, _created = GroupFollow.objects.get_or_create(group=group, user=actor)
    return follow


@transaction.atomic
def group_unfollow(*, actor, group: ThemeGroup) -> None:
    if actor.is_authenticated:
        GroupFollow.objects.filter(group=group, user=actor).delete()


# --- resources -----------------------------------------------------------------------


def _check_upload(upload) -> None:
    if upload.size > MAX_RESOURCE_BYTES:
        raise ValidationError({"file": _("The file is too large (at most 25 MB).")})
    extension = PurePosixPath(upload.name).suffix.lower()
    if extension not in ALLOWED_RESOURCE_EXTENSIONS:
        raise ValidationError(
            {
                "file": _(
                    "This kind of file cannot be shared here. Use PDF, office documents, text, "
                    "images or ZIP."
                )
            }
        )


@transaction.atomic
def resource_create(*, actor, group: ThemeGroup, data: dict) -> GroupResource:
    """Add a file or a link. ``data``: title, description, members_only and either
    ``file`` (an upload) or ``url``."""
    _require(
        actor,
        "groups.manage_resources",
        group,
        _("Only the group's coordinators and the secretariat may add resources."),
    )
    upload, url = data.get("file"), (data.get("url") or "").strip()
    if bool(upload) == bool(url):
        raise ValidationError(_("Give either a file or a link, not both."))
    if upload:
        _check_upload(upload)
    resource = GroupResource(
        group=group,
        title=(data.get("title") or "").strip(),
        description=data.get("description") or "",
        url=url,
        members_only=bool(data.get("members_only")),
        created_by=actor,
    )
    resource.full_clean(exclude=["file"])
    if upload:
        resource.file.save(PurePosixPath(upload.name).name, upload, save=False)
    resource.save()
    return resource


@transaction.atomic
def resource_update(*, actor, resource: GroupResource, data: dict) -> GroupResource:
    _require(
        actor,
        "groups.manage_resources",
        resource.group,
        _("Only the group's coordinators and the secretariat may change resources."),
    )
    for field in ("title", "description", "members_only"):
        if field in data:
            setattr(resource, field, data[field])
    if not resource.is_file and "url" in data:
        resource.url = (data["url"] or "").strip()
    resource.full_clean(exclude=["file"])
    resource.save()
    return resource


@transaction.atomic
def resource_delete(*, actor, resource: GroupResource) -> None:
    _require(
        actor,
        "groups.manage_resources",
        resource.group,
        _("Only the group's coordinators and the secretariat may remove resources."),
    )
    file = resource.file
    resource.delete()
    if file:
        name, storage = file.name, file.storage
        transaction.on_commit(lambda: storage.delete(name))


def resource_content_type(resource: GroupResource) -> str:
    return mimetypes.guess_type(resource.filename)[0] or "application/octet-stream"


# --- topic suggestions ---------------------------------------------------------------


@transaction.atomic
def suggestion_create(
    *, actor, group: ThemeGroup, title: str, description: str = ""
) -> TopicSuggestion:
    _require(
        actor, "groups.suggest_topic", group, _("Only the group's members may suggest topics.")
    )
    suggestion = TopicSuggestion(
        group=group, author=actor, title=" ".join(title.split()), description=description or ""
    )
    suggestion.full_clean()
    suggestion.save()
    return suggestion


@transaction.atomic
def suggestion_support(*, actor, suggestion: TopicSuggestion) -> SuggestionSupport:
    """Support another member's open suggestion; supporting twice changes nothing."""
    _require(
        actor,
        "groups.support_suggestion",
        suggestion,
        _("Only other members of the group may support an open suggestion."),
    )
    support, _created = SuggestionSupport.objects.get_or_create(suggestion=suggestion, user=actor)
    return support


@transaction.atomic
def suggestion_withdraw_support(*, actor, suggestion: TopicSuggestion) -> None:
    if not actor.is_authenticated:
        raise PermissionDenied(_("Log in first."))
    if suggestion.status != TopicSuggestion.Status.OPEN:
        raise ValidationError(_("The coordinators have already decided on this suggestion."))
    SuggestionSupport.objects.filter(suggestion=suggestion, user=actor).delete()


@transaction.atomic
def suggestion_decide(
    *, actor, suggestion: TopicSuggestion, status: str, note: str = "", planned_for=None
) -> TopicSuggestion:
    """Mark a suggestion planned (optionally with a note and a date) or declined, or open
    it again."""
    _require(
        actor,
        "groups.decide_suggestion",
        suggestion,
        _("Only the group's coordinators and the secretariat may decide on suggestions."),
    )
    if status not in TopicSuggestion.Status.values:
        raise ValidationError({"status": _("Unknown status.")})
    if planned_for and status != TopicSuggestion.Status.PLANNED:
        raise ValidationError({"planned_for": _("Only a planned topic has a date.")})
    suggestion.status = status
    suggestion.decision_note = note or ""
    suggestion.planned_for = planned_for
    if status == TopicSuggestion.Status.OPEN:
        suggestion.decided_by, suggestion.decided_at = None, None
    else:
        suggestion.decided_by, suggestion.decided_at = actor, timezone.now()
    suggestion.full_clean()
    suggestion.save()
    return suggestion
