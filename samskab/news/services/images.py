"""An article's main image: checked by its content (the case bank's file checks), made
once at upload into a few widths with Pillow (WebP; EXIF, and with it any location, is not
carried over), stored through the storage API."""

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from samskab.cases.files import check_material, clean_filename
from samskab.core.files import unguessable_name
from samskab.core.guards import require
from samskab.core.text import single_line

from ..models import Article

MAX_IMAGE_SIZE = 10 * 1024 * 1024  # 10 MB
MAX_PIXELS = 40_000_000  # beyond this an image is refused (decompression bombs)
WIDTHS = (480, 960, 1600)
IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
IMAGE_LABEL = "PNG, JPEG, GIF, WebP"
UNREADABLE = Image.DecompressionBombError


def _bad(message: str) -> ValidationError:
    return ValidationError({"image": message})


def _open(content: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(content))
            if probe.width * probe.height > MAX_PIXELS:
                raise _bad(_("The image is too large in pixels; make it smaller first."))
            probe.verify()
            image = Image.open(io.BytesIO(content))
            image.load()
    except ValidationError:
        raise
    except (
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombWarning,
        Image.DecompressionBombError,
    ):
        raise _bad(_("The image cannot be read. Choose another file.")) from None
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert(
            "RGBA" if "transparency" in image.info or "A" in image.mode else "RGB"
        )
    return image


def image_sizes(content: bytes) -> list[tuple[int, int, bytes]]:
    """(width, height, WebP bytes) for each width up to the image's own, narrowest first."""
    image = _open(content)
    widths = [w for w in WIDTHS if w < image.width] + [min(image.width, WIDTHS[-1])]
    sizes = []
    for width in sorted(set(widths)):
        height = max(1, round(image.height * width / image.width))
        copy = image.resize((width, height), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        copy.save(out, format="WEBP", quality=82, method=4)  # no exif= : nothing carried over
        sizes.append((width, height, out.getvalue()))
    return sizes


def _delete_files(names: list[str]) -> None:
    def delete():
        for name in names:
            default_storage.delete(name)

    transaction.on_commit(delete)


@transaction.atomic
def article_set_image(
    *,
    actor,
    article: Article,
    alt: str,
    caption: str = "",
    credit: str = "",
    filename: str | None = None,
    content: bytes | None = None,
) -> Article:
    """Give the article a main image (``content``), or change the texts of the one it has.
    The alternative text is required."""
    require(
        actor,
        "news.change_article",
        article,
        _("Only the secretariat and the coordinators of the article's groups may change it."),
    )
    alt = single_line(alt)[:300]
    if not alt:
        raise ValidationError({"image_alt": _("Describe the image for those who cannot see it.")})
    if content is None and not article.image_sizes:
        raise _bad(_("Choose an image."))
    old = []
    if content is not None:
        if len(content) > MAX_IMAGE_SIZE:
            raise _bad(
                _("The image is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(len(content)), "limit": filesizeformat(MAX_IMAGE_SIZE)}
            )
        filename = clean_filename(filename or "image")
        try:
            content_type = check_material(filename, content)
        except ValidationError as exc:
            raise _bad(" ".join(exc.messages)) from None
        if content_type not in IMAGE_TYPES:
            raise _bad(_("Choose an image: %(types)s.") % {"types": IMAGE_LABEL})
        stem = filename.rsplit(".", 1)[0][:80] or "image"
        stored = []
        for width, height, data in image_sizes(content):
            name = default_storage.save(
                unguessable_name("news", f"{stem}-{width}.webp"), ContentFile(data)
            )
            stored.append({"width": width, "height": height, "name": name, "bytes": len(data)})
        old = [s["name"] for s in article.image_sizes]
        article.image_sizes = stored
    article.image_alt = alt
    article.image_caption = single_line(caption)[:300]
    article.image_credit = single_line(credit)[:200]
    article.save()
    if old:
        _delete_files(old)
    return article


@transaction.atomic
def article_remove_image(*, actor, article: Article) -> Article:
    require(
        actor,
        "news.change_article",
        article,
        _("Only the secretariat and the coordinators of the article's groups may change it."),
    )
    if not article.image_sizes:
        return article
    _delete_files([s["name"] for s in article.image_sizes])
    article.image_sizes = []
    article.image_alt = article.image_caption = article.image_credit = ""
    article.save()
    return article
