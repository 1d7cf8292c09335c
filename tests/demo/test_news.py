from django.utils import translation

from samskab.demo import groups as groups_demo
from samskab.demo import networks as network_demo
from samskab.demo import news as demo
from samskab.news.models import Article


def test_demo_news_is_idempotent_and_reads_in_three_languages(db, client):
    network_demo.load()
    groups_demo.load()
    demo.load()
    count = Article.objects.count()
    assert count >= 14
    assert set(Article.objects.values_list("language", flat=True)) == {"da", "nb", "en"}
    demo.load()
    assert Article.objects.count() == count
    seed = Article.objects.get(slug="administrativ-samling-2014", language="nb")
    assert seed.tags.count() == 4 and seed.theme_groups.exists()
    english = Article.objects.get(translation_key=seed.translation_key, language="en")
    for code in ("da", "nb", "en"):
        with translation.override(code):
            from django.urls import reverse

            assert client.get(reverse("news:list")).status_code == 200
    html = client.get(seed.get_absolute_url(), HTTP_HOST="sunne.localhost").content.decode()
    assert "Publisert" in html and "sist oppdatert" in html
    assert f'href="{english.get_absolute_url()}" hreflang="en" lang="en">English</a>' in html


def test_demo_news_has_a_few_dozen_linked_articles_per_network_and_the_pages(db, client):
    from samskab.demo import programmes as programmes_demo
    from samskab.news.models import Page

    network_demo.load()
    groups_demo.load()
    programmes_demo.load()
    demo.load()
    for slug, language in (("sund-by-netvaerket", "da"), ("sunne-kommuner", "nb")):
        mine = Article.objects.filter(network__slug=slug)
        public = mine.visible().filter(language=language)
        assert public.count() >= 30
        assert mine.visible().filter(language="en").count() >= 3
        assert public.filter(programmes__isnull=False).exists()
        assert public.filter(theme_groups__isnull=False).count() >= 10
        assert len(set(public.values_list("title", flat=True))) == public.count()
        assert len({a.published_at.year for a in public}) >= 2  # the year pages have pages
        assert mine.filter(status=Article.Status.DRAFT).count() == 1
        assert mine.exclude(pk__in=mine.visible()).filter(status="published").exists()
        pages = Page.objects.filter(network__slug=slug, published=True)
        assert pages.count() == 3 and all(p.title_en for p in pages)
    html = client.get("/da/").content.decode()
    assert "Om netværket" in html and "Bliv medlem" in html  # the main menu
    assert client.get("/da/pages/om-netvaerket/").status_code == 200
