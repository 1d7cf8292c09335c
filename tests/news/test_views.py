"""The news pages through the Django test client."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from samskab.news.models import Article

from .conftest import write


def url(name, language="da", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def test_list_shows_published_newest_first_and_hides_drafts_and_scheduled(
    client, published, draft, scheduled, secretariat, dk_network
):
    newer = write(secretariat, dk_network, title="Nyeste nyhed")
    html = client.get(url("news:list")).content.decode()
    assert html.index("Nyeste nyhed") < html.index("Offentlig nyhed")
    assert "Hemmelig kladde" not in html and "Kommende nyhed" not in html
    assert newer.get_absolute_url() in html


def test_empty_state(client, dk_network):
    response = client.get(url("news:list", "en"))
    assert "The network has not published any news yet." in response.content.decode()


def test_list_in_a_language_shows_other_languages_marked_when_no_version(
    client, secretariat, dk_network
):
    from samskab.news import services

    da = write(secretariat, dk_network, title="Kun på dansk")
    both = write(secretariat, dk_network, title="Dansk original")
    en = services.article_create(
        actor=secretariat,
        network=dk_network,
        language="en",
        data={"title": "English version", "lead": "Lead"},
        translation_of=both,
    )
    services.article_publish(actor=secretariat, article=en)
    html = client.get(url("news:list", "en")).content.decode()
    assert "English version" in html and "Kun på dansk" in html
    assert "Dansk original" not in html
    assert f'href="{da.get_absolute_url()}" hreflang="da" lang="da"' in html
    assert da.get_absolute_url().startswith("/da/")


def test_article_page_dates_versions_and_hreflang(client, secretariat, dk_network, time_machine):
    from samskab.news import services

    time_machine.move_to(datetime.datetime(2014, 8, 21, 10, tzinfo=datetime.UTC), tick=False)
    nb = write(secretariat, dk_network, language="nb", tags=["folkehelse"])
    en = services.article_create(
        actor=secretariat,
        network=dk_network,
        language="en",
        data={"title": "Administrative gathering 2014", "lead": "Citizenship"},
        translation_of=nb,
    )
    services.article_publish(actor=secretariat, article=en)
    time_machine.move_to(datetime.datetime(2015, 2, 18, 10, tzinfo=datetime.UTC), tick=False)
    services.article_update(actor=secretariat, article=nb, data={"body": "Oppdatert."})
    html = client.get(nb.get_absolute_url()).content.decode()
    assert "Publisert 21.08.2014, sist oppdatert 18.02.2015" in html
    assert 'hreflang="en" lang="en">English</a>' in html
    assert (
        f'<link rel="alternate" hreflang="en" href="http://testserver{en.get_absolute_url()}">'
        in html
    )
    assert 'href="/nb/news/tag/folkehelse/"' in html
    english = client.get(en.get_absolute_url()).content.decode()
    assert "Published 08/21/2014 ·" in english
    assert 'hreflang="nb" lang="nb">Norsk bokmål</a>' in english


def test_markdown_body_is_sanitised(client, secretariat, dk_network):
    article = write(
        secretariat,
        dk_network,
        title="Farlig",
        body="## Overskrift\n\n<script>alert(1)</script>\n\n[link](javascript:alert(1))",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<h2>Overskrift</h2>" in html
    assert "<script>alert(1)" not in html and "javascript:alert" not in html


@pytest.mark.parametrize(
    "role", ["anonymous", "logged_in", "other_group_coordinator", "other_secretariat"]
)
def test_drafts_and_scheduled_are_404_to_non_editors(client, users, draft, scheduled, role):
    if role != "anonymous":
        client.force_login(users[role])
    for article in (draft, scheduled):
        assert client.get(article.get_absolute_url()).status_code == 404
        assert client.get(url("news:edit", slug=article.slug)).status_code in (302, 404)


def test_editor_previews_the_draft(client, coordinator, draft):
    client.force_login(coordinator)
    html = client.get(draft.get_absolute_url()).content.decode()
    assert "Forhåndsvisning" in html and "Hemmelig kladde" in html


def test_article_under_another_language_prefix_redirects_to_its_own(client, published):
    response = client.get(url("news:detail", "en", slug=published.slug))
    assert response.status_code == 302 and response["Location"] == published.get_absolute_url()


def test_draft_in_another_language_prefix_is_404(client, draft):
    assert client.get(url("news:detail", "en", slug=draft.slug)).status_code == 404


def test_tag_year_and_group_lists(client, secretariat, dk_network, group, other_group):
    write(secretariat, dk_network, title="Med tag", tags=["Sund by"], groups=[group])
    write(secretariat, dk_network, title="Uden tag", groups=[other_group])
    html = client.get(url("news:tag", slug="sund-by")).content.decode()
    assert "Med tag" in html and "Uden tag" not in html
    year = timezone.localdate().year
    html = client.get(url("news:year", year=year)).content.decode()
    assert "Med tag" in html and "Uden tag" in html
    html = client.get(url("news:year", year=year - 1)).content.decode()
    assert "Med tag" not in html and "No news here yet" not in html  # Danish by default
    html = client.get(url("news:list") + f"?group={group.pk}").content.decode()
    assert "Med tag" in html and "Uden tag" not in html
    assert client.get(url("news:list") + "?group=abc").status_code in (200, 400)
    assert client.get(url("news:tag", slug="findes-ikke")).status_code == 404


def test_pagination(client, secretariat, dk_network):
    for n in range(12):
        write(secretariat, dk_network, title=f"Nyhed nummer {n}")
    first = client.get(url("news:list")).content.decode()
    second = client.get(url("news:list") + "?page=2").content.decode()
    assert "Nyhed nummer 11" in first and "Nyhed nummer 0" not in first
    assert "Nyhed nummer 0" in second
    assert client.get(url("news:list") + "?page=999").status_code == 200


def test_list_and_article_cost_a_fixed_number_of_queries(
    client, secretariat, dk_network, group, django_assert_max_num_queries
):
    for n in range(3):
        write(secretariat, dk_network, title=f"Nyhed {n}", tags=["a", "b"], groups=[group])
    client.get(url("news:list"))

    def count(path):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get(path).status_code == 200
        return len(ctx.captured_queries)

    from django.core.cache import cache

    cache.clear()
    few = count(url("news:list"))
    article = Article.objects.first()
    cache.clear()
    one = count(article.get_absolute_url())
    for n in range(5):
        write(secretariat, dk_network, title=f"Flere {n}", tags=["c", f"d{n}"], groups=[group])
    cache.clear()
    assert count(url("news:list")) == few
    cache.clear()
    assert count(article.get_absolute_url()) == one


def test_write_schedule_and_publish_in_the_site(client, coordinator, group, time_machine):
    client.force_login(coordinator)
    assert client.get(url("news:create", "nb")).status_code == 200
    response = client.post(
        url("news:create", "nb"),
        {
            "title": "Administrativ samling 2014",
            "lead": "Medborgerskap",
            "body": "## Tittel",
            "tags": "folkehelse, who",
            "theme_groups": [group.pk],
        },
    )
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    assert article.language == "nb" and article.status == "draft"
    # Scheduled for tomorrow 09:00 in the network's time zone (Copenhagen).
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    client.post(
        url("news:publish", "nb", slug=article.slug), {"publish_at": f"{tomorrow:%Y-%m-%d}T09:00"}
    )
    article.refresh_from_db()
    assert article.is_scheduled
    # 09:00 in Copenhagen is 07:00 or 08:00 UTC (summer or winter time).
    assert article.published_at.astimezone(datetime.UTC).hour in {7, 8}
    client.logout()
    listing = url("news:list", "nb")
    assert "Administrativ samling" not in client.get(listing).content.decode()  # cached now
    assert client.get(listing)["X-Page-Cache"] == "hit"
    time_machine.move_to(article.published_at + datetime.timedelta(seconds=1), tick=False)
    assert "Administrativ samling" in client.get(listing).content.decode()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_edit_form_error_in_the_users_language(client, secretariat, published):
    client.force_login(secretariat)
    response = client.post(url("news:edit", slug=published.slug), {"title": ""})
    assert response.status_code == 200
    assert "Dette felt er påkrævet" in response.content.decode()


def test_unpublish_and_delete(client, secretariat, published):
    client.force_login(secretariat)
    client.post(url("news:unpublish", slug=published.slug))
    client.logout()
    assert client.get(published.get_absolute_url()).status_code == 404
    client.force_login(secretariat)
    assert client.get(url("news:delete", slug=published.slug)).status_code == 200
    client.post(url("news:delete", slug=published.slug))
    assert not Article.objects.exists()


def test_drafts_page(
    client, secretariat, coordinator, other_group_coordinator, draft, scheduled, plain_user
):
    client.force_login(coordinator)
    html = client.get(url("news:drafts")).content.decode()
    assert "Hemmelig kladde" in html and "Kommende nyhed" in html
    client.force_login(other_group_coordinator)
    assert "Hemmelig kladde" not in client.get(url("news:drafts")).content.decode()
    client.force_login(plain_user)
    assert client.get(url("news:drafts")).status_code == 403


def parse_xml(content):
    """Our own responses (the test's, not untrusted input), parsed by the standard library."""
    return ET.fromstring(content)  # noqa: S314


def _rss_titles(content):
    root = parse_xml(content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return [item.findtext("title") for item in root.iter("item")]


def test_feeds_are_rss_and_atom_without_future_posts(
    client, published, draft, scheduled, time_machine
):
    rss = client.get(url("news:rss"))
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert _rss_titles(rss.content) == ["Offentlig nyhed"]
    atom = parse_xml(client.get(url("news:atom")).content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert atom.tag == "{http://www.w3.org/2005/Atom}feed"
    assert [e.findtext("a:title", namespaces=ns) for e in atom.findall("a:entry", ns)] == [
        "Offentlig nyhed"
    ]
    time_machine.move_to(scheduled.published_at + datetime.timedelta(seconds=1), tick=False)
    assert _rss_titles(client.get(url("news:rss")).content) == ["Kommende nyhed", "Offentlig nyhed"]


def test_every_page_announces_the_feeds(client, dk_network):
    html = client.get(url("networks:home")).content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'type="application/atom+xml"' in html


def test_sitemap_lists_public_pages_only(client, published, draft, scheduled, group):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = parse_xml(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)]
    assert "http://testserver" + published.get_absolute_url() in locs
    assert not any(draft.slug in loc or scheduled.slug in loc for loc in locs)
    assert f"http://testserver/en/groups/{group.slug}/" in locs


def test_robots_points_to_the_sitemap(client, dk_network):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body and "Disallow: /admin/" in body


def test_front_page_shows_the_networks_life(client, published, draft, group):
    html = client.get(url("networks:home")).content.decode()
    assert "Seneste nyheder" in html and "Offentlig nyhed" in html
    assert "Hemmelig kladde" not in html
    assert "Kommende arrangementer" in html
    assert group.name in html


def test_group_page_lists_its_news(client, published, draft, group, other_group):
    html = client.get(url("groups:detail", slug=group.slug)).content.decode()
    assert "Offentlig nyhed" in html and "Hemmelig kladde" not in html
    other = client.get(url("groups:detail", slug=other_group.slug)).content.decode()
    assert "Offentlig nyhed" not in other


def test_api_lists_public_articles_and_their_versions(
    client, secretariat, dk_network, published, draft, scheduled
):
    from samskab.news import services

    en = services.article_create(
        actor=secretariat,
        network=dk_network,
        language="en",
        data={"title": "Public news", "lead": "Lead"},
        translation_of=published,
    )
    services.article_publish(actor=secretariat, article=en)
    data = client.get("/api/v1/news").json()
    assert [a["title"] for a in data["items"]] == ["Offentlig nyhed"]
    assert client.get("/api/v1/news?language=en").json()["items"][0]["title"] == "Public news"
    detail = client.get(f"/api/v1/news/{published.slug}").json()
    assert detail["versions"][0]["language"] == "en"
    assert "<h2>Fremme medborgerskap</h2>" in detail["body_html"]
    for hidden in (draft, scheduled):
        assert client.get(f"/api/v1/news/{hidden.slug}").status_code == 404
    assert client.get("/api/v1/news?tag=unknown").json()["items"] == []


def test_language_switcher_leads_to_the_version(client, secretariat, published):
    from samskab.news import services

    en = services.article_create(
        actor=secretariat,
        network=published.network,
        language="en",
        data={"title": "Public news", "lead": "Lead"},
        translation_of=published,
    )
    # An unpublished version is not offered: the article under its own language.
    response = client.get(url("news:detail", "en", slug=published.slug))
    assert response["Location"] == published.get_absolute_url()
    services.article_publish(actor=secretariat, article=en)
    response = client.get(url("news:detail", "en", slug=published.slug))
    assert response["Location"] == en.get_absolute_url()


def test_tag_and_group_feeds(client, secretariat, dk_network, group, other_group, scheduled):
    write(secretariat, dk_network, title="Med tag", tags=["Sund by"], groups=[group])
    write(secretariat, dk_network, title="Anden gruppe", groups=[other_group])
    assert _rss_titles(client.get(url("news:tag_rss", slug="sund-by")).content) == ["Med tag"]
    group_feed = client.get(url("news:group_rss", slug=group.slug)).content
    assert _rss_titles(group_feed) == ["Med tag"]  # not the scheduled one of the group
    assert client.get(url("news:tag_rss", slug="findes-ikke")).status_code == 404
    html = client.get(url("news:tag", slug="sund-by")).content.decode()
    assert url("news:tag_rss", slug="sund-by") in html
