"""Programmes in a real browser: a municipality fills in the seed's application form
(people by role, the live word counter, the error summary, draft and submission), the call
page and the form in three languages; axe on every page and 390 px wide."""

import datetime

import pytest
from playwright.sync_api import expect

from samskab.programmes.models import Application
from tests.factories import PASSWORD
from tests.programmes.conftest import make_call

from .conftest import assert_no_axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def fits(page, width=390):
    page.set_viewport_size({"width": width, "height": 800})
    overflow = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size({"width": 1280, "height": 800})
    assert overflow <= width, f"{page.url} is {overflow} px wide at {width} px"


@pytest.fixture
def open_call(staff_user, dk_network):
    today = datetime.date.today()
    return make_call(
        staff_user,
        dk_network,
        opens=today - datetime.timedelta(days=3),
        deadline=today + datetime.timedelta(days=20),
        year=today.year + 1,
    )


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("da", "Ansøgningsskemaet"), ("nb", "Søknadsskjemaet"), ("en", "The application form")],
)
def test_call_page_in_three_languages(page, open_call, lang, heading):
    edition = open_call.edition
    page.goto(f"/{lang}/programmes/{edition.programme.slug}/{edition.year}/")
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    assert_no_axe_violations(page, f"call page ({lang})")
    fits(page)
    page.goto(f"/{lang}/programmes/")
    assert_no_axe_violations(page, f"programme list ({lang})")
    fits(page)


def test_a_municipality_applies_with_the_seed_form(page, open_call, org_editor, member_org):
    edition = open_call.edition
    log_in(page, org_editor.email, PASSWORD)
    page.goto(f"/da/programmes/{edition.programme.slug}/{edition.year}/")
    with page.expect_navigation():
        page.get_by_role("button", name=f"Ansøg på vegne af {member_org.name}").click()
    assert_no_axe_violations(page, "empty application form")
    fits(page)

    # Half done, then submit: the error summary links to what is missing.
    page.get_by_label("Kommune", exact=True).fill(member_org.name)
    area = page.get_by_label("Beskriv lokalområdet", exact=False)
    area.fill("Et område med mange foreninger og et stærkt beboerdemokrati")
    expect(page.locator(".fb-counter").first).to_contain_text("9 ord")
    with page.expect_navigation():
        page.get_by_role("button", name="Indsend ansøgningen").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link", name="Det valgte geografiske område")).to_be_visible()
    assert_no_axe_violations(page, "application form with errors")
    fits(page)
    # Nothing typed was lost.
    expect(page.get_by_label("Kommune", exact=True)).to_have_value(member_org.name)
    application = Application.objects.get()
    assert application.status == "draft"

    contact = page.get_by_role("group", name="Kontaktperson, person 1")
    contact.get_by_label("Navn").fill("Karen Kontakt")
    contact.get_by_label("Titel").fill("Sundhedskonsulent")
    leader = page.get_by_role("group", name="Chef/ledelsesniveau, person 1")
    leader.get_by_label("Navn").fill("Lis Leder")
    leader.get_by_label("Titel").fill("Sundhedschef")
    page.get_by_label("Hvad er målet med jeres indsats?").fill("Flere fællesskaber.")
    page.get_by_label("Beskriv med hvem og hvordan", exact=False).fill("Frivillighedscentret.")
    page.get_by_label("Det valgte geografiske område").fill("Nordbyen")
    with page.expect_navigation():
        page.get_by_role("button", name="Gem som kladde").click()
    expect(page.get_by_text("Jeres kladde er gemt.")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Indsend ansøgningen").click()
    expect(page.get_by_text("Jeres ansøgning er indsendt.", exact=False)).to_be_visible()
    assert_no_axe_violations(page, "submitted application")
    fits(page)
    application.refresh_from_db()
    assert application.status == "submitted"
    assert {p["name"] for p in application.answers["deltagere"]} == {"Lis Leder"}


def test_staff_build_and_preview_the_form(page, open_call, staff_user):
    from tests.conftest import TOTP_SECRET

    log_in(page, staff_user.email, PASSWORD, TOTP_SECRET)
    page.goto(f"/da/forms/{open_call.form.pk}/")
    assert_no_axe_violations(page, "form builder")
    fits(page)
    page.goto(f"/da/forms/{open_call.form.pk}/preview/")
    assert_no_axe_violations(page, "form preview")
    edition = open_call.edition
    page.goto(f"/da/programmes/{edition.programme.slug}/{edition.year}/applications/")
    assert_no_axe_violations(page, "review list")
    fits(page)
