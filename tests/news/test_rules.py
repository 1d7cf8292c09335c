"""Every rule of the news desk over every role."""

import pytest

from .conftest import ROLES, fresh

ALL = set(ROLES)
EDITORS = {"coordinator", "secretariat"}
WRITERS = {"coordinator", "other_group_coordinator", "secretariat"}

MATRIX = [
    ("news.view_article", "published", ALL),
    ("news.view_article", "draft", EDITORS),
    ("news.view_article", "scheduled", EDITORS),
    ("news.add_article", "network", WRITERS),
    ("news.view_drafts", "network", WRITERS),
    ("news.change_article", "published", EDITORS),
    ("news.change_article", "draft", EDITORS),
    ("news.publish_article", "draft", EDITORS),
    ("news.delete_article", "published", EDITORS),
]


@pytest.fixture
def objects(dk_network, published, draft, scheduled):
    return {"network": dk_network, "published": published, "draft": draft, "scheduled": scheduled}


@pytest.mark.parametrize(
    ("rule", "target", "allowed"), MATRIX, ids=[f"{r}-{t}" for r, t, _a in MATRIX]
)
@pytest.mark.parametrize("role", ROLES)
def test_rule_matrix(rule, target, allowed, role, users, objects):
    user = fresh(users[role])
    assert user.has_perm(rule, objects[target]) is (role in allowed)


def test_scheduled_article_becomes_public_at_its_time(scheduled, users, time_machine):
    anonymous = users["anonymous"]
    assert not anonymous.has_perm("news.view_article", scheduled)
    time_machine.move_to(scheduled.published_at, tick=False)
    assert anonymous.has_perm("news.view_article", scheduled)
