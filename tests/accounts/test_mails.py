"""allauth's e-mails have every field filled in, in each of the site's languages."""

import copy

import pytest
from django.conf import settings as django_settings

pytestmark = pytest.mark.django_db

MISSING = "@@MISSING:%s@@"
GREETING = {"da": "Hej fra Sund By Netværket!", "nb": "Hei fra Sund By Netværket!"}
GREETING_EN = "Hello from Sund By Netværket!"


@pytest.fixture(autouse=True)
def _missing_variables_show(settings):
    """A variable a template asks for and the context lacks shows as a marker, not as ""."""
    templates = copy.deepcopy(django_settings.TEMPLATES)
    templates[0]["OPTIONS"]["string_if_invalid"] = MISSING
    settings.TEMPLATES = templates


def sign_up(client, lang, email):
    return client.post(
        f"/{lang}/accounts/signup/",
        {
            "name": "Nina Ny",
            "email": email,
            "password1": "a-long-and-good-passphrase",
            "password2": "a-long-and-good-passphrase",
        },
    )


def mails(client, lang, plain_user):
    """Sends each of allauth's mails once; returns them by name."""
    from django.core import mail

    sent = {}

    def take(name):
        assert len(mail.outbox) == 1, (name, [m.subject for m in mail.outbox])
        sent[name] = mail.outbox.pop()

    sign_up(client, lang, f"ny-{lang}@test.example")
    take("sign-up confirmation")
    sign_up(client, lang, plain_user.email)
    take("account already exists")
    client.post(f"/{lang}/accounts/password/reset/", {"email": plain_user.email})
    take("password reset")
    client.post(f"/{lang}/accounts/password/reset/", {"email": "ukendt@test.example"})
    take("unknown account")
    client.force_login(plain_user)
    client.post(
        f"/{lang}/accounts/email/", {"email": f"ny-adresse-{lang}@test.example", "action_add": ""}
    )
    take("e-mail change")
    return sent


@pytest.mark.parametrize("lang", ["da", "nb", "en"])
def test_allauth_mails_have_no_blank_fields(
    client, plain_user, lang, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sent = mails(client, lang, plain_user)
    for name, message in sent.items():
        html = "".join(content for content, _ in getattr(message, "alternatives", []))
        for text in (message.subject, message.body, html):
            assert "@@MISSING" not in text, (name, text)
        assert message.subject.removeprefix("[Samskab] ").strip(), name
        greeting = GREETING.get(lang, GREETING_EN)
        assert greeting in message.body, (name, message.body)
        assert "testserver" in message.body, (name, message.body)  # the site's domain
        assert " !" not in message.body and "from !" not in message.body, (name, message.body)
    already = sent["account already exists"]
    assert plain_user.email in already.body
    assert "/accounts/password/reset/" in already.body
    assert "/accounts/password/reset/key/" in sent["password reset"].body
    assert "ukendt@test.example" in sent["unknown account"].body
    assert "/accounts/confirm-email/" in sent["sign-up confirmation"].body
    change = sent["e-mail change"]
    assert change.to == [f"ny-adresse-{lang}@test.example"]
    assert "/accounts/confirm-email/" in change.body


@pytest.mark.parametrize(
    ("lang", "greeting"),
    [
        ("nb", "Hei fra Sunne kommuner!"),
        ("da", "Hej fra Sunne kommuner!"),
        ("en", "Hello from Sunne kommuner!"),
    ],
)
def test_sign_up_mail_names_the_network_of_the_host(
    client, settings, dk_network, no_network, lang, greeting, django_capture_on_commit_callbacks
):
    """On the second network's host the sign-up mail greets with that network's name."""
    from django.core import mail

    settings.ALLOWED_HOSTS = ["testserver", "sunne.testserver"]
    client.defaults["HTTP_HOST"] = "sunne.testserver"
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, lang, f"ny-{lang}@test.example")
    (message,) = mail.outbox
    assert greeting in message.body, message.body
    assert message.body.count("Sunne kommuner!") == 2, message.body  # greeting and thanks
    assert "sunne.testserver" in message.body
    assert "Sund By" not in message.body
