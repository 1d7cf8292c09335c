"""Where uploaded files are stored."""

import logging
import uuid

logger = logging.getLogger(__name__)


def unguessable_name(folder: str, filename: str) -> str:
    """A stored file's name: a random folder under ``folder`` keeps the name unguessable
    and lets two files share a name, while the file keeps its own name (downloads send it
    as the file name). Files are still served only by permission-checked views."""
    return f"{folder}/{uuid.uuid4().hex}/{filename}"


def store_file(field_file, name: str, content) -> None:
    """``field_file.save(name, content, save=False)``, with a storage that cannot take the
    file (a full disk, a quota, an unreachable object store) turned into a ValidationError
    the form shows. Call it inside the transaction that saves the row, before the row: the
    row is then never saved without its file."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    field = field_file.field
    storage = field_file.storage
    target = field.generate_filename(field_file.instance, name)
    try:
        field_file.name = storage.save(target, content, max_length=field.max_length)
    except OSError as exc:
        logger.error("Storing an upload failed: %s", exc)
        try:  # FileSystemStorage leaves what it wrote before the disk filled up
            if storage.exists(target):
                storage.delete(target)
        except OSError:
            logger.exception("Could not remove the partly stored %s", target)
        raise ValidationError(
            _(
                "The file could not be stored: the server has no room for it now. Nothing "
                "was saved; please try again later."
            ),
            code="storage",
        ) from exc
    setattr(field_file.instance, field.attname, field_file.name)
    field_file._committed = True
