"""Writes for people: a log-in's own person, a person's details, a person added to an
organisation."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskab.audit import services as audit
from samskab.audit.models import Action
from samskab.core.guards import require
from samskab.core.links import absolute
from samskab.core.tasks import enqueue_on_commit, send_email
from samskab.networks.models import Organisation
from samskab.networks.selectors import join_request_deciders

from ..models import Person
from ..selectors import person_of_user
from .trail import PERSON_FIELDS, networks_of_person, record_person

User = get_user_model()


@transaction.atomic
def person_create_for_user(*, actor, user) -> Person:
    """The person behind a log-in, created from the account's name when there is none yet
    (accounts made outside the sign-up form: the admin, ``createsuperuser``)."""
    require(actor, "accounts.manage_account", user, _("You may only do this for yourself."))
    person = person_of_user(user)
    if person is None:
        person = Person.objects.create(
            user=user, name=user.name or user.email.split("@")[0], email=user.email
        )
    return person


@transaction.atomic
def person_update(*, actor, person: Person, data: dict) -> Person:
    """Change a person's details. ``data`` holds cleaned form values.

    Permissions are checked against the person as stored (a form changes the instance
    while validating). Consent is the person's own or recorded by the secretariat, with
    who and when. A new ``organisation`` is set only by someone who may confirm people
    there; the person's own choice becomes a request that its editors or the secretariat
    confirm (``person_join_confirm``), and until then the person is not among its people.
    """
    stored = (
        Person.objects.select_for_update(of=("self",))
        .select_related("organisation", "requested_organisation")
        .get(pk=person.pk)
    )
    require(actor, "accounts.change_person", stored, _("You may not change this person's details."))
    for field in ("name", "title", "phone", "email"):
        if field in data:
            setattr(person, field, data[field])
    person.public_consent = stored.public_consent
    if "public_consent" in data and bool(data["public_consent"]) != stored.public_consent:
        require(
            actor,
            "accounts.change_person_consent",
            stored,
            _("Only the person and the secretariat may change the person's consent."),
        )
        person.public_consent = bool(data["public_consent"])
        person.consent_changed_at = timezone.now()
        person.consent_changed_by = actor
    person.organisation = stored.organisation
    person.requested_organisation = stored.requested_organisation
    person.requested_at = stored.requested_at
    asked = None
    if "organisation" in data:
        asked = _change_organisation(actor, stored, person, data["organisation"])
    person.full_clean()
    person.save()
    if actor.pk is None or actor.pk != stored.user_id:
        # A change by someone else (the secretariat, an editor) goes to the trail.
        before, after = (audit.snapshot(p, PERSON_FIELDS) for p in (stored, person))
        if before != after:
            record_person(
                actor=actor,
                person=person,
                action=Action.PERSON_CHANGED,
                before=before,
                after=after,
                networks=networks_of_person(person),
            )
    if person.user_id and "name" in data and person.user.name != person.name:
        User.objects.filter(pk=person.user_id).update(name=person.name)
    if asked is not None:
        _notify_join_request(person, asked)
    return person


def _change_organisation(actor, stored: Person, person: Person, wanted):
    """Apply a change of organisation to ``person``; return the organisation asked to
    join when the change became a request."""
    target = stored.requested_organisation or stored.organisation
    if wanted == target:
        return None
    if wanted is None or wanted == stored.organisation:
        # Leaving one's organisation, or taking back a request: nobody needs to confirm.
        person.organisation = wanted
    elif actor.has_perm("accounts.decide_join_request", wanted):
        person.organisation = wanted
    elif actor.has_perm("accounts.join_organisation", stored):
        person.requested_organisation = wanted
        person.requested_at = timezone.now()
        return wanted
    else:
        raise PermissionDenied(
            _("Only the organisation's editors and the secretariat may add people to it.")
        )
    person.requested_organisation = None
    person.requested_at = None
    return None


def _notify_join_request(person: Person, organisation: Organisation) -> None:
    who = person.name
    login = person.user.email if person.user_id else ""
    for email, language in join_request_deciders(organisation=organisation):
        with translation.override(language or "da"):
            url = absolute(
                reverse("accounts:organisation_people", kwargs={"slug": organisation.slug})
            )
            enqueue_on_commit(
                send_email,
                subject=_("%(name)s asks to join %(organisation)s")
                % {"name": who, "organisation": organisation.name},
                body=_(
                    "%(name)s (%(email)s) asks to be listed among the people of "
                    "%(organisation)s, with the title: %(title)s\n\n"
                    "They are not listed until you confirm. Confirm or decline the request "
                    "here:\n%(url)s"
                )
                % {
                    "name": who,
                    "email": login,
                    "organisation": organisation.name,
                    "title": person.title or "–",
                    "url": url,
                },
                to=[email],
            )


@transaction.atomic
def person_create(*, actor, data: dict) -> Person:
    """Add a person (without a log-in) to an organisation. Consent is not set here: the
    person, once they have a log-in, or the secretariat records it."""
    organisation = data.get("organisation")
    require(
        actor,
        "networks.change_organisation",
        organisation,
        _("Only the organisation's editors and the secretariat may manage its people."),
    )
    person = Person(
        **{k: v for k, v in data.items() if k in {"name", "title", "phone", "email"}},
        organisation=organisation,
    )
    person.full_clean()
    person.save()
    return person
