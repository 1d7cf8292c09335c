"""The one place where user-written text becomes HTML.

Markdown is rendered and then sanitised with nh3, so whatever a person types, the page only
ever gets a small, safe subset of HTML. Plain text (comments) gets its links made clickable.

Rendering is memoised: the HTML of a text is kept (in this process, and in the shared cache
for the other workers) under a key made of the text's hash and ``SANITISER_VERSION``, which
also covers the allowed tags, attributes and URL schemes, the Markdown extensions and the
versions of nh3 and Markdown. Bump ``SANITISER_VERSION`` whenever the rendering changes in a
way those do not capture: every memoised HTML is then rendered again on its next use.
"""

import hashlib
from collections import OrderedDict
from importlib.metadata import version as _package_version
from threading import Lock

import markdown as markdown_lib
import nh3
from django.core.cache import cache
from django.utils.html import escape, urlize
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
LINK_REL = "noopener noreferrer nofollow"
MARKDOWN_EXTENSIONS = ["tables", "sane_lists"]

# Bump when the output of render_markdown/render_plain_text changes for the same input.
SANITISER_VERSION = 1


def _fingerprint() -> str:
    settings_text = repr(
        (
            SANITISER_VERSION,
            sorted(ALLOWED_TAGS),
            sorted((tag, sorted(attrs)) for tag, attrs in ALLOWED_ATTRIBUTES.items()),
            sorted(URL_SCHEMES),
            LINK_REL,
            MARKDOWN_EXTENSIONS,
            _package_version("nh3"),
            _package_version("markdown"),
        )
    )
    return hashlib.sha256(settings_text.encode()).hexdigest()[:16]


RENDER_KEY = _fingerprint()
_MEMO_SIZE = 4096  # texts kept per process
_MEMO_SHARED_SECONDS = 7 * 24 * 3600
_memo: OrderedDict[str, str] = OrderedDict()
_memo_lock = Lock()


def _memoised(kind: str, text: str, render) -> SafeString:
    digest = hashlib.blake2b(text.encode(), digest_size=20).hexdigest()
    key = f"richtext:{RENDER_KEY}:{kind}:{digest}"
    with _memo_lock:
        html = _memo.get(key)
        if html is not None:
            _memo.move_to_end(key)
    if html is None:
        html = cache.get(key)
        if html is None:
            html = str(render(text))
            cache.set(key, html, _MEMO_SHARED_SECONDS)
        with _memo_lock:
            _memo[key] = html
            while len(_memo) > _MEMO_SIZE:
                _memo.popitem(last=False)
    return mark_safe(html)  # noqa: S308 - rendered and sanitised by this module


def clear_memo() -> None:
    """Forget this process's memoised HTML (tests; the shared cache keys carry the version)."""
    with _memo_lock:
        _memo.clear()


def sanitize_html(html: str) -> SafeString:
    """Clean arbitrary HTML down to the allowed subset. Links get rel=noopener."""
    cleaned = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 output is safe by construction


def _render_markdown(text: str) -> SafeString:
    html = markdown_lib.markdown(escape(text), extensions=MARKDOWN_EXTENSIONS)
    # escape() turned quotes into entities; markdown leaves them, which is fine for HTML.
    return sanitize_html(html)


def render_markdown(text: str) -> SafeString:
    """Markdown (with tables) to sanitised HTML. Raw HTML in the input is escaped first."""
    if not text:
        return mark_safe("")  # noqa: S308
    return _memoised("md", text, _render_markdown)


def render_plain_text(text: str) -> SafeString:
    """Plain text with paragraphs and clickable links, nothing else."""
    if not text:
        return mark_safe("")  # noqa: S308
    return _memoised("plain", text, _render_plain_text)


def _render_plain_text(text: str) -> SafeString:
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    html = "".join(
        "<p>" + urlize(escape(p), nofollow=True).replace("\n", "<br>") + "</p>" for p in paragraphs
    )
    return sanitize_html(html)
