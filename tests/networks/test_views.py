import pytest
from django.urls import reverse

from samskab.networks.models import Role
from tests.factories import MembershipFactory, OrganisationFactory, PersonFactory, RoleFactory

pytestmark = pytest.mark.django_db


def test_root_redirects_by_browser_language(client, dk_network):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="nb").headers["Location"] == "/nb/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").headers["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr").headers["Location"] == "/da/"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Kommuner der samarbejder om sundhed"),
        ("nb", "Kommuner som samarbeider om helse"),
        ("en", "Municipalities working together on health"),
    ],
)
def test_front_page_shows_the_network_in_each_language(client, dk_network, lang, text):
    MembershipFactory(network=dk_network)
    response = client.get(f"/{lang}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in body
    assert "Sund By Netværket" in body
    assert text in body
    assert "post@sundby.example" in body


def test_network_is_chosen_by_host_name(client, dk_network, no_network, settings):
    settings.ALLOWED_HOSTS = ["testserver", ".testserver"]
    response = client.get("/nb/", HTTP_HOST="sunne.testserver")
    assert "Sunne kommuner" in response.content.decode()
    response = client.get("/nb/", HTTP_HOST="testserver")
    assert "Sund By Netværket" in response.content.decode()


def test_unknown_host_falls_back_to_the_default_network(client, dk_network, no_network, settings):
    settings.ALLOWED_HOSTS = ["*"]
    settings.DEFAULT_NETWORK = "sunne-kommuner"
    response = client.get("/da/", HTTP_HOST="unknown.example")
    assert "Sunne kommuner" in response.content.decode()


def test_front_page_without_any_network_explains_what_to_do(client, db):
    response = client.get("/en/")
    assert response.status_code == 200
    assert "No network has been set up yet" in response.content.decode()


def test_directory_lists_current_members_only(client, dk_network, no_network):
    import datetime

    current = MembershipFactory(network=dk_network, organisation__name="Aktiv Kommune")
    MembershipFactory(
        network=dk_network, organisation__name="Tidligere Kommune", until=datetime.date(2015, 1, 1)
    )
    MembershipFactory(
        network=no_network,
        organisation__name="Norsk kommune",
        organisation__country="NO",
        organisation__code="0301",
    )
    body = client.get(reverse("networks:directory")).content.decode()
    assert current.organisation.name in body
    assert "Tidligere Kommune" not in body
    assert "Norsk kommune" not in body


def test_directory_shows_phone_and_email_only_with_consent(client, dk_network, member_org):
    yes = PersonFactory(
        organisation=member_org,
        public_consent=True,
        phone="+45 01 11 11 11",
        email="ja@kommune.example",
    )
    no = PersonFactory(
        organisation=member_org,
        public_consent=False,
        phone="+45 02 22 22 22",
        email="nej@kommune.example",
    )
    RoleFactory(network=dk_network, person=yes, organisation=member_org)
    RoleFactory(
        network=dk_network, person=no, organisation=member_org, kind=Role.Kind.POLITICAL_CONTACT
    )
    body = client.get("/da/members/").content.decode()
    assert "ja@kommune.example" in body and "01 11 11 11" in body
    assert no.name in body
    assert "nej@kommune.example" not in body and "02 22 22 22" not in body


def test_staff_see_unconsented_contact_details_marked_as_private(
    client, dk_network, member_org, staff_user
):
    no = PersonFactory(organisation=member_org, public_consent=False, email="nej@kommune.example")
    RoleFactory(network=dk_network, person=no, organisation=member_org)
    client.force_login(staff_user)
    body = client.get("/en/members/").content.decode()
    assert "nej@kommune.example" in body
    assert "Not shown publicly" in body


def test_directory_costs_a_fixed_number_of_queries(
    client, dk_network, django_assert_max_num_queries
):
    for _ in range(30):
        org = MembershipFactory(network=dk_network).organisation
        RoleFactory(network=dk_network, person=PersonFactory(organisation=org), organisation=org)
    with django_assert_max_num_queries(8):
        response = client.get("/da/members/")
    assert response.content.decode().count("contact-card") == 30


def test_directory_filters_by_name_code_and_region(client, dk_network):
    region = OrganisationFactory(kind="region", name="Region Midtjylland", code="1082")
    MembershipFactory(
        network=dk_network,
        organisation__name="Silkeborg Kommune",
        organisation__code="740",
        organisation__region=region,
    )
    MembershipFactory(
        network=dk_network, organisation__name="Lolland Kommune", organisation__code="360"
    )
    assert "Lolland" not in client.get("/da/members/?q=silk").content.decode()
    assert "Silkeborg" in client.get("/da/members/?q=740").content.decode()
    body = client.get(f"/da/members/?region={region.id}").content.decode()
    assert "Silkeborg" in body and "Lolland Kommune" not in body


@pytest.mark.parametrize("query", ["region=abc", "page=999", "page=x", "q=" + "x" * 500])
def test_directory_survives_odd_parameters(client, dk_network, member_org, query):
    assert client.get(f"/da/members/?{query}").status_code == 200


def test_directory_paginates(client, dk_network):
    for _ in range(55):
        MembershipFactory(network=dk_network)
    first = client.get("/en/members/").content.decode()
    assert "Page 1 of 2" in first
    second = client.get("/en/members/?page=2").content.decode()
    assert second.count("<tr>") == 1 + 5  # header row + 5 members


def test_organisation_page_and_404(client, member_org):
    assert client.get(f"/en/organisations/{member_org.slug}/").status_code == 200
    response = client.get("/en/organisations/no-such-place/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_organisation_page_links_to_people_management_only_for_editors(
    client, member_org, org_editor, plain_user
):
    url = f"/en/organisations/{member_org.slug}/"
    client.force_login(plain_user)
    assert "Manage this organisation" not in client.get(url).content.decode()
    client.force_login(org_editor)
    assert "Manage this organisation" in client.get(url).content.decode()


def test_members_api(client, dk_network, member_org):
    response = client.get("/api/v1/networks/sund-by-netvaerket/members")
    assert response.status_code == 200
    assert [m["code"] for m in response.json()] == [member_org.code]
    assert client.get("/api/v1/networks/nope/members").status_code == 404
    assert client.get("/api/v1/openapi.json").status_code == 200


def test_directory_filter_answers_htmx_with_a_fragment(client, dk_network, member_org):
    response = client.get(f"/da/members/?q={member_org.code}", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body
    assert member_org.name in body
    full = client.get(f"/da/members/?q={member_org.code}").content.decode()
    assert "<html" in full and member_org.name in full
