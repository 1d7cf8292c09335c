"""The e-mails about events, sent through the tasks API after the transaction commits.

Each mail is written in the participant's language and shows times in the network's time
zone. Mails to confirmed participants carry a private .ics (with the online link); others
never see the link.
"""

import zoneinfo

from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from samskab.core.tasks import enqueue_on_commit, send_email
from samskab.core.text import single_line

from .calendar import absolute_url, event_ics, event_page_url

CANCEL_SALT = "events.registration-cancel"


def cancel_link(registration) -> str:
    token = signing.dumps({"r": registration.pk, "c": registration.code}, salt=CANCEL_SALT)
    return absolute_url(reverse("events:cancel_by_link", args=[token]))


def _send(
    registration,
    template: str,
    subject: str,
    *,
    with_ics: bool,
    extra=None,
    translate_subject: bool = True,
):
    if not registration.email:
        return
    event = registration.event
    language = registration.language or event.network.default_language
    with (
        translation.override(language),
        timezone.override(zoneinfo.ZoneInfo(event.network.time_zone)),
    ):
        context = {
            "registration": registration,
            "event": event,
            "network": event.network,
            "event_url": event_page_url(event),
            "cancel_url": cancel_link(registration) if registration.user_id is None else "",
            "private": registration.is_confirmed and not event.is_cancelled,
            **(extra or {}),
        }
        body = render_to_string(f"events/email/{template}.txt", context)
        subject_text = (_(subject) if translate_subject else subject) % {
            "title": single_line(event.title)
        }
        attachments = []
        if with_ics:
            ics = event_ics(event, private=context["private"], language=language)
            attachments.append(["event.ics", ics.decode(), "text/calendar"])
    enqueue_on_commit(
        send_email,
        subject=subject_text,
        body=body,
        to=[registration.email],
        attachments=attachments,
    )


def registration_received(registration):
    """Sent after sign-up: confirmed, on the waiting list or awaiting approval."""
    status = registration.status
    if status == registration.Status.CONFIRMED:
        subject = gettext_noop("You are signed up: %(title)s")
    elif status == registration.Status.WAITING:
        subject = gettext_noop("You are on the waiting list: %(title)s")
    else:
        subject = gettext_noop("Your sign-up awaits approval: %(title)s")
    _send(registration, "registration_received", subject, with_ics=registration.is_confirmed)


def off_waiting_list(registration):
    subject = gettext_noop("A place is free for you: %(title)s")
    _send(registration, "off_waiting_list", subject, with_ics=True)


def registration_approved(registration):
    subject = gettext_noop("Your sign-up is approved: %(title)s")
    _send(registration, "registration_received", subject, with_ics=registration.is_confirmed)


def registration_cancelled(registration, *, by_organiser: bool):
    subject = gettext_noop("Your registration is cancelled: %(title)s")
    _send(
        registration,
        "registration_cancelled",
        subject,
        with_ics=False,
        extra={"by_organiser": by_organiser},
    )


def event_changed(registration, *, changes: list[str]):
    subject = gettext_noop("Changed: %(title)s")
    _send(registration, "event_changed", subject, with_ics=True, extra={"changes": changes})


def event_cancelled(registration, *, message: str):
    subject = gettext_noop("Cancelled: %(title)s")
    _send(registration, "event_cancelled", subject, with_ics=True, extra={"message": message})


def reminder(registration):
    subject = gettext_noop("Reminder: %(title)s")
    _send(registration, "reminder", subject, with_ics=True)


def organiser_message(registration, *, subject: str, body: str):
    _send(
        registration,
        "organiser_message",
        "%(title)s: " + subject.replace("%", "%%"),
        with_ics=False,
        extra={"message": body},
        translate_subject=False,
    )


def public_signup_confirm(*, event, email: str, link: str, language: str):
    with (
        translation.override(language),
        timezone.override(zoneinfo.ZoneInfo(event.network.time_zone)),
    ):
        body = render_to_string(
            "events/email/public_signup_confirm.txt",
            {
                "event": event,
                "network": event.network,
                "link": link,
                "event_url": event_page_url(event),
            },
        )
        subject = _("Confirm your sign-up: %(title)s") % {"title": single_line(event.title)}
    enqueue_on_commit(send_email, subject=subject, body=body, to=[email])


def invitation(*, event, email: str):
    """Tell an invited person about an invitation-only event (public fields only)."""
    language = event.network.default_language
    with (
        translation.override(language),
        timezone.override(zoneinfo.ZoneInfo(event.network.time_zone)),
    ):
        body = render_to_string(
            "events/email/invitation.txt",
            {
                "event": event,
                "network": event.network,
                "event_url": event_page_url(event),
                "private": False,
                "login_url": absolute_url(reverse("account_login")),
            },
        )
        subject = _("You are invited: %(title)s") % {"title": single_line(event.title)}
    enqueue_on_commit(send_email, subject=subject, body=body, to=[email])
