"""A streaming reader of WordPress export files (WXR, "WordPress eXtended RSS").

``read(source)`` yields the site, its authors, its terms (categories and tags) and its items
(posts, pages, attachments, custom types, each with its terms, meta and comments) one at a
time, in file order. Memory stays bounded by the largest single item: every element is
cleared once it has been read.

Hostile files are harmless: entities are never expanded, no DTD is loaded and a file with a
document type declaration is refused, nothing is fetched from the network. Characters that
XML 1.0 forbids (control characters that old WordPress databases hold) are dropped before
parsing and counted.
"""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import phpserialize
from django.utils.translation import gettext as _
from lxml import etree

WP_NS_PREFIX = "http://wordpress.org/export/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
EXCERPT_NS_PREFIX = "http://wordpress.org/export/"  # excerpt/ under the same root

# C0 controls except tab, line feed and carriage return: never valid in XML 1.0.
_FORBIDDEN = bytes(b for b in range(32) if b not in (9, 10, 13))
_CHUNK = 64 * 1024


class WXRError(Exception):
    """The file is not a WordPress export this reader will read."""


@dataclass
class Site:
    title: str = ""
    link: str = ""
    language: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""


@dataclass
class Author:
    id: str
    login: str
    email: str
    display_name: str
    first_name: str = ""
    last_name: str = ""


@dataclass
class Term:
    kind: str  # "category", "post_tag" or a custom taxonomy
    id: str
    slug: str
    name: str
    parent: str = ""


@dataclass
class Comment:
    id: str
    author: str
    author_email: str
    author_url: str
    date_gmt: str
    content: str
    approved: str
    type: str
    parent: str
    user_id: str


@dataclass
class Item:
    post_id: int
    post_type: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    modified_gmt: str = ""
    slug: str = ""
    status: str = ""
    parent: int = 0
    menu_order: int = 0
    attachment_url: str = ""
    terms: list[tuple[str, str, str]] = field(default_factory=list)  # (domain, slug, name)
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)

    def meta_value(self, key: str, default=None):
        """A meta value, PHP-unserialised when WordPress stored it serialised."""
        raw = self.meta.get(key)
        if raw is None:
            return default
        return unserialize(raw)


class _Clean:
    """A binary file wrapper that drops the bytes XML 1.0 forbids (safe in UTF-8: they never
    occur inside a multi-byte sequence) and counts them."""

    def __init__(self, raw):
        self.raw = raw
        self.dropped = 0

    def read(self, size=_CHUNK):
        data = self.raw.read(size if size and size > 0 else _CHUNK)
        cleaned = data.translate(None, _FORBIDDEN)
        self.dropped += len(data) - len(cleaned)
        return cleaned


def unserialize(value: str):
    """PHP ``serialize()`` output to Python (arrays become dicts); objects are refused and
    anything that is not serialised is returned as it is."""
    if not re.match(r"^(a|s|i|d|b):\d*[:;]", value or ""):
        return value
    try:
        return phpserialize.loads(value.encode("utf-8"), decode_strings=True)
    except (ValueError, TypeError, KeyError, IndexError):
        return value


def _local(tag) -> tuple[str, str]:
    if not isinstance(tag, str):
        return "", ""
    if tag.startswith("{"):
        ns, _sep, name = tag[1:].partition("}")
        return ns, name
    return "", tag


def _text(elem) -> str:
    return (elem.text or "").strip() if elem is not None else ""


def _name(elem) -> str:
    """A title or term name: WordPress keeps them HTML-escaped (``&amp;``, ``&#8211;``)."""
    return html.unescape(_text(elem))


def _children(elem) -> dict[str, etree._Element]:
    """The element's children by local name (namespace of the WXR version ignored)."""
    out = {}
    for child in elem:
        ns, name = _local(child.tag)
        key = "content:" + name if ns == CONTENT_NS else name
        if ns.startswith(EXCERPT_NS_PREFIX) and ns.rstrip("/").endswith("excerpt"):
            key = "excerpt:" + name
        out.setdefault(key, child)
    return out


