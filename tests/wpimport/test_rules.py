"""The import's rule over every role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from samskab.core.guards import OPERATOR
from samskab.networks.models import Role
from tests.conftest import make_user_with_role
from tests.factories import UserFactory

ROLES = ["anonymous", "logged_in", "secretariat", "other_secretariat", "superuser", "operator"]
MATRIX = [("wpimport.import_site", {"secretariat", "superuser", "operator"})]


@pytest.fixture
def users(dk_network, no_network):
    return {
        "anonymous": AnonymousUser(),
        "logged_in": make_user_with_role(dk_network, None),
        "secretariat": make_user_with_role(dk_network, Role.Kind.SECRETARIAT),
        "other_secretariat": make_user_with_role(no_network, Role.Kind.SECRETARIAT),
        "superuser": UserFactory(is_superuser=True),
        "operator": OPERATOR,
    }


@pytest.mark.parametrize(("rule", "allowed"), MATRIX, ids=[r for r, _a in MATRIX])
@pytest.mark.parametrize("role", ROLES)
def test_rule_matrix(rule, allowed, role, users, dk_network):
    assert users[role].has_perm(rule, dk_network) is (role in allowed)
