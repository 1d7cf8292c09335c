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


def test_a_sign_out_message_is_never_shared_with_other_visitors(dk_network, plain_user):
    from django.test import Client

    leaving = Client()
    leaving.force_login(plain_user)
    leaving.post("/en/accounts/logout/")
    for name in [n for n, morsel in leaving.cookies.items() if not morsel.value]:
        del leaving.cookies[name]  # a browser drops the cookies a response deleted
    assert "sessionid" not in leaving.cookies
    mine = leaving.get("/en/")
    assert "You have signed out." in mine.content.decode()
    assert "X-Page-Cache" not in mine
    stranger = Client()
    theirs = stranger.get("/en/")
    assert "You have signed out." not in theirs.content.decode()
    assert "public" in theirs["Cache-Control"] or "X-Page-Cache" in theirs


def test_a_request_with_a_messages_cookie_neither_fills_nor_reads_the_cache(client, dk_network):
    assert client.get("/da/members/")["X-Page-Cache"] == "miss"
    client.cookies["messages"] = "anything"
    response = client.get("/da/members/")
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_a_response_that_shows_a_message_is_not_stored(dk_network):
    from django.contrib import messages
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.http import HttpResponse
    from django.test import RequestFactory

    from samskab.core.pagecache import public_page

    @public_page
    def view(request):
        messages.success(request, "Only for you")
        shown = "".join(str(m) for m in messages.get_messages(request))
        return HttpResponse(f"<p>{shown}</p>", content_type="text/html")

    request = RequestFactory().get("/only-once/")
    request.user = AnonymousUser()
    request.session = {}
    request._messages = FallbackStorage(request)
    response = view(request)
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")
