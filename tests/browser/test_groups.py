"""Theme groups in a real browser: the page in three languages, follow and support with
htmx, the coordinator's pages, old links after a rename; axe on every page."""

import re

import pytest
from playwright.sync_api import expect

from samskab.groups.models import GroupAlias, GroupMembership
from tests.factories import PASSWORD, PersonFactory, UserFactory
from tests.groups.factories import (
    GroupMembershipFactory,
    GroupResourceFactory,
    ThemeGroupFactory,
    TopicSuggestionFactory,
)

from .conftest import assert_no_axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def group(dk_network, member_org):
    group = ThemeGroupFactory(
        network=dk_network,
        name="Strategisk Lokalsamfundsudvikling",
        slug="strategisk-lokalsamfundsudvikling",
    )
    GroupAlias.objects.create(
        network=dk_network,
        group=group,
        slug="sundhed-og-lokalsamfund",
        name="Sundhed og Lokalsamfund",
    )
    contact = PersonFactory(
        name="Birgitte Vestergaard",
        organisation=member_org,
        public_consent=True,
        phone="+45 09 11 22 33",
    )
    group.contacts.create(person=contact)
    GroupResourceFactory(group=group, title="Strategisk lokalsamfunds håndbog")
    return group


@pytest.fixture
def coordinator(group):
    user = UserFactory(name="Kirsten Koordinator")
    GroupMembershipFactory(group=group, user=user, role=GroupMembership.Role.COORDINATOR)
    return user


@pytest.fixture
def member(group):
    user = UserFactory(name="Mikkel Medlem")
    GroupMembershipFactory(group=group, user=user)
    return user


@pytest.mark.parametrize(
    ("lang", "former", "background"),
    [
        ("da", "Tidligere Sundhed og Lokalsamfund", "Baggrund"),
        ("nb", "Tidligere Sundhed og Lokalsamfund", "Bakgrunn"),
        ("en", "Formerly Sundhed og Lokalsamfund", "Background"),
    ],
)
def test_group_page_in_three_languages(page, group, coordinator, lang, former, background):
    page.goto(f"/{lang}/groups/sundhed-og-lokalsamfund/")
    expect(page).to_have_url(re.compile(r"/groups/strategisk-lokalsamfundsudvikling/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(group.name)
    expect(page.get_by_text(former)).to_be_visible()
    expect(page.get_by_role("heading", name=background)).to_be_visible()
    expect(page.get_by_text("+45 09 11 22 33")).to_be_visible()
    assert_no_axe_violations(page, f"group page ({lang})")
    page.goto(f"/{lang}/groups/")
    expect(page.get_by_role("link", name=group.name)).to_be_visible()
    assert_no_axe_violations(page, f"group list ({lang})")


def test_member_follows_and_supports_with_htmx(page, group, coordinator, member):
    suggestion = TopicSuggestionFactory(group=group, author=coordinator, title="Mikropartnerskaber")
    log_in(page, member.email, PASSWORD, lang="en")
    page.goto(f"/en/groups/{group.slug}/")
    expect(page.get_by_text("You are a member of this group")).to_be_visible()
    page.get_by_role("button", name="Follow the group").click()
    expect(page.get_by_role("button", name=re.compile("^Following"))).to_be_visible()
    assert group.follows.filter(user=member).exists()
    assert_no_axe_violations(page, "group page as member")
    page.goto("/en/groups/following/")
    expect(page.get_by_role("link", name=group.name)).to_be_visible()

    page.goto(f"/en/groups/{group.slug}/suggestions/")
    page.get_by_role("button", name=re.compile(r"^Support\W+Mikropartnerskaber")).click()
    expect(page.get_by_text("1 supporter", exact=True)).to_be_visible()
    assert suggestion.supports.filter(user=member).exists()
    assert_no_axe_violations(page, "suggestions")
    page.get_by_role("textbox", name=re.compile("^Topic")).fill("Setting vs. Individ")
    page.get_by_role("button", name="Suggest", exact=True).click()
    expect(page.get_by_role("heading", name="Setting vs. Individ")).to_be_visible()


def test_coordinator_accepts_a_request_and_runs_the_group(page, group, coordinator):
    newcomer = UserFactory(name="Nina Ny")
    GroupMembershipFactory(group=group, user=newcomer, status=GroupMembership.Status.REQUESTED)
    log_in(page, coordinator.email, PASSWORD, lang="da")
    page.goto(f"/da/groups/{group.slug}/")
    page.get_by_role("link", name="Administrér medlemmer").click()
    assert_no_axe_violations(page, "members page")
    page.get_by_role("button", name="Godkend Nina Ny").click()
    expect(page.get_by_text("Nina Ny er nu medlem.")).to_be_visible()
    for path in ("edit/", "resources/"):
        page.goto(f"/da/groups/{group.slug}/{path}")
        assert_no_axe_violations(page, path)
    page.goto(f"/da/groups/{group.slug}/edit/")
    page.get_by_label("Navn").fill("Lokalsamfund og Strategi")
    page.get_by_role("button", name="Gem").click()
    expect(page).to_have_url(re.compile(r"/da/groups/lokalsamfund-og-strategi/$"))
    expect(page.get_by_text("Tidligere Strategisk Lokalsamfundsudvikling")).to_be_visible()
