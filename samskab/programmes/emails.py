"""Mails about applications, sent through the tasks API after the transaction commits."""

import zoneinfo

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskab.core.links import absolute_reverse
from samskab.core.tasks import enqueue_on_commit, send_email
from samskab.core.text import single_line
from samskab.formbuilder.answers import display
from samskab.networks.models import Role

from .tokens import invitation_token


def organisation_addresses(application) -> list[str]:
    """The administrative contacts of the applying organisation in the call's network."""
    network = application.call.edition.programme.network
    roles = (
        Role.objects.current()
        .filter(
            network=network,
            kind=Role.Kind.ADMIN_CONTACT,
            organisation=application.organisation,
        )
        .select_related("person__user")
    )
    out = []
    for role in roles:
        person = role.person
        address = person.user.email if person.user_id else person.email
        if address:
            out.append(address)
    return out


def _send(application, template: str, subject: str, to: list[str], extra=None) -> None:
    to = sorted({a.lower() for a in to if a})
    if not to:
        return
    network = application.call.edition.programme.network
    with timezone.override(zoneinfo.ZoneInfo(network.time_zone)):
        context = {
            "application": application,
            "edition": application.call.edition,
            "network": network,
            "rows": display(application.form_version.definition, application.answers or {}),
            **(extra or {}),
        }
        body = render_to_string(f"programmes/email/{template}.txt", context)
    enqueue_on_commit(send_email, subject=single_line(subject), body=body, to=to)


def receipt(application, actor) -> None:
    """A copy of the submitted answers to the submitter and the organisation's
    administrative contact."""
    subject = _("Received: your application to %(edition)s") % {"edition": application.call.edition}
    to = [getattr(actor, "email", "")] + organisation_addresses(application)
    _send(application, "receipt", subject, to)


def letter(application, text: str) -> None:
    """The decision letter, as the secretariat wrote it."""
    if not text.strip():
        return
    with translation.override(application.call.edition.programme.network.default_language):
        subject = _("Your application to %(edition)s") % {"edition": application.call.edition}
    to = organisation_addresses(application)
    if application.created_by_id and application.created_by.email:
        to.append(application.created_by.email)
    _send(application, "letter", subject, to, {"letter": text})


def reviewer_invitation(invitation) -> None:
    """The invitation to review a call, in the invitee's language, with its signed link."""
    call = invitation.call
    network = call.edition.programme.network
    with (
        translation.override(invitation.language),
        timezone.override(zoneinfo.ZoneInfo(network.time_zone)),
    ):
        link = absolute_reverse(
            "programmes:reviewer_accept",
            network=network,
            language=invitation.language,
            args=[invitation_token(invitation)],
        )
        subject = _("Invitation to review the applications to %(edition)s") % {
            "edition": call.edition
        }
        body = render_to_string(
            "programmes/email/reviewer_invitation.txt",
            {"invitation": invitation, "edition": call.edition, "network": network, "link": link},
        )
    enqueue_on_commit(send_email, subject=single_line(subject), body=body, to=[invitation.email])
