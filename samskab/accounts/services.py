"""Writes for people and accounts: profiles, consent, export and erasure."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.core.tasks import enqueue_on_commit, send_email

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


@transaction.atomic
def person_update(*, actor, person: Person, data: dict) -> Person:
    """Change a person's details. ``data`` holds cleaned form values."""
    # Forms change the instance while validating, so compare with what is stored.
    consent_before = (
        Person.objects.filter(pk=person.pk).values_list("public_consent", flat=True).first()
    )
    for field in ("name", "title", "organisation", "phone", "email", "public_consent"):
        if field in data:
            setattr(person, field, data[field])
    if person.public_consent != consent_before:
        person.consent_changed_at = timezone.now()
    person.full_clean()
    person.save()
    if person.user_id and "name" in data and person.user.name != person.name:
        User.objects.filter(pk=person.user_id).update(name=person.name)
    return person


@transaction.atomic
def person_create(*, actor, data: dict) -> Person:
    person = Person(
        **{
            k: v
            for k, v in data.items()
            if k in {"name", "title", "organisation", "phone", "email", "public_consent"}
        }
    )
    if person.public_consent:
        person.consent_changed_at = timezone.now()
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
