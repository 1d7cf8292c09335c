import pytest

from samskab.cases import services
from samskab.cases.models import Comment, CommentReport, Follow, Notification

from .factories import CommentFactory

pytestmark = pytest.mark.django_db


def test_follow_and_notifications_by_site_and_email(
    client, case, plain_user, org_editor, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(plain_user)
    assert client.post(f"/da/cases/{case.slug}/follow/").status_code == 302
    assert Follow.objects.filter(user=plain_user, case=case).exists()
    # a comment by someone else notifies the follower
    client.force_login(org_editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/da/cases/{case.slug}/comments/", {"text": "Godt arbejde!"})
    assert Notification.objects.filter(user=plain_user, kind="commented").count() == 1
    assert mailoutbox[-1].to == [plain_user.email]
    # an update too
    with django_capture_on_commit_callbacks(execute=True):
        services.case_update(actor=org_editor, case=case, data={"summary": "Ny intro"})
    assert Notification.objects.filter(user=plain_user, kind="updated").count() == 1
    body = mailoutbox[-1].body
    # unfollow from the e-mail, no log-in needed: the link shows a button (a mail scanner
    # that follows the link changes nothing); the button's POST stops the following
    link = next(line for line in body.splitlines() if "/cases/unfollow/" in line)
    path = link.replace("http://127.0.0.1:8000", "")
    client.logout()
    response = client.get(path)
    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    assert Follow.objects.filter(user=plain_user, case=case).exists()
    response = client.post(path)
    assert response.status_code == 200
    assert not Follow.objects.filter(user=plain_user, case=case).exists()


def test_actor_is_not_notified_of_own_comment(case, plain_user):
    services.case_follow(actor=plain_user, case=case)
    services.comment_create(actor=plain_user, case=case, text="Hej")
    assert not Notification.objects.exists()


def test_bad_unfollow_token(client, case, plain_user):
    follow = services.case_follow(actor=plain_user, case=case)
    assert client.get("/da/cases/unfollow/forged-token/").status_code == 400
    assert client.post("/da/cases/unfollow/forged-token/").status_code == 400
    forged = services.unfollow_token(follow)[:-2] + "xx"
    assert client.post(f"/da/cases/unfollow/{forged}/").status_code == 400
    assert Follow.objects.filter(pk=follow.pk).exists()


def test_unfollow_token_deletes_only_by_the_service(case, plain_user):
    follow = services.case_follow(actor=plain_user, case=case)
    assert services.follow_delete_by_token(token="nonsense") is None
    assert services.follow_delete_by_token(token=services.unfollow_token(follow)) == case
    assert not Follow.objects.filter(pk=follow.pk).exists()


def test_following_page_lists_follows_and_notifications(client, case, plain_user, org_editor):
    services.case_follow(actor=plain_user, case=case)
    services.comment_create(actor=org_editor, case=case, text="Hej")
    client.force_login(plain_user)
    response = client.get("/en/cases/following/")
    html = response.content.decode()
    assert case.title in html and "New comment on" in html
    client.post("/en/cases/following/")
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    # the list page links to it
    assert "/en/cases/following/" in client.get("/en/cases/").content.decode()


def test_following_page_needs_login(client, dk_network):
    response = client.get("/da/cases/following/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_comment_reply_one_level_edit_delete(client, case, plain_user, org_editor):
    client.force_login(plain_user)
    client.post(f"/da/cases/{case.slug}/comments/", {"text": "Se https://example.org/x"})
    top = Comment.objects.get()
    client.force_login(org_editor)
    client.post(f"/da/cases/{case.slug}/comments/", {"text": "Svar", "parent": top.pk})
    reply = Comment.objects.get(parent=top)
    client.post(f"/da/cases/{case.slug}/comments/", {"text": "Svar på svar", "parent": reply.pk})
    assert Comment.objects.get(text="Svar på svar").parent == top  # one level deep
    html = client.get(f"/da/cases/{case.slug}/").content.decode()
    assert '<a href="https://example.org/x"' in html
    # only the author edits
    assert client.get(f"/da/cases/{case.slug}/comments/{top.pk}/edit/").status_code == 403
    client.force_login(plain_user)
    client.post(f"/da/cases/{case.slug}/comments/{top.pk}/edit/", {"text": "Rettet"})
    top.refresh_from_db()
    assert top.text == "Rettet" and top.edited_at
    client.post(f"/da/cases/{case.slug}/comments/{top.pk}/delete/")
    top.refresh_from_db()
    assert top.deleted_at and top.text == ""
    assert Comment.objects.filter(parent=top).count() == 2  # replies stay


def test_comment_text_is_plain(client, case, plain_user):
    client.force_login(plain_user)
    client.post(f"/da/cases/{case.slug}/comments/", {"text": "<b>fed</b> <script>x</script>"})
    html = client.get(f"/da/cases/{case.slug}/").content.decode()
    assert "&lt;b&gt;fed&lt;/b&gt;" in html and "<script>x" not in html


def test_report_hide_restore(client, case, plain_user, org_editor, staff_user):
    comment = CommentFactory(case=case, author=org_editor, text="Reklame for noget")
    client.force_login(plain_user)
    client.post(f"/da/cases/{case.slug}/comments/{comment.pk}/report/", {"reason": "spam"})
    assert CommentReport.objects.filter(comment=comment, user=plain_user).exists()
    # plain users cannot moderate
    assert client.post(f"/da/cases/{case.slug}/comments/{comment.pk}/moderate/").status_code == 403
    client.force_login(staff_user)
    assert comment in client.get("/da/cases/moderation/").context["reported"]
    client.post(f"/da/cases/{case.slug}/comments/{comment.pk}/moderate/", {"action": "hide"})
    comment.refresh_from_db()
    assert comment.hidden_at and comment.hidden_by == staff_user
    client.force_login(plain_user)
    html = client.get(f"/en/cases/{case.slug}/").content.decode()
    assert "hidden by a moderator" in html and "Reklame for noget" not in html
    client.force_login(staff_user)
    client.post(f"/da/cases/{case.slug}/comments/{comment.pk}/moderate/", {"action": "restore"})
    comment.refresh_from_db()
    assert comment.hidden_at is None


def test_other_network_staff_cannot_hide(client, case, other_network_staff, org_editor):
    comment = CommentFactory(case=case, author=org_editor)
    client.force_login(other_network_staff)
    response = client.post(f"/da/cases/{case.slug}/comments/{comment.pk}/moderate/")
    assert response.status_code == 403


def test_empty_comment_rejected(client, case, plain_user):
    client.force_login(plain_user)
    client.post(f"/da/cases/{case.slug}/comments/", {"text": "   "})
    assert not Comment.objects.exists()


def test_cannot_comment_on_draft(client, draft, plain_user):
    client.force_login(plain_user)
    assert client.post(f"/da/cases/{draft.slug}/comments/", {"text": "x"}).status_code == 404


def test_queue_lists_only_comments_with_open_reports(
    client, case, plain_user, org_editor, staff_user
):
    """Issue 20, defect 9: the queue listed every comment, each with "0 reports"."""
    quiet = CommentFactory(case=case, author=org_editor, text="Et helt almindeligt svar")
    once = CommentFactory(case=case, author=org_editor, text="Anmeldt én gang")
    twice = CommentFactory(case=case, author=org_editor, text="Anmeldt to gange")
    resolved = CommentFactory(case=case, author=org_editor, text="Anmeldt og afgjort")
    CommentReport.objects.create(comment=once, user=plain_user)
    CommentReport.objects.create(comment=twice, user=plain_user)
    CommentReport.objects.create(comment=twice, user=org_editor)
    CommentReport.objects.create(comment=resolved, user=plain_user, resolved_at="2026-01-01T00:00Z")
    client.force_login(staff_user)
    response = client.get("/da/cases/moderation/")
    reported = list(response.context["reported"])
    assert reported == [twice, once]
    assert [c.report_count for c in reported] == [2, 1]
    html = response.content.decode()
    assert "0 anmeldelser" not in html
    assert quiet.text not in html and resolved.text not in html
    assert "2 anmeldelser" in html and "1 anmeldelse" in html
    # keeping a comment visible resolves its reports: it leaves the queue
    client.post(
        f"/da/cases/{case.slug}/comments/{once.pk}/moderate/",
        {"action": "restore", "next": "queue"},
    )
    assert list(client.get("/da/cases/moderation/").context["reported"]) == [twice]
