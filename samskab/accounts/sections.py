"""This app's own sections of personal data: the log-in and the person."""

from samskab.audit import personal_data as audit_personal_data

from . import personal_data


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
personal_data.register(
    "audit_trail",
    export=audit_personal_data.export,
    erase=audit_personal_data.erase,
    models=("audit.AuditEntry",),
)
