"""Each network's brand colour as Designsystemet theme tokens (``/theme/<slug>.css``)."""

import colorsys

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from samskab.core.guards import guard

from .models import Network


def _shade(hex_colour: str, lightness: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    h, _l, s = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb(h, lightness, s)
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (r, g, b)))


def _luminance(hex_colour: str) -> float:
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def accessible_base(hex_colour: str) -> str:
    """The brand colour, darkened until white text on it reaches WCAG AA (4.5:1)."""
    colour = hex_colour
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    _h, lightness, _s = colorsys.rgb_to_hls(r, g, b)
    while (1.05 / (_luminance(colour) + 0.05)) < 4.5 and lightness > 0.05:
        lightness -= 0.02
        colour = _shade(hex_colour, lightness)
    return colour


def network_by_slug(request, slug):
    """The network with this slug, or None (the default colours)."""
    return Network.objects.filter(slug=slug).only("brand_colour").first()


@require_GET
@cache_control(public=True, max_age=3600)
@guard("networks.view_directory", get=network_by_slug)
def theme_css(request, network):
    """The network's brand colour as Designsystemet accent tokens (light mode)."""
    brand = network.brand_colour if network else "#0062BA"
    base = accessible_base(brand)
    tokens = {
        "background-tinted": _shade(brand, 0.97),
        "surface-tinted": _shade(brand, 0.93),
        "surface-hover": _shade(brand, 0.89),
        "surface-active": _shade(brand, 0.84),
        "border-subtle": _shade(brand, 0.75),
        "border-default": _shade(base, 0.40),
        "border-strong": _shade(base, 0.30),
        "text-subtle": _shade(base, 0.30),
        "text-default": _shade(base, 0.15),
        "base-default": base,
        "base-hover": _shade(base, 0.25),
        "base-active": _shade(base, 0.20),
        "base-contrast-subtle": _shade(brand, 0.93),
    }
    body = (
        ":root, [data-color-scheme=light] {\n"
        + "".join(f"  --ds-color-accent-{name}: {value};\n" for name, value in tokens.items())
        + "  --ds-color-accent-base-contrast-default: #ffffff;\n}\n"
    )
    return HttpResponse(body, content_type="text/css; charset=utf-8")
