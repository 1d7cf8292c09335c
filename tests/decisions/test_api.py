from samskab.decisions import services


def test_api_hides_counts_until_published(client, voting, staff_user, admin_contact, member_org):
    option = voting.options.first()
    services.ballot_cast(
        actor=admin_contact, consultation=voting, organisation=member_org, option_ids=[option.pk]
    )
    listing = client.get("/api/v1/decisions").json()
    assert [c["slug"] for c in listing["items"]] == [voting.slug]
    detail = client.get(f"/api/v1/decisions/{voting.slug}").json()
    assert detail["phase"] == "voting"
    assert detail["ballots"] is None
    assert all(o["votes"] is None for o in detail["options"])
    services.consultation_close(actor=staff_user, consultation=voting)
    services.consultation_publish(actor=staff_user, consultation=voting)
    detail = client.get(f"/api/v1/decisions/{voting.slug}").json()
    assert detail["ballots"] == 1
    votes = {o["id"]: o["votes"] for o in detail["options"]}
    assert votes[option.pk] == 1


def test_api_never_shows_drafts(client, consultation):
    assert client.get("/api/v1/decisions").json()["items"] == []
    assert client.get(f"/api/v1/decisions/{consultation.slug}").status_code == 404
