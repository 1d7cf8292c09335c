"""Events in a real browser: pages pass axe in three languages, sign-up works with one
click, the organiser checks people in on a phone-sized screen."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samskab.events.models import Event, Registration
from samskab.networks.models import Role
from tests.browser.conftest import wide_elements
from tests.conftest import TOTP_SECRET, make_user_with_role
from tests.events.factories import EventFactory, QuestionFactory, RegistrationFactory
from tests.factories import PASSWORD

from .conftest import assert_no_axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)

SECRET = "secret-room-4711"


@pytest.fixture
def event(dk_network):
    event = EventFactory(network=dk_network, title="Temamøde om lokalsamfund", capacity=1)
    QuestionFactory(event=event, label="Kostbehov")
    return event


@pytest.mark.parametrize("lang", ["da", "nb", "en"])
def test_public_event_pages_pass_axe(page, event, lang):
    past = timezone.now() - datetime.timedelta(days=3)
    EventFactory(
        network=event.network,
        title="Fortid",
        starts_at=past,
        ends_at=past + datetime.timedelta(hours=1),
    )
    for path in (
        f"/{lang}/events/",
        f"/{lang}/events/month/",
        f"/{lang}/events/past/",
        f"/{lang}/events/{event.pk}/",
        f"/{lang}/events/{event.pk}/register/public/",
    ):
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("lang", lang)
        assert SECRET not in page.content()
        assert_no_axe_violations(page, path)


def test_one_click_sign_up_then_waiting_list(page, event, browser, live_server):
    user = make_user_with_role(event.network, None)
    log_in(page, user.email, PASSWORD, lang="en")
    page.goto(f"/en/events/{event.pk}/")
    page.get_by_label("Kostbehov").fill("Vegetar")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("status").first).to_contain_text("You are signed up")
    expect(page.get_by_text(SECRET)).to_be_visible()
    assert_no_axe_violations(page, "event page, signed up")
    registration = Registration.objects.get(user=user)
    assert registration.status == "confirmed"
    assert registration.answers.get().value == "Vegetar"
    # A second person gets the waiting list and no link.
    other = make_user_with_role(event.network, None)
    context = browser.new_context(base_url=live_server.url)
    second = context.new_page()
    log_in(second, other.email, PASSWORD, lang="en")
    second.goto(f"/en/events/{event.pk}/")
    second.get_by_label("Kostbehov").fill("-")
    second.get_by_role("button", name="Sign up").click()
    expect(second.get_by_role("status").first).to_contain_text("waiting list")
    assert SECRET not in second.content()
    # The first cancels, by keyboard, through the confirm page that says what happens: the
    # second moves up at once (and not before the confirmation).
    page.get_by_role("link", name="Cancel my registration").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Cancel my registration")).to_be_visible()
    expect(page.locator("[data-confirm]")).to_contain_text("first on the waiting list")
    assert_no_axe_violations(page, "confirm cancelling a registration")
    assert Registration.objects.get(user=user).status == "confirmed"
    page.get_by_role("link", name="No, keep it").focus()
    page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("button", name="Yes, cancel the registration")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").first).to_contain_text("cancelled")
    second.reload()
    expect(second.get_by_text(SECRET)).to_be_visible()
    context.close()


def test_organiser_pages_pass_axe_and_check_in_on_a_phone(page, event):
    staff = make_user_with_role(event.network, Role.Kind.SECRETARIAT, mfa=True)
    staff.is_staff = True
    staff.save()
    registration = RegistrationFactory(event=event, name="Karen Kontakt")
    RegistrationFactory(event=event, name="Vera Venter", status=Registration.Status.WAITING)
    log_in(page, staff.email, PASSWORD, totp_secret=TOTP_SECRET)
    for path in (
        f"/da/events/{event.pk}/participants/",
        f"/da/events/{event.pk}/edit/",
        "/da/events/new/",
        f"/da/events/{event.pk}/message/",
        f"/da/events/{event.pk}/attendance/",
        f"/da/events/{event.pk}/cancel/",
        "/da/events/mine/",
    ):
        page.goto(path)
        assert_no_axe_violations(page, path)
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(f"/da/events/{event.pk}/check-in/")
    assert_no_axe_violations(page, "check-in on a phone")
    page.get_by_label("Bekræftelseskode").fill(registration.code.lower())
    page.get_by_role("button", name="Tjek ind").click()
    expect(page.get_by_role("status").first).to_contain_text("Karen Kontakt er tjekket ind")
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the check-in page scrolls sideways on a phone ({width}px)"


def test_filters_work_with_and_without_javascript(page, event, browser, live_server):
    EventFactory(
        network=event.network,
        title="Konference på stedet",
        kind=Event.Kind.CONFERENCE,
        format=Event.Format.ON_SITE,
    )
    page.goto("/da/events/")
    page.get_by_label("Type").select_option("conference")
    expect(page.get_by_text("Temamøde om lokalsamfund")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"kind=conference"))
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    plain = context.new_page()
    plain.goto("/da/events/")
    plain.get_by_label("Online eller fysisk").select_option("on_site")
    plain.get_by_role("button", name="Filtrer").click()
    expect(plain.get_by_text("Konference på stedet")).to_be_visible()
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_participants_table_fits_and_names_the_account_holders_organisation(page, event, width):
    """Issue 20, defect 10: at 1280 px the change column was off-screen, at 390 px the
    page was 929 px wide, and an account holder's row showed no organisation."""
    from tests.factories import OrganisationFactory

    staff = make_user_with_role(event.network, Role.Kind.SECRETARIAT, mfa=True)
    QuestionFactory(event=event, label="Ønsker til workshoppen")
    holder = make_user_with_role(
        event.network,
        Role.Kind.ADMIN_CONTACT,
        organisation=OrganisationFactory(name="Ringkøbing-Skjern Kommune"),
    )
    RegistrationFactory(
        event=event,
        user=holder,
        name="Anne-Mette Christiansen-Bækgaard",
        email="anne-mette.christiansen-baekgaard@ringkoebing-skjern.example",
        organisation="",
    )
    RegistrationFactory(
        event=event,
        name="Vera Venter",
        email="vera.venter.med.en.lang.adresse@kommune.example",
        status=Registration.Status.AWAITING_APPROVAL,
        registered_by=staff,
    )
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, staff.email, PASSWORD, totp_secret=TOTP_SECRET)
    page.goto(f"/da/events/{event.pk}/participants/")
    holder_row = page.get_by_role("row", name=re.compile("Anne-Mette"))
    expect(holder_row).to_contain_text("Ringkøbing-Skjern Kommune")
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= width, (
        f"the page scrolls sideways ({page_width}px at {width}px): {wide_elements(page, width)}"
    )
    if width >= 1280:
        box = page.locator(".table-scroll").first
        overflow = box.evaluate("el => el.scrollWidth - el.clientWidth")
        assert overflow <= 0, f"the table is {overflow}px wider than the page at {width}px"
        move = page.get_by_role("button", name="Flyt").last
        right = move.evaluate("el => el.getBoundingClientRect().right")
        assert right <= width
    assert_no_axe_violations(page, f"participants at {width}px")
