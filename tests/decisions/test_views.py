import pytest
from django.urls import reverse

from samskab.decisions import services
from samskab.decisions.models import Ballot


@pytest.fixture
def voted(voting, admin_contact, other_admin_contact, member_org, other_org):
    a, b, c, _d = list(voting.options.all())
    services.ballot_cast(
        actor=admin_contact, consultation=voting, organisation=member_org, option_ids=[a.pk, b.pk]
    )
    services.ballot_cast(
        actor=other_admin_contact, consultation=voting, organisation=other_org, option_ids=[a.pk]
    )
    return voting


def test_no_counts_while_voting_not_even_for_staff(client, voted, staff_user):
    client.force_login(staff_user)
    page = client.get(voted.get_absolute_url()).content.decode()
    assert "2 of 2 municipalities have voted" in page
    assert 'id="results-heading"' not in page
    assert "Votes per option" not in page
    csv = client.get(reverse("decisions:results_csv", kwargs={"slug": voted.slug}))
    assert csv.status_code == 403


def test_vote_through_the_page(client, voting, admin_contact, member_org):
    client.force_login(admin_contact)
    url = reverse("decisions:vote", kwargs={"slug": voting.slug})
    ids = [o.pk for o in voting.options.all()]
    response = client.post(url, {"options": ids[:3]})
    assert response.status_code == 200
    assert "Choose at most 2 options." in response.content.decode()
    assert not Ballot.objects.exists()
    response = client.post(url, {"options": ids[:2]})
    assert response.status_code == 302
    page = client.get(voting.get_absolute_url()).content.decode()
    assert "last changed by" in page and admin_contact.name in page


def test_former_member_sees_why(client, voting, former_member_contact):
    client.force_login(former_member_contact)
    page = client.get(voting.get_absolute_url()).content.decode()
    assert "former member of the network" in page
    assert client.get(reverse("decisions:vote", kwargs={"slug": voting.slug})).status_code == 403


def test_results_page_and_exports_after_publishing(client, voted, staff_user):
    services.consultation_close(actor=staff_user, consultation=voted)
    services.consultation_publish(actor=staff_user, consultation=voted)
    page = client.get(voted.get_absolute_url()).content.decode()
    assert 'id="results-heading"' in page
    assert "<svg" in page and "<table" in page
    assert "2 of 2 municipalities voted" in page
    csv = client.get(reverse("decisions:results_csv", kwargs={"slug": voted.slug}))
    assert csv.status_code == 200
    first = voted.options.first().title
    assert f"{first},2,1,chosen" in csv.content.decode()
    xlsx = client.get(reverse("decisions:results_xlsx", kwargs={"slug": voted.slug}))
    assert xlsx.status_code == 200


def test_staff_creates_groups_in_one_step_and_group_page_says_so(client, voted, staff_user):
    services.consultation_close(actor=staff_user, consultation=voted)
    services.consultation_publish(actor=staff_user, consultation=voted)
    client.force_login(staff_user)
    response = client.post(reverse("decisions:groups", kwargs={"slug": voted.slug}))
    assert response.status_code == 302
    option = voted.options.first()
    option.refresh_from_db()
    group_page = client.get(reverse("groups:detail", kwargs={"slug": option.theme_group.slug}))
    assert "Created by the members&#x27;s decision" not in group_page.content.decode()
    assert "decision of" in group_page.content.decode()


def test_draft_is_hidden(client, consultation, admin_contact):
    client.force_login(admin_contact)
    assert client.get(consultation.get_absolute_url()).status_code == 404


def test_danish_page(client, voting, settings):
    settings.LANGUAGE_CODE = "da"
    page = client.get("/da" + voting.get_absolute_url()[3:]).content.decode()
    assert "Stemmelighed" in page
