"""Erasure: a person's record, or a log-in with the person behind it. Every app's
personal-data section erases its part (``accounts.personal_data``)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.audit.models import Action
from samskab.core.guards import require
from samskab.core.tasks import enqueue_on_commit, send_email

from .. import personal_data
from ..models import Person
from ..selectors import person_of_user
from .trail import networks_of_person, record_person

User = get_user_model()
ERASED_NAME = "Slettet person"


@transaction.atomic
def person_erase(*, actor, person: Person) -> None:
    """Erase the record of a person without a log-in of their own (people with one erase
    themselves: ``user_erase``)."""
    require(actor, "accounts.erase_person", person, _("You may not erase this person."))
    if person.user_id:
        # Also for superusers, whom Django grants every rule.
        raise PermissionDenied(_("You may not erase this person."))
    networks = list(networks_of_person(person))
    _erase(person)
    person.refresh_from_db()
    record_person(
        actor=actor,
        person=person,
        action=Action.PERSON_ERASED,
        before={},
        after={"erased_at": person.erased_at},
        networks=networks,
        label=ERASED_NAME,
    )


def _erase(person: Person) -> None:
    """Anonymise a person others' records still point to; remove their contact details."""
    user = person.user
    for section in personal_data.sections():
        section.erase(user, person)
    Person.objects.filter(pk=person.pk).update(
        name=ERASED_NAME,
        title="",
        phone="",
        email="",
        public_consent=False,
        consent_changed_at=None,
        consent_changed_by=None,
        requested_organisation=None,
        requested_at=None,
        user=None,
        erased_at=timezone.now(),
    )
    if user is not None:
        _delete_user(user)


@transaction.atomic
def user_erase(*, actor, user) -> None:
    """Erase a log-in and the person behind it. Sends a receipt to the old address."""
    require(actor, "accounts.manage_account", user, _("You may only erase your own account."))
    email = user.email
    person = person_of_user(user)
    if person is not None:
        _erase(person)
    else:
        for section in personal_data.sections():
            section.erase(user, None)
        _delete_user(user)
    enqueue_on_commit(
        send_email,
        subject=_("Your data has been erased"),
        body=_(
            "As you asked, your account and the personal data the platform held about you "
            "have been erased. Records others still need, such as the roles you held, now "
            "show an anonymous person.\n\nThis message is the last we send to this address."
        ),
        to=[email],
    )


def _delete_user(user) -> None:
    User.objects.filter(pk=user.pk).delete()
