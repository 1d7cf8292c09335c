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
    r, g, b = colorsys.hls_to_rgb(h, min(1.0, max(0.0, lightness)), s)
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (r, g, b)))


def _luminance(hex_colour: str) -> float:
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _lightness(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[1]


def darkened_until(hex_colour: str, backgrounds, ratio: float = 4.5, start=None) -> str:
    """``hex_colour`` at ``start`` lightness (never lighter than it is), darkened step by
    step until it reaches ``ratio`` against every one of ``backgrounds``; black at the end."""
    lightness = max(0.0, min(_lightness(hex_colour), start if start is not None else 1.0))
    colour = _shade(hex_colour, lightness)
    while min(contrast(colour, bg) for bg in backgrounds) < ratio:
        if lightness <= 0:
            return "#000000"
        lightness = max(0.0, lightness - 0.01)
        colour = _shade(hex_colour, lightness)
    return colour


def lightened_until(hex_colour: str, background: str, ratio: float = 4.5, start=0.93) -> str:
    """``hex_colour`` at ``start`` lightness, lightened until it reaches ``ratio`` on
    ``background``; white at the end."""
    lightness = start
    colour = _shade(hex_colour, lightness)
    while contrast(colour, background) < ratio:
        if lightness >= 1:
            return "#ffffff"
        lightness = min(1.0, lightness + 0.01)
        colour = _shade(hex_colour, lightness)
    return colour


WHITE = "#ffffff"
# The light backgrounds accent text sits on: white, the neutral tinted background and
# surface of the Designsystemet theme (footer, cards), and the accent's own tints.
NEUTRAL_LIGHT_BACKGROUNDS = ("#ffffff", "#f3f4f4", "#e7e9ea")


def accessible_base(hex_colour: str) -> str:
    """The brand colour, darkened until white text on it reaches WCAG AA (4.5:1)."""
    if contrast(hex_colour.lower(), WHITE) >= 4.5:
        return hex_colour
    return darkened_until(hex_colour, [WHITE])


def theme_tokens(brand: str) -> dict[str, str]:
    """Designsystemet accent tokens (light mode) for a brand colour, any colour: every
    token used for text (links, secondary buttons, badges, text on a filled button) reaches
    WCAG AA (4.5:1) on every background it is drawn on, hover and active states too."""
    brand = brand.lower()
    base = accessible_base(brand).lower()
    tints = {
        "background-tinted": _shade(brand, 0.97),
        "surface-tinted": _shade(brand, 0.93),
        "surface-hover": _shade(brand, 0.89),
        "surface-active": _shade(brand, 0.84),
    }
    light_backgrounds = [*NEUTRAL_LIGHT_BACKGROUNDS, *tints.values()]
    text_subtle = darkened_until(base, light_backgrounds, 4.5, start=0.30)
    text_default = darkened_until(base, light_backgrounds, 7.0, start=0.15)
    base_lightness = _lightness(base)
    base_hover = darkened_until(base, [WHITE], 4.5, start=base_lightness - 0.05)
    base_active = darkened_until(base, [WHITE], 4.5, start=base_lightness - 0.10)
    contrast_subtle = lightened_until(brand, base, 4.5)
    return {
        **tints,
        "border-subtle": _shade(brand, 0.75),
        "border-default": darkened_until(base, light_backgrounds, 3.0, start=0.40),
        "border-strong": darkened_until(base, light_backgrounds, 4.5, start=0.30),
        "text-subtle": text_subtle,
        "text-default": text_default,
        "base-default": base,
        "base-hover": base_hover,
        "base-active": base_active,
        "base-contrast-subtle": contrast_subtle,
        "base-contrast-default": WHITE,
    }


def network_by_slug(request, slug):
    """The network with this slug, or None (the default colours)."""
    return Network.objects.filter(slug=slug).only("brand_colour").first()


@require_GET
@cache_control(public=True, max_age=3600)
@guard("networks.view_directory", get=network_by_slug)
def theme_css(request, network):
    """The network's brand colour as Designsystemet accent tokens (light mode)."""
    tokens = theme_tokens(network.brand_colour if network else "#0062BA")
    body = (
        ":root, [data-color-scheme=light] {\n"
        + "".join(f"  --ds-color-accent-{name}: {value};\n" for name, value in tokens.items())
        + "}\n"
    )
    return HttpResponse(body, content_type="text/css; charset=utf-8")
