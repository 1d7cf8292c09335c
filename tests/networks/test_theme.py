import pytest

from samskab.networks.theme import _luminance, accessible_base


@pytest.mark.django_db
def test_theme_css_uses_the_brand_colour_with_readable_contrast(client, dk_network):
    dk_network.brand_colour = "#FFD700"  # a light yellow: white text on it would be unreadable
    dk_network.save()
    css = client.get(f"/theme/{dk_network.slug}.css").content.decode()
    base = css.split("--ds-color-accent-base-default: ")[1][:7]
    assert base != "#ffd700"
    assert 1.05 / (_luminance(base) + 0.05) >= 4.5


def test_accessible_base_keeps_dark_colours():
    assert accessible_base("#0b6e4f") == "#0b6e4f"


COLOURS = [
    "#0B6E4F",  # the Danish demo network: its old link colour reached 4.28:1 on white
    "#1F4E8C",
    "#0e8b64",
    "#FFD700",
    "#FFFFFF",
    "#000000",
    "#00FF00",
    "#FF0000",
    "#0062BA",
    "#7FFFD4",
    "#C71585",
    "#808080",
    *[f"#{(n * 2654435761) % 0xFFFFFF:06x}" for n in range(1, 60)],
]


@pytest.mark.parametrize("brand", COLOURS)
def test_every_text_token_reaches_aa_on_its_backgrounds_for_any_brand(brand):
    from samskab.networks.theme import NEUTRAL_LIGHT_BACKGROUNDS, contrast, theme_tokens

    tokens = theme_tokens(brand)
    light = [
        *NEUTRAL_LIGHT_BACKGROUNDS,
        *(tokens[t] for t in ("background-tinted", "surface-tinted", "surface-hover")),
        tokens["surface-active"],
    ]
    for text in ("text-subtle", "text-default", "border-strong"):
        for background in light:
            assert contrast(tokens[text], background) >= 4.5, (brand, text, background)
    # Filled buttons and badges: white or the subtle contrast colour on every state.
    for state in ("base-default", "base-hover", "base-active"):
        for text in ("base-contrast-default", "base-contrast-subtle"):
            assert contrast(tokens[text], tokens[state]) >= 4.5, (brand, text, state)
    # Non-text borders of inputs reach 3:1 (WCAG 1.4.11).
    for background in light:
        assert contrast(tokens["border-default"], background) >= 3.0, (brand, background)


@pytest.mark.django_db
def test_demo_network_links_reach_aa_on_white_and_the_footer(client, dk_network):
    from samskab.networks.theme import contrast

    dk_network.brand_colour = "#0B6E4F"
    dk_network.save()
    css = client.get(f"/theme/{dk_network.slug}.css").content.decode()
    link = css.split("--ds-color-accent-text-subtle: ")[1][:7]
    assert contrast(link, "#ffffff") >= 4.5
    assert contrast(link, "#f3f4f4") >= 4.5  # the footer's neutral tinted background
