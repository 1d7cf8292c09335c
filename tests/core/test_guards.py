import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from samskab.core.guards import Moved, guard

PERM = "tests.touch_thing"


class Thing:
    def __init__(self, name, owner_id):
        self.name = name
        self.owner_id = owner_id


THINGS = {"one": Thing("one", owner_id=1)}


def thing_of_network(request, slug):
    if slug == "old-one":
        raise Moved("/things/one/")
    try:
        return THINGS[slug]
    except KeyError as exc:
        raise Http404 from exc


@pytest.fixture(autouse=True)
def _rule():
    rules.add_perm(PERM, rules.predicate(lambda user, thing: getattr(user, "id", None) == 1))
    yield
    rules.remove_perm(PERM)


class User:
    is_authenticated = True
    is_active = True

    def __init__(self, pk):
        self.id = self.pk = pk

    def has_perm(self, perm, obj=None):
        return rules.has_perm(perm, self, obj)


def _request(user, path="/things/one/?x=1"):
    request = RequestFactory().get(path)
    request.user = user
    request.network = object()
    return request


@guard(PERM, get=thing_of_network, message="Only the owner.")
def touch(request, thing, extra=None):
    return HttpResponse(f"{thing.name}:{extra}")


@guard(PERM, get=thing_of_network, hidden=True)
def touch_hidden(request, thing):
    return HttpResponse(thing.name)


def test_the_view_gets_the_object_and_the_remaining_arguments():
    response = touch(_request(User(1)), slug="one", extra="e")
    assert response.content == b"one:e"


def test_anonymous_visitors_are_sent_to_log_in_and_back():
    response = touch(_request(AnonymousUser()), slug="one")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert "next=/things/one/%3Fx%3D1" in response["Location"]


def test_a_logged_in_user_without_the_rule_gets_403_with_the_message():
    with pytest.raises(PermissionDenied, match="Only the owner."):
        touch(_request(User(2)), slug="one")


def test_hidden_objects_answer_404_instead_of_403():
    with pytest.raises(Http404):
        touch_hidden(_request(User(2)), slug="one")


def test_a_missing_object_is_404_before_any_permission_check():
    with pytest.raises(Http404):
        touch(_request(AnonymousUser()), slug="nothing")


def test_a_moved_object_redirects_permanently_keeping_the_query():
    response = touch(_request(User(2)), slug="old-one")
    assert response.status_code == 301
    assert response["Location"] == "/things/one/?x=1"


def test_without_a_getter_the_object_is_the_network_and_404_without_one():
    seen = []

    @guard(None)
    def page(request, network):
        seen.append(network)
        return HttpResponse("ok")

    request = _request(User(2))
    page(request)
    assert seen == [request.network]
    request.network = None
    with pytest.raises(Http404):
        page(request)


def test_the_rule_is_recorded_on_the_view():
    assert touch.guarded_by == PERM


def test_require_refuses_nobody_and_the_wrong_user_and_passes_the_right_one():
    from samskab.core.guards import require

    thing = THINGS["one"]
    with pytest.raises(PermissionDenied, match="No."):
        require(None, PERM, thing, "No.")
    with pytest.raises(PermissionDenied):
        require(User(2), PERM, thing)
    require(User(1), PERM, thing)


class Part:
    def __init__(self, thing):
        self.thing = thing


def part_of_thing(request, slug):
    return Part(thing_of_network(request, slug))


@guard(PERM, get=part_of_thing, on=lambda part: part.thing, login=False, message="Owner only.")
def touch_part(request, part):
    return HttpResponse(part.thing.name)


def test_on_checks_the_rule_on_another_object_than_the_one_fetched():
    assert touch_part(_request(User(1)), slug="one").content == b"one"
    with pytest.raises(PermissionDenied, match="Owner only."):
        touch_part(_request(User(2)), slug="one")


def test_login_false_answers_anonymous_visitors_403_instead_of_the_log_in_page():
    with pytest.raises(PermissionDenied, match="Owner only."):
        touch_part(_request(AnonymousUser()), slug="one")
