"""An edition's sessions in a real browser: the timeline and the table of topics per track
in three languages, the secretariat's session form; axe and 390 px wide."""

import datetime
import zoneinfo

import pytest
from playwright.sync_api import expect

from samskab.demo.data.programmes import SESSIONS_2014
from samskab.programmes import services
from tests.factories import PASSWORD

from .conftest import assert_no_axe_violations, log_in
from .test_programmes import fits

pytestmark = pytest.mark.django_db(transaction=True)
CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")


@pytest.fixture
def edition(staff_user, dk_network):
    programme = services.programme_save(
        actor=staff_user, network=dk_network, data={"name": "Netværk for Fællesskabsagenter"}
    )
    edition = services.edition_save(
        actor=staff_user,
        programme=programme,
        data={"year": 2030},
        tracks=["Lederspor", "Medarbejderspor"],
    )
    tracks = {t.name: t for t in edition.tracks.all()}
    for title, kind, (_y, m, d), venue, topics in SESSIONS_2014:
        starts = datetime.datetime(2030, m, d, 9, 30, tzinfo=CPH)
        services.session_create(
            actor=staff_user,
            edition=edition,
            data={
                "kind": kind,
                "title": title,
                "starts_at": starts,
                "ends_at": starts + datetime.timedelta(hours=6),
                "format": "on_site",
                "venue": venue,
            },
            topics={
                tracks[name].pk: {"da": da, "nb": nb, "en": en}
                for name, (da, nb, en) in topics.items()
            },
        )
    return edition


@pytest.mark.parametrize(
    ("lang", "heading", "topic"),
    [
        ("da", "Mødedage og emner pr. spor", "Ledelse af velfærd"),
        ("nb", "Samlinger og temaer per spor", "Ledelse av velferd"),
        ("en", "Sessions and topics by track", "Leading welfare and staff"),
    ],
)
def test_edition_page_with_sessions_passes_axe(page, edition, staff_user, lang, heading, topic):
    path = f"/{lang}/programmes/{edition.programme.slug}/{edition.year}/"
    page.goto(path)
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.get_by_role("table").get_by_text(topic).first).to_be_visible()
    assert_no_axe_violations(page, f"edition page with sessions ({lang})")
    fits(page)
    log_in(page, staff_user.email, PASSWORD)
    page.goto(path)
    assert_no_axe_violations(page, f"edition page as staff ({lang})")
    fits(page)
    page.goto(f"/{lang}/programmes/{edition.programme.slug}/{edition.year}/sessions/new/")
    assert_no_axe_violations(page, f"session form ({lang})")
    fits(page)