def _int(value: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _author(elem) -> Author:
    c = _children(elem)
    return Author(
        id=_text(c.get("author_id")),
        login=_text(c.get("author_login")),
        email=_text(c.get("author_email")),
        display_name=_text(c.get("author_display_name")),
        first_name=_text(c.get("author_first_name")),
        last_name=_text(c.get("author_last_name")),
    )


def _term(elem, name: str) -> Term:
    c = _children(elem)
    if name == "category":
        return Term(
            "category",
            _text(c.get("term_id")),
            _text(c.get("category_nicename")),
            _name(c.get("cat_name")),
            _text(c.get("category_parent")),
        )
    if name == "tag":
        return Term(
            "post_tag", _text(c.get("term_id")), _text(c.get("tag_slug")), _name(c.get("tag_name"))
        )
    return Term(
        _text(c.get("term_taxonomy")),
        _text(c.get("term_id")),
        _text(c.get("term_slug")),
        _name(c.get("term_name")),
        _text(c.get("term_parent")),
    )


def _comment(elem) -> Comment:
    c = _children(elem)
    return Comment(
        id=_text(c.get("comment_id")),
        author=_text(c.get("comment_author")),
        author_email=_text(c.get("comment_author_email")),
        author_url=_text(c.get("comment_author_url")),
        date_gmt=_text(c.get("comment_date_gmt")),
        content=(c["comment_content"].text or "") if "comment_content" in c else "",
        approved=_text(c.get("comment_approved")),
        type=_text(c.get("comment_type")),
        parent=_text(c.get("comment_parent")),
        user_id=_text(c.get("comment_user_id")),
    )


def _item(elem) -> Item:
    item = Item(post_id=0, post_type="")
    for child in elem:
        ns, name = _local(child.tag)
        text = child.text or ""
        if ns == CONTENT_NS and name == "encoded":
            item.content = text
        elif ns.startswith(WP_NS_PREFIX) and ns.rstrip("/").endswith("excerpt"):
            item.excerpt = text.strip()
        elif ns == DC_NS and name == "creator":
            item.creator = text.strip()
        elif ns == "":
            if name == "title":
                item.title = _name(child)
            elif name == "link":
                item.link = text.strip()
            elif name == "guid":
                item.guid = text.strip()
            elif name == "category":
                item.terms.append(
                    (child.get("domain", ""), child.get("nicename", ""), _name(child))
                )
        elif ns.startswith(WP_NS_PREFIX):
            if name == "post_id":
                item.post_id = _int(text.strip())
            elif name == "post_type":
                item.post_type = text.strip()
            elif name == "post_date":
                item.post_date = text.strip()
            elif name == "post_date_gmt":
                item.post_date_gmt = text.strip()
            elif name == "post_modified_gmt":
                item.modified_gmt = text.strip()
            elif name == "post_name":
                item.slug = text.strip()
            elif name == "status":
                item.status = text.strip()
            elif name == "post_parent":
                item.parent = _int(text.strip())
            elif name == "menu_order":
                item.menu_order = _int(text.strip())
            elif name == "attachment_url":
                item.attachment_url = text.strip()
            elif name == "postmeta":
                c = _children(child)
                key = _text(c.get("meta_key"))
                if key:
                    item.meta[key] = (
                        c["meta_value"].text or "" if "meta_value" in c else ""
                    ).strip()
            elif name == "comment":
                item.comments.append(_comment(child))
    return item


def parse_gmt(value: str) -> datetime.datetime | None:
    """WordPress's ``YYYY-MM-DD HH:MM:SS`` in UTC (``0000-00-00 ...`` means none)."""
    if not value or value.startswith("0000"):
        return None
    try:
        return datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=datetime.UTC)
    except ValueError:
        return None


def parse_local(value: str, tz) -> datetime.datetime | None:
    """WordPress's local ``post_date`` in the site's (here: the network's) time zone."""
    if not value or value.startswith("0000"):
        return None
    try:
        return datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=tz)
    except ValueError:
        return None


_SITE_FIELDS = {"title", "link", "language"}
_SITE_WP_FIELDS = {"base_site_url", "base_blog_url", "wxr_version"}


class Reader:
    """``for kind, obj in Reader(fh)``: kind is "site" (once, before the first item),
    "author", "term" or "item". ``dropped`` counts the forbidden characters removed."""

    def __init__(self, fh):
        self._clean = _Clean(fh)

    @property
    def dropped(self) -> int:
        return self._clean.dropped

    def __iter__(self) -> Iterator[tuple[str, object]]:
        context = etree.iterparse(
            self._clean,
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            recover=True,
            remove_comments=True,
            remove_pis=True,
            huge_tree=False,
        )
        depth = 0
        site = Site()
        site_sent = False
        checked = False
        try:
            for event, elem in context:
                if event == "start":
                    depth += 1
                    if not checked:
                        checked = True
                        docinfo = elem.getroottree().docinfo
                        if docinfo.doctype or docinfo.internalDTD is not None:
                            raise WXRError(_("The file declares a document type; it is refused."))
                        if _local(elem.tag)[1] != "rss":
                            raise WXRError(_("This is not a WordPress export."))
                    continue
                depth -= 1
                if depth != 2:  # only the channel's children: rss > channel > X
                    continue
                ns, name = _local(elem.tag)
                if name == "item" and ns == "":
                    if not site_sent:
                        site_sent = True
                        yield "site", site
                    yield "item", _item(elem)
                elif ns.startswith(WP_NS_PREFIX) and name == "author":
                    yield "author", _author(elem)
                elif ns.startswith(WP_NS_PREFIX) and name in ("category", "tag", "term"):
                    yield "term", _term(elem, name)
                elif (ns == "" and name in _SITE_FIELDS) or (
                    ns.startswith(WP_NS_PREFIX) and name in _SITE_WP_FIELDS
                ):
                    setattr(site, name, _text(elem))
                # Bounded memory: forget this element and the ones before it.
                elem.clear(keep_tail=False)
                parent = elem.getparent()
                if parent is not None:
                    while elem.getprevious() is not None:
                        del parent[0]
        except etree.XMLSyntaxError as exc:
            raise WXRError(_("The file is not readable XML: %(error)s") % {"error": exc}) from exc
        if not checked:
            raise WXRError(_("The file is empty."))
        if not site_sent:
            yield "site", site
