import pytest

from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_anonymous_pages_are_cached_with_validators(client, dk_network, member_org):
    first = client.get("/da/members/")
    assert first["X-Page-Cache"] == "miss"
    second = client.get("/da/members/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "max-age=60" in second["Cache-Control"]
    assert second["Last-Modified"]
    etag = second["ETag"]
    not_modified = client.get("/da/members/", HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304


def test_a_content_change_invalidates_cached_pages(client, dk_network, member_org):
    client.get("/da/members/")
    MembershipFactory(network=dk_network, organisation__name="Helt Ny Kommune")
    response = client.get("/da/members/")
    assert response["X-Page-Cache"] == "miss"
    assert "Helt Ny Kommune" in response.content.decode()


def test_logged_in_users_never_get_or_fill_the_shared_cache(client, dk_network, plain_user):
    client.force_login(plain_user)
    mine = client.get("/da/")
    assert "X-Page-Cache" not in mine
    assert "private" in mine["Cache-Control"]
    assert "Log ud" in mine.content.decode()
    client.logout()
    client.cookies.clear()
    anonymous = client.get("/da/")
    assert "Log ud" not in anonymous.content.decode()
    assert plain_user.email not in anonymous.content.decode()


def test_a_visitor_with_a_session_is_not_served_from_the_cache(client, dk_network):
    client.get("/da/")
    client.cookies["sessionid"] = "something"
    assert "X-Page-Cache" not in client.get("/da/")


def test_htmx_fragments_and_full_pages_are_cached_apart(client, dk_network, member_org):
    client.get("/da/members/")
    fragment = client.get("/da/members/", HTTP_HX_REQUEST="true")
    assert "<html" not in fragment.content.decode()
    assert "<html" in client.get("/da/members/").content.decode()


def test_pages_with_forms_that_set_a_csrf_cookie_are_not_cached(client, dk_network, settings):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token
    from django.test import RequestFactory

    from samskab.core.pagecache import public_page

    @public_page
    def view(request):
        return HttpResponse(f"<form>{get_token(request)}</form>", content_type="text/html")

    request = RequestFactory().get("/x/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = view(request)
    assert "X-Page-Cache" not in response
