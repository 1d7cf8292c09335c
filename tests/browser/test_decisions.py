"""Decisions in a real browser: a municipality's contact casts the ballot and changes it
(and a second contact of the same municipality sees who changed it last), the results page
with its chart and table; axe on every page, and each fits 390 px."""

import re

import pytest
from playwright.sync_api import expect

from samskab.decisions import services
from samskab.decisions.models import Ballot
from samskab.networks.models import Role
from tests.conftest import make_user_with_role
from tests.decisions.factories import ConsultationFactory, OptionFactory
from tests.factories import PASSWORD

from .conftest import assert_no_axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)

THEMES = [
    "Mental sundhed blandt unge",
    "Ensomhed og fællesskaber",
    "Fysisk aktivitet i hverdagen",
    "Røgfri fremtid",
    "Sund kost i institutioner",
]


def fits(page, width=390):
    page.set_viewport_size({"width": width, "height": 844})
    overflow = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert overflow <= width, f"{page.url} is {overflow}px wide at {width}px"


@pytest.fixture
def consultation(dk_network, member_org, other_org, staff_user):
    c = ConsultationFactory(
        network=dk_network,
        slug="nye-temagrupper",
        title="Hvilke temaer skal blive temagrupper?",
        question="Hvilke temaer skal netværket arbejde med i nye temagrupper?",
        background="Administrative kontakter har peget på **fem** temaer.",
        k=2,
    )
    for position, title in enumerate(THEMES):
        OptionFactory(consultation=c, title=title, position=position, description="Et tema.")
    return services.consultation_open_voting(actor=staff_user, consultation=c)


@pytest.fixture
def contact(dk_network, member_org):
    return make_user_with_role(dk_network, Role.Kind.ADMIN_CONTACT, member_org)


