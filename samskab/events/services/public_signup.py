"""Sign-up and cancellation without an account, by signed e-mail links.

The public form asks for a name and an address; ``public_signup_request`` mails a signed
link (rate limited per address and per IP address, so the form cannot be used to mail
strangers in bulk); ``public_signup_confirm`` verifies the link itself and signs the person
up. A registration made without an account is cancelled by the signed link in its mail
(``registration_cancel_by_link``).
"""

from collections.abc import Callable

from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samskab.core.guards import require

from .. import emails
from ..models import Event, Registration
from .registrations import cancel, register

PUBLIC_SIGNUP_SALT = "events.public-signup"
PUBLIC_SIGNUP_MAX_AGE = 60 * 60 * 48
PUBLIC_SIGNUP_LIMIT = 10  # confirmation mails per hour, per address and per IP address


class SignupLinkExpired(ValidationError):
    pass


class SignupLinkInvalid(ValidationError):
    pass


def read_signup_token(*, event: Event, token: str) -> dict:
    """The sign-up a confirmation link carries (no writes). Raises ``SignupLinkExpired``
    or ``SignupLinkInvalid``; a link for another event is invalid."""
    try:
        payload = signing.loads(token, salt=PUBLIC_SIGNUP_SALT, max_age=PUBLIC_SIGNUP_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise SignupLinkExpired(_("The link has expired")) from exc
    except signing.BadSignature as exc:
        raise SignupLinkInvalid(_("The link is not valid")) from exc
    if not isinstance(payload, dict) or payload.get("e") != event.pk:
        raise SignupLinkInvalid(_("The link is not valid"))
    return payload


def _too_many_mails(ip: str, email: str) -> bool:
    too_many = False
    for key in (f"events:signup-mail:ip:{ip}", f"events:signup-mail:to:{email.lower()}"):
        cache.add(key, 0, 3600)
        too_many |= cache.incr(key) > PUBLIC_SIGNUP_LIMIT
    return too_many


def public_signup_request(
    *,
    actor,
    event: Event,
    name: str,
    email: str,
    organisation: str = "",
    answers: dict | None = None,
    language: str = "da",
    client_ip: str,
    confirm_url: Callable[[str], str],
) -> None:
    """Mail a signed confirmation link (``confirm_url(token)`` makes its address) to someone
    without an account who signs up for a public event (rule
    ``events.register_without_account``)."""
    require(
        actor,
        "events.register_without_account",
        event,
        _("Only public events take sign-ups without an account."),
    )
    if event.signup_state() != "open":
        raise ValidationError(_("Sign-up is not open."))
    if _too_many_mails(client_ip, email):
        raise ValidationError(
            _("Too many sign-ups from here just now. Please try again in an hour.")
        )
    payload = {
        "e": event.pk,
        "n": name,
        "m": email.lower(),
        "o": organisation,
        "l": language,
        "a": {str(k): v for k, v in (answers or {}).items() if v},
    }
    token = signing.dumps(payload, salt=PUBLIC_SIGNUP_SALT, compress=True)
    with transaction.atomic():
        emails.public_signup_confirm(
            event=event, email=payload["m"], link=confirm_url(token), language=payload["l"]
        )


@transaction.atomic
def public_signup_confirm(*, event: Event, token: str) -> Registration:
    """Sign up the person of a confirmation link, after verifying the link (who holds it
    has read the mail sent to the address). Only public events take such sign-ups."""
    payload = read_signup_token(event=event, token=token)
    if event.audience != Event.Audience.PUBLIC:
        raise ValidationError(_("Only public events take sign-ups without an account."))
    return register(
        event=event,
        user=None,
        registered_by=None,
        name=str(payload.get("n", "")),
        email=str(payload.get("m", "")),
        organisation=str(payload.get("o", "")),
        answers=payload.get("a"),
        language=str(payload.get("l", "da")),
        organiser=False,
        check_attendee=True,
    )


def read_cancel_token(token: str) -> dict:
    """The registration a cancel link names (``{"r": pk, "c": code}``); raises
    ``signing.BadSignature`` for a link we did not make."""
    data = signing.loads(token, salt=emails.CANCEL_SALT)
    if not isinstance(data, dict):
        raise signing.BadSignature("not a cancel link")
    return data


@transaction.atomic
def registration_cancel_by_link(*, token: str) -> Registration:
    """Cancel the registration a signed cancel link names (from its confirmation mail)."""
    try:
        data = read_cancel_token(token)
    except signing.BadSignature as exc:
        raise ValidationError(_("The link is not valid.")) from exc
    registration = Registration.objects.filter(pk=data.get("r"), code=data.get("c")).first()
    if registration is None:
        raise ValidationError(_("The link is not valid."))
    return cancel(registration, actor=None)
