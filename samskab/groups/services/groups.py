"""Creating, changing and renaming theme groups; their contacts."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samskab.core.guards import require
from samskab.core.text import slugify

from ..models import GroupAlias, GroupContact, ThemeGroup

PAGE_FIELDS = ("lead", "background", "purpose", "target_group", "focus", "join_policy")


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
    require(
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
    require(
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
    require(
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
