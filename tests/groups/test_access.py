"""Every protected view over every role, anonymous first: never a 200 for those without
the right, never a change of data."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from samskab.groups.models import GroupMembership, GroupResource

from .conftest import ROLES
from .factories import GroupMembershipFactory, TopicSuggestionFactory

ALL = set(ROLES)
LOGGED_IN = ALL - {"anonymous"}
RUNNERS = {"coordinator", "secretariat"}
INSIDERS = {"member", "coordinator", "secretariat"}


@pytest.fixture
def targets(group, requester):
    resource = GroupResource(group=group, title="Referat", members_only=True)
    resource.file.save("referat.txt", ContentFile(b"hemmeligt referat"), save=True)
    author = GroupMembershipFactory(group=group).user
    suggestion = TopicSuggestionFactory(group=group, author=author)
    request = GroupMembership.objects.get(group=group, user=requester)
    return {
        "slug": group.slug,
        "resource": resource.pk,
        "suggestion": suggestion.pk,
        "request": request.pk,
    }


# (method, url name, kwargs from targets, roles allowed, status when allowed)
ENDPOINTS = [
    ("get", "groups:edit", lambda t: {"slug": t["slug"]}, RUNNERS, 200),
    ("get", "groups:members", lambda t: {"slug": t["slug"]}, INSIDERS, 200),
    ("get", "groups:resources", lambda t: {"slug": t["slug"]}, RUNNERS, 200),
    ("get", "groups:suggestions", lambda t: {"slug": t["slug"]}, INSIDERS, 200),
    (
        "get",
        "groups:suggestion_decide",
        lambda t: {"slug": t["slug"], "pk": t["suggestion"]},
        RUNNERS,
        200,
    ),
    (
        "get",
        "groups:resource_download",
        lambda t: {"slug": t["slug"], "pk": t["resource"]},
        INSIDERS,
        200,
    ),
    (
        "get",
        "groups:resource_edit",
        lambda t: {"slug": t["slug"], "pk": t["resource"]},
        RUNNERS,
        200,
    ),
    ("get", "groups:following", lambda t: {}, LOGGED_IN, 200),
    ("get", "groups:create", lambda t: {}, {"secretariat"}, 200),
    ("post", "groups:follow", lambda t: {"slug": t["slug"]}, LOGGED_IN, 302),
    # groups.join_group: those who are neither members nor waiting for an answer.
    (
        "post",
        "groups:join",
        lambda t: {"slug": t["slug"]},
        LOGGED_IN - {"requested", "member", "coordinator"},
        302,
    ),
    (
        "post",
        "groups:leave",
        lambda t: {"slug": t["slug"]},
        {"requested", "member", "coordinator"},
        302,
    ),
    (
        "post",
        "groups:membership_action",
        lambda t: {"slug": t["slug"], "pk": t["request"], "action": "accept"},
        RUNNERS,
        302,
    ),
    (
        "post",
        "groups:resource_delete",
        lambda t: {"slug": t["slug"], "pk": t["resource"]},
        RUNNERS,
        302,
    ),
    (
        "post",
        "groups:suggestion_support",
        lambda t: {"slug": t["slug"], "pk": t["suggestion"]},
        {"member", "coordinator"},
        302,
    ),
    (
        "post",
        "groups:suggestion_decide",
        lambda t: {"slug": t["slug"], "pk": t["suggestion"]},
        RUNNERS,
        302,
    ),
]
PUBLIC = [
    ("get", "groups:list", lambda t: {}),
    ("get", "groups:detail", lambda t: {"slug": t["slug"]}),
]


@pytest.mark.parametrize(
    ("method", "name", "kwargs", "allowed", "ok"),
    ENDPOINTS,
    ids=[f"{m}-{n}" for m, n, *_rest in ENDPOINTS],
)
@pytest.mark.parametrize("role", ROLES)
def test_protected_views(client, users, targets, role, method, name, kwargs, allowed, ok):
    user = users[role]
    if user.is_authenticated:
        client.force_login(user)
    url = reverse(name, kwargs=kwargs(targets))
    data = {"status": "declined"} if name == "groups:suggestion_decide" else {}
    response = getattr(client, method)(url, data)
    if role in allowed:
        assert response.status_code == ok, response.content[:500]
    elif role == "anonymous" and name in {"groups:following", "groups:create"}:
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("method,name,kwargs", PUBLIC)
@pytest.mark.parametrize("role", ROLES)
def test_public_views(client, users, targets, role, method, name, kwargs):
    if users[role].is_authenticated:
        client.force_login(users[role])
    assert client.get(reverse(name, kwargs=kwargs(targets))).status_code == 200


@pytest.mark.parametrize(
    ("method", "name", "kwargs", "allowed", "ok"),
    ENDPOINTS,
    ids=[f"{m}-{n}" for m, n, *_rest in ENDPOINTS],
)
def test_anonymous_changes_nothing(client, group, targets, method, name, kwargs, allowed, ok):
    from samskab.groups.models import GroupFollow, TopicSuggestion

    before = (
        GroupMembership.objects.count(),
        GroupResource.objects.count(),
        GroupFollow.objects.count(),
        list(TopicSuggestion.objects.values_list("status", flat=True)),
    )
    response = getattr(client, method)(
        reverse(name, kwargs=kwargs(targets)), {"status": "declined", "action": "follow"}
    )
    assert response.status_code in (302, 403)
    assert response.status_code != 200
    after = (
        GroupMembership.objects.count(),
        GroupResource.objects.count(),
        GroupFollow.objects.count(),
        list(TopicSuggestion.objects.values_list("status", flat=True)),
    )
    assert before == after
