"""The demo data's own networks pass axe (colour contrast above all): the other browser
tests use fixture networks with other brand colours, so a network's real colour could fail
WCAG AA on every page while they pass (issue 20, defect 15)."""

import re

import pytest
from django.core.management import call_command

from samskab.networks.models import Network

from .conftest import assert_no_axe_violations, wide_elements

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
    visited, too_wide = 0, []

    def check(url, width):
        nonlocal visited
        visited += 1
        if width != 320:  # axe at desktop and phone widths; 320 px only for the width
            assert_no_axe_violations(page, f"{url} at {width} px")
        if width < 1280:
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                too_wide.append(f"{url} is {scroll} px at {width} px: {wide_elements(page, width)}")

    for base, lang in networks.values():
        for width in (1280, 390, 320):
            page.set_viewport_size({"width": width, "height": 900})
            for path, detail in PAGES:
                url = f"{base}/{lang}{path}"
                page.goto(url)
                check(url, width)
                if detail:
                    href = _first_detail(page, detail.format(lang=lang))
                    assert href, f"no detail page linked from {url}"
                    page.goto(base + href)
                    check(base + href, width)
    assert visited == 2 * 3 * (len(PAGES) + sum(1 for _, d in PAGES if d))
    assert not too_wide, "Pages that scroll sideways:\n" + "\n".join(too_wide)
