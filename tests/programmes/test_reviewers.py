"""Named reviewers per call: invited by e-mail from the call's review page (a signed link
that expires), accepted signed in with that address verified, revoked by the secretariat;
an accepted reviewer reads and scores that call's applications and no other call's."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone, translation

from samskab.accounts import personal_data
from samskab.programmes import services
from samskab.programmes.models import Review, ReviewerInvitation
from samskab.programmes.tokens import invitation_token
from tests.factories import UserFactory

from .conftest import make_call

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://\S+/reviewer-invitations/(\S+)/")


def _reviewers_path(call):
    edition = call.edition
    with translation.override("da"):
        return reverse("programmes:reviewers", args=[edition.programme.slug, edition.year])


def _review_path(call):
    edition = call.edition
    with translation.override("da"):
        return reverse("programmes:review", args=[edition.programme.slug, edition.year])


def _invite(client, staff_user, call, email, language="da", capture=None):
    client.force_login(staff_user)
    with capture(execute=True):
        return client.post(_reviewers_path(call), {"email": email, "language": language})


@pytest.fixture
def invitee(db):
    return UserFactory(email="Rikke.Reviewer@test.example", language="nb")


def test_staff_invite_and_the_invitee_accepts_with_the_link(
    client, call, submitted, staff_user, invitee, mailoutbox, django_capture_on_commit_callbacks
):
    services.criteria_set(actor=staff_user, call=call, criteria=[("Forankring", 1, 5)])
    response = _invite(
        client,
        staff_user,
        call,
        "rikke.reviewer@test.example",
        "da",
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    invitation = ReviewerInvitation.objects.get()
    assert invitation.status() == "pending" and invitation.language == "nb"  # the account's
    mail = mailoutbox[-1]
    assert mail.to == ["rikke.reviewer@test.example"]
    assert "Invitasjon" in mail.subject  # Norwegian, the invitee's language
    token = LINK.search(mail.body).group(1)
    listing = client.get(_reviewers_path(call)).content.decode()
    edition = call.edition
    revoke = reverse(
        "programmes:reviewer_revoke", args=[edition.programme.slug, edition.year, invitation.pk]
    )
    assert "rikke.reviewer@test.example" in listing and revoke in listing
    assert "venter på svar" in listing
    # Not signed in: to the login page first.
    client.logout()
    path = reverse("programmes:reviewer_accept", args=[token])
    assert client.get(path)["Location"].startswith(reverse("account_login"))
    client.force_login(invitee)
    assert client.get(path).status_code == 200
    assert client.post(path)["Location"] == _review_path(call)
    invitation.refresh_from_db()
    assert invitation.accepted_by == invitee and invitation.status() == "accepted"
    assert list(call.reviewers.all()) == [invitee]
    # Now a reviewer of this call: the list, the application, a score; never a decision.
    assert client.get(_review_path(call)).status_code == 200
    criterion = call.criteria.get()
    client.post(reverse("programmes:review_save", args=[submitted.pk]), {f"c{criterion.pk}": "4"})
    assert Review.objects.get().reviewer == invitee
    assert client.get(reverse("programmes:decide", args=[submitted.pk])).status_code == 403
    # The link works once.
    assert client.post(path).status_code == 403


def test_a_reviewer_of_one_call_sees_nothing_of_another(
    client, call, submitted, staff_user, dk_network, invitee
):
    other = make_call(staff_user, dk_network, year=2013)
    invitation = services.reviewer_invite(actor=staff_user, call=other, email=invitee.email)
    services.reviewer_invitation_accept(actor=invitee, invitation=invitation)
    client.force_login(invitee)
    assert client.get(_review_path(other)).status_code == 200
    assert client.get(_review_path(call)).status_code == 403
    # The application is hidden from those who may not read it.
    assert client.get(reverse("programmes:application", args=[submitted.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        services.review_save(actor=invitee, application=submitted, scores={})


def test_only_the_invited_address_verified_accepts(client, call, staff_user, plain_user, invitee):
    invitation = services.reviewer_invite(actor=staff_user, call=call, email=invitee.email)
    path = reverse("programmes:reviewer_accept", args=[invitation_token(invitation)])
    client.force_login(plain_user)
    page = client.get(path).content.decode()
    assert "rikke.reviewer@test.example" in page and "Accept the invitation" not in page
    assert client.post(path).status_code == 403
    EmailAddress.objects.filter(user=invitee).update(verified=False)
    with pytest.raises(PermissionDenied):
        services.reviewer_invitation_accept(actor=invitee, invitation=invitation)
    assert not call.reviewers.exists()
    # A tampered or foreign token names no invitation.
    assert (
        client.get(reverse("programmes:reviewer_accept", args=["x" + path[-12:-1]])).status_code
        == 404
    )


def test_an_expired_invitation_is_refused_with_the_reason(client, call, staff_user, invitee):
    invitation = services.reviewer_invite(actor=staff_user, call=call, email=invitee.email)
    with translation.override("en"):
        path = reverse("programmes:reviewer_accept", args=[invitation_token(invitation)])
    client.force_login(invitee)
    assert invitation.expires_at - invitation.created_at == datetime.timedelta(days=14)
    ReviewerInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert "expired" in client.get(path).content.decode()
    response = client.post(path)
    assert response.status_code == 403 and "expired" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status() == "expired"
    assert not call.reviewers.exists()


def test_staff_revoke_and_the_reviewer_loses_the_call(
    client, call, submitted, staff_user, invitee, org_editor
):
    invitation = services.reviewer_invite(actor=staff_user, call=call, email=invitee.email)
    services.reviewer_invitation_accept(actor=invitee, invitation=invitation)
    with pytest.raises(PermissionDenied):
        services.reviewer_revoke(actor=org_editor, invitation=invitation)
    client.force_login(staff_user)
    edition = call.edition
    revoke = reverse(
        "programmes:reviewer_revoke", args=[edition.programme.slug, edition.year, invitation.pk]
    )
    assert client.post(revoke).status_code == 302
    invitation.refresh_from_db()
    assert invitation.status() == "revoked" and invitation.revoked_by == staff_user
    assert not call.reviewers.exists()
    client.force_login(invitee)
    assert client.get(_review_path(call)).status_code == 403
    with pytest.raises(PermissionDenied):
        services.reviewer_invitation_accept(actor=invitee, invitation=invitation)


def test_invitations_are_refused_or_renewed_as_they_should(
    client, call, staff_user, invitee, mailoutbox, django_capture_on_commit_callbacks
):
    # An address without an account gets the language staff chose.
    _invite(client, staff_user, call, "ny@test.example", "en", django_capture_on_commit_callbacks)
    assert ReviewerInvitation.objects.get().language == "en"
    assert mailoutbox[-1].subject.startswith("Invitation to review")
    # Inviting again renews the waiting invitation rather than adding one.
    _invite(client, staff_user, call, "NY@test.example", "da", django_capture_on_commit_callbacks)
    assert ReviewerInvitation.objects.count() == 1 and len(mailoutbox) == 2
    # A bad address, or one that already reviews: the form says so, in Danish.
    with translation.override("da"):
        path = _reviewers_path(call)
    response = client.post(path, {"email": "ikke en adresse", "language": "da"})
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    call.reviewers.add(invitee)
    response = client.post(path, {"email": invitee.email, "language": "da"})
    assert (
        "anmelder allerede" in response.content.decode() or "allerede" in response.content.decode()
    )
    assert ReviewerInvitation.objects.count() == 1


def test_only_the_secretariat_sees_the_invitations(client, call, org_editor, other_network_staff):
    client.force_login(org_editor)
    assert client.get(_reviewers_path(call)).status_code == 403
    assert client.post(_reviewers_path(call), {"email": "x@test.example"}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.reviewer_invite(actor=other_network_staff, call=call, email="x@test.example")
    assert not ReviewerInvitation.objects.exists()


def test_invitations_in_the_personal_data_export_and_erasure(call, staff_user, invitee):
    invitation = services.reviewer_invite(actor=staff_user, call=call, email=invitee.email)
    services.reviewer_invitation_accept(actor=invitee, invitation=invitation)
    section = next(s for s in personal_data.sections() if s.name == "programmes")
    assert section.export(invitee, None)["reviewer_invitations"][0]["status"] == "accepted"
    section.erase(invitee, None)
    assert not ReviewerInvitation.objects.exists() and not call.reviewers.exists()


def test_a_reviewer_taken_off_the_calls_list_loses_the_invitation(call, staff_user, invitee):
    from .conftest import CPH

    invitation = services.reviewer_invite(actor=staff_user, call=call, email=invitee.email)
    services.reviewer_invitation_accept(actor=invitee, invitation=invitation)
    services.call_save(
        actor=staff_user,
        edition=call.edition,
        opens_on=call.opens_at.astimezone(CPH).date(),
        deadline_on=call.deadline_at.astimezone(CPH).date(),
        seats=20,
        eligibility="country",
        reviewers=[],
    )
    invitation.refresh_from_db()
    assert invitation.status() == "revoked" and not call.reviewers.exists()
