"""Options proposed by member municipalities' contacts, and the secretariat's review."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samskab.core.guards import require
from samskab.core.text import single_line

from ..models import Consultation, Proposal
from ..predicates import member_organisation_ids
from .consultations import option_save


@transaction.atomic
def proposal_create(
    *, actor, consultation: Consultation, organisation, title: str, description: str = ""
) -> Proposal:
    require(
        actor,
        "decisions.propose_option",
        consultation,
        _("Contacts of member municipalities propose options while proposals are open."),
    )
    if organisation.pk not in member_organisation_ids(actor, consultation):
        raise PermissionDenied(_("You do not speak for this municipality in this network."))
    proposal = Proposal(
        consultation=consultation,
        organisation=organisation,
        author=actor,
        title=single_line(title),
        description=description,
    )
    proposal.full_clean()
    proposal.save()
    return proposal


@transaction.atomic
def proposal_review(*, actor, proposal: Proposal, accept: bool) -> Proposal:
    """Accept a proposal into the ballot (it becomes an option) or decline it."""
    require(
        actor,
        "decisions.review_proposal",
        proposal.consultation,
        _("Only the secretariat reviews proposals, before voting opens."),
    )
    if proposal.status != Proposal.Status.SUBMITTED:
        raise ValidationError(_("This proposal has already been reviewed."))
    if accept:
        proposal.option = option_save(
            actor=actor,
            consultation=proposal.consultation,
            title=proposal.title,
            description=proposal.description,
        )
        proposal.status = Proposal.Status.ACCEPTED
    else:
        proposal.status = Proposal.Status.DECLINED
    proposal.save(update_fields=["option", "status"])
    return proposal
