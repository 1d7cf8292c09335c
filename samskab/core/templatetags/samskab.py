from django import template
from django.urls import translate_url
from django.utils.translation import get_language_info

from samskab.core.richtext import render_markdown, render_plain_text, sanitize_html

register = template.Library()


@register.filter
def markdown(text):
    return render_markdown(text)


@register.filter
def plaintext(text):
    return render_plain_text(text)


@register.filter
def sanitize(html):
    return sanitize_html(html)


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page's URL in each language, for the language switch."""
    request = context.get("request")
    from django.conf import settings

    path = request.get_full_path() if request else "/"
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": translate_url(path, code),
            }
        )
    return links


@register.simple_tag(takes_context=True)
def querystring_replace(context, **kwargs):
    """The current query string with some parameters replaced (for pagination links)."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def ds_widget(bound_field):
    """Render a form field's widget with Designsystemet's input class and, when the field
    has errors, a reference to its error message for screen readers."""
    attrs = {}
    existing = bound_field.field.widget.attrs.get("class", "")
    if "ds-input" not in existing:
        attrs["class"] = (existing + " ds-input").strip()
    if bound_field.errors:
        described = [f"{bound_field.auto_id}_error"]
        if bound_field.help_text:
            described.append(f"{bound_field.auto_id}_helptext")
        attrs["aria-describedby"] = " ".join(described)
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)
