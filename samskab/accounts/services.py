"""Writes for people and accounts: profiles, consent, export and erasure."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskab.core.links import absolute
from samskab.core.tasks import enqueue_on_commit, send_email
from samskab.networks.models import Organisation
from samskab.networks.selectors import join_request_deciders

from . import personal_data
from .models import Person

User = get_user_model()
ERASED_NAME = "Slettet person"


def person_for_user(user) -> Person:
    """The person behind a log-in; created on first use from the account's name."""
    person = Person.objects.filter(user=user).first()
    if person is None:
        person = Person.objects.create(
            user=user, name=user.name or user.email.split("@")[0], email=user.email
        )
    return person


def _require(actor, perm: str, obj, message: str) -> None:
    if actor is None or not actor.has_perm(perm, obj):
        raise PermissionDenied(message)


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
    _require(
        actor, "accounts.change_person", stored, _("You may not change this person's details.")
    )
    for field in ("name", "title", "phone", "email"):
        if field in data:
            setattr(person, field, data[field])
    person.public_consent = stored.public_consent
    if "public_consent" in data and bool(data["public_consent"]) != stored.public_consent:
        _require(
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


def _locked_request(person: Person) -> Person:
    person = (
        Person.objects.select_for_update(of=("self",))
        .select_related("user", "requested_organisation")
        .get(pk=person.pk)
    )
    if person.requested_organisation_id is None:
        raise ValidationError(_("This person has no request to join an organisation."))
    return person


@transaction.atomic
def person_join_withdraw(*, actor, person: Person) -> Person:
    """The person takes back their request to join an organisation."""
    person = _locked_request(person)
    _require(
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
    _require(
        actor,
        "accounts.decide_join_request",
        organisation,
        _("Only the organisation's editors and the secretariat may confirm its people."),
    )
    Person.objects.filter(pk=person.pk).update(
        organisation=organisation, requested_organisation=None, requested_at=None
    )
    person.organisation = organisation
    person.requested_organisation, person.requested_at = None, None
    _notify_join_decision(person, organisation, confirmed=True)
    return person


@transaction.atomic
def person_join_decline(*, actor, person: Person) -> Person:
    """An editor of the organisation, or the secretariat, declines a request to join it.
    The person is told by e-mail."""
    person = _locked_request(person)
    organisation = person.requested_organisation
    _require(
        actor,
        "accounts.decide_join_request",
        organisation,
        _("Only the organisation's editors and the secretariat may decline its requests."),
    )
    Person.objects.filter(pk=person.pk).update(requested_organisation=None, requested_at=None)
    person.requested_organisation, person.requested_at = None, None
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


@transaction.atomic
def person_create(*, actor, data: dict) -> Person:
    """Add a person (without a log-in) to an organisation. Consent is not set here: the
    person, once they have a log-in, or the secretariat records it."""
    organisation = data.get("organisation")
    _require(
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


def personal_data_export(*, user) -> dict:
    """Everything the platform holds about this user, as JSON-ready data."""
    person = Person.objects.filter(user=user).first()
    data = {"exported_at": timezone.now().isoformat()}
    for section in personal_data.sections():
        data[section.name] = section.export(user, person)
    return data


@transaction.atomic
def person_erase(*, actor, person: Person) -> None:
    """Anonymise a person others' records still point to; remove their contact details."""
    _require(actor, "accounts.change_person", person, _("You may not erase this person."))
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
    email = user.email
    person = Person.objects.filter(user=user).first()
    if person is not None:
        person_erase(actor=actor, person=person)
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


# --- this app's own sections of personal data ------------------------------------------


def _export_account(user, person):
    if user is None:
        return None
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    return {
        "email": user.email,
        "name": user.name,
        "language": user.language,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user)
        ],
        "authenticators": [
            {"type": a.type, "created_at": a.created_at.isoformat()}
            for a in Authenticator.objects.filter(user=user)
        ],
    }


def _export_person(user, person):
    if person is None:
        return None
    return {
        "name": person.name,
        "title": person.title,
        "organisation": person.organisation.name if person.organisation_id else None,
        "phone": person.phone,
        "email": person.email,
        "public_consent": person.public_consent,
        "consent_changed_at": (
            person.consent_changed_at.isoformat() if person.consent_changed_at else None
        ),
        "consent_recorded_by": _consent_recorder(person),
        "asked_to_join": (
            {
                "organisation": person.requested_organisation.name,
                "asked_at": person.requested_at.isoformat() if person.requested_at else None,
            }
            if person.requested_organisation_id
            else None
        ),
        "roles": [
            {
                "network": r.network.name,
                "role": r.kind,
                "organisation": r.organisation.name if r.organisation_id else None,
                "until": r.until.isoformat() if r.until else None,
            }
            for r in person.roles.select_related("network", "organisation")
        ],
    }


def _consent_recorder(person) -> str | None:
    if person.consent_changed_at is None or person.consent_changed_by_id is None:
        return None
    if person.consent_changed_by_id == person.user_id:
        return "self"
    return "secretariat"


def _erase_account(user, person):
    # The user row itself is deleted by the caller; allauth's e-mail addresses and
    # authenticators cascade with it.
    return None


def _erase_person(user, person):
    # Roles are kept (the network's history needs them) and point to the anonymised person.
    return None


personal_data.register(
    "account",
    export=_export_account,
    erase=_erase_account,
    models=("accounts.User", "account.EmailAddress", "mfa.Authenticator"),
)
personal_data.register(
    "person",
    export=_export_person,
    erase=_erase_person,
    models=("accounts.Person", "networks.Role"),
)
