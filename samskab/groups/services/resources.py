"""A group's files and links."""

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samskab.core.guards import require

from ..models import GroupResource, ThemeGroup

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
    require(
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
    require(
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
    require(
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
