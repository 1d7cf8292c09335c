"""The secretariat's admin of consultations: its own network's only, read-only, and no
ballot or count anywhere in it."""

from samskab.decisions import services
from samskab.decisions.models import Consultation
from tests.conftest import login

from .factories import ConsultationFactory, OptionFactory


def test_staff_see_only_their_networks_consultations(client, voting, staff_user, no_network):
    norwegian = ConsultationFactory(network=no_network, title="Nye temagrupper i Sunne kommuner")
    login(client, staff_user)  # the admin wants the second factor
    body = client.get("/en/admin/decisions/consultation/").content.decode()
    assert voting.title in body and norwegian.title not in body
    assert client.get(f"/en/admin/decisions/consultation/{norwegian.pk}/change/").status_code == 302
    page = client.get(f"/en/admin/decisions/consultation/{voting.pk}/change/")
    assert page.status_code == 200
    body = page.content.decode()
    for option in voting.options.all():
        assert option.title in body
    # the frozen electorate is listed
    for voter in voting.electorate.all():
        assert voter.organisation.name in body


def test_other_networks_staff_do_not_see_it(client, voting, other_network_staff):
    login(client, other_network_staff)
    body = client.get("/en/admin/decisions/consultation/").content.decode()
    assert voting.title not in body
    assert client.get(f"/en/admin/decisions/consultation/{voting.pk}/change/").status_code == 302


def test_the_admin_writes_nothing(client, voting, staff_user):
    login(client, staff_user)
    url = f"/en/admin/decisions/consultation/{voting.pk}/change/"
    assert 'name="title"' not in client.get(url).content.decode()
    response = client.post(url, {"title": "Changed", "status": "draft"})
    assert response.status_code == 403
    voting.refresh_from_db()
    assert voting.title != "Changed" and voting.status == Consultation.Status.VOTING
    assert client.get("/en/admin/decisions/consultation/add/").status_code == 403
    delete = f"/en/admin/decisions/consultation/{voting.pk}/delete/"
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Consultation.objects.filter(pk=voting.pk).exists()


def test_no_ballots_or_counts_in_the_admin(client, voting, staff_user, admin_contact, member_org):
    first = voting.options.first()
    services.ballot_cast(
        actor=admin_contact, consultation=voting, organisation=member_org, option_ids=[first.pk]
    )
    login(client, staff_user)
    assert client.get("/en/admin/decisions/ballot/").status_code == 404
    assert client.get("/en/admin/decisions/ballotversion/").status_code == 404
    index = client.get("/en/admin/decisions/").content.decode()
    assert "Consultations" in index and "Ballot" not in index
    body = client.get(f"/en/admin/decisions/consultation/{voting.pk}/change/").content.decode()
    # who voted and how stays out: no ballot, no ballot change, no voter's name
    assert admin_contact.name not in body
    assert "ballot change" not in body.lower() and "ballots" not in body.lower()


def test_admin_in_danish(client, consultation, staff_user):
    OptionFactory(consultation=consultation, title="Røgfri fremtid")
    login(client, staff_user)
    body = client.get(
        f"/da/admin/decisions/consultation/{consultation.pk}/change/"
    ).content.decode()
    assert "Røgfri fremtid" in body and "Vis høring" in body and "Muligheder" in body
