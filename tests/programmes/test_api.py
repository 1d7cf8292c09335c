import pytest

pytestmark = pytest.mark.django_db


def test_programmes_api_shows_public_fields_only(client, call, submitted):
    listing = client.get("/api/v1/programmes")
    assert listing.status_code == 200
    slug = call.edition.programme.slug
    assert [p["slug"] for p in listing.json()] == [slug]
    detail = client.get(f"/api/v1/programmes/{slug}").json()
    edition = detail["editions"][0]
    assert edition["year"] == call.edition.year and edition["tracks"] == ["Lederspor"]
    assert edition["call"]["seats"] == 20 and edition["call"]["state"] == "open"
    assert edition["call"]["time_zone"] == "Europe/Copenhagen"
    text = str(detail)
    assert "Nordbyen" not in text and "Lis Leder" not in text and "submitted" not in text
    assert client.get("/api/v1/programmes/nothing-here").status_code == 404


def test_the_other_network_sees_its_own_programmes(client, call, no_network, settings):
    settings.ALLOWED_HOSTS = ["testserver", "sunne.testserver"]
    response = client.get("/api/v1/programmes", HTTP_HOST="sunne.testserver")
    assert response.json() == []
