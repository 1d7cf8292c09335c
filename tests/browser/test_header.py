"""The header on a phone and on a desktop (issue 20, point 17): on a phone a collapsed
menu (a <details> disclosure, so it works by keyboard and without JavaScript) and the
search box with its button on one line; on a desktop every menu link shows at once."""

import pytest
from playwright.sync_api import expect

from .conftest import assert_fits, assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def _header(page):
    return page.locator("header.site-header").bounding_box()


def _same_line(page):
    field = page.locator("#site-search-q").bounding_box()
    button = page.locator(".site-search button").bounding_box()
    return abs(field["y"] - button["y"]) < 8 and button["x"] > field["x"]


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("width", [320, 390])
def test_a_phone_gets_a_collapsed_menu(browser, live_server, dk_network, width, javascript):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": width, "height": 800},
        java_script_enabled=javascript,
    )
    page = context.new_page()
    page.goto("/da/cases/")
    cases = page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Casebank")
    expect(cases).to_be_hidden()
    # Brand, menu button and search take less than a quarter of the screen.
    assert _header(page)["height"] < 200, _header(page)
    assert _same_line(page)
    assert_fits(page, width, "closed menu")
    # By keyboard: Tab to the menu button, Enter opens it, the links follow.
    for _step in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    else:
        pytest.fail("the menu button was not reached by keyboard")
    expect(page.locator(":focus")).to_have_text("Menu")
    page.keyboard.press("Enter")
    expect(cases).to_be_visible()
    expect(page.get_by_role("link", name="Log ind")).to_be_visible()
    assert_fits(page, width, "open menu")
    if javascript:
        assert_no_axe_violations(page, f"open menu at {width} px")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Forside")
    with page.expect_navigation():
        cases.click()
    assert page.url.endswith("/da/cases/")
    context.close()


def test_a_desktop_shows_every_link_without_a_menu_button(page, dk_network):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/da/")
    nav = page.get_by_role("navigation", name="Hovedmenu")
    for name in ("Forside", "Nyheder", "Casebank", "Arrangementer"):
        expect(nav.get_by_role("link", name=name)).to_be_visible()
    expect(page.locator(".site-menu > summary")).to_be_hidden()
    assert _same_line(page)
    assert _header(page)["height"] < 220
    assert_no_axe_violations(page, "header at 1280 px")
