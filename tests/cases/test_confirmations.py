"""Publishing and sending back ask once: GET shows what happens and who is told and changes
nothing; POST acts. The queue and the case page link to the confirm pages."""

import pytest

from samskab.cases.models import Case
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(dk_network, member_org, org_editor):
    return CaseFactory(
        network=dk_network,
        organisation=member_org,
        status=Case.Status.SUBMITTED,
        published_at=None,
        created_by=org_editor,
    )


def test_publish_get_confirms_and_changes_nothing(client, staff_user, submitted, mailoutbox):
    client.force_login(staff_user)
    queue = client.get("/en/cases/moderation/").content.decode()
    assert f'href="/en/cases/{submitted.slug}/publish/"' in queue
    response = client.get(f"/en/cases/{submitted.slug}/publish/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "is told by e-mail" in html and "Yes, publish" in html
    assert 'method="post"' in html
    submitted.refresh_from_db()
    assert submitted.status == Case.Status.SUBMITTED and not submitted.revisions.exists()
    assert mailoutbox == []


def test_publish_post_publishes(
    client, staff_user, submitted, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/cases/{submitted.slug}/publish/")
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Case.Status.PUBLISHED
    assert len(mailoutbox) == 1


def test_publish_confirm_in_three_languages(client, staff_user, submitted):
    client.force_login(staff_user)
    for lang, text in (("da", "Ja, udgiv"), ("nb", "Ja, publiser"), ("en", "Yes, publish")):
        assert text in client.get(f"/{lang}/cases/{submitted.slug}/publish/").content.decode()


def test_publish_confirm_is_only_for_the_secretariat(client, org_editor, submitted):
    client.force_login(org_editor)
    assert client.get(f"/en/cases/{submitted.slug}/publish/").status_code == 403


def test_send_back_get_says_who_is_told_and_changes_nothing(client, staff_user, submitted):
    client.force_login(staff_user)
    response = client.get(f"/en/cases/{submitted.slug}/send-back/")
    html = response.content.decode()
    assert "gets your comment by e-mail" in html
    submitted.refresh_from_db()
    assert submitted.status == Case.Status.SUBMITTED
    client.post(f"/en/cases/{submitted.slug}/send-back/", {"comment": "Add the budget."})
    submitted.refresh_from_db()
    assert submitted.status == Case.Status.DRAFT
