"""The app behind deploy/nginx.conf (a real nginx in front of the test server): a person
signs in, acts and signs out, and nothing of theirs ever reaches an anonymous reader
through nginx's cache or the app's; cached pages are per language; the case page counts
every reading even when the app's page cache serves it."""

import re
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from samskab.cases import services
from samskab.cases.models import Case
from tests.cases.factories import CaseFactory
from tests.conftest import make_user_with_role
from tests.factories import MembershipFactory, NetworkFactory, OrganisationFactory

from .conftest import Nginx, fetch

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def app(nginx_binary, live_server, tmp_path, settings):
    settings.READ_COUNTS_IN_CACHE = True
    upstream = live_server.url.removeprefix("http://")
    server = Nginx(nginx_binary, tmp_path / "nginx", upstream)
    yield server
    server.stop()


@pytest.fixture
def network(transactional_db):
    return NetworkFactory()


@pytest.fixture
def case(network):
    return CaseFactory(network=network, organisation=OrganisationFactory(), topics=[])


class Browser:
    """Keeps cookies the way a browser does, and talks only to nginx."""

    def __init__(self, base):
        self.base = base
        self.cookies: dict[str, str] = {}

    def request(self, path, data=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = urlencode(data).encode() if data is not None else None
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = self.base + path
        status, response_headers, text = fetch(self.base + path, headers=headers, data=body)
        for raw in response_headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(raw).items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return status, response_headers, text

    def csrf(self, text):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)


def test_nothing_personal_reaches_anonymous_readers_through_nginx(app, network, case):
    user = make_user_with_role(network, None)
    anonymous = Browser(app.url)
    pages = ["/da/", "/da/cases/", f"/da/cases/{case.slug}/"]
    for path in pages:
        assert anonymous.request(path)[0] == 200

    # Sign in (a completed log-in's session, as tests/conftest.py makes it), act, sign out.
    signed_in = Client()
    signed_in.force_login(user)
    person = Browser(app.url)
    person.cookies["sessionid"] = signed_in.cookies["sessionid"].value
    status, headers, text = person.request(f"/da/cases/{case.slug}/")
    assert status == 200 and headers["X-Cache-Status"] == "BYPASS"
    assert user.email in text or user.name in text or "Log ud" in text
    status, headers, _ = person.request(
        f"/da/cases/{case.slug}/follow/", data={"csrfmiddlewaretoken": person.csrf(text)}
    )
    assert status == 302
    with translation.override("da"):
        followed = gettext(
            "You now follow this case and will be told when it changes or gets comments."
        )
        stop = gettext("Stop following")
    _, headers, mine = person.request(f"/da/cases/{case.slug}/")
    assert followed in mine and stop in mine
    for path in pages:
        personal = person.request(path)
        assert personal[1]["X-Cache-Status"] == "BYPASS"
    status, _, _ = person.request(
        "/da/accounts/logout/", data={"csrfmiddlewaretoken": person.csrf(mine)}
    )
    assert status == 302
    assert "sessionid" not in person.cookies
    # Signed out, with the CSRF and message cookies left: still nothing from the cache.
    _, headers, after = person.request("/da/")
    assert headers["X-Cache-Status"] == "BYPASS"

    for path in pages:
        for _ in range(2):
            status, headers, text = Browser(app.url).request(path)
            assert status == 200
            for secret in (user.email, user.name, "Log ud", followed, stop):
                assert secret not in text, (path, secret)
            assert "Set-Cookie" not in headers or "sessionid" not in headers["Set-Cookie"]


def test_anonymous_pages_come_from_nginx_and_each_language_from_its_own_entry(app, case):
    for lang, word in (("da", 'lang="da"'), ("en", 'lang="en"'), ("nb", 'lang="nb"')):
        first = fetch(app.url + f"/{lang}/cases/")
        assert first[1]["X-Cache-Status"] in ("MISS", "EXPIRED")
        second = fetch(app.url + f"/{lang}/cases/")
        assert second[1]["X-Cache-Status"] == "HIT"
        assert word in second[2] and second[2] == first[2]
    english = fetch(app.url + "/", headers={"Accept-Language": "en"})
    danish = fetch(app.url + "/", headers={"Accept-Language": "da"})
    assert english[1]["Location"].endswith("/en/") and danish[1]["Location"].endswith("/da/")


def test_an_edit_shows_through_nginx_within_max_age(app, network, settings):
    settings.PAGE_CACHE_MAX_AGE = 1
    organisation = MembershipFactory(network=network).organisation
    fetch(app.url + "/da/members/")
    filled = time.monotonic()
    _, headers, text = fetch(app.url + "/da/members/")
    assert headers["X-Cache-Status"] == "HIT" and "max-age=1" in headers["Cache-Control"]
    assert organisation.name in text
    organisation.name = "Et helt nyt navn"
    organisation.save()
    # nginx keeps the page for max-age counted in whole seconds on its clock, so the edit
    # shows at the latest one second after max-age has run out (README: PAGE_CACHE_MAX_AGE).
    deadline = filled + 1 + 1 + 0.5
    while True:
        _, headers, text = fetch(app.url + "/da/members/")
        if "Et helt nyt navn" in text or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert "Et helt nyt navn" in text, headers.get("X-Cache-Status")


def test_every_reading_of_the_case_page_through_nginx_is_counted(app, case):
    before = Case.objects.get(pk=case.pk).view_count
    served = [fetch(app.url + f"/da/cases/{case.slug}/") for _ in range(5)]
    assert all(status == 200 for status, _, _ in served)
    assert all(headers["X-Cache-Status"] != "HIT" for _, headers, _ in served)
    assert [headers["X-Page-Cache"] for _, headers, _ in served] == ["miss"] + ["hit"] * 4
    services.case_reads_flush()
    assert Case.objects.get(pk=case.pk).view_count == before + 5
