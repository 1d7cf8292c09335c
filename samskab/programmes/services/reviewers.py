"""Named reviewers per call: the secretariat invites them by e-mail (a signed link that
expires), the invitee accepts signed in with that address verified, the secretariat
revokes. An accepted invitation makes its acceptor one of ``Call.reviewers``, who read and
score that call's applications only."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.core.guards import require
from samskab.networks.predicates import forget_access

from .. import emails
from ..models import Call, ReviewerInvitation

INVITATION_DAYS = 14
LANGUAGES = {code for code, _name in settings.LANGUAGES}


def _language(call: Call, email: str, asked: str | None) -> str:
    """The invitee's language: their account's when they have one, else the one asked for,
    else the network's."""
    account = get_user_model().objects.filter(email__iexact=email).first()
    if account is not None and account.language in LANGUAGES:
        return account.language
    if asked in LANGUAGES:
        return asked
    return call.edition.programme.network.default_language


@transaction.atomic
def reviewer_invite(
    *, actor, call: Call, email: str, language: str | None = None
) -> ReviewerInvitation:
    """Invite ``email`` to review the call's applications and send the link. An invitation
    still waiting for that address is renewed (a new expiry, the link sent again)."""
    require(actor, "programmes.manage_reviewers", call, _("Only the secretariat does this."))
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": _("Enter a valid e-mail address.")}) from None
    if call.reviewers.filter(email__iexact=email).exists():
        raise ValidationError(
            {"email": _("%(email)s already reviews this call.") % {"email": email}}
        )
    now = timezone.now()
    expires_at = now + datetime.timedelta(days=INVITATION_DAYS)
    pending = [
        i
        for i in call.reviewer_invitations.select_for_update().filter(
            email__iexact=email, accepted_at=None, revoked_at=None
        )
        if i.status(now) == ReviewerInvitation.Status.PENDING
    ]
    invitation = pending[0] if pending else ReviewerInvitation(call=call, email=email.lower())
    invitation.invited_by, invitation.created_at, invitation.expires_at = actor, now, expires_at
    invitation.language = _language(call, email, language)
    invitation.save()
    emails.reviewer_invitation(invitation)
    return invitation


@transaction.atomic
def reviewer_invitation_accept(*, actor, invitation: ReviewerInvitation) -> ReviewerInvitation:
    """The invitee becomes a reviewer of the call. Refused, with the reason, when the
    invitation no longer holds or the actor is not signed in with the invited address."""
    invitation = ReviewerInvitation.objects.select_for_update().get(pk=invitation.pk)
    status = invitation.status()
    if status == ReviewerInvitation.Status.EXPIRED:
        raise PermissionDenied(_("This invitation has expired. Ask the secretariat for a new one."))
    if status == ReviewerInvitation.Status.REVOKED:
        raise PermissionDenied(_("This invitation has been withdrawn by the secretariat."))
    if status == ReviewerInvitation.Status.ACCEPTED:
        raise PermissionDenied(_("This invitation has already been accepted."))
    require(
        actor,
        "programmes.accept_reviewer_invitation",
        invitation,
        _("Sign in with the address the invitation was sent to, %(email)s, and verify it.")
        % {"email": invitation.email},
    )
    invitation.accepted_at, invitation.accepted_by = timezone.now(), actor
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    invitation.call.reviewers.add(actor)
    forget_access(actor)
    return invitation


@transaction.atomic
def reviewer_revoke(*, actor, invitation: ReviewerInvitation) -> ReviewerInvitation:
    """Withdraw the invitation; a reviewer who accepted it no longer reviews the call."""
    require(actor, "programmes.revoke_reviewer", invitation, _("Only the secretariat does this."))
    invitation = ReviewerInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.revoked_at:
        return invitation
    invitation.revoked_at, invitation.revoked_by = timezone.now(), actor
    invitation.save(update_fields=["revoked_at", "revoked_by"])
    if invitation.accepted_by_id:
        invitation.call.reviewers.remove(invitation.accepted_by_id)
        forget_access(invitation.accepted_by)
    return invitation
