"""Checking uploaded materials by their content, not their name."""

import io
import zipfile

import puremagic
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

MAX_MATERIAL_SIZE = 20 * 1024 * 1024  # 20 MB

# File-name extension -> (family detected from the content, content type served).
ALLOWED = {
    "pdf": ("pdf", "application/pdf"),
    "docx": (
        "ooxml-word",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": ("ooxml-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": (
        "ooxml-powerpoint",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "doc": ("ole", "application/msword"),
    "xls": ("ole", "application/vnd.ms-excel"),
    "ppt": ("ole", "application/vnd.ms-powerpoint"),
    "odt": ("odf", "application/vnd.oasis.opendocument.text"),
    "ods": ("odf", "application/vnd.oasis.opendocument.spreadsheet"),
    "odp": ("odf", "application/vnd.oasis.opendocument.presentation"),
    "png": ("png", "image/png"),
    "jpg": ("jpeg", "image/jpeg"),
    "jpeg": ("jpeg", "image/jpeg"),
    "gif": ("gif", "image/gif"),
    "webp": ("webp", "image/webp"),
}
ALLOWED_LABEL = "PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, GIF, WebP"


def _family(data: bytes) -> str | None:
    """What the bytes really are, as one of the families in ``ALLOWED``."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "mimetype" in names:
                    mimetype = archive.read("mimetype").decode("ascii", "replace")
                    return "odf" if mimetype.startswith("application/vnd.oasis") else None
                if "[Content_Types].xml" not in names:
                    return None
                if any(n.startswith("word/") for n in names):
                    return "ooxml-word"
                if any(n.startswith("xl/") for n in names):
                    return "ooxml-excel"
                if any(n.startswith("ppt/") for n in names):
                    return "ooxml-powerpoint"
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        return None
    # Anything else: ask puremagic, which knows many more signatures, only to name it.
    return None


def describe(data: bytes) -> str:
    try:
        return puremagic.from_string(data) or _("an unknown type")
    except puremagic.PureError:
        return _("an unknown type")


def clean_filename(name: str) -> str:
    name = get_valid_filename((name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1])
    return name[:180] or "file"


def check_material(filename: str, data: bytes) -> str:
    """Validate a material's name and content; return the content type to serve it with.

    Raises ``ValidationError`` with a message a person can act on.
    """
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    if len(data) > MAX_MATERIAL_SIZE:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(len(data)), "limit": filesizeformat(MAX_MATERIAL_SIZE)},
            code="too_large",
        )
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in ALLOWED:
        raise ValidationError(
            _("Files of this type cannot be uploaded. Allowed: %(types)s.")
            % {"types": ALLOWED_LABEL},
            code="bad_extension",
        )
    family, content_type = ALLOWED[extension]
    found = _family(data)
    if found != family:
        raise ValidationError(
            _(
                "The file's content does not match its name (.%(ext)s); it looks like %(found)s. "
                "Allowed: %(types)s."
            )
            % {"ext": extension, "found": describe(data), "types": ALLOWED_LABEL},
            code="bad_content",
        )
    return content_type
