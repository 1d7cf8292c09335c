"""Articles linked to programmes: the article page, the ?programme= filter, the programme's
page and the API; and a theme group's page, which lists one version of each article."""

import pytest
from django.core.exceptions import ValidationError

from samskab.news import services
from samskab.news.models import Article
from samskab.programmes.models import Programme

from .conftest import write
from .test_views import url


@pytest.fixture
def programme(dk_network):
    return Programme.objects.create(
        network=dk_network, slug="faellesskabsagenter", name="Netværk for Fællesskabsagenter"
    )


@pytest.fixture
def other_programme(dk_network):
    return Programme.objects.create(network=dk_network, slug="sund-skole", name="Sund skole")


@pytest.fixture
def linked(secretariat, dk_network, programme):
    return write(secretariat, dk_network, title="Agenterne mødes", programmes=[programme])


def test_an_article_links_to_programmes_of_its_network_only(
    secretariat, dk_network, no_network, programme
):
    foreign = Programme.objects.create(network=no_network, slug="utenlands", name="Utenlands")
    article = write(secretariat, dk_network, title="Med program", programmes=[programme])
    assert list(article.programmes.all()) == [programme]
    before = Article.objects.count()
    with pytest.raises(ValidationError) as exc:
        write(secretariat, dk_network, title="Forkert", programmes=[foreign])
    assert "programmes" in exc.value.message_dict
    assert Article.objects.count() == before  # nothing half-saved
    with pytest.raises(ValidationError):
        services.article_update(actor=secretariat, article=article, data={"programmes": [foreign]})
    assert list(article.programmes.all()) == [programme]


def test_the_article_page_links_its_programme(client, linked, programme):
    html = client.get(linked.get_absolute_url()).content.decode()
    assert f'href="{programme.get_absolute_url()}">{programme.name}</a>' in html


def test_the_list_filters_by_programme(client, secretariat, dk_network, linked, other_programme):
    write(secretariat, dk_network, title="Uden program")
    write(secretariat, dk_network, title="Skolenyt", programmes=[other_programme])
    base = url("news:list")
    html = client.get(base + "?programme=faellesskabsagenter").content.decode()
    assert "Agenterne mødes" in html and "Uden program" not in html and "Skolenyt" not in html
    assert '<option value="faellesskabsagenter" selected>' in html
    everything = client.get(base).content.decode()
    assert all(t in everything for t in ("Agenterne mødes", "Uden program", "Skolenyt"))


@pytest.mark.parametrize(
    "value", ["findes-ikke", "x" * 5000, "'; DROP TABLE news_article; --", "%00", "ø/../1"]
)
def test_an_unknown_programme_is_an_empty_list_not_an_error(client, linked, value):
    response = client.get(url("news:list"), {"programme": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Agenterne mødes" not in html and "Ingen nyheder her endnu." in html


def test_the_programme_page_shows_its_newest_public_articles(
    client, secretariat, dk_network, programme, other_programme, linked
):
    write(secretariat, dk_network, title="Kladde om agenter", programmes=[programme], publish=False)
    write(secretariat, dk_network, title="Skolenyt", programmes=[other_programme])
    html = client.get(url("programmes:detail", slug=programme.slug)).content.decode()
    assert "Nyt om programmet" in html and "Agenterne mødes" in html
    assert "Kladde om agenter" not in html and "Skolenyt" not in html
    assert "?programme=faellesskabsagenter" in html
    for n in range(6):
        write(secretariat, dk_network, title=f"Agentnyt {n}", programmes=[programme])
    html = client.get(url("programmes:detail", slug=programme.slug)).content.decode()
    assert "Agentnyt 5" in html and "Agentnyt 1" in html and "Agentnyt 0" not in html  # five


def test_a_programme_without_news_has_no_news_section(client, programme):
    html = client.get(url("programmes:detail", slug=programme.slug)).content.decode()
    assert "Nyt om programmet" not in html


def test_the_programmes_app_knows_nothing_of_news():
    from pathlib import Path

    import samskab.programmes

    root = Path(samskab.programmes.__file__).parent
    for path in root.rglob("*.py"):
        assert "samskab.news" not in path.read_text(), path


def test_the_api_filters_by_programme(client, secretariat, dk_network, linked, programme):
    write(secretariat, dk_network, title="Uden program")
    items = client.get("/api/v1/news?programme=faellesskabsagenter").json()["items"]
    assert [a["title"] for a in items] == ["Agenterne mødes"]
    assert items[0]["programmes"] == ["faellesskabsagenter"]
    assert client.get("/api/v1/news?programme=findes-ikke").json()["items"] == []


def test_link_a_programme_through_the_edit_page(client, secretariat, published, programme):
    client.force_login(secretariat)
    data = {"title": published.title, "lead": published.lead, "programmes": [programme.pk]}
    response = client.post(url("news:edit", slug=published.slug), data)
    assert response.status_code == 302
    assert list(published.programmes.all()) == [programme]
    form = client.get(url("news:edit", slug=published.slug)).content.decode()
    assert f'<option value="{programme.pk}" selected>' in form


def test_group_page_lists_one_version_of_each_article(client, secretariat, published, group):
    en = services.article_create(
        actor=secretariat,
        network=published.network,
        language="en",
        data={"title": "Public news", "lead": "Lead"},
        translation_of=published,
    )
    services.article_publish(actor=secretariat, article=en)
    danish = client.get(url("groups:detail", slug=group.slug)).content.decode()
    assert "Offentlig nyhed" in danish and "Public news" not in danish
    english = client.get(url("groups:detail", "en", slug=group.slug)).content.decode()
    assert "Public news" in english and "Offentlig nyhed" not in english
