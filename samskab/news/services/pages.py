"""The network's static pages: write, change and delete them (the secretariat)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samskab.core import versions
from samskab.core.guards import person, require
from samskab.core.text import single_line, slugify

from ..models import PAGE_LANGUAGES, Page
from ..selectors import MENU_VERSION_KEY

# Paths under /pages/ that are pages of their own.
RESERVED_PAGE_SLUGS = {"new", "manage"}
TEXT_FIELDS = tuple(
    f"{field}_{code}" for field in ("title", "body", "description") for code in PAGE_LANGUAGES
)


def _apply(page: Page, data: dict) -> None:
    for name in TEXT_FIELDS:
        if name in data and data[name] is not None:
            value = data[name]
            if not name.startswith("body_"):
                value = single_line(value)
            setattr(page, name, value)
    if "published" in data:
        page.published = bool(data["published"])
    if "menu_position" in data:
        page.menu_position = data["menu_position"]
    errors = {}
    if not page.languages():
        errors["title_" + (page.network.default_language or "da")] = _(
            "Give the page a title in at least one language."
        )
    for code in PAGE_LANGUAGES:
        if not getattr(page, f"title_{code}") and (
            getattr(page, f"body_{code}") or getattr(page, f"description_{code}")
        ):
            errors[f"title_{code}"] = _("A text in this language needs a title too.")
    if page.menu_position is not None and not 1 <= page.menu_position <= 999:
        errors["menu_position"] = _("Give a number from 1 to 999, or leave it empty.")
    if errors:
        raise ValidationError(errors)


def _slug(page: Page, wanted: str | None) -> str:
    others = Page.objects.filter(network=page.network)
    if page.pk:
        others = others.exclude(pk=page.pk)
    if wanted:
        slug = slugify(wanted)[:100]
        if not slug or slug in RESERVED_PAGE_SLUGS:
            raise ValidationError({"slug": _("Choose another address.")})
        if others.filter(slug=slug).exists():
            raise ValidationError({"slug": _("Another page of the network has this address.")})
        return slug
    base = slugify(page.text(page.network.default_language)["title"])[:90] or "page"
    if base in RESERVED_PAGE_SLUGS:
        base = f"{base}-page"
    slug, n = base, 2
    while others.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def _menu_changed() -> None:
    transaction.on_commit(lambda: versions.bump(MENU_VERSION_KEY))


@transaction.atomic
def page_create(*, actor, network, data: dict) -> Page:
    """A new page. ``data``: title_/body_/description_<da|nb|en>, slug (optional: made from
    the title), published, menu_position (None: not in the menu)."""
    require(actor, "news.manage_pages", network, _("Only the secretariat may write pages."))
    page = Page(network=network, updated_by=person(actor))
    _apply(page, data)
    page.slug = _slug(page, data.get("slug"))
    page.full_clean()
    page.save()
    _menu_changed()
    return page


@transaction.atomic
def page_update(*, actor, page: Page, data: dict) -> Page:
    """Change a page's text, address, publication or place in the menu."""
    require(actor, "news.change_page", page, _("Only the secretariat may change pages."))
    _apply(page, data)
    if "slug" in data and data["slug"] != page.slug:
        page.slug = _slug(page, data["slug"] or page.slug)
    page.updated_by = person(actor)
    page.full_clean()
    page.save()
    _menu_changed()
    return page


@transaction.atomic
def page_delete(*, actor, page: Page) -> None:
    require(actor, "news.delete_page", page, _("Only the secretariat may delete pages."))
    page.delete()
    _menu_changed()
