"""Permission matrix of the case bank's rules, and every protected view anonymously."""

import pytest
from django.contrib.auth.models import AnonymousUser

from .factories import CommentFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "plain_user",
    "org_editor",
    "other_org_editor",
    "admin_contact",
    "staff_user",
    "other_network_staff",
]

# rule -> roles that have it; the object is given by the "target" column.
MATRIX = {
    ("cases.view_case", "draft"): {"org_editor", "staff_user"},
    ("cases.view_case", "case"): set(ROLES),
    ("cases.add_case", "network"): {"org_editor", "other_org_editor", "staff_user"},
    ("cases.change_case", "case"): {"org_editor", "staff_user"},
    ("cases.change_case", "draft"): {"org_editor", "staff_user"},
    ("cases.delete_case", "draft"): {"org_editor", "staff_user"},
    ("cases.delete_case", "case"): {"staff_user"},
    ("cases.moderate_case", "draft"): {"staff_user"},
    ("cases.view_queue", "network"): {"staff_user"},
    ("cases.follow_case", "case"): set(ROLES) - {"anonymous"},
    ("cases.follow_case", "draft"): set(),
    ("cases.comment_case", "case"): set(ROLES) - {"anonymous"},
    ("cases.moderate_comment", "comment"): {"staff_user"},
    ("cases.change_comment", "comment"): {"org_editor"},
    ("cases.delete_comment", "comment"): {"org_editor", "staff_user"},
    ("cases.report_comment", "comment"): set(ROLES) - {"anonymous"},
    ("cases.import_cases", "network"): set(),
    ("cases.unfollow_case", "draft"): set(ROLES) - {"anonymous"},
}


@pytest.fixture
def user_for(request):
    def get(role):
        if role == "anonymous":
            return AnonymousUser()
        return request.getfixturevalue(role)

    return get


@pytest.mark.parametrize(("rule", "target"), list(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_rule_matrix(rule, target, role, user_for, case, draft, dk_network, org_editor):
    objects = {
        "case": case,
        "draft": draft,
        "network": dk_network,
        "comment": CommentFactory(case=case, author=org_editor),
    }
    user = user_for(role)
    assert user.has_perm(rule, objects[target]) == (role in MATRIX[(rule, target)])


PROTECTED_GET = [
    "/da/cases/new/",
    "/da/cases/mine/",
    "/da/cases/moderation/",
    "/da/cases/following/",
    "/da/cases/{slug}/edit/",
    "/da/cases/{slug}/delete/",
    "/da/cases/{slug}/send-back/",
    "/da/cases/{slug}/revisions/",
]
PROTECTED_POST = [
    "/da/cases/{slug}/submit/",
    "/da/cases/{slug}/publish/",
    "/da/cases/{slug}/materials/",
    "/da/cases/{slug}/follow/",
    "/da/cases/{slug}/comments/",
]


@pytest.mark.parametrize("url", PROTECTED_GET + PROTECTED_POST)
def test_protected_views_send_anonymous_to_login(client, case, url):
    url = url.format(slug=case.slug)
    response = (
        client.post(url)
        if url in [u.format(slug=case.slug) for u in PROTECTED_POST]
        else client.get(url)
    )
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("plain_user", 403),
        ("other_org_editor", 403),
        ("other_network_staff", 403),
        ("org_editor", 200),
        ("staff_user", 200),
    ],
)
def test_edit_page_by_role(client, case, user_for, role, status):
    client.force_login(user_for(role))
    assert client.get(f"/da/cases/{case.slug}/edit/").status_code == status


@pytest.mark.parametrize(
    ("role", "status"),
    [("plain_user", 403), ("org_editor", 403), ("other_network_staff", 403), ("staff_user", 200)],
)
def test_queue_by_role(client, dk_network, user_for, role, status):
    client.force_login(user_for(role))
    assert client.get("/da/cases/moderation/").status_code == status


@pytest.mark.parametrize(("role", "status"), [("plain_user", 403), ("org_editor", 200)])
def test_add_page_by_role(client, dk_network, member_org, user_for, role, status):
    client.force_login(user_for(role))
    response = client.get("/en/cases/new/")
    assert response.status_code == status
    if status == 403:
        assert "Only editors of a member organisation" in response.content.decode()


@pytest.mark.parametrize("role", ["org_editor", "other_org_editor", "other_network_staff"])
def test_only_staff_of_the_network_publishes(client, draft, user_for, role):
    client.force_login(user_for(role))
    response = client.post(f"/da/cases/{draft.slug}/publish/")
    assert response.status_code in (403, 404)
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_other_editor_cannot_upload(client, draft, other_org_editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .conftest import PDF

    client.force_login(other_org_editor)
    response = client.post(
        f"/da/cases/{draft.slug}/materials/", {"file": SimpleUploadedFile("a.pdf", PDF)}
    )
    assert response.status_code == 403
    assert not draft.materials.exists()
