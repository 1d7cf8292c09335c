"""Moving a consultation through its phases, and the reminder before the deadline."""

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.core.guards import require
from samskab.networks.models import Organisation

from .. import emails
from ..models import Consultation, Voter
from .consultations import _locked

REMINDER_BEFORE = datetime.timedelta(days=3)


def _run(actor, consultation) -> Consultation:
    consultation = _locked(consultation)
    require(
        actor,
        "decisions.run_consultation",
        consultation,
        _("Only the network's secretariat runs a consultation."),
    )
    return consultation


@transaction.atomic
def consultation_open_proposals(*, actor, consultation: Consultation) -> Consultation:
    consultation = _run(actor, consultation)
    if consultation.status != Consultation.Status.DRAFT:
        raise ValidationError(_("Proposals can only be opened from the draft."))
    consultation.status = Consultation.Status.PROPOSALS
    consultation.save(update_fields=["status", "updated_at"])
    return consultation


@transaction.atomic
def consultation_open_voting(*, actor, consultation: Consultation) -> Consultation:
    """Open voting and freeze the electorate: the municipalities that are members of the
    network today (in its time zone). Each entitled contact gets an invitation."""
    consultation = _run(actor, consultation)
    if consultation.status not in (Consultation.Status.DRAFT, Consultation.Status.PROPOSALS):
        raise ValidationError(_("Voting has already been opened."))
    count = consultation.options.count()
    if count < 2:
        raise ValidationError(_("A consultation needs at least two options."))
    if consultation.method != Consultation.Method.SINGLE and consultation.k > count:
        raise ValidationError(
            _("k is %(k)s, but there are only %(count)s options.")
            % {"k": consultation.k, "count": count}
        )
    now = timezone.now()
    if now >= consultation.voting_closes_at:
        raise ValidationError(_("The deadline has passed; move it before opening voting."))
    today = timezone.localdate(now, timezone=_zone(consultation))
    members = Organisation.objects.members_of(consultation.network, on=today).municipalities()
    Voter.objects.bulk_create(
        [Voter(consultation=consultation, organisation=org) for org in members]
    )
    consultation.status = Consultation.Status.VOTING
    consultation.opened_at = now
    consultation.voting_opens_at = min(consultation.voting_opens_at, now)
    consultation.save(update_fields=["status", "opened_at", "voting_opens_at", "updated_at"])
    transaction.on_commit(lambda: emails.send_invitations(consultation.pk))
    return consultation


def _zone(consultation):
    return zoneinfo.ZoneInfo(consultation.network.time_zone)


@transaction.atomic
def consultation_close(*, actor, consultation: Consultation) -> Consultation:
    """End voting (at the deadline, or earlier: the deadline then becomes now)."""
    consultation = _run(actor, consultation)
    if consultation.status != Consultation.Status.VOTING:
        raise ValidationError(_("Only a consultation in its voting phase can be closed."))
    now = timezone.now()
    consultation.status = Consultation.Status.CLOSED
    consultation.closed_at = now
    consultation.voting_closes_at = min(consultation.voting_closes_at, now)
    consultation.save(update_fields=["status", "closed_at", "voting_closes_at", "updated_at"])
    return consultation


@transaction.atomic
def consultation_publish(*, actor, consultation: Consultation) -> Consultation:
    consultation = _run(actor, consultation)
    if consultation.status == Consultation.Status.VOTING and not consultation.is_voting:
        consultation.status = Consultation.Status.CLOSED
        consultation.closed_at = consultation.voting_closes_at
    if consultation.status != Consultation.Status.CLOSED:
        raise ValidationError(_("Results can be published once voting has closed."))
    consultation.status = Consultation.Status.PUBLISHED
    consultation.published_at = timezone.now()
    consultation.save(update_fields=["status", "closed_at", "published_at", "updated_at"])
    return consultation


def reminders_send(*, now=None) -> int:
    """Remind the municipalities that have not voted, once per consultation, when the
    deadline is near. Safe to run as often as you like."""
    now = now or timezone.now()
    sent = 0
    due = Consultation.objects.filter(
        status=Consultation.Status.VOTING,
        reminded_at__isnull=True,
        voting_closes_at__gt=now,
        voting_closes_at__lte=now + REMINDER_BEFORE,
    )
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            consultation = Consultation.objects.select_for_update().get(pk=pk)
            if consultation.reminded_at is not None:
                continue
            consultation.reminded_at = now
            consultation.save(update_fields=["reminded_at"])
            transaction.on_commit(lambda pk=pk: emails.send_reminders(pk))
            sent += 1
    return sent
