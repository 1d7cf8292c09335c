"""The case bank in a real browser: the case page, the list's filters and the form pass axe."""

import re

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import expect

from samskab.cases.models import CaseMaterial, CaseQuality, Comment, InterventionType, Topic
from samskab.cases.taxonomy import seed
from tests.cases.factories import CaseFactory
from tests.factories import PASSWORD

from .conftest import assert_fits, assert_no_axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _patient(page):
    # Under a fully parallel suite the live server can be slow to serve the first page.
    page.set_default_timeout(30_000)
    page.set_default_navigation_timeout(30_000)


@pytest.fixture
def cases(dk_network, member_org, plain_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    seed(Topic, InterventionType)
    case = CaseFactory(
        network=dk_network,
        organisation=member_org,
        title="Bevægelsesbånd i indskolingen",
        topics=["fysisk-aktivitet", "mental-sundhed"],
        purpose_met="some",
        quote_text="Børnene er mere rolige bagefter.",
        quote_speaker="Skoleleder",
        contact_public=True,
        effect="Roligere klasser.",
        evaluation="external",
    )
    case.prevention_types.set(InterventionType.objects.filter(slug="rammer"))
    CaseQuality.objects.create(case=case, criterion="transferability", note="Let at kopiere.")
    material = CaseMaterial(
        case=case,
        title="Folder",
        filename="folder.pdf",
        content_type="application/pdf",
        size=len(PDF),
    )
    material.file.save("folder.pdf", ContentFile(PDF), save=False)
    material.save()
    top = Comment.objects.create(case=case, author=plain_user, text="Se https://example.org")
    Comment.objects.create(case=case, author=plain_user, parent=top, text="Tak!")
    CaseFactory(
        network=dk_network, organisation=member_org, title="Røgfri skoletid", topics=["tobak"]
    )
    return case


@pytest.mark.parametrize("lang", ["da", "nb", "en"])
def test_case_page_passes_axe(page, cases, lang):
    page.goto(f"/{lang}/cases/{cases.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(cases.title)
    expect(page.locator(".scale-step--chosen")).to_have_count(1)
    expect(page.get_by_role("link", name="Folder")).to_be_visible()
    assert_no_axe_violations(page, f"case page ({lang})")


def test_case_page_prints_without_buttons(page, cases):
    page.goto(f"/da/cases/{cases.slug}/")
    page.emulate_media(media="print")
    expect(page.locator(".case-toolbar")).to_be_hidden()
    expect(page.locator("#comments")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_list_filters_live_in_the_url(page, cases):
    page.goto("/da/cases/")
    expect(page.locator(".case-card")).to_have_count(2)
    assert_no_axe_violations(page, "case list")
    page.select_option("#id_f_topic", "tobak")
    expect(page.locator(".case-card")).to_have_count(1)
    expect(page).to_have_url(re.compile(r"topic=tobak"))
    page.reload()
    expect(page.locator(".case-card")).to_have_count(1)


def test_case_form_passes_axe_and_shows_errors(page, cases, org_editor):
    log_in(page, org_editor.email, PASSWORD, lang="en")
    page.goto("/en/cases/new/")
    assert_no_axe_violations(page, "case form")
    page.fill("#id_title", "")
    page.fill("#id_period_start", "2024-05-01")
    page.fill("#id_period_end", "2023-05-01")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#error-summary")).to_contain_text("The end date is before the start date.")
    assert_no_axe_violations(page, "case form with errors")
    page.fill("#id_title", "Frugt i frikvarteret")
    page.fill("#id_period_end", "")
    page.get_by_role("button", name="Save draft").click()
    expect(page).to_have_url(re.compile(r"/en/cases/frugt-i-frikvarteret/edit/$"))
    assert_no_axe_violations(page, "case edit form")


def test_unfollow_link_asks_before_it_stops_following(page, cases, plain_user):
    """The link in a follower's e-mail opens a page with a button; only the button stops
    the following (a mail scanner that opens the link changes nothing)."""
    from samskab.cases import services
    from samskab.cases.models import Follow

    follow = services.case_follow(actor=plain_user, case=cases)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/da/cases/unfollow/{services.unfollow_token(follow)}/")
    button = page.get_by_role("button", name="Stop med at følge")
    expect(button).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_axe_violations(page, "unfollow confirmation")
    assert Follow.objects.filter(pk=follow.pk).exists()
    button.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Du følger ikke længere casen")
    assert not Follow.objects.filter(pk=follow.pk).exists()


def test_live_filters_update_counts_keep_one_history_entry_and_a_clean_url(page, cases):
    page.goto("/da/cases/")
    expect(page.locator(".case-card")).to_have_count(2)
    tobak = page.locator("#id_f_topic option[value='tobak']")
    expect(tobak).to_have_text(re.compile(r"\(1\)"))
    page.select_option("#id_f_evaluation", "external")
    expect(page.locator(".case-card")).to_have_count(1)
    # the counts beside the other filters follow the chosen one
    expect(page.locator("#id_f_topic option[value='tobak']")).to_have_text(re.compile(r"\(0\)"))
    expect(page.locator("#id_f_topic option[value='mental-sundhed']")).to_have_text(
        re.compile(r"\(1\)")
    )
    expect(page.locator("#id_f_evaluation")).to_have_value("external")
    assert "=&" not in page.url and not page.url.endswith("=")
    length = page.evaluate("history.length")
    page.fill("#id_target", "børn")
    page.press("#id_target", "Enter")
    expect(page).to_have_url(re.compile(r"target=b"))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("history.length") == length + 1
    assert "topic=" not in page.url


@pytest.mark.parametrize("width", [1280, 390])
def test_contact_card_shows_a_long_address_whole(page, cases, width):
    """Issue 20, defect 11: the contact card cut long e-mail addresses off."""
    cases.contact_email = "anne-mette.christiansen-baekgaard@ringkoebing-skjern.example"
    cases.save()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/da/cases/{cases.slug}/")
    card = page.locator(".contact-card")
    link = card.get_by_role("link", name=cases.contact_email)
    expect(link).to_be_visible()
    card_right = card.evaluate("el => el.getBoundingClientRect().right")
    link_right = link.evaluate("el => Math.max(...[...el.getClientRects()].map(r => r.right))")
    assert link_right <= card_right, f"the address runs {link_right - card_right}px past"
    assert_fits(page, width, "the case page")
