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
