"""Moderation and publishing: cases published and sent back, comments hidden and kept,
news published and unpublished, each in the trail with before and after."""

import pytest

from samskab.audit.models import Action, AuditEntry
from samskab.cases import services as cases
from samskab.cases.models import Comment
from samskab.cases.taxonomy import seed
from samskab.news import services as news
from tests.cases.factories import CaseFactory, CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _taxonomy(db):
    from samskab.cases.models import InterventionType, Topic

    seed(Topic, InterventionType)


@pytest.fixture
def submitted(dk_network, member_org, org_editor):
    return CaseFactory(
        network=dk_network,
        organisation=member_org,
        status="submitted",
        published_at=None,
        created_by=org_editor,
        title="Frugt i frikvarteret",
    )


def test_publishing_a_case(submitted, staff_user, entries):
    cases.case_publish(actor=staff_user, case=submitted)
    [(action, before, after)] = entries()
    assert action == Action.CASE_PUBLISHED
    assert before == {"status": "submitted", "published_at": None}
    assert after["status"] == "published" and after["published_at"]
    entry = AuditEntry.objects.get()
    assert entry.object_label == "Frugt i frikvarteret" and entry.network == submitted.network


def test_sending_a_case_back(submitted, staff_user, entries):
    cases.case_send_back(actor=staff_user, case=submitted, comment="Tilføj en evaluering.")
    assert entries() == [
        (
            Action.CASE_SENT_BACK,
            {"status": "submitted", "moderation_comment": ""},
            {"status": "draft", "moderation_comment": "Tilføj en evaluering."},
        ),
    ]


def test_a_refused_publication_leaves_no_entry(submitted, org_editor):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        cases.case_publish(actor=org_editor, case=submitted)
    assert not AuditEntry.objects.exists()


def test_hiding_and_keeping_a_comment(dk_network, member_org, staff_user, plain_user, entries):
    case = CaseFactory(network=dk_network, organisation=member_org)
    comment = CommentFactory(case=case, author=plain_user)
    cases.comment_hide(actor=staff_user, comment=comment)
    cases.comment_restore(actor=staff_user, comment=Comment.objects.get(pk=comment.pk))
    (hide, hb, ha), (keep, kb, ka) = entries()
    assert (hide, hb) == (Action.COMMENT_HIDDEN, {"hidden_at": None}) and ha["hidden_at"]
    assert keep == Action.COMMENT_RESTORED and kb["hidden_at"] and ka == {"hidden_at": None}
    entry = AuditEntry.objects.first()
    assert entry.subject_user == plain_user and comment.text not in str(entry.changes)


def test_publishing_and_unpublishing_news(dk_network, staff_user, entries):
    article = news.article_create(
        actor=staff_user,
        network=dk_network,
        language="da",
        data={"title": "Ny nyhed", "lead": "Kort.", "body": "", "tags": [], "theme_groups": []},
    )
    assert not AuditEntry.objects.exists()  # a draft is the author's own work
    news.article_publish(actor=staff_user, article=article)
    news.article_unpublish(actor=staff_user, article=article)
    (pub, pb, pa), (unpub, ub, ua) = entries()
    assert pub == Action.ARTICLE_PUBLISHED and pb == {"status": "draft", "published_at": None}
    assert pa["status"] == "published" and pa["published_at"]
    assert unpub == Action.ARTICLE_UNPUBLISHED and ua == {"status": "draft", "published_at": None}
    assert AuditEntry.objects.first().object_label == "Ny nyhed"
