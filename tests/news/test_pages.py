"""Static pages: the rules over every role, the services and the pages through the client."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from samskab.news import services
from samskab.news.models import Page

from .conftest import ROLES, fresh

STAFF = {"secretariat"}
ALL = set(ROLES)


def url(name, language="da", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def make_page(actor, network, **data):
    data = {"title_da": "Om netværket", "body_da": "## Hvem vi er\n\nEt netværk.", **data}
    return services.page_create(actor=actor, network=network, data=data)


@pytest.fixture
def page(secretariat, dk_network):
    return make_page(
        secretariat,
        dk_network,
        title_en="About the network",
        body_en="## Who we are\n\nA network.",
        description_en="What the network is and does.",
        published=True,
        menu_position=2,
    )


@pytest.fixture
def hidden_page(secretariat, dk_network):
    return make_page(secretariat, dk_network, title_da="Medlemskab", slug="medlemskab")


# --- rules -------------------------------------------------------------------------------

MATRIX = [
    ("news.view_page", "page", ALL),
    ("news.view_page", "hidden_page", STAFF),
    ("news.manage_pages", "network", STAFF),
    ("news.change_page", "page", STAFF),
    ("news.change_page", "hidden_page", STAFF),
    ("news.delete_page", "page", STAFF),
]


@pytest.mark.parametrize(
    ("rule", "target", "allowed"), MATRIX, ids=[f"{r}-{t}" for r, t, _a in MATRIX]
)
@pytest.mark.parametrize("role", ROLES)
def test_page_rule_matrix(rule, target, allowed, role, users, dk_network, page, hidden_page):
    objects = {"network": dk_network, "page": page, "hidden_page": hidden_page}
    assert fresh(users[role]).has_perm(rule, objects[target]) is (role in allowed)


# --- services ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["anonymous", "coordinator", "other_secretariat"])
def test_only_the_secretariat_writes_pages(users, role, dk_network, page):
    actor = fresh(users[role])
    with pytest.raises(PermissionDenied):
        make_page(actor, dk_network, title_da="Kontakt")
    with pytest.raises(PermissionDenied):
        services.page_update(actor=actor, page=page, data={"title_da": "Ændret"})
    with pytest.raises(PermissionDenied):
        services.page_delete(actor=actor, page=page)
    page.refresh_from_db()
    assert page.title_da == "Om netværket"
    assert Page.objects.count() == 1


def test_slug_from_title_and_unique(secretariat, dk_network, page):
    assert page.slug == "om-netvaerket"
    again = make_page(secretariat, dk_network)
    assert again.slug == "om-netvaerket-2"
    with pytest.raises(ValidationError) as exc:
        make_page(secretariat, dk_network, slug="om-netvaerket")
    assert "slug" in exc.value.message_dict
    with pytest.raises(ValidationError):
        make_page(secretariat, dk_network, slug="new")


def test_a_page_needs_a_title_and_a_text_needs_its_title(secretariat, dk_network):
    with pytest.raises(ValidationError) as exc:
        services.page_create(actor=secretariat, network=dk_network, data={"body_da": "x"})
    assert "title_da" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        make_page(secretariat, dk_network, body_en="Only a body")
    assert "title_en" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        make_page(secretariat, dk_network, menu_position=0)
    assert "menu_position" in exc.value.message_dict
    assert not Page.objects.exists()


def test_the_same_slug_in_another_network(secretariat, other_network_staff, no_network, page):
    other = make_page(other_network_staff, no_network, title_da="Om netværket")
    assert other.slug == page.slug


def test_titles_are_one_line(secretariat, dk_network):
    page = make_page(secretariat, dk_network, title_da="Om\nnetværket")
    assert page.title_da == "Om netværket"


# --- pages -------------------------------------------------------------------------------


def test_public_page_in_each_language_with_meta(client, page):
    html = client.get(url("pages:detail", "en", slug=page.slug)).content.decode()
    assert "<h1" in html and "About the network" in html and "<h2>Who we are</h2>" in html
    assert '<meta name="description" content="What the network is and does.">' in html
    assert '<meta property="og:title" content="About the network">' in html
    danish = client.get(url("pages:detail", "da", slug=page.slug)).content.decode()
    assert "Om netværket" in danish and "Who we are" not in danish


def test_a_language_without_text_shows_the_networks_marked(client, secretariat, dk_network):
    page = make_page(secretariat, dk_network, published=True)
    html = client.get(url("pages:detail", "nb", slug=page.slug)).content.decode()
    assert '<article class="stack news-article" lang="da">' in html
    assert "Om netværket" in html


@pytest.mark.parametrize("role", ["anonymous", "logged_in", "coordinator", "other_secretariat"])
def test_unpublished_page_is_404_to_all_but_the_secretariat(client, users, hidden_page, role):
    if role != "anonymous":
        client.force_login(users[role])
    assert client.get(url("pages:detail", slug=hidden_page.slug)).status_code == 404
    assert client.get(url("pages:edit", slug=hidden_page.slug)).status_code in (302, 404)


def test_secretariat_sees_a_preview(client, secretariat, hidden_page):
    client.force_login(secretariat)
    html = client.get(url("pages:detail", "en", slug=hidden_page.slug)).content.decode()
    assert "Preview: this page is not published." in html


def test_menu_shows_published_pages_in_order_in_every_page(client, secretariat, dk_network, page):
    make_page(secretariat, dk_network, title_da="Kontakt", published=True, menu_position=1)
    make_page(secretariat, dk_network, title_da="Skjult", menu_position=3)  # not published
    make_page(secretariat, dk_network, title_da="Ikke i menuen", published=True)
    html = client.get(url("news:list", "en")).content.decode()
    nav = html[html.index('aria-label="Main menu"') : html.index("</nav>")]
    assert nav.index("Kontakt") < nav.index("About the network")
    assert 'lang="da">Kontakt</a>' in nav
    assert "Skjult" not in nav and "Ikke i menuen" not in nav


def test_menu_follows_a_change_at_once(
    client, secretariat, page, django_capture_on_commit_callbacks
):
    client.get(url("news:list"))  # the menu is now in the cache
    with django_capture_on_commit_callbacks(execute=True):
        services.page_update(actor=secretariat, page=page, data={"title_da": "Om os"})
    html = client.get(url("news:list")).content.decode()
    assert ">Om os</a>" in html


def test_the_menu_costs_no_query_once_cached(client, page, django_assert_num_queries):
    client.get(url("news:list"))
    from samskab.news.selectors import menu_pages

    with django_assert_num_queries(0):
        assert menu_pages(network=page.network, language="da")[0]["title"] == "Om netværket"


def test_list_create_edit_delete_through_the_site(client, secretariat, dk_network):
    client.force_login(secretariat)
    assert client.get(url("pages:manage", "en")).status_code == 200
    response = client.post(
        url("pages:create", "en"),
        {
            "title_da": "Kontakt",
            "body_da": "Skriv til os.",
            "title_en": "Contact",
            "body_en": "Write to us.",
            "published": "on",
            "menu_position": "5",
        },
    )
    page = Page.objects.get()
    assert response.status_code == 302 and response["Location"] == url(
        "pages:detail", "en", slug="kontakt"
    )
    assert page.published and page.menu_position == 5 and page.updated_by == secretariat
    listing = client.get(url("pages:manage", "en")).content.decode()
    assert "Kontakt" in listing and url("pages:edit", "en", slug="kontakt") in listing
    response = client.post(
        url("pages:edit", "en", slug="kontakt"),
        {"title_da": "Kontakt os", "body_da": "Ny tekst", "slug": "kontakt-os"},
    )
    page.refresh_from_db()
    assert response.status_code == 302
    assert (page.title_da, page.slug, page.published, page.title_en) == (
        "Kontakt os",
        "kontakt-os",
        False,
        "",
    )
    confirm = client.get(url("pages:delete", "en", slug="kontakt-os"))
    assert "Delete “Kontakt os”?" in confirm.content.decode()
    assert Page.objects.exists()  # asking deletes nothing
    response = client.post(url("pages:delete", "en", slug="kontakt-os"))
    assert response.status_code == 302 and not Page.objects.exists()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("da", "Giv siden en titel på mindst ét sprog."),
        ("nb", "Gi siden en tittel på minst ett språk."),
        ("en", "Give the page a title in at least one language."),
    ],
)
def test_form_errors_in_the_readers_language(client, secretariat, dk_network, language, message):
    client.force_login(secretariat)
    response = client.post(url("pages:create", language), {"body_da": "", "menu_position": "x"})
    html = response.content.decode()
    assert response.status_code == 200 and "data-error-summary" in html
    assert not Page.objects.exists()
    response = client.post(url("pages:create", language), {"menu_position": ""})
    assert message in response.content.decode()


def test_slug_taken_is_a_form_error(client, secretariat, page):
    client.force_login(secretariat)
    response = client.post(url("pages:create", "en"), {"title_da": "Andet", "slug": page.slug})
    assert "Another page of the network has this address." in response.content.decode()
    assert Page.objects.count() == 1


def test_anonymous_list_and_form_go_to_login(client, dk_network):
    for name in ("pages:manage", "pages:create"):
        response = client.get(url(name))
        assert response.status_code == 302 and "login" in response["Location"]


def test_markdown_on_a_page_is_sanitised(client, secretariat, dk_network):
    page = make_page(
        secretariat,
        dk_network,
        published=True,
        body_da="<script>alert(1)</script>[x](javascript:alert(1))",
    )
    html = client.get(url("pages:detail", slug=page.slug)).content.decode()
    assert "<script>alert(1)" not in html and "javascript:alert" not in html


def test_page_in_the_admin_goes_through_the_service(client, secretariat, dk_network, page):
    client.force_login(secretariat)
    response = client.post(
        url("admin:news_page_change", "en", object_id=page.pk),
        {"slug": page.slug, "title_da": "Om os", "published": "on", "menu_position": "2"},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title_da == "Om os" and page.updated_by == secretariat
