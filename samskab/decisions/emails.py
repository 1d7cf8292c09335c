"""The consultation's e-mails: the invitation to each entitled contact when voting opens
and a reminder to the municipalities that have not voted. Both are called after the
transaction commits and hand each mail to the tasks API."""

import zoneinfo

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from samskab.core.links import absolute
from samskab.core.tasks import send_email
from samskab.core.text import single_line
from samskab.networks.models import Role

from .models import Ballot, Consultation, Voter
from .predicates import voting_kinds


def _recipients(consultation: Consultation, organisation_ids) -> list[tuple[str, str]]:
    """(name, address) of each current entitled contact of these municipalities."""
    roles = (
        Role.objects.current()
        .filter(
            network=consultation.network,
            kind__in=voting_kinds(consultation),
            organisation_id__in=organisation_ids,
        )
        .select_related("person__user")
    )
    seen, result = set(), []
    for role in roles:
        person = role.person
        address = (person.user.email if person.user_id else "") or person.email
        if address and address.lower() not in seen:
            seen.add(address.lower())
            result.append((person.name, address))
    return result


def _mail(consultation: Consultation, template: str, subject: str, organisation_ids) -> int:
    network = consultation.network
    sent = 0
    with (
        translation.override(network.default_language),
        timezone.override(zoneinfo.ZoneInfo(network.time_zone)),
    ):
        url = absolute(consultation.get_absolute_url(), network=consultation.network)
        for name, address in _recipients(consultation, organisation_ids):
            body = render_to_string(
                f"decisions/email/{template}.txt",
                {"consultation": consultation, "network": network, "name": name, "url": url},
            )
            send_email.enqueue(
                subject=_(subject) % {"title": single_line(consultation.title)},
                body=body,
                to=[address],
            )
            sent += 1
    return sent


def send_invitations(consultation_pk: int) -> int:
    consultation = Consultation.objects.select_related("network").get(pk=consultation_pk)
    electorate = Voter.objects.filter(consultation=consultation).values_list(
        "organisation_id", flat=True
    )
    return _mail(consultation, "invitation", "Your municipality votes: %(title)s", electorate)


def send_reminders(consultation_pk: int) -> int:
    consultation = Consultation.objects.select_related("network").get(pk=consultation_pk)
    voted = Ballot.objects.filter(consultation=consultation).values_list(
        "organisation_id", flat=True
    )
    missing = (
        Voter.objects.filter(consultation=consultation)
        .exclude(organisation_id__in=voted)
        .values_list("organisation_id", flat=True)
    )
    subject = "Reminder: your municipality has not voted: %(title)s"
    return _mail(consultation, "reminder", subject, missing)


# Marked for translation here; translated when the mail is written.
gettext_noop("Your municipality votes: %(title)s")
gettext_noop("Reminder: your municipality has not voted: %(title)s")
