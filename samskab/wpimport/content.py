"""WordPress post HTML to the project's Markdown.

Block-editor comments go, shortcodes are converted (``[caption]``, ``[embed]``, ``[gallery]``)
or removed and named, classic-editor text gets its paragraphs, images and links to the old
uploads folder point at the imported files (images become links: the site's rich text has
no inline images), then the HTML is cleaned by the project's sanitiser
(``core.richtext.sanitize_html``) and only then turned into Markdown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

import lxml.html
from lxml import etree
from markdownify import markdownify

from samskab.core.richtext import sanitize_html

# Bump when the conversion changes: every imported item then counts as changed.
CONVERTER_VERSION = 1

_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
_CAPTION = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.S | re.I)
_EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S | re.I)
_GALLERY = re.compile(r"\[gallery([^\]]*)\]", re.I)
_PAIRED = re.compile(r"\[([a-zA-Z][\w-]*)(\s[^\]]*)?\](.*?)\[/\1\]", re.S)
_SINGLE = re.compile(r"\[([a-zA-Z][\w-]*)\s+[^\]]*=[^\]]*\]")
_IDS = re.compile(r"""ids\s*=\s*["']?([\d,\s]+)""")
_BLOCK_TAGS = re.compile(r"<(p|div|h[1-6]|ul|ol|table|blockquote|pre|figure)\b", re.I)
_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")
UPLOADS = "/wp-content/uploads/"

# (new url, text) for an uploads key ("2014/05/x.jpg") or None.
FileLookup = Callable[[str], tuple[str, str] | None]


def upload_key(url: str) -> str | None:
    """``https://x/wp-content/uploads/2014/05/a-300x200.jpg?v=1`` -> ``2014/05/a.jpg``."""
    path = unquote(urlsplit(url or "").path)
    if UPLOADS not in path:
        return None
    key = path.split(UPLOADS, 1)[1].strip("/")
    return _SIZE_SUFFIX.sub("", key) or None


def plain_text(value: str) -> str:
    """An excerpt or a title as plain text: tags dropped, entities decoded."""
    text = re.sub(r"<[^>]+>", " ", value or "")
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def _autop(text: str) -> str:
    """WordPress's classic editor keeps paragraphs as blank lines: give them <p>."""
    if _BLOCK_TAGS.search(text):
        return text
    parts = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join("<p>" + p.replace("\n", "<br>\n") + "</p>\n" for p in parts)


def _shortcodes(text: str, files_by_id: Callable[[int], tuple[str, str] | None], notes) -> str:
    def caption(match):
        inner = match.group(1)
        img = re.search(r"<img\b[^>]*>", inner, re.I)
        words = plain_text(re.sub(r"<img\b[^>]*>", "", inner, flags=re.I))
        out = f"<p>{img.group(0)}</p>" if img else ""
        return out + (f"<p><em>{html.escape(words)}</em></p>" if words else "")

    def embed(match):
        url = html.escape(match.group(1).strip())
        return f'<p><a href="{url}">{url}</a></p>'

    def gallery(match):
        ids = _IDS.search(match.group(1) or "")
        links = []
        for raw in ids.group(1).split(",") if ids else []:
            found = files_by_id(int(raw)) if raw.strip().isdigit() else None
            if found:
                links.append(f'<li><a href="{found[0]}">{html.escape(found[1])}</a></li>')
        if not links:
            notes.append("[gallery]")
            return ""
        return "<ul>" + "".join(links) + "</ul>"

    def paired(match):
        notes.append(f"[{match.group(1)}]")
        return match.group(3)

    def single(match):
        notes.append(f"[{match.group(1)}]")
        return ""

    text = _CAPTION.sub(caption, text)
    text = _EMBED.sub(embed, text)
    text = _GALLERY.sub(gallery, text)
    text = _PAIRED.sub(paired, text)
    return _SINGLE.sub(single, text)


def _rewrite(fragment: str, lookup: FileLookup, notes) -> str:
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for img in list(root.iter("img")):
        src = img.get("src", "")
        found = lookup(upload_key(src) or "")
        alt = (img.get("alt") or "").strip()
        link = etree.Element("a")
        if found:
            link.set("href", found[0])
            link.text = alt or found[1]
        else:
            notes.append(src)
            link.set("href", src)
            link.text = alt or src.rsplit("/", 1)[-1]
        link.tail = img.tail
        img.getparent().replace(img, link)
    for a in root.iter("a"):
        key = upload_key(a.get("href", ""))
        if key:
            found = lookup(key)
            if found:
                a.set("href", found[0])
            else:
                notes.append(a.get("href", ""))
    return "".join(
        [root.text and html.escape(root.text) or ""]
        + [etree.tostring(child, encoding="unicode", method="html") for child in root]
    )


def to_markdown(
    content: str,
    *,
    lookup: FileLookup,
    files_by_id: Callable[[int], tuple[str, str] | None],
) -> tuple[str, list[str], list[str]]:
    """(Markdown, shortcodes removed, file addresses not found)."""
    shortcodes: list[str] = []
    missing: list[str] = []
    text = _BLOCK_COMMENT.sub("", content or "")
    text = _autop(text)
    text = _shortcodes(text, files_by_id, shortcodes)
    if not text.strip():
        return "", shortcodes, missing
    text = _rewrite(text, lookup, missing)
    clean = str(sanitize_html(text))
    # No <autolinks>: the site escapes raw "<" before it renders Markdown.
    markdown = markdownify(clean, heading_style="ATX", bullets="-", autolinks=False)
    markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip()
    return markdown, shortcodes, missing
