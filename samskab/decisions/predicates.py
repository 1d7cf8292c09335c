"""Predicates about a user and a consultation. One set per object type: the plain ones take
a Consultation, ``group_*`` a ThemeGroup, ``comment_*`` an OptionComment."""

import rules

from samskab.groups.predicates import is_group_member
from samskab.networks.models import Role
from samskab.networks.predicates import _current_roles, staff_network_ids

from .models import Consultation, OptionComment, Voter

CONTACT_KINDS = {Role.Kind.ADMIN_CONTACT, Role.Kind.POLITICAL_CONTACT}
MEMBER_KINDS = CONTACT_KINDS | {Role.Kind.ORG_EDITOR}


def voting_kinds(consultation: Consultation) -> set[str]:
    """The role kinds through which a municipality votes in this consultation."""
    if consultation.voter_role == Consultation.VoterRole.EITHER:
        return set(CONTACT_KINDS)
    return {consultation.voter_role}


def _organisations(user, consultation, kinds) -> set[int]:
    return {
        o
        for n, kind, o in _current_roles(user)
        if n == consultation.network_id and kind in kinds and o
    }


def electorate_ids(consultation: Consultation) -> set[int]:
    """The frozen electorate's organisation ids, remembered on the consultation object."""
    cached = getattr(consultation, "_electorate_ids", None)
    if cached is None:
        cached = set(
            Voter.objects.filter(consultation=consultation).values_list(
                "organisation_id", flat=True
            )
        )
        consultation._electorate_ids = cached
    return cached


def voting_organisation_ids(user, consultation: Consultation) -> set[int]:
    """The municipalities of the electorate for which this user may cast the ballot."""
    if not user.is_authenticated:
        return set()
    mine = _organisations(user, consultation, voting_kinds(consultation))
    return mine & electorate_ids(consultation) if mine else set()


def member_organisation_ids(user, consultation: Consultation) -> set[int]:
    """Organisations the user is a contact or editor of, that are members of the network."""
    from samskab.networks.models import Organisation

    mine = _organisations(user, consultation, MEMBER_KINDS)
    if not mine:
        return set()
    return set(
        Organisation.objects.members_of(consultation.network)
        .filter(pk__in=mine)
        .values_list("pk", flat=True)
    )


@rules.predicate
def is_consultation_staff(user, consultation):
    return consultation is not None and consultation.network_id in staff_network_ids(user)


@rules.predicate
def is_visible(user, consultation):
    return consultation is not None and consultation.status != Consultation.Status.DRAFT


@rules.predicate
def is_editable(user, consultation):
    return consultation is not None and consultation.status in (
        Consultation.Status.DRAFT,
        Consultation.Status.PROPOSALS,
    )


@rules.predicate
def is_proposal_phase(user, consultation):
    return consultation is not None and consultation.status == Consultation.Status.PROPOSALS


@rules.predicate
def is_voting_open(user, consultation):
    return consultation is not None and consultation.is_voting


@rules.predicate
def is_published(user, consultation):
    return consultation is not None and consultation.status == Consultation.Status.PUBLISHED


@rules.predicate
def is_entitled_voter(user, consultation):
    return consultation is not None and bool(voting_organisation_ids(user, consultation))


@rules.predicate
def is_member_contact(user, consultation):
    return consultation is not None and bool(member_organisation_ids(user, consultation))


@rules.predicate
def is_draft(user, consultation):
    return consultation is not None and consultation.status == Consultation.Status.DRAFT


@rules.predicate
def is_group_drafter(user, consultation):
    """An active member of the theme group that prepares this consultation."""
    return (
        consultation is not None
        and consultation.theme_group_id is not None
        and is_group_member(user, consultation.theme_group)
    )


@rules.predicate
def is_comment_phase(user, consultation):
    """Options can be discussed while proposals are open and until the deadline."""
    return consultation is not None and (
        consultation.status == Consultation.Status.PROPOSALS or consultation.is_voting
    )


# --- theme groups (the object is a ThemeGroup) -------------------------------------------


@rules.predicate
def is_group_of_member(user, group):
    return group is not None and is_group_member(user, group)


# --- comments (the object is an OptionComment) -------------------------------------------


@rules.predicate
def is_comment_author(user, comment: OptionComment):
    return (
        comment is not None
        and user.is_authenticated
        and comment.author_id == user.id
        and comment.deleted_at is None
    )


@rules.predicate
def is_comment_staff(user, comment: OptionComment):
    return comment is not None and comment.option.consultation.network_id in staff_network_ids(user)


@rules.predicate
def is_comment_open(user, comment: OptionComment):
    return comment is not None and comment.deleted_at is None and comment.hidden_at is None
