"""Old WordPress addresses answer 301 to the new ones; imported files are served."""

import pytest

from samskab.news.models import Article, Page, Tag
from samskab.wpimport.addresses import normalise_path
from samskab.wpimport.models import ImportedFile, OldAddress

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://sundby.example/2014/05/20/slug/", "/2014/05/20/slug"),
        ("/2014/05/20/Sundhed-i-K%C3%B8ge/", "/2014/05/20/sundhed-i-køge"),
        ("https://sundby.example/?p=123", "/?p=123"),
        ("/?page_id=7&preview=true", "/?page_id=7"),
        ("/?s=search", None),
        ("https://sundby.example/", None),
        ("/blog/?p=5", "/blog/?p=5"),
    ],
)
def test_normalise_path(url, key):
    assert normalise_path(url) == key


def test_old_addresses_redirect_permanently(run_import, client):
    run_import()
    article = Article.objects.get(slug="netvaerksmoede-i-koege")
    for old in (
        "/2014/05/20/netvaerksmoede-i-koege/",
        "/2014/05/20/netvaerksmoede-i-koege",  # without the slash
        "/?p=10",
    ):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == article.get_absolute_url()
    # An item WordPress linked only as /?p=13.
    assert (
        client.get("/?p=13")["Location"]
        == Article.objects.get(title="Styrgruppen mødes").get_absolute_url()
    )
    page = Page.objects.get(slug="bestyrelsen")
    for old in ("/om-netvaerket/bestyrelsen/", "/?page_id=21"):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, page.get_absolute_url())
    tag = Tag.objects.get(slug="boern")
    assert client.get("/tag/boern/")["Location"] == tag.get_absolute_url()
    folk = Tag.objects.get(slug="folkesundhed")
    assert client.get("/category/folkesundhed/")["Location"] == folk.get_absolute_url()
    pdf = ImportedFile.objects.get(wp_id=103)
    response = client.get("/wp-content/uploads/2014/05/program.pdf")
    assert (response.status_code, response["Location"]) == (301, pdf.get_absolute_url())
    # The new address itself answers.
    assert client.get(article.get_absolute_url()).status_code == 200


def test_unknown_addresses_stay_404_and_other_networks_do_not_see_ours(
    run_import, client, no_network, settings
):
    settings.ALLOWED_HOSTS = ["testserver", "sunne.testserver"]
    run_import()
    assert client.get("/2099/01/01/nothing-here/").status_code == 404
    response = client.get("/?p=10", HTTP_HOST="sunne.testserver")
    assert response.status_code != 301
    # A staff-added address works the same way.
    OldAddress.objects.create(network=no_network, path="/gammel", target="/nb/news/")
    response = client.get("/gammel/", HTTP_HOST="sunne.testserver")
    assert (response.status_code, response["Location"]) == (301, "/nb/news/")


def test_existing_pages_are_never_shadowed(run_import, client, dk_network):
    run_import()
    OldAddress.objects.create(network=dk_network, path="/da/news", target="/elsewhere/")
    assert client.get("/da/news/").status_code == 200


def test_imported_files_are_served(run_import, client):
    run_import()
    pdf = ImportedFile.objects.get(wp_id=103)
    response = client.get(pdf.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "sandbox" in response["Content-Security-Policy"]
    wrong_name = pdf.get_absolute_url().replace("program.pdf", "other.pdf")
    assert client.get(wrong_name).status_code == 404
    assert client.post(pdf.get_absolute_url()).status_code == 405
