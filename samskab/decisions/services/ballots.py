"""The one ballot of each municipality in the electorate."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.core.guards import require

from ..models import Ballot, BallotVersion, Consultation
from ..predicates import voting_organisation_ids
from .consultations import _locked


def _check_choice(consultation: Consultation, option_ids: list[int], abstain: bool) -> list[int]:
    """The ballot's options: sorted, or for ranked choice in the order of preference."""
    valid = set(consultation.options.values_list("pk", flat=True))
    if consultation.is_ranked:
        if len(set(option_ids)) != len(option_ids):
            raise ValidationError(_("Each option can have only one rank."))
        chosen = list(option_ids)
    else:
        chosen = sorted(set(option_ids))
    if abstain:
        if chosen:
            raise ValidationError(_("An abstention chooses no options."))
        return []
    if not chosen:
        raise ValidationError(_("Choose at least one option, or abstain."))
    if not set(chosen) <= valid:
        raise ValidationError(_("One of the options is not part of this consultation."))
    method, k = consultation.method, consultation.k
    if method == Consultation.Method.SINGLE and len(chosen) != 1:
        raise ValidationError(_("Choose one option."))
    if method == Consultation.Method.APPROVAL_UP_TO and len(chosen) > k:
        raise ValidationError(_("Choose at most %(k)s options.") % {"k": k})
    if method == Consultation.Method.APPROVAL_EXACTLY and len(chosen) != k:
        raise ValidationError(_("Choose exactly %(k)s options.") % {"k": k})
    return chosen


def ballot_cast(
    *, actor, consultation: Consultation, organisation, option_ids: list[int], abstain=False
) -> Ballot:
    """Cast or change the municipality's one ballot. Two contacts at the same moment still
    give one ballot: the consultation's row is locked, and should the unique constraint
    on (consultation, organisation) still refuse an insert, the change is applied to the
    ballot the other transaction made."""
    try:
        return _ballot_cast(actor, consultation, organisation, option_ids, abstain)
    except IntegrityError:
        return _ballot_cast(actor, consultation, organisation, option_ids, abstain)


@transaction.atomic
def _ballot_cast(actor, consultation, organisation, option_ids, abstain) -> Ballot:
    consultation = _locked(consultation)
    require(
        actor,
        "decisions.vote",
        consultation,
        _("Voting is closed, or you do not vote for a municipality in this consultation."),
    )
    if organisation.pk not in voting_organisation_ids(actor, consultation):
        raise PermissionDenied(_("You do not cast the ballot of this municipality."))
    chosen = _check_choice(consultation, option_ids, abstain)
    now = timezone.now()
    ballot = (
        Ballot.objects.select_for_update()
        .filter(consultation=consultation, organisation=organisation)
        .first()
    )
    if ballot is None:
        ballot = Ballot(consultation=consultation, organisation=organisation, version=1)
    else:
        ballot.version += 1
    ballot.abstain = bool(abstain)
    ballot.ranking = chosen if consultation.is_ranked else []
    ballot.changed_by = actor
    ballot.changed_at = now
    ballot.save()
    ballot.options.set(chosen)
    BallotVersion.objects.create(
        ballot=ballot,
        number=ballot.version,
        option_ids=chosen,
        abstain=ballot.abstain,
        changed_by=actor,
        changed_by_name=getattr(actor, "name", "") or str(actor),
        changed_at=now,
    )
    return ballot
