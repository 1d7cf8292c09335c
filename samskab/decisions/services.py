"""Writes for consultations: set-up, phases, proposals, ballots and the groups that follow
from a decision. Each is one transaction, checks its rule with the actor and validates
before it saves."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.core.guards import require
from samskab.core.text import fold_line_breaks, single_line, slugify
from samskab.networks.models import Organisation

from . import emails
from .models import Ballot, BallotVersion, Consultation, Option, Proposal, Voter
from .predicates import voting_organisation_ids

CONSULTATION_FIELDS = (
    "title",
    "background",
    "question",
    "method",
    "k",
    "voter_role",
    "open_ballot",
    "proposals_until",
    "voting_opens_at",
    "voting_closes_at",
)
RESERVED_SLUGS = {"new"}
REMINDER_BEFORE = datetime.timedelta(days=3)


def _locked(consultation: Consultation) -> Consultation:
    """The consultation's row, locked until the transaction ends (PostgreSQL; SQLite's
    write transactions begin IMMEDIATE and so already queue)."""
    return (
        Consultation.objects.select_for_update().select_related("network").get(pk=consultation.pk)
    )


def _free_slug(network, title: str) -> str:
    base = slugify(title)[:190] or "consultation"
    slug, n = base, 2
    taken = set(Consultation.objects.filter(network=network).values_list("slug", flat=True))
    while slug in taken or slug in RESERVED_SLUGS:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _validate(consultation: Consultation) -> None:
    errors = {}
    if consultation.k < 1:
        errors["k"] = _("Choose at least one option.")
    if consultation.method == Consultation.Method.SINGLE:
        consultation.k = 1
    if (
        consultation.voting_opens_at
        and consultation.voting_closes_at
        and consultation.voting_closes_at <= consultation.voting_opens_at
    ):
        errors["voting_closes_at"] = _("The deadline must come after voting opens.")
    if (
        consultation.proposals_until
        and consultation.voting_opens_at
        and consultation.proposals_until > consultation.voting_opens_at
    ):
        errors["proposals_until"] = _("Proposals must end before voting opens.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def consultation_create(*, actor, network, data: dict) -> Consultation:
    require(
        actor,
        "decisions.add_consultation",
        network,
        _("Only the network's secretariat may set up consultations."),
    )
    consultation = Consultation(network=network, created_by=actor)
    for name in CONSULTATION_FIELDS:
        if name in data:
            setattr(consultation, name, data[name])
    consultation.title = single_line(consultation.title)
    consultation.slug = _free_slug(network, consultation.title)
    _validate(consultation)
    fold_line_breaks(consultation)
    consultation.full_clean()
    consultation.save()
    return consultation


@transaction.atomic
def consultation_update(*, actor, consultation: Consultation, data: dict) -> Consultation:
    consultation = _locked(consultation)
    require(
        actor,
        "decisions.change_consultation",
        consultation,
        _("The consultation can only be changed before voting opens."),
    )
    for name in CONSULTATION_FIELDS:
        if name in data:
            setattr(consultation, name, data[name])
    consultation.title = single_line(consultation.title)
    _validate(consultation)
    fold_line_breaks(consultation)
    consultation.full_clean()
    consultation.save()
    return consultation


@transaction.atomic
def option_save(
    *, actor, consultation: Consultation, title: str, description: str = "", option=None
) -> Option:
    """Add an option, or change ``option``."""
    require(
        actor,
        "decisions.change_consultation",
        consultation,
        _("Options can only be changed before voting opens."),
    )
    if option is None:
        last = consultation.options.order_by("-position").values_list("position", flat=True)
        option = Option(consultation=consultation, position=(last.first() or 0) + 1)
    elif option.consultation_id != consultation.pk:
        raise PermissionDenied
    option.title = single_line(title)
    option.description = description
    option.full_clean()
    option.save()
    return option


@transaction.atomic
def option_delete(*, actor, option: Option) -> None:
    require(
        actor,
        "decisions.change_consultation",
        option.consultation,
        _("Options can only be changed before voting opens."),
    )
    Proposal.objects.filter(option=option).update(status=Proposal.Status.SUBMITTED)
    option.delete()


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
    import zoneinfo

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


# --- proposals -----------------------------------------------------------------------


@transaction.atomic
def proposal_create(
    *, actor, consultation: Consultation, organisation, title: str, description: str = ""
) -> Proposal:
    from .predicates import member_organisation_ids

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


# --- ballots -------------------------------------------------------------------------


def _check_choice(consultation: Consultation, option_ids: list[int], abstain: bool) -> list[int]:
    valid = set(consultation.options.values_list("pk", flat=True))
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


# --- from decision to action ---------------------------------------------------------


@transaction.atomic
def groups_create(*, actor, consultation: Consultation) -> list:
    """Make a theme group of each chosen option that has none yet (idempotent)."""
    from samskab.groups import services as group_services

    consultation = _locked(consultation)
    require(
        actor,
        "decisions.create_groups",
        consultation,
        _("Theme groups are created from published results, by the secretariat."),
    )
    from .selectors import consultation_tally

    result = consultation_tally(consultation)
    created = []
    options = {o.pk: o for o in consultation.options.select_for_update()}
    for option_id in result.chosen:
        option = options[option_id]
        if option.theme_group_id:
            continue
        group = group_services.group_create(
            actor=actor,
            network=consultation.network,
            data={"name": option.title, "lead": "", "background": option.description},
        )
        option.theme_group = group
        option.save(update_fields=["theme_group"])
        created.append(group)
    return created


def send_reminders(now=None) -> int:
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