def test_contact_casts_and_changes_the_ballot(page, consultation, contact, member_org):
    log_in(page, contact.email, PASSWORD, lang="da")
    page.goto(f"/da/decisions/{consultation.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(consultation.title)
    expect(page.get_by_text(f"{member_org.name}: har ikke stemt endnu.")).to_be_visible()
    assert_no_axe_violations(page, "consultation while voting")
    fits(page)

    page.get_by_role("link", name="Stem", exact=True).click()
    expect(page).to_have_url(re.compile(r"/da/decisions/nye-temagrupper/vote/"))
    assert_no_axe_violations(page, "ballot")
    fits(page)
    # three options where two are allowed: the error summary, nothing saved
    for theme in THEMES[:3]:
        page.get_by_label(theme).check()
    page.get_by_role("button", name="Gem stemmesedlen").click()
    expect(page.get_by_text("Vælg højst 2 muligheder.").first).to_be_visible()
    assert not Ballot.objects.exists()
    assert_no_axe_violations(page, "ballot with an error")

    page.get_by_label(THEMES[2]).uncheck()
    page.get_by_role("button", name="Gem stemmesedlen").click()
    expect(page).to_have_url(re.compile(r"/da/decisions/nye-temagrupper/#my-ballot$"))
    expect(
        page.get_by_text(f"{member_org.name}' stemmeseddel er gemt", exact=False)
    ).to_be_visible()
    ballot = Ballot.objects.get()
    assert sorted(o.title for o in ballot.options.all()) == sorted(THEMES[:2])

    # change it: the form shows the saved choice, the page shows the change
    page.get_by_role("link", name="Ændr stemmesedlen").click()
    expect(page.get_by_label(THEMES[0])).to_be_checked()
    expect(page.get_by_label(THEMES[1])).to_be_checked()
    expect(page.get_by_label(THEMES[2])).not_to_be_checked()
    page.get_by_label(THEMES[1]).uncheck()
    page.get_by_label(THEMES[4]).check()
    page.get_by_role("button", name="Gem stemmesedlen").click()
    expect(page).to_have_url(re.compile(r"#my-ballot$"))
    section = page.locator("#my-ballot")
    expect(section).to_contain_text(f"senest ændret af {contact.name}")
    expect(section).to_contain_text(THEMES[4])
    page.get_by_text("Alle ændringer").click()
    expect(section.get_by_role("listitem")).to_have_count(2)
    assert_no_axe_violations(page, "consultation after voting")
    ballot.refresh_from_db()
    assert ballot.version == 2 and ballot.versions.count() == 2
    assert sorted(o.title for o in ballot.options.all()) == sorted([THEMES[0], THEMES[4]])
    # no counts anywhere while voting is open
    expect(page.locator("#results-heading")).to_have_count(0)
    expect(page.locator("svg.result-chart")).to_have_count(0)


def test_results_page_with_chart_and_table(
    page, consultation, contact, member_org, other_org, staff_user, dk_network
):
    other = make_user_with_role(dk_network, Role.Kind.ADMIN_CONTACT, other_org)
    ids = {o.title: o.pk for o in consultation.options.all()}
    services.ballot_cast(
        actor=contact,
        consultation=consultation,
        organisation=member_org,
        option_ids=[ids[THEMES[0]], ids[THEMES[1]]],
    )
    services.ballot_cast(
        actor=other, consultation=consultation, organisation=other_org, option_ids=[ids[THEMES[0]]]
    )
    services.consultation_close(actor=staff_user, consultation=consultation)
    services.consultation_publish(actor=staff_user, consultation=consultation)

    for lang, heading, caption in (
        ("da", "Resultat", "Stemmer pr. mulighed"),
        ("nb", None, None),
        ("en", "Results", "Votes per option"),
    ):
        page.goto(f"/{lang}/decisions/{consultation.slug}/")
        if heading:
            expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
            expect(page.get_by_role("table", name=caption)).to_be_visible()
        chart = page.get_by_role("img", name=re.compile(caption or "."))
        expect(chart).to_be_visible()
        assert_no_axe_violations(page, f"results ({lang})")
        fits(page)

    # the chart and the table carry the same figures
    bars = page.locator("svg.result-chart .bar")
    expect(bars).to_have_count(len(THEMES))
    labels = page.locator("svg.result-chart .bar-label").all_text_contents()
    assert labels[0] == f"{THEMES[0]} (2)" and labels[1] == f"{THEMES[1]} (1)"
    rows = page.locator("table tbody tr")
    expect(rows.nth(0)).to_contain_text(THEMES[0])
    expect(rows.nth(0).locator("td").nth(2)).to_have_text("2")
    expect(rows.nth(1).locator("td").nth(2)).to_have_text("1")
    widths = [float(bars.nth(i).get_attribute("width")) for i in range(2)]
    assert widths == [100.0, 50.0]
    # on a phone the chart stays inside its column; the wide table scrolls in its own
    # region, which a keyboard can reach
    page.set_viewport_size({"width": 390, "height": 844})
    assert_no_axe_violations(page, "results at 390 px")
    region = page.get_by_role("region", name="Votes per option")
    region.focus()
    expect(region).to_be_focused()
    box = page.locator("svg.result-chart").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    expect(page.get_by_text("2 of 2 municipalities voted (0 abstained).")).to_be_visible()


@pytest.fixture
def ranked_consultation(dk_network, member_org, other_org, staff_user):
    c = ConsultationFactory(
        network=dk_network,
        slug="foerste-tema",
        title="Hvilket tema først?",
        question="Hvilket tema skal netværket tage op først?",
        method="ranked",
        k=1,
    )
    for position, title in enumerate(THEMES[:4]):
        OptionFactory(consultation=c, title=title, position=position, description="Et tema.")
    return services.consultation_open_voting(actor=staff_user, consultation=c)


def test_ranked_ballot_and_the_rounds(
    page, ranked_consultation, contact, member_org, other_org, staff_user, dk_network
):
    c = ranked_consultation
    log_in(page, contact.email, PASSWORD, lang="da")
    page.goto(f"/da/decisions/{c.slug}/vote/")
    assert_no_axe_violations(page, "ranked ballot")
    fits(page)
    # a gap (1 and 3): the error summary, nothing saved, the choices kept
    page.get_by_label(f"Placering af “{THEMES[2]}”").select_option("1")
    page.get_by_label(f"Placering af “{THEMES[0]}”").select_option("3")
    page.get_by_role("button", name="Gem stemmesedlen").click()
    expect(page.get_by_text("Nummerér jeres valg 1, 2, 3 … uden huller").first).to_be_visible()
    expect(page.get_by_label(f"Placering af “{THEMES[0]}”")).to_have_value("3")
    assert not Ballot.objects.exists()
    assert_no_axe_violations(page, "ranked ballot with an error")
    # by keyboard: focus the select and choose rank 2
    page.get_by_label(f"Placering af “{THEMES[0]}”").focus()
    page.keyboard.press("ArrowUp")
    expect(page.get_by_label(f"Placering af “{THEMES[0]}”")).to_have_value("2")
    page.get_by_role("button", name="Gem stemmesedlen").click()
    expect(page).to_have_url(re.compile(r"#my-ballot$"))
    ids = {o.title: o.pk for o in c.options.all()}
    assert Ballot.objects.get().ranking == [ids[THEMES[2]], ids[THEMES[0]]]

    # a second municipality ranks another first
    other = make_user_with_role(dk_network, Role.Kind.ADMIN_CONTACT, other_org)
    services.ballot_cast(
        actor=other, consultation=c, organisation=other_org, option_ids=[ids[THEMES[1]]]
    )
    services.consultation_close(actor=staff_user, consultation=c)
    services.consultation_publish(actor=staff_user, consultation=c)
    page.goto(f"/da/decisions/{c.slug}/")
    expect(page.get_by_role("heading", name="Optællingen, runde for runde")).to_be_visible()
    rounds = page.get_by_role("table", name="Stemmer i hver runde af optællingen")
    expect(rounds).to_be_visible()
    # round 1: 1-1-0-0, the two without votes go out together; round 2: 1-1, a tie
    expect(rounds.locator("thead th")).to_have_count(3)
    expect(page.locator(".ds-alert[data-color=warning]")).to_contain_text(THEMES[1])
    assert_no_axe_violations(page, "ranked results")
    fits(page)
