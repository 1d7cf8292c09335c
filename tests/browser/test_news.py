"""The news desk in a real browser: the seed article written in Norwegian by a theme-group
coordinator, tagged, previewed, scheduled, published, with an English version; the lists,
the article and the front page pass axe and fit 390 px."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samskab.groups.models import GroupMembership
from samskab.news.models import Article
from tests.factories import PASSWORD, UserFactory
from tests.groups.factories import GroupMembershipFactory, ThemeGroupFactory

from .conftest import assert_no_axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def coordinator(dk_network):
    group = ThemeGroupFactory(network=dk_network, name="Medborgerskap", slug="medborgerskap")
    user = UserFactory(name="Kari Koordinator")
    GroupMembershipFactory(group=group, user=user, role=GroupMembership.Role.COORDINATOR)
    return user


def fits(page, width=390):
    page.set_viewport_size({"width": width, "height": 800})
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"{page.url} is {overflow} px wide at {width} px"
    page.set_viewport_size({"width": 1280, "height": 800})


def test_seed_article_written_scheduled_published_and_translated(page, coordinator):
    log_in(page, coordinator.email, PASSWORD, lang="nb")
    page.goto("/nb/news/new/")
    assert_no_axe_violations(page, "article form")
    page.get_by_label("Tittel").fill("Administrativ samling 2014")
    page.get_by_label("Ingress").fill("Nå skal vi fremme medborgerskapet lokalt!")
    page.get_by_label("Brødtekst").fill(
        "Mandag møttes kontaktene.\n\n## Fremme medborgerskap\n\n- robuste lokalsamfunn"
    )
    page.get_by_label("Stikkord").fill("administrativ samling, folkehelse")
    page.get_by_label("Temagrupper").select_option(label="Medborgerskap")
    with page.expect_navigation():
        page.get_by_role("button", name="Lagre og forhåndsvis").click()
    expect(page.get_by_text("Forhåndsvisning: artikkelen er et utkast.")).to_be_visible()
    expect(page.get_by_role("heading", name="Fremme medborgerskap")).to_be_visible()
    assert_no_axe_violations(page, "draft preview")

    # Schedule it for tomorrow 09:00, then publish it now after all.
    page.get_by_role("link", name="Endre, publiser eller planlegg").click()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page.get_by_label("Publiseringstidspunkt").fill(f"{tomorrow:%Y-%m-%d}T09:00")
    with page.expect_navigation():
        page.locator("form[action$='/publish/'] button").click()
    expect(page.get_by_text("Artikkelen publiseres")).to_be_visible()
    article = Article.objects.get()
    assert article.is_scheduled
    page.get_by_role("link", name="Endre, publiser eller planlegg").click()
    with page.expect_navigation():
        page.locator("form[action$='/publish/'] button").click()
    expect(page.get_by_text("Artikkelen er publisert.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Publisert \d\d\.\d\d\.\d{4}"))).to_be_visible()

    # The English version.
    page.get_by_role("link", name="Skriv en versjon på engelsk").click()
    page.get_by_label("Tittel").fill("Administrative gathering 2014")
    with page.expect_navigation():
        page.get_by_role("button", name="Lagre og forhåndsvis").click()
    # The version lives under /en/, so the page speaks English now.
    page.get_by_role("link", name="Change, publish or schedule").click()
    with page.expect_navigation():
        page.locator("form[action$='/publish/'] button").click()
    expect(page.get_by_text("The article is published.")).to_be_visible()
    page.get_by_role("link", name="Norsk bokmål").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Administrativ samling 2014")
    expect(page.locator("#main").get_by_role("link", name="English")).to_be_visible()
    assert_no_axe_violations(page, "article page")
    fits(page)


@pytest.mark.parametrize("lang", ["da", "nb", "en"])
def test_lists_and_front_page_pass_axe_and_fit(page, coordinator, dk_network, lang):
    from samskab.groups.models import ThemeGroup
    from samskab.news import services

    group = ThemeGroup.objects.get()
    article = services.article_create(
        actor=coordinator,
        network=dk_network,
        language="da",
        data={
            "title": "En ganske lang overskrift om lokalsamfundsudvikling i kommunerne",
            "lead": "Manchet",
            "tags": ["sund by"],
            "theme_groups": [group],
        },
    )
    services.article_publish(actor=coordinator, article=article)
    for path in (
        f"/{lang}/news/",
        f"/{lang}/news/tag/sund-by/",
        f"/{lang}/",
        article.get_absolute_url(),
    ):
        page.goto(path)
        assert_no_axe_violations(page, path)
        fits(page)
