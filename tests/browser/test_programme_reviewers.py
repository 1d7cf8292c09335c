"""Named reviewers in a real browser: the secretariat invites one by keyboard from the
call's review page, the invitee accepts the link signed in and reviews; axe on every page
and 390 px wide."""

import datetime

import pytest
from playwright.sync_api import expect

from samskab.programmes import services
from samskab.programmes.models import ReviewerInvitation
from samskab.programmes.tokens import invitation_token
from tests.factories import PASSWORD, UserFactory
from tests.programmes.conftest import make_call, submitted_application

from .conftest import assert_fits, assert_no_axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)


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


def test_staff_invite_a_reviewer_by_keyboard(page, open_call, staff_user):
    from tests.conftest import TOTP_SECRET

    edition = open_call.edition
    log_in(page, staff_user.email, PASSWORD, TOTP_SECRET)
    page.goto(f"/da/programmes/{edition.programme.slug}/{edition.year}/applications/")
    page.get_by_role("link", name="Navngivne bedømmere og invitationer").click()
    expect(page.get_by_role("heading", name=f"Bedømmere af {edition}")).to_be_visible()
    assert_no_axe_violations(page, "reviewers page")
    page.set_viewport_size({"width": 390, "height": 800})
    assert_fits(page, 390, "reviewers page")
    page.set_viewport_size({"width": 1280, "height": 800})
    email = page.get_by_label("Bedømmerens e-mailadresse")
    email.fill("ikke-en-adresse")
    with page.expect_navigation():
        email.press("Enter")
    expect(page.locator("#error-summary")).to_be_visible()
    assert_no_axe_violations(page, "reviewers page with an error")
    email = page.get_by_label("Bedømmerens e-mailadresse")
    email.fill("ny.bedommer@test.example")
    with page.expect_navigation():
        email.press("Enter")
    expect(page.get_by_role("cell", name="ny.bedommer@test.example", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Tilbagekald ny.bedommer@test.example")).to_be_visible()
    assert ReviewerInvitation.objects.get().status() == "pending"
    assert_no_axe_violations(page, "reviewers page with an invitation")


def test_the_invitee_accepts_and_reviews(page, open_call, staff_user, member_org):
    services.criteria_set(actor=staff_user, call=open_call, criteria=[("Forankring", 1, 5)])
    application = submitted_application(open_call, member_org, staff_user)
    invitee = UserFactory(email="rikke@test.example")
    invitation = services.reviewer_invite(actor=staff_user, call=open_call, email=invitee.email)
    log_in(page, invitee.email, PASSWORD)
    page.goto(f"/da/programmes/reviewer-invitations/{invitation_token(invitation)}/")
    assert_no_axe_violations(page, "invitation page")
    page.set_viewport_size({"width": 390, "height": 800})
    assert_fits(page, 390, "invitation page")
    page.set_viewport_size({"width": 1280, "height": 800})
    button = page.get_by_role("button", name="Acceptér invitationen")
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("link", name=member_org.name)).to_be_visible()
    page.goto(f"/da/programmes/applications/{application.pk}/")
    page.get_by_role("radio", name="4").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Gem din vurdering").click()
    assert application.reviews.get().reviewer == invitee
    assert_no_axe_violations(page, "application page of a named reviewer")
