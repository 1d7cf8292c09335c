import datetime
import time

import pytest
import time_machine
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.management import call_command

from samskab.accounts.models import Person, User
from samskab.demo.networks import DEMO_TOTP_SECRET
from samskab.networks.models import Membership, Network, Organisation

pytestmark = pytest.mark.django_db


def test_demo_data_is_complete_and_loads_twice_without_duplicates(capsys):
    call_command("load_demo")
    counts = (
        Network.objects.count(),
        Organisation.objects.count(),
        Membership.objects.count(),
        Person.objects.count(),
        User.objects.count(),
    )
    call_command("load_demo", "--quiet")
    assert counts == (
        Network.objects.count(),
        Organisation.objects.count(),
        Membership.objects.count(),
        Person.objects.count(),
        User.objects.count(),
    )
    dk = Organisation.objects.municipalities().filter(country="DK")
    assert dk.count() == 98
    assert set(dk.values_list("code", flat=True)) >= {"101", "147", "400", "740", "851", "860"}
    sund_by = Network.objects.get(slug="sund-by-netvaerket")
    members = Organisation.objects.members_of(sund_by).municipalities().count()
    assert 75 <= members <= 85
    sunne = Network.objects.get(slug="sunne-kommuner")
    assert Organisation.objects.members_of(sunne).count() >= 24
    assert sunne.default_language == "nb" and sunne.time_zone == "Europe/Oslo"
    out = capsys.readouterr().out
    assert "sekretariat@sundby.example" in out
    # No real contact data: every phone number starts with 0 after the country code.
    assert not Person.objects.exclude(phone="").exclude(phone__regex=r"^\+4[57] 0").exists()
    assert not Person.objects.exclude(email="").exclude(email__endswith=".example").exists()


def test_demo_totp_prints_the_current_code_of_the_demo_secret(capsys):
    with time_machine.travel(
        datetime.datetime(2030, 1, 1, 0, 0, 10, tzinfo=datetime.UTC), tick=False
    ):
        call_command("demo_totp")
        step = int(time.time()) // 30
    code = format_hotp_value(hotp_value(DEMO_TOTP_SECRET, step))
    assert capsys.readouterr().out == f"{code}  (valid for 20 more seconds)\n"
