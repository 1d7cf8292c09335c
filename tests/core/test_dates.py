"""Dates go through the reader's language: no Danish ordinal dot in English."""

import datetime
import zoneinfo

import pytest

from tests.cases.factories import CaseFactory
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")
SHOWN = {
    "da": ("søndag 13. december 2026, 10:00", "3. februar 2026", "1. september 2020 – "),
    "nb": ("søndag 13. desember 2026, 10:00", "3. februar 2026", "1. september 2020 – "),
    "en": ("Sunday 13 December 2026, 10:00", "3 February 2026", "1 September 2020 – "),
}


@pytest.mark.parametrize("lang", ["da", "nb", "en"])
def test_event_and_case_dates_in_each_language(client, dk_network, member_org, lang):
    starts = datetime.datetime(2026, 12, 13, 10, 0, tzinfo=CPH)
    event = EventFactory(
        network=dk_network, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2)
    )
    case = CaseFactory(
        network=dk_network,
        organisation=member_org,
        period_start=datetime.date(2020, 9, 1),
        period_end=None,
        published_at=datetime.datetime(2026, 2, 3, 12, 0, tzinfo=CPH),
    )
    weekday, _published, period = SHOWN[lang]
    page = client.get(f"/{lang}/events/{event.pk}/").content.decode()
    assert weekday in page
    case_page = client.get(f"/{lang}/cases/{case.slug}/").content.decode()
    assert period in case_page
    if lang == "en":
        assert "13. December" not in page and "1. September" not in case_page


@pytest.mark.parametrize("lang", ["da", "nb", "en"])
def test_the_filter_uses_the_active_language(lang):
    from django.template import Context, Template
    from django.utils import translation

    with translation.override(lang):
        shown = Template('{{ d|local_date:"date" }}').render(
            Context({"d": datetime.date(2026, 2, 3)})
        )
    assert shown == SHOWN[lang][1]
