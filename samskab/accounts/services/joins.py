"""Writes for a person's request to join an organisation: withdrawing, confirming and
declining it, with the e-mails."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from samskab.audit.models import Action
from samskab.core.guards import require
from samskab.core.links import absolute
from samskab.core.tasks import enqueue_on_commit, send_email
from samskab.networks.models import Organisation

from ..models import Person
from .trail import networks_of_organisation, record_person


def _locked_request(person: Person) -> Person:
    person = (
        Person.objects.select_for_update(of=("self",))
        .select_related("user", "requested_organisation")
        .filter(pk=person.pk)
        .first()
        if person.pk
        else None
    )
    if person is None or person.requested_organisation_id is None:
        raise ValidationError(_("This person has no request to join an organisation."))
    return person


@transaction.atomic
def person_join_withdraw(*, actor, person: Person) -> Person:
    """The person takes back their request to join an organisation."""
    person = _locked_request(person)
    require(
        actor,
        "accounts.join_organisation",
        person,
        _("Only the person may take back their request."),
    )
    Person.objects.filter(pk=person.pk).update(requested_organisation=None, requested_at=None)
    person.requested_organisation, person.requested_at = None, None
    return person


@transaction.atomic
def person_join_confirm(*, actor, person: Person) -> Person:
    """An editor of the organisation, or the secretariat, confirms a request to join it:
    the person is now one of its people. The person is told by e-mail."""
    person = _locked_request(person)
    organisation = person.requested_organisation
    require(
        actor,
        "accounts.decide_join_request",
        organisation,
        _("Only the organisation's editors and the secretariat may confirm its people."),
    )
    Person.objects.filter(pk=person.pk).update(
        organisation=organisation, requested_organisation=None, requested_at=None
    )
    before = {"organisation": person.organisation, "requested_organisation": organisation}
    person.organisation = organisation
    person.requested_organisation, person.requested_at = None, None
    record_person(
        actor=actor,
        person=person,
        action=Action.JOIN_CONFIRMED,
        before=before,
        after={"organisation": organisation, "requested_organisation": None},
        networks=networks_of_organisation(organisation),
    )
    _notify_join_decision(person, organisation, confirmed=True)
    return person


@transaction.atomic
def person_join_decline(*, actor, person: Person) -> Person:
    """An editor of the organisation, or the secretariat, declines a request to join it.
    The person is told by e-mail."""
    person = _locked_request(person)
    organisation = person.requested_organisation
    require(
        actor,
        "accounts.decide_join_request",
        organisation,
        _("Only the organisation's editors and the secretariat may decline its requests."),
    )
    Person.objects.filter(pk=person.pk).update(requested_organisation=None, requested_at=None)
    person.requested_organisation, person.requested_at = None, None
    record_person(
        actor=actor,
        person=person,
        action=Action.JOIN_DECLINED,
        before={"requested_organisation": organisation},
        after={"requested_organisation": None},
        networks=networks_of_organisation(organisation),
    )
    _notify_join_decision(person, organisation, confirmed=False)
    return person


def _notify_join_decision(person: Person, organisation: Organisation, *, confirmed: bool):
    user = person.user
    if user is None or not user.email:
        return
    with translation.override(user.language or "da"):
        url = absolute(reverse("accounts:profile"))
        if confirmed:
            subject = _("You are now listed at %(organisation)s") % {
                "organisation": organisation.name
            }
            body = _(
                "Your request to join %(organisation)s has been confirmed: you are now "
                "listed among its people.\n\n%(url)s"
            ) % {"organisation": organisation.name, "url": url}
        else:
            subject = _("Your request to join %(organisation)s was declined") % {
                "organisation": organisation.name
            }
            body = _(
                "Your request to join %(organisation)s has been declined. If you think this "
                "is a mistake, contact the organisation or the network's secretariat.\n\n"
                "%(url)s"
            ) % {"organisation": organisation.name, "url": url}
        enqueue_on_commit(send_email, subject=subject, body=body, to=[user.email])
