"""Named reviewers per call: the secretariat's page of invitations (invite, revoke) and the
invitee's page behind the signed link (accept)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samskab.core.forms import add_errors
from samskab.core.guards import guard

from .. import selectors, services
from ..forms import ReviewerInviteForm
from .getters import call_of_network, invitation_of_call, invitation_of_token

ONLY_STAFF = gettext_lazy("Only the network's secretariat invites reviewers.")


def _reviewers_url(call):
    return redirect(
        "programmes:reviewers", slug=call.edition.programme.slug, year=call.edition.year
    )


@guard("programmes.manage_reviewers", get=call_of_network, message=ONLY_STAFF)
def reviewer_list(request, call):
    network = call.edition.programme.network
    form = ReviewerInviteForm(request.POST or None, initial={"language": network.default_language})
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.reviewer_invite(
                actor=request.user,
                call=call,
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(
                request,
                _("An invitation has been sent to %(email)s.") % {"email": invitation.email},
            )
            return _reviewers_url(call)
    return render(
        request,
        "programmes/reviewers.html",
        {
            "call": call,
            "edition": call.edition,
            "form": form,
            "invitations": selectors.reviewer_invitations(call),
            "reviewers": call.reviewers.order_by("name", "email"),
        },
    )


@require_POST
@guard("programmes.revoke_reviewer", get=invitation_of_call, message=ONLY_STAFF)
def reviewer_revoke(request, invitation):
    services.reviewer_revoke(actor=request.user, invitation=invitation)
    messages.success(
        request, _("The invitation to %(email)s has been revoked.") % {"email": invitation.email}
    )
    return _reviewers_url(invitation.call)


@guard(None, get=invitation_of_token, signed_in=True)
def reviewer_accept(request, invitation):
    """GET shows the invitation and why it can or cannot be accepted; POST accepts."""
    error = None
    if request.method == "POST":
        try:
            services.reviewer_invitation_accept(actor=request.user, invitation=invitation)
        except PermissionDenied as exc:
            error = str(exc)
        else:
            messages.success(request, _("You now review the applications to this call."))
            call = invitation.call
            return redirect(
                "programmes:review", slug=call.edition.programme.slug, year=call.edition.year
            )
    return render(
        request,
        "programmes/reviewer_accept.html",
        {
            "invitation": invitation,
            "edition": invitation.call.edition,
            "status": invitation.status(),
            "can_accept": request.user.has_perm(
                "programmes.accept_reviewer_invitation", invitation
            ),
            "error": error,
        },
        status=403 if error else 200,
    )
