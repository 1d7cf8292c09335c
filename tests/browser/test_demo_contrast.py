"""The demo data's own networks pass axe (colour contrast above all): the other browser
tests use fixture networks with other brand colours, so a network's real colour could fail
WCAG AA on every page while they pass (issue 20, defect 15)."""

import re

import pytest
from django.core.management import call_command

from samskab.networks.models import Network

from .conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

# Each list page, and the pattern of the detail pages it links to (the first is visited).
PAGES = [
    ("/", None),
    ("/cases/", r"^/{lang}/cases/[a-z0-9-]+/$"),
    ("/events/", r"^/{lang}/events/\d+/$"),
    ("/groups/", r"^/{lang}/groups/[a-z0-9-]+/$"),
    ("/members/", r"^/{lang}/organisations/[a-z0-9-]+/$"),
    ("/news/", r"^/{lang}/news/(?!\d+/)[a-z0-9-]+/$"),
    ("/decisions/", None),
    ("/programmes/", None),
    ("/search/?q=sundhed", None),
    ("/accounts/login/", None),
]
SKIP = re.compile(r"/(feed|export|month|past|rss|atom|new|tags?)/|\.(csv|xlsx|ics)")


@pytest.fixture
def demo(settings, tmp_path):
    from samskab.cases.models import InterventionType, Topic
    from samskab.cases.taxonomy import seed

    settings.MEDIA_ROOT = tmp_path / "media"
    seed(Topic, InterventionType)
    call_command("load_demo", "--quiet")


def _first_detail(page, pattern):
    hrefs = page.eval_on_selector_all("main a[href]", "els => els.map(a => a.pathname)")
    return next((h for h in hrefs if re.match(pattern, h) and not SKIP.search(h)), None)


def test_every_page_type_of_both_demo_networks_passes_axe(page, live_server, demo):
    port = live_server.url.rsplit(":", 1)[1]
    networks = {
        "sund-by-netvaerket": (f"http://localhost:{port}", "da"),
        "sunne-kommuner": (f"http://sunne.localhost:{port}", "nb"),
    }
    assert set(Network.objects.values_list("slug", flat=True)) == set(networks)
    visited = 0
    for base, lang in networks.values():
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            for path, detail in PAGES:
                url = f"{base}/{lang}{path}"
                page.goto(url)
                assert_no_axe_violations(page, f"{url} at {width} px")
                visited += 1
                if detail:
                    href = _first_detail(page, detail.format(lang=lang))
                    assert href, f"no detail page linked from {url}"
                    page.goto(base + href)
                    assert_no_axe_violations(page, f"{base}{href} at {width} px")
                    visited += 1
    assert visited == 2 * 2 * (len(PAGES) + sum(1 for _, d in PAGES if d))
