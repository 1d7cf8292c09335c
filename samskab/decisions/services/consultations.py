"""Setting up a consultation: its text, method, dates and options (until voting opens)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samskab.core.guards import require
from samskab.core.text import fold_line_breaks, single_line, slugify

from ..models import Consultation, Option, Proposal

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


def _locked(consultation: Consultation) -> Consultation:
    """The consultation's row, locked until the transaction ends (PostgreSQL; SQLite's
    write transactions begin IMMEDIATE and so already queue)."""
    return (
        Consultation.objects.select_for_update(of=("self",))
        .select_related("network", "theme_group")
        .get(pk=consultation.pk)
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
    if consultation.method in (Consultation.Method.SINGLE, Consultation.Method.RANKED):
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
def consultation_create(*, actor, network, data: dict, theme_group=None) -> Consultation:
    """Set up a draft consultation. With ``theme_group``, the group's members prepare it
    (they may change the draft and its options); the secretariat opens and runs it."""
    if theme_group is None:
        require(
            actor,
            "decisions.add_consultation",
            network,
            _("Only the network's secretariat may set up consultations."),
        )
    else:
        require(
            actor,
            "decisions.draft_consultation",
            theme_group,
            _("Only the theme group's members may prepare a consultation for it."),
        )
        if theme_group.network_id != network.pk:
            raise PermissionDenied(_("The theme group belongs to another network."))
    consultation = Consultation(network=network, created_by=actor, theme_group=theme_group)
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
