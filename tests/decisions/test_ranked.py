"""Ranked choice through the services and the pages: the ballot keeps its order, the form
refuses repeated ranks and gaps (nothing saved), no rounds before the results, and the
results page shows the rounds in a table."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samskab.decisions import selectors, services
from samskab.decisions.models import Ballot, BallotVersion


@pytest.fixture
def ranked_voting(ranked, staff_user):
    return services.consultation_open_voting(actor=staff_user, consultation=ranked)


def _ids(consultation):
    return [o.pk for o in consultation.options.all()]


def test_ranked_means_one_seat(dk_network, staff_user):
    c = services.consultation_create(
        actor=staff_user,
        network=dk_network,
        data={
            "title": "Rank them",
            "question": "Which first?",
            "method": "ranked",
            "k": 3,
            "voting_opens_at": "2030-01-01T10:00Z",
            "voting_closes_at": "2030-01-10T10:00Z",
        },
    )
    assert c.k == 1 and c.seats == 1


def test_the_ballot_keeps_the_order_and_every_change(ranked_voting, admin_contact, member_org):
    a, b, c, d = _ids(ranked_voting)
    services.ballot_cast(
        actor=admin_contact,
        consultation=ranked_voting,
        organisation=member_org,
        option_ids=[c, a, b],
    )
    ballot = Ballot.objects.get()
    assert ballot.ranking == [c, a, b]
    assert [o.pk for o in ballot.ranked_options()] == [c, a, b]
    services.ballot_cast(
        actor=admin_contact, consultation=ranked_voting, organisation=member_org, option_ids=[d]
    )
    assert Ballot.objects.get().ranking == [d]
    assert list(BallotVersion.objects.values_list("option_ids", flat=True)) == [[c, a, b], [d]]


def test_a_repeated_option_is_refused(ranked_voting, admin_contact, member_org):
    a, *_ = _ids(ranked_voting)
    with pytest.raises(ValidationError):
        services.ballot_cast(
            actor=admin_contact,
            consultation=ranked_voting,
            organisation=member_org,
            option_ids=[a, a],
        )
    assert not Ballot.objects.exists()


def test_count_after_publishing(
    ranked_voting, staff_user, admin_contact, other_admin_contact, member_org, other_org
):
    a, b, c, d = _ids(ranked_voting)
    services.ballot_cast(
        actor=admin_contact,
        consultation=ranked_voting,
        organisation=member_org,
        option_ids=[c, b],
    )
    services.ballot_cast(
        actor=other_admin_contact,
        consultation=ranked_voting,
        organisation=other_org,
        option_ids=[b],
    )
    services.consultation_close(actor=staff_user, consultation=ranked_voting)
    published = services.consultation_publish(actor=staff_user, consultation=ranked_voting)
    result = selectors.consultation_tally(published)
    # Round 1: B 1, C 1, A 0, D 0: A and D (0 together, fewer than any other) go out
    # together. Round 2: B 1, C 1, the last two with equal votes: a tie, the network decides.
    assert result.chosen == [] and sorted(result.tied) == sorted([b, c])
    table = selectors.rounds_table(published, result)
    assert table["numbers"] == [1, 2]
    assert "eliminated together" in table["notes"][0]
    assert "same number of votes" in table["notes"][1]


def test_vote_page_ranks_and_shows_errors(client, ranked_voting, admin_contact):
    a, b, c, d = _ids(ranked_voting)
    client.force_login(admin_contact)
    url = reverse("decisions:vote", kwargs={"slug": ranked_voting.slug})
    page = client.get(url).content.decode()
    assert f'name="rank_{a}"' in page and "not ranked" in page
    response = client.post(url, {f"rank_{a}": "1", f"rank_{b}": "1"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="error-summary"' in body
    assert "Rank 1 is given to more than one option." in body
    response = client.post(url, {f"rank_{a}": "1", f"rank_{b}": "3"})
    assert "without gaps" in response.content.decode()
    response = client.post(url, {f"rank_{a}": "9"})
    assert response.status_code == 200
    assert not Ballot.objects.exists()
    response = client.post(url, {f"rank_{b}": "1", f"rank_{d}": "2"})
    assert response.status_code == 302
    assert Ballot.objects.get().ranking == [b, d]
    again = client.get(url).content.decode()
    assert '<option value="1" selected>1</option>' in again
    detail = client.get(ranked_voting.get_absolute_url()).content.decode()
    assert "Ranked:" in detail
    assert "Instant-runoff" in detail  # the counting and tie rule, before the results


def test_rounds_only_with_the_results(client, ranked_voting, staff_user, admin_contact, member_org):
    a, b, c, d = _ids(ranked_voting)
    services.ballot_cast(
        actor=admin_contact, consultation=ranked_voting, organisation=member_org, option_ids=[a]
    )
    client.force_login(staff_user)
    page = client.get(ranked_voting.get_absolute_url()).content.decode()
    assert "round by round" not in page and 'id="rounds-caption"' not in page
    services.consultation_close(actor=staff_user, consultation=ranked_voting)
    services.consultation_publish(actor=staff_user, consultation=ranked_voting)
    page = client.get(ranked_voting.get_absolute_url()).content.decode()
    assert 'id="rounds-caption"' in page
    assert '<th scope="col">Round 1</th>' in page
    assert "Exhausted ballots" in page
    assert "more than half" in page
    csv = client.get(reverse("decisions:results_csv", kwargs={"slug": ranked_voting.slug}))
    text = csv.content.decode("utf-8-sig")
    assert "First preferences" in text and "Round 1" in text
    api = client.get(f"/api/v1/decisions/{ranked_voting.slug}").json()
    assert api["rounds"][0]["number"] == 1


def test_danish_rounds(client, ranked_voting, staff_user, admin_contact, member_org, settings):
    a, *_ = _ids(ranked_voting)
    services.ballot_cast(
        actor=admin_contact, consultation=ranked_voting, organisation=member_org, option_ids=[a]
    )
    services.consultation_close(actor=staff_user, consultation=ranked_voting)
    services.consultation_publish(actor=staff_user, consultation=ranked_voting)
    settings.LANGUAGE_CODE = "da"
    body = client.get("/da" + ranked_voting.get_absolute_url()[3:]).content.decode()
    assert "Optællingen, runde for runde" in body
