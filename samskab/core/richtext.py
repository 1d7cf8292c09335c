"""The one place where user-written text becomes HTML.

Markdown is rendered and then sanitised with nh3, so whatever a person types, the page only
ever gets a small, safe subset of HTML. Plain text (comments) gets its links made clickable.
"""

import markdown as markdown_lib
import nh3
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


def sanitize_html(html: str) -> SafeString:
    """Clean arbitrary HTML down to the allowed subset. Links get rel=noopener."""
    cleaned = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 output is safe by construction


def render_markdown(text: str) -> SafeString:
    """Markdown (with tables) to sanitised HTML. Raw HTML in the input is escaped first."""
    if not text:
        return mark_safe("")  # noqa: S308
    html = markdown_lib.markdown(escape(text), extensions=["tables", "sane_lists"])
    # escape() turned quotes into entities; markdown leaves them, which is fine for HTML.
    return sanitize_html(html)


def render_plain_text(text: str) -> SafeString:
    """Plain text with paragraphs and clickable links, nothing else."""
    if not text:
        return mark_safe("")  # noqa: S308
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    html = "".join(
        "<p>" + urlize(escape(p), nofollow=True).replace("\n", "<br>") + "</p>" for p in paragraphs
    )
    return sanitize_html(html)
