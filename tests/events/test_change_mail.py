"""The mail about a changed event is in each participant's language, every line of it,
whatever language the organiser who changed the event uses."""

import datetime

import pytest
from django.utils import translation

from samskab.events import services

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

CHANGE_LINES = {
    "en": [
        "- The time has changed.",
        "- The place or form has changed.",
        "- The practical details have changed.",
    ],
    "da": [
        "- Tidspunktet er ændret.",
        "- Stedet eller mødeformen er ændret.",
        "- De praktiske oplysninger er ændret.",
    ],
}


def _english_lines(body: str) -> list[str]:
    """Lines that are the English text of a change."""
    return [line for line in body.splitlines() if line in CHANGE_LINES["en"]]


@pytest.mark.parametrize("organiser_language", ["en", "da", "nb"])
def test_change_mail_in_da_nb_and_en(
    dk_network, staff_user, mailoutbox, django_capture_on_commit_callbacks, organiser_language
):
    event = EventFactory(network=dk_network)
    for language in ("da", "nb", "en"):
        RegistrationFactory(
            event=event, language=language, email=f"{language}@test.example", name=language
        )
    data = {
        "starts_at": event.starts_at + datetime.timedelta(days=1),
        "ends_at": event.ends_at + datetime.timedelta(days=1),
        "venue": "Biblioteket",
        "practical_details": "Ny dørkode 1234",
    }
    # The organiser works in their own language (the request's), not the participants'.
    with translation.override(organiser_language), django_capture_on_commit_callbacks(execute=True):
        services.event_update(actor=staff_user, event=event, data=data)
    mails = {mail.to[0].split("@")[0]: mail for mail in mailoutbox}
    assert set(mails) == {"da", "nb", "en"}
    assert [line for line in mails["en"].body.splitlines() if line.startswith("- ")] == (
        CHANGE_LINES["en"]
    )
    for line in CHANGE_LINES["da"]:
        assert line in mails["da"].body.splitlines()
    nb_changes = [line for line in mails["nb"].body.splitlines() if line.startswith("- ")]
    assert len(nb_changes) == 3 and "- Tidspunktet er endret." in nb_changes
    for language in ("da", "nb"):
        assert not _english_lines(mails[language].body), mails[language].body
        # nothing else in English either: no line of the English mail's own text
        english = set(mails["en"].body.splitlines())
        shared = [
            line
            for line in mails[language].body.splitlines()
            if line in english and line.strip() and not _is_data(line, event)
        ]
        assert not shared, shared
    assert mails["da"].subject.startswith("Ændret:")


def _is_data(line: str, event) -> bool:
    """Lines that are the same in every language: the title, addresses, names, links."""
    return line in (event.title, "--", dk_name()) or "://" in line or line.startswith("Temamøde")


def dk_name():
    return "Sund By Netværket"
