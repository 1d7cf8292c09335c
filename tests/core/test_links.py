"""One source of absolute URLs: the request's host, else the network's SITE_URLS entry,
else SITE_URL; used by e-mails, calendars and the API."""

import pytest

from samskab.cases import services as case_services
from samskab.core.links import absolute, site_url
from tests.cases.factories import CaseFactory
from tests.cases.test_workflow import form_data

pytestmark = pytest.mark.django_db


def test_without_a_request_the_networks_own_site_url_is_used(settings, dk_network, no_network):
    settings.SITE_URL = "https://samskab.example"
    settings.SITE_URLS = {"sunne-kommuner": "https://sunnekommuner.example/"}
    assert site_url(network=no_network) == "https://sunnekommuner.example"
    assert absolute("/da/x/", network=dk_network) == "https://samskab.example/da/x/"
    assert absolute("https://elsewhere.example/y") == "https://elsewhere.example/y"


def test_mails_written_while_answering_a_request_link_to_its_host_and_port(
    client, org_editor, member_org, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "http://127.0.0.1:8000"
    client.force_login(org_editor)
    host = {"HTTP_HOST": "127.0.0.1:18801"}
    client.post("/da/cases/new/", form_data(member_org), **host)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/da/cases/frugt-i-frikvarteret/edit/", form_data(member_org, action="submit"), **host
        )
    (mail,) = mailoutbox
    assert "http://127.0.0.1:18801/da/cases/moderation/" in mail.body
    assert "127.0.0.1:8000" not in mail.body


def test_a_mail_written_outside_a_request_uses_site_url(
    staff_user,
    dk_network,
    member_org,
    org_editor,
    mailoutbox,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.SITE_URL = "https://samskab.example"
    case = CaseFactory(network=dk_network, organisation=member_org, created_by=org_editor)
    case.status = "submitted"
    case.save()
    with django_capture_on_commit_callbacks(execute=True):
        case_services.case_send_back(actor=staff_user, case=case, comment="Mere om målgruppen")
    assert any("https://samskab.example/" in m.body for m in mailoutbox)


def test_the_api_gives_absolute_urls_in_the_networks_language(client, no_network, settings):
    from tests.factories import MembershipFactory

    settings.ALLOWED_HOSTS = ["testserver", "sunne.testserver"]
    org = MembershipFactory(network=no_network).organisation
    case = CaseFactory(network=no_network, organisation=org, language="nb")
    item = client.get("/api/v1/cases", HTTP_HOST="sunne.testserver").json()["items"][0]
    assert item["url"] == f"http://sunne.testserver/nb/cases/{case.slug}/"


def test_search_results_in_the_api_are_absolute(client, dk_network, member_org):
    from samskab.search.indexer import index_object

    case = CaseFactory(network=dk_network, organisation=member_org, title="Frugtordning")
    index_object(case)
    data = client.get("/api/v1/search?q=Frugtordning").json()
    urls = [r["url"] for r in data["results"]]
    assert urls and all(u.startswith("http://testserver/") for u in urls), (urls, case.slug)
