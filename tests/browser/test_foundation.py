import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from samskab.networks.models import Role
from tests.conftest import TOTP_SECRET, make_user_with_role
from tests.factories import PASSWORD, MembershipFactory, PersonFactory, RoleFactory

from .conftest import assert_no_axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def network(dk_network):
    dk_network.description_da = "Et netværk af kommuner."
    dk_network.description_en = "A network of municipalities."
    dk_network.description_nb = "Et nettverk av kommuner."
    dk_network.save()
    org = MembershipFactory(
        network=dk_network, organisation__name="Silkeborg Kommune", organisation__code="740"
    ).organisation
    consenting = PersonFactory(
        organisation=org,
        name="Karen Kontakt",
        public_consent=True,
        phone="+45 01 23 45 67",
        email="karen@kommune.example",
    )
    private = PersonFactory(
        organisation=org,
        name="Hemmelig Person",
        public_consent=False,
        phone="+45 09 99 99 99",
        email="hemmelig@kommune.example",
    )
    RoleFactory(network=dk_network, person=consenting, organisation=org)
    RoleFactory(
        network=dk_network, person=private, organisation=org, kind=Role.Kind.POLITICAL_CONTACT
    )
    return dk_network


@pytest.mark.parametrize(
    ("lang", "heading", "members_link"),
    [
        ("da", "Sund By Netværket", "Medlemmer"),
        ("nb", "Sund By Netværket", "Medlemmer"),
        ("en", "Sund By Netværket", "Members"),
    ],
)
def test_front_page_in_three_languages(page, network, lang, heading, members_link):
    page.goto(f"/{lang}/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(
        page.get_by_role("navigation", name=re.compile(".")).first.get_by_role(
            "link", name=members_link
        )
    ).to_be_visible()
    assert_no_axe_violations(page, f"front page ({lang})")


def test_language_switch_keeps_the_page(page, network):
    page.goto("/da/members/")
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/members/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_language_switch_keeps_a_live_filter(page, network):
    page.goto("/da/members/")
    page.fill("#id_q", "Silke")
    expect(page).to_have_url(re.compile(r"q=Silke"))
    assert "region=" not in page.url  # an empty field stays out of the address
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/members/\?q=Silke$"))
    expect(page.locator("#id_q")).to_have_value("Silke")


def test_member_directory_shows_only_consented_contact_details(page, network):
    page.goto("/da/members/")
    expect(page.get_by_text("Silkeborg Kommune")).to_be_visible()
    expect(page.get_by_text("karen@kommune.example")).to_be_visible()
    expect(page.get_by_text("Hemmelig Person")).to_be_visible()
    assert "hemmelig@kommune.example" not in page.content()
    assert "09 99 99 99" not in page.content()
    assert_no_axe_violations(page, "member directory")
    page.fill("#id_q", "740")
    page.get_by_role("button", name="Filtrer").click()
    expect(page.get_by_role("status").first).to_contain_text("1")


def test_sign_up_verify_and_log_in(page, network):
    page.goto("/en/accounts/signup/")
    assert_no_axe_violations(page, "sign-up page")
    page.fill("input[name=name]", "Nina Ny")
    page.fill("input[name=email]", "nina@test.example")
    page.fill("input[name=password1]", "a-long-and-good-passphrase")
    page.fill("input[name=password2]", "a-long-and-good-passphrase")
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(re.compile("Verify", re.I))
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)
    page.goto(path)
    page.locator("main form button[type=submit]").click()
    page.goto("/en/me/")
    expect(page.get_by_role("heading", level=1)).to_have_text("My page")
    expect(page.get_by_text("Nina Ny")).to_be_visible()
    # Log out and back in through the form.
    page.get_by_role("button", name="Log out").click()
    log_in(page, "nina@test.example", "a-long-and-good-passphrase", lang="en")
    page.goto("/en/me/")
    expect(page.get_by_role("heading", level=1)).to_have_text("My page")
    assert_no_axe_violations(page, "my page")


def test_wrong_password_shows_an_error_summary(page, network):
    make_user_with_role(network, None)
    page.goto("/da/accounts/login/")
    page.fill("input[name=login]", "nobody@test.example")
    page.fill("input[name=password]", "wrong")
    page.locator("main form button[type=submit]").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert_no_axe_violations(page, "log-in with an error")


def test_staff_log_in_needs_the_second_factor_then_reaches_admin(page, network):
    user = make_user_with_role(network, Role.Kind.SECRETARIAT, mfa=True)
    user.is_staff = True
    user.save()
    log_in(page, user.email, PASSWORD, totp_secret=TOTP_SECRET)
    page.goto("/da/admin/networks/membership/")
    expect(page.get_by_text("Silkeborg Kommune")).to_be_visible()


def test_keyboard_only_walk_through_the_navigation(page, network):
    page.goto("/da/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text("Gå til hovedindhold")
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()
    # Tab onwards from the top of the page until the Members link is reached, then follow it.
    page.goto("/da/")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Medlemmer":
            break
    else:
        pytest.fail("The Members link could not be reached with Tab")
    focused_outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focused_outline != "none", "focused link has no visible focus indicator"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/da/members/$"))


@pytest.mark.parametrize(
    "path",
    [
        "/da/accounts/login/",
        "/en/organisations/silkeborg-kommune/",
        "/nb/privacy/",
        "/en/accessibility/",
        "/da/no-such-page/",
    ],
)
def test_other_public_pages_pass_axe(page, network, path):
    page.goto(path)
    assert_no_axe_violations(page, path)


def test_logged_in_pages_pass_axe(page, network):
    org = network.memberships.first().organisation
    user = make_user_with_role(network, Role.Kind.ORG_EDITOR, org)
    log_in(page, user.email, PASSWORD)
    for path in [
        "/da/me/",
        "/da/me/edit/",
        "/da/me/erase/",
        f"/da/organisations/{org.slug}/people/",
        "/da/accounts/email/",
        "/da/accounts/password/change/",
    ]:
        page.goto(path)
        assert_no_axe_violations(page, path)


def test_directory_filters_as_you_type_with_htmx(page, network):
    MembershipFactory(
        network=network, organisation__name="Lolland Kommune", organisation__code="360"
    )
    page.goto("/da/members/")
    expect(page.get_by_text("Lolland Kommune")).to_be_visible()
    page.fill("#id_q", "Silk")
    expect(page.get_by_text("Lolland Kommune")).to_have_count(0)
    expect(page.get_by_text("Silkeborg Kommune")).to_be_visible()
    expect(page).to_have_url(re.compile(r"q=Silk"))
