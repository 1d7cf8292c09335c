"""Predicates about programmes, editions, calls and applications. One per object type."""

import rules
from django.utils import timezone

from samskab.networks.models import Organisation, Role
from samskab.networks.predicates import role_organisation_ids, staff_network_ids, user_cached

from .models import Application, Call, ReviewerInvitation

APPLICANT_KINDS = {Role.Kind.ORG_EDITOR, Role.Kind.ADMIN_CONTACT}


def applicant_organisation_ids(user) -> set[int]:
    """Organisations whose applications the user may write: their editors and their
    administrative contact."""
    return role_organisation_ids(user, APPLICANT_KINDS)


def eligible_organisations(call: Call):
    """The organisations that may apply to the call (a QuerySet)."""
    network = call.edition.programme.network
    if call.eligibility == Call.Eligibility.LISTED:
        return call.listed_organisations.all()
    municipalities = Organisation.objects.municipalities()
    if call.eligibility == Call.Eligibility.MEMBERS:
        return municipalities.members_of(network)
    return municipalities.filter(country=network.country)


def applicable_organisation_ids(user, call) -> set[int]:
    """The user's organisations that may apply to the call."""
    mine = applicant_organisation_ids(user)
    if not mine:
        return set()
    return user_cached(
        user,
        ("programme_call_orgs", call.pk),
        lambda: set(eligible_organisations(call).filter(id__in=mine).values_list("id", flat=True)),
    )


@rules.predicate
def is_programme_staff(user, programme):
    return programme is not None and programme.network_id in staff_network_ids(user)


@rules.predicate
def is_edition_staff(user, edition):
    return edition is not None and edition.programme.network_id in staff_network_ids(user)


@rules.predicate
def is_call_staff(user, call):
    return call is not None and call.edition.programme.network_id in staff_network_ids(user)


@rules.predicate
def is_call_open(user, call):
    return call is not None and call.state(timezone.now()) == "open"


@rules.predicate
def has_organisation_for_call(user, call):
    return call is not None and bool(applicable_organisation_ids(user, call))


@rules.predicate
def is_application_staff(user, application):
    return application is not None and is_call_staff(user, application.call)


@rules.predicate
def is_applicant(user, application):
    return application is not None and application.organisation_id in applicant_organisation_ids(
        user
    )


@rules.predicate
def is_application_call_open(user, application):
    return application is not None and is_call_open(user, application.call)


@rules.predicate
def is_application_editable(user, application):
    S = Application.Status
    return application is not None and application.status in (S.DRAFT, S.SUBMITTED)


@rules.predicate
def is_application_withdrawable(user, application):
    S = Application.Status
    return application is not None and application.status in (
        S.DRAFT,
        S.SUBMITTED,
        S.ACCEPTED,
        S.WAITING,
    )


@rules.predicate
def is_application_decidable(user, application):
    S = Application.Status
    return application is not None and application.status in (
        S.SUBMITTED,
        S.ACCEPTED,
        S.WAITING,
        S.REJECTED,
    )


@rules.predicate
def is_accepted_without_case(user, application):
    return (
        application is not None
        and application.status == Application.Status.ACCEPTED
        and application.case_id is None
    )


def reviewed_call_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return user_cached(
        user,
        "programme_reviewer_calls",
        lambda: set(
            Call.reviewers.through.objects.filter(user=user).values_list("call_id", flat=True)
        ),
    )


@rules.predicate
def is_call_reviewer(user, call):
    return call is not None and call.pk in reviewed_call_ids(user)


@rules.predicate
def is_application_reviewer(user, application):
    return application is not None and application.call_id in reviewed_call_ids(user)


@rules.predicate
def is_application_accepted(user, application):
    return application is not None and application.status == Application.Status.ACCEPTED


@rules.predicate
def is_participant_staff(user, participant):
    return participant is not None and is_application_staff(user, participant.application)


@rules.predicate
def is_participant_applicant(user, participant):
    return participant is not None and is_applicant(user, participant.application)


@rules.predicate
def is_participant_self(user, participant):
    return (
        participant is not None
        and user.is_authenticated
        and bool(participant.email)
        and participant.email.lower() == (user.email or "").lower()
    )


def verified_addresses(user) -> set[str]:
    """The user's verified e-mail addresses, lower-cased."""
    if not user.is_authenticated:
        return set()
    from allauth.account.models import EmailAddress

    return user_cached(
        user,
        "verified_addresses",
        lambda: {
            e.lower()
            for e in EmailAddress.objects.filter(user=user, verified=True).values_list(
                "email", flat=True
            )
        },
    )


@rules.predicate
def is_invitation_staff(user, invitation):
    return invitation is not None and is_call_staff(user, invitation.call)


@rules.predicate
def is_invitation_addressee(user, invitation):
    """Signed in with the invited address, verified."""
    return invitation is not None and invitation.email.lower() in verified_addresses(user)


@rules.predicate
def is_invitation_pending(user, invitation):
    return invitation is not None and invitation.status() == ReviewerInvitation.Status.PENDING
