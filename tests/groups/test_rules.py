"""Every rule of the groups app over every role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from samskab.groups.models import TopicSuggestion

from .conftest import ROLES, fresh
from .factories import GroupMembershipFactory, GroupResourceFactory, TopicSuggestionFactory

ALL = set(ROLES)
LOGGED_IN = ALL - {"anonymous"}
RUNNERS = {"coordinator", "secretariat"}
INSIDERS = {"member", "coordinator", "secretariat"}

MATRIX = [
    ("groups.view_group", "group", ALL),
    ("groups.add_group", "network", {"secretariat"}),
    ("groups.change_group", "group", RUNNERS),
    ("groups.manage_members", "group", RUNNERS),
    ("groups.manage_resources", "group", RUNNERS),
    ("groups.view_members", "group", INSIDERS),
    (
        "groups.join_group",
        "group",
        {"logged_in", "secretariat", "other_secretariat", "other_group_coordinator"},
    ),
    ("groups.leave_group", "group", {"requested", "member", "coordinator"}),
    ("groups.follow_group", "group", LOGGED_IN),
    ("groups.view_suggestions", "group", INSIDERS),
    ("groups.suggest_topic", "group", INSIDERS),
    ("groups.view_resource", "public_resource", ALL),
    ("groups.view_resource", "members_resource", INSIDERS),
    ("groups.support_suggestion", "suggestion", {"member", "coordinator"}),
    ("groups.decide_suggestion", "suggestion", RUNNERS),
]


@pytest.fixture
def objects(group, dk_network):
    author = GroupMembershipFactory(group=group).user
    return {
        "group": group,
        "network": dk_network,
        "public_resource": GroupResourceFactory(group=group, members_only=False),
        "members_resource": GroupResourceFactory(group=group, members_only=True),
        "suggestion": TopicSuggestionFactory(group=group, author=author),
    }


@pytest.mark.parametrize(
    ("rule", "target", "allowed"), MATRIX, ids=[f"{r}-{t}" for r, t, _a in MATRIX]
)
@pytest.mark.parametrize("role", ROLES)
def test_rule_matrix(rule, target, allowed, role, users, objects):
    user = fresh(users[role])
    assert user.has_perm(rule, objects[target]) is (role in allowed)


@pytest.mark.parametrize(
    "rule",
    sorted(
        {r for r, _t, _a in MATRIX}
        - {
            "groups.view_group",
            "groups.join_group",
            "groups.leave_group",
            "groups.support_suggestion",
        }
    ),
)
def test_superuser_has_every_management_rule(rule, objects, django_user_model):
    superuser = django_user_model.objects.create_superuser(email="root@test.example")
    target = {r: t for r, t, _a in MATRIX}[rule]
    if rule == "groups.view_resource":
        target = "members_resource"
    assert superuser.has_perm(rule, objects[target])


def test_nobody_supports_their_own_suggestion(group, member):
    suggestion = TopicSuggestionFactory(group=group, author=member)
    assert not fresh(member).has_perm("groups.support_suggestion", suggestion)


@pytest.mark.parametrize(
    "status", [TopicSuggestion.Status.PLANNED, TopicSuggestion.Status.DECLINED]
)
def test_decided_suggestions_take_no_more_support(group, member, status):
    suggestion = TopicSuggestionFactory(group=group, status=status)
    assert not fresh(member).has_perm("groups.support_suggestion", suggestion)


def test_secretariat_runs_only_its_own_networks_groups(no_network, staff_user, other_network_staff):
    from .factories import ThemeGroupFactory

    norwegian = ThemeGroupFactory(network=no_network)
    assert fresh(other_network_staff).has_perm("groups.change_group", norwegian)
    assert not fresh(staff_user).has_perm("groups.change_group", norwegian)
    assert not fresh(staff_user).has_perm("groups.add_group", no_network)
    assert fresh(other_network_staff).has_perm("groups.add_group", no_network)


def test_anonymous_has_no_group_object(group):
    assert not AnonymousUser().has_perm("groups.change_group", None)
