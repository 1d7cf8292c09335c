"""Everything that changes the news desk. Views, forms, admin, API and commands call these.

By reader: ``articles`` (write, translate, publish, schedule), ``pages`` (static pages).
"""

from .articles import (
    LANGUAGE_CODES,
    RESERVED_SLUGS,
    TEXT_FIELDS,
    article_create,
    article_delete,
    article_publish,
    article_unpublish,
    article_update,
)
from .images import article_remove_image, article_set_image
from .pages import MENU_VERSION_KEY, page_create, page_delete, page_update

__all__ = [
    "LANGUAGE_CODES",
    "MENU_VERSION_KEY",
    "RESERVED_SLUGS",
    "TEXT_FIELDS",
    "article_create",
    "article_delete",
    "article_publish",
    "article_remove_image",
    "article_set_image",
    "article_unpublish",
    "article_update",
    "page_create",
    "page_delete",
    "page_update",
]
