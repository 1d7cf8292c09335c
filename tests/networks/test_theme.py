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
