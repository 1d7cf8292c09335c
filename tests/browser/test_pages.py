"""The network's static pages in a real browser: the secretariat writes the page in two
languages and puts it in the menu; the form, the page, the list and the delete confirmation
pass axe; the menu is reached by keyboard and fits 390 px."""

import pytest
from playwright.sync_api import expect

from samskab.networks.models import Role
from samskab.news.models import Page
from tests.conftest import TOTP_SECRET, make_user_with_role
from tests.factories import PASSWORD

from .conftest import assert_no_axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def fits(page, width=390):
    page.set_viewport_size({"width": width, "height": 800})
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"{page.url} is {overflow} px wide at {width} px"


def test_page_written_put_in_the_menu_and_deleted(page, dk_network, live_server):
    staff = make_user_with_role(dk_network, Role.Kind.SECRETARIAT, mfa=True)
    log_in(page, staff.email, PASSWORD, totp_secret=TOTP_SECRET, lang="en")
    page.goto("/en/pages/new/")
    assert_no_axe_violations(page, "page form")
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()  # nothing filled in: the error summary
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert_no_axe_violations(page, "page form with errors")
    page.get_by_label("Title (Danish)").fill("Om netværket og medlemskabet af Sund By Netværket")
    page.get_by_label("Text (Danish)").fill("## Hvem vi er\n\nEt netværk af kommuner.")
    page.get_by_label("Title (English)").fill("About the network")
    page.get_by_label("Short description (English)").fill("Who we are.")
    page.get_by_label("Text (English)").fill("## Who we are\n\nA network of municipalities.")
    page.get_by_label("Published (readers can see the page)").check()
    page.get_by_label("Place in the main menu").fill("1")
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("About the network")
    assert_no_axe_violations(page, "page")
    fits(page)

    # Anyone reaches it from the menu, by keyboard, on a phone.
    context = page.context.browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 800}
    )
    reader = context.new_page()
    reader.goto("/da/news/")
    link = reader.get_by_role("navigation", name="Hovedmenu").get_by_role(
        "link", name="Om netværket og medlemskabet af Sund By Netværket"
    )
    expect(link).to_be_hidden()  # behind the collapsed menu on a phone
    for _step in range(10):
        reader.keyboard.press("Tab")
        if reader.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    else:
        pytest.fail("the menu button was not reached by keyboard")
    reader.keyboard.press("Enter")
    expect(link).to_be_visible()
    for _step in range(40):
        reader.keyboard.press("Tab")
        if reader.evaluate("document.activeElement.textContent").startswith("Om netværket"):
            break
    else:
        pytest.fail("the menu's page link was not reached by keyboard")
    with reader.expect_navigation():
        reader.keyboard.press("Enter")
    expect(reader.get_by_role("heading", level=1)).to_have_text(
        "Om netværket og medlemskabet af Sund By Netværket"
    )
    fits(reader)
    assert_no_axe_violations(reader, "page in Danish at 390 px")
    context.close()

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/en/pages/")
    assert_no_axe_violations(page, "list of pages")
    fits(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    with page.expect_navigation():
        page.locator("main a[href$='/delete/']").first.click()
    assert_no_axe_violations(page, "delete confirmation")
    with page.expect_navigation():
        page.get_by_role("button", name="Delete").click()
    expect(page.get_by_text("The page is deleted.")).to_be_visible()
    assert not Page.objects.exists()
